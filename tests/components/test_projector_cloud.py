"""The projector's cloud: drawn in the background, at most every CLOUD_EVERY seconds."""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor

import pytest

from adapters import wordcloud_worker
from components import projector_cloud as pc

A = {"police": 3, "crisis": 2}
B = {"police": 3, "crisis": 2, "housing": 1}
C = {"police": 4, "crisis": 2, "housing": 1}


class FakeDrawing(wordcloud_worker.Drawing):
    """A drawing on a thread, answering like adapters.wordcloud_worker.Drawing."""

    def __init__(self, future: Future[bytes]) -> None:
        self.future = future

    def done(self) -> bool:
        return self.future.done()

    def picture(self, timeout=None) -> bytes:
        return self.future.result(timeout)


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

    monkeypatch.setattr(pc.time, "monotonic", lambda: now[0])
    painter = ThreadPoolExecutor(max_workers=1)
    monkeypatch.setattr(
        pc.wordcloud_worker, "submit", lambda words: FakeDrawing(painter.submit(draw, words))
    )
    monkeypatch.setattr(pc.wordcloud_worker, "draw", draw)
    pc._clouds.clear()
    release.set()
    yield now, drawn, release
    pc._clouds.clear()
    painter.shutdown()


def _wait(meeting_id: int) -> None:
    cloud = pc._clouds()[1].get(meeting_id)
    assert cloud is not None
    picture = cloud.next_picture
    if picture is not None:
        picture.picture(timeout=5)


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


def test_a_drawing_that_fails_in_the_background_raises_once_and_the_old_cloud_stays(clock):
    now, _drawn, _release = clock
    pc._current(1, A)
    now[0] += pc.CLOUD_EVERY
    failed: Future[bytes] = Future()
    failed.set_exception(wordcloud_worker.CloudNotDrawn("the word cloud worker stopped"))
    pc._clouds()[1][1].next_picture = FakeDrawing(failed)
    with pytest.raises(wordcloud_worker.CloudNotDrawn):
        pc._current(1, B)
    assert pc._current(1, B).counts == A, "the last cloud stays; a new drawing starts"
    _wait(1)
    assert pc._current(1, B).counts == B


def test_a_stuck_background_drawing_is_given_up_after_draw_seconds(clock):
    now, _drawn, _release = clock
    pc._current(1, A)
    now[0] += pc.CLOUD_EVERY
    stuck = threading.Event()

    class StuckDrawing(wordcloud_worker.Drawing):
        def __init__(self) -> None:
            pass  # no worker: it never finishes

        def done(self) -> bool:
            return False

        def picture(self, timeout=None) -> bytes:
            stuck.set()
            raise wordcloud_worker.CloudNotDrawn("the word cloud worker took too long")

    pc._clouds()[1][1].next_picture = StuckDrawing()
    pc._clouds()[1][1].started = now[0]
    assert pc._current(1, B).counts == A, "not yet: still within DRAW_SECONDS"
    assert not stuck.is_set()
    now[0] += wordcloud_worker.DRAW_SECONDS + 1
    with pytest.raises(wordcloud_worker.CloudNotDrawn):
        pc._current(1, B)
    assert pc._clouds()[1][1].next_picture is None
