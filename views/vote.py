"""Vote: a participant's ballot on their phone, reached with the code on their badge."""

import streamlit as st

import runtime
from components.ballot import (
    Tap,
    choice_ballot,
    closed_screen,
    dots_ballot,
    survey_button,
    take_tap,
)
from components.code_entry import VOTE, code_entry
from components.room_banner import room_timer_text
from components.text import escape_markdown
from services.converge import voting_ballots
from services.core import codes
from services.core.errors import DomainError
from services.core.vocab import SurveyKind, VoteMode
from services.prepare import surveys
from services.room import room_control
from services.setup import participants
from workarounds.fragment_inline_call import InlineCall

db = runtime.database()
person = code_entry(VOTE, lambda typed: participants.participant_by_code(db, typed))
code = person.code


def voter(action):
    """A ballot's tap → its service call; a refusal comes back in words with the stored ballot."""

    def vote(round_id: int, item_id: int, value) -> Tap:
        try:
            return Tap(round_id, item_id, action(db, code, item_id, value))
        except DomainError as error:
            return Tap(round_id, item_id, stored_ballot(round_id), error.message)

    return vote


def stored_ballot(round_id: int):
    """The ballot as stored, or None when it cannot be read (the page then reruns whole)."""
    try:
        return voting_ballots.ballot(db, code, round_id)
    except DomainError:
        return None


st.title("Vote")
st.write(f"Hello {escape_markdown(person.name)}.")
st.caption(f"Your code: {escape_markdown(codes.display_code(code))}")
tap = take_tap()
if tap and tap.problem:
    st.error(tap.problem)
elif tap:
    # A tap that redrew the whole page (another phone with this badge changed other rows)
    # still says it counted, here since its row's fragment did not draw it.
    st.success("Saved. Your ballot below shows every row as it now counts.")
ballots = voting_ballots.open_ballots(db, code)
shown_rounds = tuple(b.round_id for b in ballots)


inline = InlineCall()


@st.fragment(run_every="5s")
def watch_rounds() -> None:
    """Redraw the page when a round opens or closes, so nobody has to reload."""
    if inline.first():
        # The page read the rounds a moment ago; reading them again here doubled the
        # database work of every tap (bench/ measured it).
        return
    if voting_ballots.open_round_ids(db, code) != shown_rounds:
        st.rerun(scope="app")


watch_rounds()
# The badge carries one QR code: before the meeting it also leads to the survey, and once
# the meeting is over to the feedback form (the trust pulse's "after").
stage = None if ballots else surveys.survey_stage(db, code)
if stage is SurveyKind.POST:
    # Closing the meeting closed every round; the five-second check brought this page here.
    closed_screen("views/survey.py", code)
elif not ballots:
    st.info("No vote is open right now. Keep this page open: your ballot appears here.")
    if stage is SurveyKind.PRE:
        survey_button("views/survey.py", "Before the meeting: answer the short survey", code, "pre")
for view in ballots:
    st.header(escape_markdown(view.title))
    left = room_timer_text(room_control.room_state(db, view.meeting_id))
    if left:
        st.subheader(f"Timer: {left}", anchor=False)
    if view.mode is VoteMode.DOTS:
        dots_ballot(view, voter(voting_ballots.set_dots))
    else:
        choice_ballot(view, voter(voting_ballots.choose))
