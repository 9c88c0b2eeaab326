"""What our code adds: the share of the server's CPU spent outside Streamlit, by profile.

py-spy samples the app server (and its word-cloud worker) 100 times a second during the
load, without pausing it (`--nonblocking`), and writes each distinct stack once with its
count (`--format raw`: frames root first, separated by ";", the count last). py-spy drops
samples of threads waiting in the kernel, so an idle event loop costs nothing here.

Each sample is classified by walking its stack from the leaf outward. The first frame that
is Streamlit's (or Tornado's) or ours decides; frames of any other library belong to
whoever called them (SQLAlchemy under db/ is ours, protobuf under Streamlit is
Streamlit's, `st.markdown` called by a view is Streamlit's). A walk that reaches the
event loop's own dispatch, or the launcher, before either is "server plumbing": the loop,
uvicorn, thread machinery. It is reported apart and counts on neither side. A sample's
page is the `views/<page>.py` frame on its stack, if any.

The bar is judged on the whole server. Each page's share is reported too, but it counts
only Streamlit's work under the page's frames (its st.* calls): Streamlit's per-run work
outside them (starting the run, the `new_session` message, sending every message from the
event loop) has no page on its stack, so a page's share overstates ours.
"""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from bench.server_meter import process_cpu_seconds, process_tree

OURS, STREAMLIT, PLUMBING, ASIDE = "ours", "streamlit", "plumbing", "aside"
SHARE_GOAL = 0.40
"""The bar: under 40 % of the server's CPU in our code (plumbing and ASIDE_FRAMES apart)."""
MIN_SECONDS = 0.3
"""A page with less CPU than this is not named as over the bar: too few samples."""
RATE = 100

OUR_FOLDERS = frozenset({"views", "components", "services", "db", "adapters", "workarounds"})
OUR_FILES = frozenset({"runtime.py", "app.py", "screens.py"})
STREAMLIT_PACKAGES = ("streamlit", "tornado")
LOOP_DISPATCH = frozenset(
    {
        "Handle._run",
        "BaseEventLoop._run_once",
        "BaseEventLoop.run_forever",
        "BaseEventLoop.run_until_complete",
    }
)
"""asyncio's frames that call a ready callback: a walk that gets here found no owner."""
LAUNCHER = (
    "streamlit/web/bootstrap.py",
    "streamlit/web/cli.py",
    "asyncio/runners.py",
    "/serve.py",
    "/click/",
)
"""Frames at the root of the server's main thread; Streamlit's own among them start the
loop but own nothing the loop then runs."""

ASIDE_FRAMES = {("services/accounts/signin_accounts.py", "_check"): "sign-in's bcrypt check"}
"""Our frames whose samples are reported apart, as the latency bar sets sign-in apart: the
password check is slow on purpose (bcrypt, a quarter second), once per tablet."""

_PROCESS = re.compile(r"^process (\d+):")
_FRAME = re.compile(r"^(?P<function>.*) \((?P<file>[^()]*?)(?::\d+)?\)$")


@dataclass(frozen=True)
class Sample:
    """Where one stack's samples go: a side, and where it ran (see `where`)."""

    side: str
    page: str


def parse_frame(frame: str) -> tuple[str, str] | None:
    """`function (file:line)` → (function, file); a process marker or anything else → None."""
    match = _FRAME.match(frame.strip())
    return (match["function"], match["file"]) if match else None


def is_ours(file: str, root: Path) -> bool:
    """A file of the app's own code: its folders and top-level modules under `root`."""
    parts: tuple[str, ...] = PurePosixPath(_relative(file, root)).parts
    if not parts:
        return False
    first = parts[0]
    return first in OUR_FOLDERS if len(parts) > 1 else first in OUR_FILES


def is_streamlit(file: str) -> bool:
    return any(f"/site-packages/{package}/" in file for package in STREAMLIT_PACKAGES)


def classify(stack: list[str], root: Path) -> Sample:
    """One stack (frames root first, as py-spy writes them) → its side and where it ran."""
    frames = [f for f in map(parse_frame, stack) if f is not None]
    side = _side(frames, root)
    return Sample(side, where(frames, root))


def where(frames: list[tuple[str, str]], root: Path) -> str:
    """The page a sample ran in (its `views/<page>.py` frame), else the outermost file of
    ours on its stack (app.py, the router, before a page runs; the word-cloud worker),
    else "" (Streamlit's own work between runs, the event loop)."""
    ours = [_relative(file, root) for _function, file in frames if is_ours(file, root)]
    return next((f for f in ours if f.startswith("views/")), ours[0] if ours else "")


