"""Conflicts: the win-win conflict log."""

import streamlit as st

import runtime
from components.records import show_records
from services import conflicts
from services.vocab import label

actor = runtime.require_actor()
db = runtime.database()
_, meeting_id = runtime.require_meeting(actor)

st.title("Conflicts")
show_records(
    conflicts.list_conflicts(db, actor, meeting_id),
    {
        "Issue": "issue",
        "Status": lambda c: label(c.status),
        "Options": "options",
        "Agreement": "agreement",
        "Next step": "next_step",
        "Owner": "owner",
    },
    "No conflicts logged.",
)
