"""adapters/wordcloud_worker.py: clouds drawn in one spawned worker process, below the
server's priority; a worker that crashes or hangs is ended and the next drawing restarts it."""

from __future__ import annotations

import os
import signal
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import ModuleType

import pytest

from adapters import wordcloud_worker as worker
from adapters.wordcloud_render import render_png

WORDS = (("crisis", 2), ("police", 3))


@pytest.fixture
def fresh_worker():
    worker.shutdown()
    yield
    worker.shutdown()


def _worker_pid() -> int:
    return worker._submit(worker._running_pool(), os.getpid).result(60)


def test_the_worker_draws_what_the_app_would_draw_itself(fresh_worker):
    assert worker.draw(WORDS, 200, 100) == render_png(WORDS, 200, 100)


def test_one_worker_is_started_once_spawned_and_kept(fresh_worker):
    worker.draw(WORDS, 200, 100)
    pool = worker._running_pool()
    assert pool._mp_context is not None and pool._mp_context.get_start_method() == "spawn"
    first = _worker_pid()
    worker.draw(WORDS, 200, 100)
    assert worker._running_pool() is pool
    assert _worker_pid() == first != os.getpid()


def test_the_worker_runs_below_the_servers_priority(fresh_worker):
    worker.draw(WORDS, 200, 100)
    pid = _worker_pid()
    assert os.getpriority(os.PRIO_PROCESS, pid) == (
        os.getpriority(os.PRIO_PROCESS, 0) + worker.NICENESS
    )


def test_a_worker_that_crashed_mid_drawing_fails_that_drawing_and_the_next_restarts_it(
    fresh_worker,
):
    pid = _worker_pid()
    # Killed at once: the drawing is queued or under way, never finished.
    drawing = worker.submit(tuple((f"word{n}", n + 1) for n in range(150)), 3000, 2000)
    os.kill(pid, signal.SIGKILL)
    with pytest.raises(worker.CloudNotDrawn, match="stopped mid-answer"):
        drawing.picture()
    assert worker.draw(WORDS, 200, 100) == render_png(WORDS, 200, 100)
    assert _worker_pid() != pid


def test_a_worker_that_died_between_drawings_is_restarted_by_the_next(fresh_worker):
    pid = _worker_pid()
    os.kill(pid, signal.SIGKILL)
    time.sleep(0.5)  # the executor notices the death on its own thread
    assert worker.draw(WORDS, 200, 100) == render_png(WORDS, 200, 100)


def test_a_drawing_past_its_time_ends_the_worker_and_the_next_starts_afresh(fresh_worker):
    pid = _worker_pid()
    drawing = worker.submit(tuple((f"word{n}", n + 1) for n in range(150)), 3000, 2000)
    with pytest.raises(worker.CloudNotDrawn, match="took too long"):
        drawing.picture(timeout=0.01)
    deadline = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(pid), "the stuck worker was ended, not left drawing"
    assert worker.draw(WORDS, 200, 100) == render_png(WORDS, 200, 100)


def _alive(pid: int) -> bool:
    """Running, not a zombie; read from /proc so the executor keeps reaping its own child."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state not in {"Z", "X"}


def test_python_still_has_no_public_way_to_end_a_busy_worker():
    """When this fails (Python 3.14's kill_workers()), _discard can stop reaching into
    the executor's _processes."""
    assert not hasattr(ProcessPoolExecutor, "kill_workers")


def test_start_readies_the_worker_once_without_waiting_for_it(fresh_worker):
    worker.start()
    pool = worker._running_pool()
    worker.start()
    assert worker._running_pool() is pool
    assert worker.draw(WORDS, 200, 100) == render_png(WORDS, 200, 100)


def test_the_worker_does_not_run_streamlit_s_stand_in_main_script(fresh_worker, tmp_path):
    # Inside a script run Streamlit's __main__ is a stand-in whose __file__ is the page.
    marker = tmp_path / "ran"
    script = tmp_path / "page.py"
    script.write_text(f"open({str(marker)!r}, 'w').close()\nraise SystemExit(3)\n")
    stand_in = ModuleType("__main__")
    stand_in.__file__ = str(script)
    real = sys.modules["__main__"]
    sys.modules["__main__"] = stand_in
    try:
        assert worker.draw(WORDS, 200, 100) == render_png(WORDS, 200, 100)
        assert sys.modules["__main__"] is stand_in, "the page's own __main__ is given back"
    finally:
        sys.modules["__main__"] = real
    assert not marker.exists()