def _side(frames: list[tuple[str, str]], root: Path) -> str:
    if any((_relative(file, root), function) in ASIDE_FRAMES for function, file in frames):
        return ASIDE
    for function, file in reversed(frames):
        if function in LOOP_DISPATCH and "/asyncio/" in file:
            break
        if any(part in file for part in LAUNCHER):
            break
        if is_streamlit(file):
            return STREAMLIT
        if is_ours(file, root):
            return OURS
    return PLUMBING


def _relative(file: str, root: Path) -> str:
    try:
        return PurePosixPath(file).relative_to(PurePosixPath(root.as_posix())).as_posix()
    except ValueError:
        return ""


def tally(raw: str, root: Path) -> Counter[tuple[int, Sample]]:
    """py-spy's raw output → samples counted by process, side and page."""
    counts: Counter[tuple[int, Sample]] = Counter()
    for line in raw.splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        frames = stack.split(";")
        counts[(process_of(frames), classify(frames, root))] += int(count)
    return counts


def process_of(stack: list[str]) -> int:
    """The sampled process: the innermost `process PID:"…"` marker (0 if there is none)."""
    pids = [int(m[1]) for m in map(_PROCESS.match, stack) if m]
    return pids[-1] if pids else 0


@dataclass
class Share:
    """Seconds of CPU on each side, for all the server or one page."""

    ours: float = 0.0
    streamlit: float = 0.0
    plumbing: float = 0.0
    aside: float = 0.0

    @property
    def owned(self) -> float:
        return self.ours + self.streamlit

    @property
    def share(self) -> float:
        """Our share of the CPU on either side (the rest apart); NaN without any."""
        return self.ours / self.owned if self.owned else float("nan")

    @property
    def total(self) -> float:
        return self.owned + self.plumbing + self.aside

    def add(self, side: str, seconds: float) -> None:
        setattr(self, side, getattr(self, side) + seconds)


@dataclass
class Profile:
    """A whole run's CPU: over all, by page, and why it was not taken if it wasn't."""

    overall: Share = field(default_factory=Share)
    pages: dict[str, Share] = field(default_factory=dict)
    problem: str = ""
    samples: int = 0
    sampled_seconds: float = 0.0
    """The samples at face value (1/RATE each): running or ready to run."""


def summarise(counts: Counter[tuple[int, Sample]], cpu: dict[int, float] | None = None) -> Profile:
    """Samples → seconds of CPU. A process whose CPU over the run is known (`cpu`, from
    /proc) has its samples scaled to it: py-spy counts a thread ready to run as much as
    one running, so on a busy machine a process waits, and is sampled, out of proportion
    to its CPU (the word-cloud worker, at nice 10, most of all). Others count 1/RATE s."""
    per_process: Counter[int] = Counter()
    for (pid, _sample), count in counts.items():
        per_process[pid] += count
    weight = {
        pid: (cpu[pid] / n if cpu and pid in cpu else 1 / RATE) for pid, n in per_process.items()
    }
    profile = Profile(samples=sum(per_process.values()))
    profile.sampled_seconds = profile.samples / RATE
    for (pid, sample), count in counts.items():
        seconds = count * weight[pid]
        profile.overall.add(sample.side, seconds)
        profile.pages.setdefault(sample.page, Share()).add(sample.side, seconds)
    return profile


def verdict(profile: Profile) -> tuple[str, list[str]]:
    """The bar's verdict on the whole server, and the pages whose own share is over it."""
    if profile.problem:
        return f"not measured ({profile.problem})", []
    if not profile.overall.owned:
        return "not measured (no samples)", []
    over = [
        f"{page} ({share.share:.0%})"
        for page, share in sorted(profile.pages.items())
        if page.startswith("views/") and share.owned >= MIN_SECONDS and not share.share < SHARE_GOAL
    ]
    said = f"{'met' if profile.overall.share < SHARE_GOAL else 'NOT met'} "
    said += f"({profile.overall.share:.0%} over all)"
    if over:
        said += f"; pages over {SHARE_GOAL:.0%} under their own frames: {', '.join(over)}"
    return said, over


def py_spy() -> str | None:
    """The py-spy beside this Python (the project's venv), else on the PATH."""
    beside = Path(sys.executable).parent / "py-spy"
    return str(beside) if beside.exists() else shutil.which("py-spy")


