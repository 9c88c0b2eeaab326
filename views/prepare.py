"""Prepare: survey responses and key-participant interviews before the meeting."""

import streamlit as st

import runtime
from components.records import show_records
from services import interviews, surveys
from services.vocab import label

actor = runtime.require_actor()
db = runtime.database()
initiative_id, _ = runtime.require_meeting(actor)

st.title("Prepare")
st.header("Survey responses")
show_records(
    surveys.list_responses(db, actor, initiative_id),
    {
        "Kind": lambda r: label(r.kind),
        "Top issues": "top_issues",
        "Solutions": "solutions",
        "Goals": "goals",
        "Updated": "updated_at",
    },
    "No survey responses yet.",
)
st.header("Interviews")
show_records(
    interviews.list_interviews(db, actor, initiative_id),
    {
        "Interviewee": "interviewee",
        "Interviewer": "interviewer",
        "Date": "held_on",
        "Themes": "themes",
        "Notes": "notes",
    },
    "No interview notes yet.",
)
