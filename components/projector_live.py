"""The projector's live screen: the header, then what the current step needs."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import streamlit as st

from adapters import room_links
from components.projector import closed_html, header_html, screen, spotlight_html, text
from components.projector_cloud import projector_cloud
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
from i18n import _
from runtime import Database
from services.converge import tallies
from services.core.vocab import MeetingStatus, RoundStatus, Step, VoteMode
from services.partner.charter_screen import CharterOnScreen
from services.room import projector_screen
from services.room.projector_screen import ProjectorScreen, VotingOnScreen, Wall

# `db` below is the app's Database (runtime.database()); components do not import db/,
# so its type comes through runtime.

WALL_CHECK_SECONDS = 0.5
"""How often the projector asks whether the board changed: an idea should be on the wall
within a second (BENCHMARKS.md), and the live view's own refresh comes every two."""
DRAWN_WALL_KEY = "projector-drawn-wall"
"""(meeting code, wall_version) of the board the live view last drew; None off the ideas step."""


def live_screen(shown: ProjectorScreen, db: Database, base: str) -> None:
    """The header with the step and timer, then the spotlight or the step's own view.

    `base` starts the phones' voting link, as on the console's Join links tab.
    """
    drawn = (shown.code, shown.wall_version) if shown.wall_version is not None else None
    st.session_state[DRAWN_WALL_KEY] = drawn
    state = shown.room
    if state.status is MeetingStatus.CLOSED:
        screen(closed_html(state.title))
        return
    # "Paused — 4:12 left" in words while the facilitator holds the timer.
    timer = room_timer_text(state)
    prompts = shown.prompts or ()
    prompt = prompts[0].text if prompts else None
    screen(header_html(state.title, step_heading(state), timer, prompt, prompts[1:]))
    if shown.spotlight is not None:
        screen(spotlight_html(shown.spotlight))
        return
    step = state.current.step if state.current else None
    if step is Step.DIVERGE and shown.wall_version is not None:
        ideas_view(_wall(db, shown.code, shown.wall_version), shown.meeting_id)
    elif step is Step.CONVERGE:
        voting_view(shown.voting, base)
    elif step is Step.PARTNER:
        charter_view(shown.charter)


@st.fragment(run_every=WALL_CHECK_SECONDS)
def wall_check(db: Database) -> None:
    """Between the live view's refreshes, a new idea on the board redraws the page at once.

    It reads only the board's fingerprint (projector_screen.wall_version: one count over
    the meeting's ideas) and draws nothing: refreshing the whole live view this often would
    cost the room four times what it does, for a header and a timer that need no more than
    every two seconds. Off the ideas step there is no wall to watch.
    """
    if board_changed(db, st.session_state.get(DRAWN_WALL_KEY)):
        # The live view is another fragment, which a fragment's body cannot rerun alone.
        st.rerun()


def board_changed(db: Database, drawn: tuple[str, tuple] | None) -> bool:
    """Whether the room's board is no longer the one drawn (DRAWN_WALL_KEY's value)."""
    if drawn is None:
        return False
    code, version = drawn
    return projector_screen.wall_version(db, code) != version


# Loaded once per change of the board and shared, read-only, by every projector of the
# meeting: reloading 600 ideas and counting their words on each two-second refresh was
# most of a refresh, and grew with the room (bench/). A few entries: one or two versions
# per meeting in flight, and at 10× the data one is a few MB.
@st.cache_resource(max_entries=8, show_spinner=False)
def _wall(_db: Database, code: str, version: tuple) -> Wall:
    """The board as of `version` (ideas.wall_version), which is there to key the cache;
    `_db`, the one Database of the process, is left out of the key."""
    return projector_screen.wall(_db, code)


def ideas_view(board: Wall, meeting_id: int) -> None:
    """A page of the ideas beside the word cloud; the newest page while ideas arrive."""
    fresh = board.newest_at is not None and (
        (datetime.now(UTC) - board.newest_at).total_seconds() < NEWEST_HOLD
    )
    page = page_now(len(board.newest_first), WALL_PAGE, time.time(), WALL_SECONDS, hold=fresh)
    left, right = st.columns([11, 9], gap="large")
    with left:
        screen(wall_html(board.newest_first, page))
    with right:
        projector_cloud(meeting_id, board.counts, key="projector-cloud", with_table=False)


def voting_view(voting: VotingOnScreen | None, base: str) -> None:
    """While voting runs or before the reveal, who has voted; once revealed, the results."""
    if voting is None:
        screen("<h2>" + text(_("Voting opens soon.")) + "</h2>")
        return
    shown, results = voting.shown, voting.results
    if results is None:
        is_open = shown.status is RoundStatus.OPEN
        phone = room_links.vote_page(base) if is_open else None
        screen(voting_html(shown.title, is_open, shown.turnout, phone))
        return
    items = ranked_items(results.ranking, results.totals, tallies.verdict)
    page = page_now(len(items), RESULT_PAGE, time.time(), RESULT_SECONDS)
    dots = results.mode is VoteMode.DOTS
    rule = tallies.threshold_words() + (f" {voting.credit}" if voting.credit else "")
    screen(results_html(shown.title, items, dots, page, rule))


def charter_view(charter: CharterOnScreen | None) -> None:
    """The partnering charter a page of clauses at a time, and who has signed it."""
    count = len(charter.clauses) if charter else 0
    screen(charter_html(charter, page_now(count, CLAUSE_PAGE, time.time(), CHARTER_SECONDS)))