class Sampler:
    """py-spy on each server from `start` until `stop`; then the samples, classified."""

    def __init__(self, pids: list[int], folder: Path, root: Path) -> None:
        self.root = root
        self.folder = folder
        self.problem = ""
        self._runs: list[tuple[subprocess.Popen, Path, Path]] = []
        self._pids = pids
        self._cpu_before = _cpu_by_process(pids)
        binary = py_spy()
        if binary is None:
            self.problem = "py-spy is not installed: make bench installs requirements-dev.txt"
            return
        folder.mkdir(parents=True, exist_ok=True)
        for pid in pids:
            out, log = folder / f"profile-{pid}.txt", folder / f"py-spy-{pid}.log"
            out.unlink(missing_ok=True)
            command = [
                binary,
                "record",
                "--pid",
                str(pid),
                "--format",
                "raw",
                "--rate",
                str(RATE),
                "--nonblocking",
                "--subprocesses",
                "--full-filenames",
                "-o",
                str(out),
            ]
            with log.open("wb") as sink:
                process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT)
            self._runs.append((process, out, log))

    def stop(self) -> Profile:
        """Stop every py-spy as Ctrl-C would (it then writes its file) and classify."""
        after = _cpu_by_process(self._pids)
        cpu = {pid: seconds - self._cpu_before.get(pid, 0.0) for pid, seconds in after.items()}
        counts: Counter[tuple[int, Sample]] = Counter()
        for process, out, log in self._runs:
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if not out.exists():
                said = log.read_text(errors="replace").strip().splitlines()[-1:] or ["no output"]
                self.problem = self.problem or f"py-spy wrote nothing: {said[0]}"
                continue
            counts += tally(out.read_text(errors="replace"), self.root)
        profile = summarise(counts, cpu)
        profile.problem = self.problem
        return profile


def _cpu_by_process(pids: list[int]) -> dict[int, float]:
    """Each server's and its children's own CPU seconds so far, by process id."""
    return {p: process_cpu_seconds(p) for pid in pids for p in process_tree(pid)}


def share_lines(profile: Profile, server_cpu: float) -> list[str]:
    """The profile as a Markdown table: over all, then each page, then the rest; and how
    the samples compare with the CPU the server used (`/proc`, in seconds)."""
    if profile.problem:
        return [f"Not measured: {profile.problem}."]
    rows = [
        f"| where | CPU s | ours s | Streamlit s | our share | under {SHARE_GOAL:.0%} |",
        "|---|--:|--:|--:|--:|:-:|",
        _row("all of the server", profile.overall, held=True),
    ]
    by_size = sorted(profile.pages.items(), key=lambda item: -item[1].total)
    for page, share in by_size:
        if page.startswith("views/"):
            rows.append(_row(f"{page} (under its frames)", share, share.owned >= MIN_SECONDS))
    for page, share in by_size:
        if not page.startswith("views/"):
            rows.append(_row(page or "no file of ours (Streamlit between runs, the loop)", share))
    whole = profile.overall.total
    if not whole:
        return [*rows, "", "No samples."]
    apart = [
        f"server plumbing (the event loop, uvicorn, threads' own machinery) "
        f"{profile.overall.plumbing:.1f} s ({profile.overall.plumbing / whole:.0%})",
        *(
            f"{why} {profile.overall.aside:.1f} s ({profile.overall.aside / whole:.0%})"
            for why in sorted(set(ASIDE_FRAMES.values()))
        ),
    ]
    rows += [
        "",
        "Rows with no page are named by the outermost file of ours on the stack: app.py is "
        "the router before a page runs, a component's file a fragment's own rerun (the "
        "ballot's rows, a scribe's form, the projector's refresh), "
        "adapters/wordcloud_worker.py the word-cloud worker.",
        "",
        f"On neither side, in no share: {'; '.join(apart)}.",
        "",
        f"{profile.samples} samples at {RATE} Hz ({profile.sampled_seconds:.1f} s of threads "
        f"running or ready to run), each process's scaled to its own CPU from `/proc`: "
        f"{whole:.1f} s in all, of the {server_cpu:.1f} s the server used. Samples far above "
        "the CPU mean the machine was busy and threads waited for a core.",
    ]
    return rows


def _row(name: str, share: Share, held: bool = False) -> str:
    mark = ("yes" if share.share < SHARE_GOAL else "**no**") if held else "–"
    percent = f"{share.share:.0%}" if share.owned else "–"
    return (
        f"| {name} | {share.total:.2f} | {share.ours:.2f} | {share.streamlit:.2f} "
        f"| {percent} | {mark} |"
    )
