"""The projector's live screen: the header, then what the current step needs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import streamlit as st

import i18n
from adapters import room_links
from components.language import page_mark
from components.projector import closed_html, header_html, screen, spotlight_html, text
from components.projector_cloud import projector_cloud
from components.projector_languages import in_languages
from components.projector_pages import Paging, clock, page_now
from components.projector_results import (
    RESULT_PAGE,
    RESULT_PAGE_BOTH,
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
    WALL_PAGE_BOTH,
    WALL_SECONDS,
    charter_html,
    wall_page_html,
)
from components.room_banner import room_timer_text, step_heading
from i18n import _, using
from runtime import Database
from services.converge import tallies
from services.core.vocab import MeetingStatus, RoundStatus, Step, VoteMode
from services.partner.charter_screen import CharterOnScreen
from services.room import projector_screen
from services.room.projector_screen import ProjectorScreen, VotingOnScreen, Wall
from services.room.projector_settings import projector_languages

# `db` below is the app's Database (runtime.database()); components do not import db/,
# so its type comes through runtime.

WALL_CHECK_SECONDS = 0.5
"""How often the projector asks whether the board changed: an idea should be on the wall
within a second (BENCHMARKS.md), and the live view's own refresh comes every two."""
DRAWN_WALL_KEY = "projector-drawn-wall"
"""(meeting code, wall_version) of the board the live view last drew; None off the ideas step."""
WATCHING_KEY = "projector-watching-wall"
"""Whether the page's last whole run drew the wall check; None while a whole run draws."""


Show = Callable[[Callable[[], str]], None]
"""Draws a view built by the function it is given, in the projector's language(s)."""


def live_screen(shown: ProjectorScreen, db: Database, base: str) -> None:
    """The header with the step and timer, then the spotlight or the step's own view, in
    the language the console chose for the projector (or both side by side).

    `base` starts the phones' voting link, as on the console's Join links tab.
    """
    languages = projector_languages(shown.room.projector_language)
    # The page's own language is the projector's, not its browser's (WCAG 3.1.1). Drawn on
    # every run, so the places below keep theirs whatever the setting.
    st.html(page_mark(languages[0]), unsafe_allow_javascript=True)

    def show(build: Callable[[], str]) -> None:
        screen(in_languages(languages, build))

    with using(languages[0]):  # what is drawn outside `show` (the cloud) in the first
        _live_screen(shown, db, base, show)


def _live_screen(shown: ProjectorScreen, db: Database, base: str, show: Show) -> None:
    drawn = (shown.code, shown.wall_version) if shown.wall_version is not None else None
    st.session_state[DRAWN_WALL_KEY] = drawn
    watching = st.session_state.get(WATCHING_KEY)
    if watching is not None and watching != (drawn is not None):
        # The step moved onto the board or off it: the page runs whole, to start or stop
        # the wall check (`watch_the_wall`).
        st.rerun(scope="app")
    # Always two places, the second drawn even when left empty: what a view drew there
    # before is replaced at once, not left for the browser to clear as stale, which it
    # skips after a run cut short by the next refresh (a loaded laptop kept the charter
    # up under "Thank you for coming." for 15 s, seen on CI).
    top, rest = st.empty(), st.empty()
    state = shown.room
    if state.status is MeetingStatus.CLOSED:
        with top:
            show(lambda: closed_html(state.title))
        return
    prompts = shown.prompts or ()
    prompt = prompts[0].text if prompts else None
    with top:
        # "Paused — 4:12 left" in words while the facilitator holds the timer.
        show(
            lambda: header_html(
                state.title, step_heading(state), room_timer_text(state), prompt, prompts[1:]
            )
        )
    with rest.container():
        _step_view(shown, db, base, show)


