"""Converge: voting rounds and their totals."""

import streamlit as st

import runtime
from components.records import show_records
from components.text import escape_markdown
from services import tallies, voting_rounds
from services.vocab import label

actor = runtime.require_actor()
db = runtime.database()
_, meeting_id = runtime.require_meeting(actor)

st.title("Converge")
rounds = voting_rounds.list_rounds(db, meeting_id)
show_records(
    rounds,
    {
        "Round": "title",
        "Mode": lambda r: label(r.mode),
        "Dots each": "budget",
        "Status": lambda r: label(r.status),
    },
    "No voting rounds yet.",
)
for voting_round in rounds:
    st.subheader(escape_markdown(voting_round.title))
    show_records(
        tallies.totals(db, voting_round.id),
        {
            "Item": "text",
            "Dots": "dots",
            "Voters": "voters",
            "Agree": "agree",
            "Disagree": "disagree",
            "Pass": "passed",
        },
        "Nothing on this ballot yet.",
        key=f"totals-{voting_round.id}",
    )
