"""Projector: the room's read-only live view, reached with the meeting's code."""

import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime

import streamlit as st

import runtime
from adapters import room_links
from adapters.wordfreq import word_frequencies
from components.code_entry import PROJECTOR, code_entry
from components.projector import closed_html, header_html, projector_frame, screen, spotlight_html
from components.projector_cloud import get_cloud_worker_ready, projector_cloud
from components.projector_pages import page_now
from components.projector_results import (
    RESULT_PAGE,
    RESULT_SECONDS,
    ranked_items,
    results_html,
    voting_html,
)
from components.projector_views import (
    CHARTER_SECONDS,
    CLAUSE_PAGE,
    NEWEST_HOLD,
    WALL_PAGE,
    WALL_SECONDS,
    charter_html,
    wall_html,
)
from components.room_banner import room_timer_text, step_heading
from services.converge import tallies, voting_reveal
from services.core.vocab import MeetingStatus, RoundStatus, Step, VoteMode
from services.partner.charter_screen import charter_for_room
from services.prepare import imported_credit
from services.room import ideas, room_control, spotlight
from services.setup import meetings

db = runtime.database()
meeting = code_entry(PROJECTOR, lambda typed: meetings.meeting_by_code(db, typed))
projector_frame()
get_cloud_worker_ready()


@dataclass(frozen=True)
class Wall:
    """The ideas the room sees, newest first, when the newest came, and their words counted."""

    newest_first: tuple[str, ...]
    newest_at: datetime | None
    counts: dict[str, int]


# Loaded once per change of the board and shared, read-only, by every projector of the
# meeting: reloading 600 ideas and counting their words on each two-second refresh was
# most of a refresh, and grew with the room (bench/). A few entries: one or two versions
# per meeting in flight, and at 10× the data one is a few MB.
@st.cache_resource(max_entries=8, show_spinner=False)
def wall(meeting_id: int, version: tuple) -> Wall:
    """The board as of `version` (ideas.wall_version), which is there to key the cache."""
    shown = ideas.list_ideas(runtime.database(), meeting_id, include_confidential=False)
    texts = [i.text for i in shown]
    newest = max((i.created_at for i in shown), default=None)
    return Wall(tuple(reversed(texts)), newest, word_frequencies(texts, max_words=sys.maxsize))


def ideas_view() -> None:
    """A page of the ideas beside the word cloud; the newest page while ideas arrive."""
    board = wall(meeting.id, ideas.wall_version(db, meeting.id))
    fresh = board.newest_at is not None and (
        (datetime.now(UTC) - board.newest_at).total_seconds() < NEWEST_HOLD
    )
    page = page_now(len(board.newest_first), WALL_PAGE, time.time(), WALL_SECONDS, hold=fresh)
    left, right = st.columns([11, 9], gap="large")
    with left:
        screen(wall_html(board.newest_first, page))
    with right:
        projector_cloud(meeting.id, board.counts, key="projector-cloud", with_table=False)


def voting_view() -> None:
    """While voting runs or before the reveal, who has voted; once revealed, the results."""
    shown = voting_reveal.round_on_screen(db, meeting.id)
    if shown is None:
        screen("<h2>Voting opens soon.</h2>")
        return
    if not shown.shows_results:
        is_open = shown.status is RoundStatus.OPEN
        # The link the console's Join links tab prints, from the same address.
        phone = room_links.vote_page(runtime.public_base_url()) if is_open else None
        screen(voting_html(shown.title, is_open, shown.turnout, phone))
        return
    results = tallies.results(db, shown.round_id)
    items = ranked_items(results.ranking, results.totals, tallies.verdict)
    page = page_now(len(items), RESULT_PAGE, time.time(), RESULT_SECONDS)
    dots = results.mode is VoteMode.DOTS
    credit = imported_credit.round_credit(db, shown.round_id)
    rule = tallies.THRESHOLD_WORDS + (f" {credit}" if credit else "")
    screen(results_html(shown.title, items, dots, page, rule))


def charter_view() -> None:
    """The partnering charter a page of clauses at a time, and who has signed it."""
    charter = charter_for_room(db, meeting.id)
    count = len(charter.clauses) if charter else 0
    screen(charter_html(charter, page_now(count, CLAUSE_PAGE, time.time(), CHARTER_SECONDS)))


@st.fragment(run_every="2s")
def live_view() -> None:
    """What the current step needs; reruns itself so new ideas appear within seconds."""
    state = room_control.room_state(db, meeting.id)
    if state.status is MeetingStatus.CLOSED:
        screen(closed_html(state.title))
        return
    # "Paused — 4:12 left" in words while the facilitator holds the timer.
    timer = room_timer_text(state)
    prompt = state.current.prompt if state.current is not None else None
    screen(header_html(state.title, step_heading(state), timer, prompt))
    spot = spotlight.spotlight(db, meeting.id)
    if spot is not None:
        screen(spotlight_html(spot))
        return
    step = state.current.step if state.current else None
    if step is Step.DIVERGE:
        ideas_view()
    elif step is Step.CONVERGE:
        voting_view()
    elif step is Step.PARTNER:
        charter_view()


live_view()
