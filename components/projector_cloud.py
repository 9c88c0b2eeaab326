"""The projector's word cloud, drawn in the background so no two-second refresh waits for it.

Drawing a cloud takes about half a second of CPU. Drawn inside the refresh after every
new idea, it was most of the server's work while ideas came in, and the refreshes that
drew it were the slowest in the room (bench/). So a projector shows the last cloud it has,
and a new one is started at most every CLOUD_EVERY seconds on one background thread; the
first refresh after it is ready shows it. The idea cards themselves keep the 2 s refresh.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import streamlit as st

from components.wordcloud import cloud_words, show_word_counts
from services.wordcloud_render import render_png

CLOUD_EVERY = 20.0
"""Seconds from the start of one drawing to the start of the next."""


@dataclass
class _Cloud:
    counts: dict[str, int]
    picture: bytes
    started: float
    next_counts: dict[str, int] | None = None
    next_picture: Future | None = None


@st.cache_resource(show_spinner=False)
def _painter() -> ThreadPoolExecutor:
    """One thread per server draws every meeting's next cloud, one after the other."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="projector-cloud")


@st.cache_resource(show_spinner=False)
def _clouds() -> tuple[threading.Lock, dict[int, _Cloud]]:
    """Per meeting, the cloud on its projectors and the one being drawn, shared by them."""
    return threading.Lock(), {}


def projector_cloud(meeting_id: int, counts: dict[str, int], key: str) -> None:
    """The meeting's word cloud as of its last drawing, with its caption and table."""
    if not counts:
        show_word_counts(counts, key)
        return
    cloud = _current(meeting_id, counts)
    show_word_counts(cloud.counts, key, picture=cloud.picture)


def _current(meeting_id: int, counts: dict[str, int]) -> _Cloud:
    lock, clouds = _clouds()
    with lock:
        cloud = clouds.get(meeting_id)
        if cloud is None:
            # The first cloud of a meeting on this server: drawn here, once.
            cloud = clouds[meeting_id] = _Cloud(
                counts, render_png(cloud_words(counts)), time.monotonic()
            )
        elif cloud.next_picture is not None and cloud.next_picture.done():
            drawing, cloud.next_picture = cloud.next_picture, None
            # A drawing that failed raises here, once; the next refresh starts another.
            cloud.counts, cloud.picture = cloud.next_counts or cloud.counts, drawing.result()
        elif (
            cloud.next_picture is None
            and counts != cloud.counts
            and time.monotonic() - cloud.started >= CLOUD_EVERY
        ):
            cloud.next_counts, cloud.started = counts, time.monotonic()
            cloud.next_picture = _painter().submit(render_png, cloud_words(counts))
        return cloud
