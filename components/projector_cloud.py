"""The projector's word cloud, drawn in the background so no two-second refresh waits for it.

Drawing a cloud takes about half a second of CPU. Drawn inside the refresh after every
new idea, it was most of the server's work while ideas came in, and the refreshes that
drew it were the slowest in the room (bench/). So a projector shows the last cloud it has,
and a new one is started at most every CLOUD_EVERY seconds in a worker process; the first
refresh after it is ready shows it. The idea cards themselves keep the 2 s refresh.

A process, not a thread: the drawing holds the interpreter's lock for much of its time,
so on a thread every screen of the room slowed down while it ran (bench/ saw a second).
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import IO

import pyarrow as pa
import streamlit as st

from components.wordcloud import cloud_words, show_word_counts, word_table
from settings import PROJECT_ROOT

CLOUD_EVERY = 20.0
"""Seconds from the start of one drawing to the start of the next."""


@dataclass
class _Cloud:
    counts: dict[str, int]
    picture: bytes
    started: float
    next_counts: dict[str, int] | None = None
    next_picture: Future | None = None
    table: pa.Table | None = None
    """word_table(counts), made once per drawing: building it on every two-second refresh
    was a tenth of the refresh (bench/)."""


class Painter:
    """A adapters.wordcloud_worker process, asked for one picture at a time.

    Its own thread does the asking, so a refresh never waits unless it wants to; the thread
    waits on a pipe, which leaves the interpreter lock to the server. A worker that died is
    started again on the next request.
    """

    def __init__(self) -> None:
        self._asker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="projector-cloud")
        self._worker: subprocess.Popen | None = None

    def submit(self, words: tuple[tuple[str, int], ...], width=1200, height=600) -> Future:
        """The PNG of `words`, drawn by the worker, as a future."""
        return self._asker.submit(self._draw, words, width, height)

    def _draw(self, words: tuple[tuple[str, int], ...], width: int, height: int) -> bytes:
        worker = self._running()
        try:
            request = {"words": words, "width": width, "height": height}
            worker.stdin.write(json.dumps(request).encode() + b"\n")  # type: ignore[union-attr]
            worker.stdin.flush()  # type: ignore[union-attr]
            size = int.from_bytes(_exactly(worker.stdout, 8), "big")
            return _exactly(worker.stdout, size)
        except (OSError, EOFError):
            self._stop_worker()
            raise

    def close(self) -> None:
        """End the worker (it stops when its stdin closes) and the asking thread."""
        self._asker.shutdown()
        self._stop_worker()

    def _running(self) -> subprocess.Popen:
        if self._worker is None or self._worker.poll() is not None:
            self._stop_worker()
            self._worker = subprocess.Popen(
                [sys.executable, "-m", "adapters.wordcloud_worker"],
                cwd=PROJECT_ROOT,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
            )
        return self._worker

    def _stop_worker(self) -> None:
        worker, self._worker = self._worker, None
        if worker is None:
            return
        for pipe in (worker.stdin, worker.stdout):
            if pipe is not None:
                pipe.close()
        try:
            worker.wait(timeout=10)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


def _exactly(stream: IO[bytes] | None, size: int) -> bytes:
    data = stream.read(size) if stream is not None else b""
    if len(data) != size:
        raise EOFError("the word cloud worker stopped mid-answer")
    return data


@st.cache_resource(show_spinner=False, on_release=Painter.close)
def _painter() -> Painter:
    """One worker per server draws every meeting's clouds, one after the other."""
    return Painter()


@st.cache_resource(show_spinner=False)
def _clouds() -> tuple[threading.Lock, dict[int, _Cloud]]:
    """Per meeting, the cloud on its projectors and the one being drawn, shared by them."""
    return threading.Lock(), {}


def projector_cloud(
    meeting_id: int, counts: dict[str, int], key: str, with_table: bool = True
) -> None:
    """The meeting's word cloud as of its last drawing, with its caption and (unless
    `with_table` is False: a screen with no room for it) the table."""
    if not counts:
        show_word_counts(counts, key, with_table=with_table)
        return
    cloud = _current(meeting_id, counts)
    show_word_counts(
        cloud.counts, key, picture=cloud.picture, table=cloud.table, with_table=with_table
    )


def _current(meeting_id: int, counts: dict[str, int]) -> _Cloud:
    lock, clouds = _clouds()
    with lock:
        cloud = clouds.get(meeting_id)
        if cloud is None:
            # The first cloud of a meeting on this server: this refresh waits for it, once.
            picture = _painter().submit(cloud_words(counts)).result()
            cloud = clouds[meeting_id] = _Cloud(counts, picture, time.monotonic())
        elif cloud.next_picture is not None and cloud.next_picture.done():
            drawing, cloud.next_picture = cloud.next_picture, None
            # A drawing that failed raises here, once; the next refresh starts another.
            cloud.counts, cloud.picture = cloud.next_counts or cloud.counts, drawing.result()
            cloud.table = None
        elif (
            cloud.next_picture is None
            and counts != cloud.counts
            and time.monotonic() - cloud.started >= CLOUD_EVERY
        ):
            cloud.next_counts, cloud.started = counts, time.monotonic()
            cloud.next_picture = _painter().submit(cloud_words(counts))
        if cloud.table is None:
            cloud.table = word_table(cloud.counts)
        return cloud