def _step_view(shown: ProjectorScreen, db: Database, base: str, show: Show) -> None:
    """Under the header: the spotlight, or what the current step shows."""
    if shown.spotlight is not None:
        spot = shown.spotlight
        show(lambda: spotlight_html(spot))
        return
    state = shown.room
    step = state.current.step if state.current else None
    held = state.pages_held_at
    both = len(projector_languages(state.projector_language)) > 1
    if step is Step.DIVERGE and shown.wall_version is not None:
        board = _wall(db, shown.code, shown.wall_version)
        per_page = WALL_PAGE_BOTH if both else WALL_PAGE
        ideas_view(board, shown.meeting_id, held, show, per_page)
    elif step is Step.CONVERGE:
        voting_view(shown.voting, base, held, show, RESULT_PAGE_BOTH if both else RESULT_PAGE)
    elif step is Step.PARTNER:
        charter_view(shown.charter, held, show)


def watch_the_wall(db: Database, live_view: Callable[[], None]) -> None:
    """The live view, then the wall check under it on the ideas step only.

    Off the ideas step there is no board to watch, and a check every half second would be
    a rerun every half second for an hour of voting or charter. The live view, reading the
    room every two seconds, runs the page whole when the step moves onto the board or off.
    """
    st.session_state[WATCHING_KEY] = None  # this run draws the check or not, below
    live_view()
    watching = st.session_state.get(DRAWN_WALL_KEY) is not None
    st.session_state[WATCHING_KEY] = watching
    if watching:
        wall_check(db)


@st.fragment(run_every=WALL_CHECK_SECONDS)
def wall_check(db: Database) -> None:
    """Between the live view's refreshes, a new idea on the board redraws the page at once.

    It reads only the board's fingerprint (projector_screen.wall_version: counts over the
    meeting's ideas and their translations) and draws nothing: refreshing the whole live
    view this often would cost the room four times what it does, for a header and a timer
    that need no more than every two seconds. Drawn on the ideas step only (`watch_the_wall`).
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


def ideas_view(
    board: Wall, meeting_id: int, held: datetime | None, show: Show, per_page: int = WALL_PAGE
) -> None:
    """A page of `per_page` ideas beside the word cloud; the newest page while ideas
    arrive, unless the facilitator holds the pages (`held`: since when): then it stays."""
    fresh = held is None and (
        board.newest_at is not None
        and (datetime.now(UTC) - board.newest_at).total_seconds() < NEWEST_HOLD
    )
    count = len(board.newest_first)
    page = page_now(count, per_page, clock(held), WALL_SECONDS, hold=fresh)
    left, right = st.columns([11, 9], gap="large")
    with left:
        # Built in each of the projector's languages: its translated ideas in each, only
        # the page's worth of them.
        first = page * per_page
        paging = Paging(page, held is not None)
        last = first + per_page

        def wall() -> str:  # in each of the projector's languages
            words, written_in = board.page(first, last)
            return wall_page_html(words, count, paging, per_page, written_in)

        show(wall)
    with right:
        projector_cloud(meeting_id, board.counts, show)


def voting_view(
    voting: VotingOnScreen | None, base: str, held: datetime | None, show: Show, per_page: int
) -> None:
    """While voting runs or before the reveal, who has voted; once revealed, the results."""
    if voting is None:
        show(lambda: "<h2>" + text(_("Voting opens soon.")) + "</h2>")
        return
    shown, results = voting.shown, voting.results
    if results is None:
        is_open = shown.status is RoundStatus.OPEN
        phone = room_links.vote_page(base) if is_open else None
        show(lambda: voting_html(shown.called(), is_open, shown.turnout, phone))
        return
    count = len(results.ranking)
    number = page_now(count, per_page, clock(held), RESULT_SECONDS)
    paging = Paging(number, held is not None, per_page)
    dots = results.mode is VoteMode.DOTS
    credit = f" {voting.credit}" if voting.credit else ""

    def results_view() -> str:  # the verdicts and the rule in each language shown
        names = voting.names_in(i18n.current())
        items = ranked_items(results.ranking, results.totals, tallies.verdict, names)
        rule = tallies.threshold_words() + credit
        return results_html(shown.name(), items, dots, paging, rule)

    show(results_view)


def charter_view(charter: CharterOnScreen | None, held: datetime | None, show: Show) -> None:
    """The partnering charter a page of clauses at a time, and who has signed it."""
    count = len(charter.clauses) if charter else 0
    page = page_now(count, CLAUSE_PAGE, clock(held), CHARTER_SECONDS)
    show(lambda: charter_html(charter, page, held is not None))
