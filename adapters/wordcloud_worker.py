"""Word clouds drawn in a worker process, off the app server's interpreter lock.

A cloud takes about half a second of CPU, and the drawing holds the interpreter's lock
for much of it: on a thread, every screen of the room slowed down while it ran (bench/).
So one worker process per app server draws every cloud, one after the other, through a
ProcessPoolExecutor of one worker, made on the first request.

The worker is started with "spawn", not fork: the server has Streamlit's threads and
their locks, and a forked child gets copies of locks some other thread held. It runs
NICENESS below the server. A worker that crashed or took longer than DRAW_SECONDS is
ended, its drawing fails with CloudNotDrawn, and the next request starts a fresh one.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import ModuleType
from typing import Any

from adapters.wordcloud_render import render_png

NICENESS = 10
"""How far below the server the worker runs: a cloud may come a second late, a tap may not.
At the server's own priority, a drawing took a core from the room's requests whenever
it ran while the two cores were busy (bench/: people arriving while scribes signed in)."""

DRAW_SECONDS = 30.0
"""Longest a drawing may take before its worker is ended. 150 words take about a second;
far longer means the worker is stuck, and the projector waits for nothing."""

Words = tuple[tuple[str, int], ...]


class CloudNotDrawn(Exception):
    """The worker could not draw the cloud: it died, or took longer than DRAW_SECONDS."""


_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


class Drawing:
    """A cloud being drawn by the worker of `pool`."""

    def __init__(self, pool: ProcessPoolExecutor, future: Future[bytes]) -> None:
        self._pool = pool
        self._future = future

    def done(self) -> bool:
        """Whether picture() would answer at once."""
        return self._future.done()

    def picture(self, timeout: float | None = DRAW_SECONDS) -> bytes:
        """The PNG drawn; CloudNotDrawn if the worker died or took over `timeout` seconds.

        Either way that worker is gone afterwards, and the next submit() starts another.
        """
        try:
            return self._future.result(timeout)
        except BrokenProcessPool as error:
            _discard(self._pool)
            raise CloudNotDrawn("the word cloud worker stopped mid-answer") from error
        except TimeoutError as error:
            _discard(self._pool)
            raise CloudNotDrawn("the word cloud worker took too long and was ended") from error


def submit(words: Words, width: int = 1200, height: int = 600) -> Drawing:
    """Start drawing the PNG of `words` in the worker; the Drawing answers when it is done."""
    pool = _running_pool()
    try:
        return Drawing(pool, _submit(pool, render_png, words, width, height))
    except BrokenProcessPool:
        # The worker died since the last drawing: one fresh start, then the request.
        _discard(pool)
        pool = _running_pool()
        return Drawing(pool, _submit(pool, render_png, words, width, height))


def draw(words: Words, width: int = 1200, height: int = 600) -> bytes:
    """The PNG of `words`, drawn by the worker while this thread waits (DRAW_SECONDS at most)."""
    return submit(words, width, height).picture()


def start() -> None:
    """Have the worker ready: started now, in the background, if it is not running yet.

    A worker takes some seconds to start (importing the drawing's libraries), so a screen
    that will want clouds calls this first, and its first cloud does not wait for that.
    """
    if _pool is None:
        _submit(_running_pool(), int)  # a process starts with the pool's first task


def shutdown() -> None:
    """End the worker; the next request starts another."""
    _discard(_pool)


def _submit(pool: ProcessPoolExecutor, *call: Any) -> Future:
    """pool.submit(*call), with no main module for a worker it starts to import.

    A spawned process first runs its parent's __main__ again. Inside Streamlit that is not
    the server's: each script run installs a stand-in `__main__` whose __file__ is the
    page's script (ScriptRunner), so the worker ran the app's whole script before it
    drew (and under AppTest died of it). The pool starts its process within submit(), so
    for that moment __main__ is an empty module, which spawn does not import at all.
    """
    with _pool_lock:
        main, empty = sys.modules["__main__"], ModuleType("__main__")
        sys.modules["__main__"] = empty
        try:
            return pool.submit(*call)
        finally:
            # A script run that began meanwhile installed its own: that one stays.
            if sys.modules["__main__"] is empty:
                sys.modules["__main__"] = main


def _running_pool() -> ProcessPoolExecutor:
    global _pool  # noqa: PLW0603 - one pool per server process, made on first use
    with _pool_lock:
        if _pool is None:
            _pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_below_the_server,
            )
        return _pool


def _discard(pool: ProcessPoolExecutor | None) -> None:
    """End `pool`'s worker now, even mid-drawing, and forget the pool if it is the current one."""
    global _pool  # noqa: PLW0603
    if pool is None:
        return
    with _pool_lock:
        if _pool is pool:
            _pool = None
    # Python 3.11's executor has no way to end a busy worker (3.14 adds kill_workers()):
    # its processes are kept in _processes. Killed, the executor marks itself broken.
    for process in list((pool._processes or {}).values()):
        process.kill()
    pool.shutdown(wait=False, cancel_futures=True)


def _below_the_server() -> None:
    if hasattr(os, "nice"):  # not on Windows, where the worker runs at the server's priority
        os.nice(NICENESS)
