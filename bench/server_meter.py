"""A server's CPU time and peak memory, read from /proc (Linux): no dependency needed."""

from __future__ import annotations

import os
import resource
import time
from dataclasses import dataclass
from pathlib import Path

_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time the process and its living children have used so far.

    Children count: the app draws word clouds in a worker process, and its CPU is the
    server's as much as any thread's.
    """
    return sum(process_cpu_seconds(p) for p in process_tree(pid))


def peak_rss_mb(pid: int) -> float:
    """The most resident memory the process has held (VmHWM), with its children's, in MiB."""
    return sum(_own_peak_rss_mb(p) for p in process_tree(pid))


def process_tree(pid: int) -> list[int]:
    """`pid` and every living process below it."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            todo += [int(child) for child in _read(task).split()]
    return found


def process_cpu_seconds(pid: int) -> float:
    """User plus system CPU time of this one process, children apart (0 once it ended)."""
    fields = _read(Path(f"/proc/{pid}/stat")).rsplit(")", 1)[-1].split()
    if len(fields) < 13:
        return 0.0  # the process ended meanwhile
    # After the command name: state is field 3, utime 14 and stime 15 (1-based, man 5 proc).
    return (int(fields[11]) + int(fields[12])) / _TICKS


def _own_peak_rss_mb(pid: int) -> float:
    for line in _read(Path(f"/proc/{pid}/status")).splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError:
        return ""


def own_cpu_seconds() -> float:
    """CPU time of this process: the load generator shares the machine with the server."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@dataclass(frozen=True)
class Usage:
    """What the servers and the generator used over one load run."""

    wall: float
    server_cpu: float
    peak_rss_mb: float
    generator_cpu: float

    @property
    def server_cores(self) -> float:
        """Average cores the servers kept busy: 1.0 is one core flat out."""
        return self.server_cpu / self.wall if self.wall else float("nan")

    @property
    def generator_cores(self) -> float:
        return self.generator_cpu / self.wall if self.wall else float("nan")


class Meter:
    """Start before the load, stop after it."""

    def __init__(self, pids: list[int]) -> None:
        self.pids = pids
        self._start = (time.monotonic(), sum(map(cpu_seconds, pids)), own_cpu_seconds())

    def stop(self) -> Usage:
        wall0, cpu0, own0 = self._start
        return Usage(
            wall=time.monotonic() - wall0,
            server_cpu=sum(map(cpu_seconds, self.pids)) - cpu0,
            peak_rss_mb=max(map(peak_rss_mb, self.pids)),
            generator_cpu=own_cpu_seconds() - own0,
        )
