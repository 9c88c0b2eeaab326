"""Actions: the SMART implementation plan."""

import streamlit as st

import runtime
from components.records import show_records
from services import actions
from services.vocab import label

actor = runtime.require_actor()
db = runtime.database()
initiative_id, _ = runtime.require_meeting(actor)

st.title("Action plan")
show_records(
    actions.list_actions(db, actor, initiative_id),
    {
        "Action": "title",
        "Measure of done": "measure",
        "Due": "due_on",
        "Status": lambda a: label(a.status),
        "Ready": "ready",
    },
    "No actions yet.",
)
