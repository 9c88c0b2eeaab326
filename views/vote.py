"""Vote: a participant's ballot on their phone, reached with the code on their badge."""

import streamlit as st

import runtime
from components.notices import refuse
from components.records import show_records
from components.text import escape_markdown
from services import meetings, participants, voting_ballots, voting_rounds
from services.vocab import RoundStatus

db = runtime.database()
person = participants.participant_by_code(db, runtime.query_code())
if person is None:
    refuse(
        "This voting link is not valid. Scan the QR code on your name badge again, "
        "or ask a facilitator for help.",
        title="Vote",
    )
st.title("Vote")
st.write(f"Hello {escape_markdown(person.name)}.")
open_rounds = [
    r
    for m in meetings.list_meetings(db, person.initiative_id)
    for r in voting_rounds.list_rounds(db, m.id)
    if r.status is RoundStatus.OPEN
]
if not open_rounds:
    st.info("No vote is open right now. This page will have your ballot when one opens.")
    st.stop()
for voting_round in open_rounds:
    ballot = voting_ballots.ballot(db, person.code, voting_round.id)
    st.subheader(escape_markdown(voting_round.title))
    st.write(f"{ballot.remaining} of {ballot.budget} dots left")
    show_records(
        ballot.items,
        {"Idea": "text", "Your dots": "dots", "Your view": "choice"},
        "Nothing on this ballot.",
        key=f"ballot-{voting_round.id}",
    )
