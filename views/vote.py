"""Vote: a participant's ballot on their phone, reached with the code on their badge."""

from datetime import UTC, datetime

import streamlit as st

import runtime
from components.ballot import choice_ballot, dots_ballot
from components.notices import refuse
from components.room_banner import timer_text
from components.text import escape_markdown
from services import participants, room_control, voting_ballots
from services.errors import DomainError
from services.vocab import VoteMode

db = runtime.database()
code = runtime.query_code()
person = participants.participant_by_code(db, code)
if person is None:
    refuse(
        "This voting link is not valid. Scan the QR code on your name badge again, "
        "or ask a facilitator for help.",
        title="Vote",
    )
PROBLEM = "_vote_problem"


def remember(action, *args) -> None:
    """Run a tap's vote; keep the refusal to show, in words, on this run."""
    try:
        action(db, code, *args)
    except DomainError as error:
        st.session_state[PROBLEM] = error.message


st.title("Vote")
st.write(f"Hello {escape_markdown(person.name)}.")
problem = st.session_state.pop(PROBLEM, None)
if problem:
    st.error(problem)
ballots = voting_ballots.open_ballots(db, code)
shown_rounds = tuple(b.round_id for b in ballots)


inline_call = [True]
"""The page's own run calls the fragment once, inline; its timer's runs come after."""


@st.fragment(run_every="5s")
def watch_rounds() -> None:
    """Redraw the page when a round opens or closes, so nobody has to reload."""
    if inline_call:
        # The page read the rounds a moment ago; reading them again here doubled the
        # database work of every tap (bench/ measured it).
        inline_call.clear()
        return
    if voting_ballots.open_round_ids(db, code) != shown_rounds:
        st.rerun(scope="app")


watch_rounds()
if not ballots:
    st.info("No vote is open right now. Keep this page open: your ballot appears here.")
for view in ballots:
    st.header(escape_markdown(view.title))
    left = timer_text(room_control.room_state(db, view.meeting_id).seconds_left(datetime.now(UTC)))
    if left:
        st.markdown(f"**Timer: {left}**")
    if view.mode is VoteMode.DOTS:
        dots_ballot(view, lambda item, dots: remember(voting_ballots.set_dots, item, dots))
    else:
        choice_ballot(view, lambda item, choice: remember(voting_ballots.choose, item, choice))
