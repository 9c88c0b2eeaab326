"""The projector's cloud: drawn in the background, at most every CLOUD_EVERY seconds."""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from adapters import wordcloud_worker
from adapters.wordcloud_render import render_png
from components import projector_cloud as pc

A = {"police": 3, "crisis": 2}
B = {"police": 3, "crisis": 2, "housing": 1}
C = {"police": 4, "crisis": 2, "housing": 1}


@pytest.fixture
def clock(monkeypatch):
    """A fake monotonic clock, and a fake drawing that says what it drew.

    The drawing runs on a thread here, in place of the worker process.
    """
    now = [1000.0]
    drawn: list[tuple] = []
    release = threading.Event()

    def draw(words):
        release.wait(5)
        drawn.append(words)
        return repr(words).encode()

    class FakePainter:
        def submit(self, words):
            return painter.submit(draw, words)

    monkeypatch.setattr(pc.time, "monotonic", lambda: now[0])
    painter = ThreadPoolExecutor(max_workers=1)
    monkeypatch.setattr(pc, "_painter", FakePainter)
    pc._clouds.clear()
    release.set()
    yield now, drawn, release
    pc._clouds.clear()
    painter.shutdown()


def _wait(meeting_id: int) -> None:
    picture = pc._clouds()[1].get(meeting_id).next_picture
    if picture is not None:
        picture.result(timeout=5)


def test_the_first_cloud_is_drawn_at_once_and_later_ones_in_the_background(clock):
    now, drawn, release = clock
    assert pc._current(1, A).picture == repr(pc.cloud_words(A)).encode()
    now[0] += 5
    assert pc._current(1, B).counts == A, "too soon: the last cloud stays"
    now[0] += pc.CLOUD_EVERY
    release.clear()
    assert pc._current(1, B).counts == A, "the new cloud is being drawn; the old one shows"
    release.set()
    _wait(1)
    assert pc._current(1, B).counts == B
    assert drawn == [pc.cloud_words(A), pc.cloud_words(B)]


def test_no_new_drawing_starts_within_cloud_every_of_the_last_start(clock):
    now, drawn, _release = clock
    pc._current(1, A)
    now[0] += pc.CLOUD_EVERY
    pc._current(1, B)
    _wait(1)
    pc._current(1, B)
    now[0] += 1
    assert pc._current(1, C).counts == B
    assert len(drawn) == 2
    now[0] += pc.CLOUD_EVERY
    pc._current(1, C)
    _wait(1)
    assert pc._current(1, C).counts == C


def test_each_meeting_has_its_own_cloud(clock):
    pc._current(1, A)
    assert pc._current(2, B).counts == B
    assert pc._current(1, A).counts == A


def test_the_worker_process_draws_what_the_app_would_draw_itself():
    painter = pc.Painter()
    words = pc.cloud_words(A)
    try:
        first = painter.submit(words, 200, 100).result(60)
        assert first == render_png(words, 200, 100)
        painter._worker.kill()
        painter._worker.wait()
        assert painter.submit(words, 200, 100).result(60) == first, "a dead worker restarts"
    finally:
        painter.close()


def test_the_worker_runs_below_the_servers_priority():
    painter = pc.Painter()
    try:
        painter.submit(pc.cloud_words(A), 200, 100).result(60)
        worker = painter._worker.pid
        assert os.getpriority(os.PRIO_PROCESS, worker) == os.getpriority(os.PRIO_PROCESS, 0) + (
            wordcloud_worker.NICENESS
        )
    finally:
        painter.close()
