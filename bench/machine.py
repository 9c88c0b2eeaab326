"""The machine and software a run measured, for the record beside its figures."""

from __future__ import annotations

import os
import platform
from importlib.metadata import version
from pathlib import Path


def describe(database_url: str) -> str:
    """One line: cores, CPU, memory, load, Python, Streamlit, the database backend."""
    backend = "Postgres" if database_url.startswith("postgresql") else "SQLite"
    load = os.getloadavg()[0]
    return (
        f"{os.cpu_count()} cores ({_cpu_model()}), {_memory_gib():.0f} GiB RAM, "
        f"load average {load:.1f} at start; Python {platform.python_version()}, "
        f"Streamlit {version('streamlit')}, SQLAlchemy {version('sqlalchemy')}, {backend}"
    )


def _cpu_model() -> str:
    for line in _read("/proc/cpuinfo").splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


def _memory_gib() -> float:
    for line in _read("/proc/meminfo").splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) / 1024**2
    return float("nan")


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""
