"""Projector: the room's read-only live view, reached with the meeting's code."""

import sys
from dataclasses import dataclass
from datetime import UTC, datetime

import streamlit as st

import runtime
from components.charts import render_totals_chart
from components.code_entry import PROJECTOR, code_entry
from components.projector import idea_wall, projector_frame, ranking_list, spotlight_panel
from components.projector_cloud import projector_cloud
from components.room_banner import step_heading, timer_text
from components.text import escape_markdown
from services import ideas, meetings, room_control, spotlight, tallies, voting_rounds
from services.vocab import Step
from services.wordfreq import word_frequencies

PROJECTOR_TYPE = 2.0  # chart words read from the back of a hall, like the rest of the wall
db = runtime.database()
meeting = code_entry(PROJECTOR, lambda typed: meetings.meeting_by_code(db, typed))
projector_frame()


@dataclass(frozen=True)
class Wall:
    """The ideas the room sees, oldest first, and their words counted."""

    ideas: tuple
    counts: dict[str, int]


# Loaded once per change of the board and shared, read-only, by every projector of the
# meeting: reloading 600 ideas and counting their words on each two-second refresh was
# most of a refresh, and grew with the room (bench/). A few entries: one or two versions
# per meeting in flight, and at 10× the data one is a few MB.
@st.cache_resource(max_entries=8, show_spinner=False)
def wall(meeting_id: int, version: tuple) -> Wall:
    """The board as of `version` (ideas.wall_version), which is there to key the cache."""
    shown = tuple(ideas.list_ideas(runtime.database(), meeting_id, include_confidential=False))
    return Wall(shown, word_frequencies([i.text for i in shown], max_words=sys.maxsize))


@st.fragment(run_every="2s")
def live_view() -> None:
    """What the current step needs; reruns itself so new ideas appear within seconds."""
    state = room_control.room_state(db, meeting.id)
    st.title(escape_markdown(step_heading(state)))
    timer = timer_text(state.seconds_left(datetime.now(UTC)))
    if timer:
        st.markdown(f"### Timer: {timer}")
    if state.current is not None and state.current.prompt:
        st.markdown(f"## {escape_markdown(state.current.prompt)}")
    step = state.current.step if state.current else None
    spot = spotlight.spotlight(db, meeting.id)
    if spot is not None:
        spotlight_panel(spot)
        return
    if step is Step.DIVERGE:
        board = wall(meeting.id, ideas.wall_version(db, meeting.id))
        idea_wall(list(board.ideas))
        projector_cloud(meeting.id, board.counts, key="projector-cloud")
    elif step is Step.CONVERGE:
        shown = voting_rounds.round_to_show(db, meeting.id)
        if shown is None:
            st.markdown("## Voting opens soon.")
            return
        st.markdown(f"## Results: {escape_markdown(shown.title)}")
        results = tallies.results(db, shown.id)
        ranking_list(results.ranking)
        render_totals_chart(
            results.totals, results.mode.value, key="projector-totals", scale=PROJECTOR_TYPE
        )


st.caption(escape_markdown(meeting.title))
live_view()
