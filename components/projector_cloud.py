"""The projector's word cloud, drawn in the background so no two-second refresh waits for it.

Drawing a cloud takes about half a second of CPU. Drawn inside the refresh after every
new idea, it was most of the server's work while ideas came in, and the refreshes that
drew it were the slowest in the room (bench/). So a projector shows the last cloud it has,
and a new one is started at most every CLOUD_EVERY seconds in a worker process; the first
refresh after it is ready shows it. The idea cards themselves keep the 2 s refresh.

The drawing is done by adapters/wordcloud_worker.py's worker process: on a thread, it
held the interpreter's lock, and every screen of the room slowed down while it ran.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import pyarrow as pa
import streamlit as st

from adapters import wordcloud_worker
from adapters.wordcloud_worker import Drawing
from components.projector_views import cloud_caption_html
from components.wordcloud import DrawnCloud, cloud_words, show_word_counts, top_words, word_table

CLOUD_EVERY = 20.0
"""Seconds from the start of one drawing to the start of the next."""


@dataclass
class _Cloud:
    counts: dict[str, int]
    picture: bytes
    started: float
    next_counts: dict[str, int] | None = None
    next_picture: Drawing | None = None
    table: pa.Table | None = None
    """word_table(counts), made once per drawing: building it on every two-second refresh
    was a tenth of the refresh (bench/)."""


@st.cache_resource(show_spinner=False)
def _clouds() -> tuple[threading.Lock, dict[int, _Cloud]]:
    """Per meeting, the cloud on its projectors and the one being drawn, shared by them."""
    return threading.Lock(), {}


def get_cloud_worker_ready() -> None:
    """Start this server's cloud worker now if it is not running: called when a projector
    opens, long before the first idea, whose cloud then need not wait for it to start."""
    wordcloud_worker.start()


def projector_cloud(
    meeting_id: int, counts: dict[str, int], show: Callable[[Callable[[], str]], None]
) -> None:
    """The meeting's word cloud as of its last drawing, and its caption, which `show`
    draws in each of the projector's languages."""
    if not counts:
        show(cloud_caption_html)
        return
    cloud = _current(meeting_id, counts)
    show_word_counts(
        cloud.counts, "projector-cloud", drawn=DrawnCloud(picture=cloud.picture), projector=True
    )
    show(lambda: cloud_caption_html(top_words(cloud.counts)))


def _current(meeting_id: int, counts: dict[str, int]) -> _Cloud:
    lock, clouds = _clouds()
    with lock:
        cloud = clouds.get(meeting_id)
        if cloud is None:
            # The first cloud of a meeting on this server: this refresh waits for it, once.
            picture = wordcloud_worker.draw(cloud_words(counts))
            cloud = clouds[meeting_id] = _Cloud(counts, picture, time.monotonic())
        elif cloud.next_picture is not None and (
            cloud.next_picture.done()
            or time.monotonic() - cloud.started > wordcloud_worker.DRAW_SECONDS
        ):
            drawing, cloud.next_picture = cloud.next_picture, None
            # A drawing that failed (or is stuck: its worker is ended) raises here, once;
            # the next refresh starts another.
            picture = drawing.picture(timeout=0)
            cloud.counts, cloud.picture = cloud.next_counts or cloud.counts, picture
            cloud.table = None
        elif (
            cloud.next_picture is None
            and counts != cloud.counts
            and time.monotonic() - cloud.started >= CLOUD_EVERY
        ):
            cloud.next_counts, cloud.started = counts, time.monotonic()
            cloud.next_picture = wordcloud_worker.submit(cloud_words(counts))
        if cloud.table is None:
            cloud.table = word_table(cloud.counts)
        return cloud
