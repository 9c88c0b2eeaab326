"""Agenda: the meeting's steps in order, as the facilitator drafted them."""

import streamlit as st

import runtime
from components.records import show_records
from services import agenda, meetings
from services.vocab import label

actor = runtime.require_actor()
db = runtime.database()
_, meeting_id = runtime.require_meeting(actor)
meeting = meetings.get_meeting(db, meeting_id)
items = agenda.list_agenda(db, meeting_id)

st.title("Agenda")
st.write(f"Status: {label(meeting.agenda_status)} · {sum(i.minutes for i in items)} minutes")
show_records(
    items,
    {
        "#": "position",
        "Step": "title",
        "Skill": lambda i: label(i.skill) if i.skill else "",
        "Minutes": "minutes",
        "Goal": "goal",
        "Materials": "materials",
    },
    "The agenda is empty.",
)
