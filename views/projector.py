"""Projector: the room's read-only live view, reached with the meeting's code."""

import streamlit as st

import runtime
from components.notices import refuse
from components.text import escape_markdown, plain
from services import agenda, ideas, meetings

db = runtime.database()
meeting = meetings.meeting_by_code(db, runtime.query_code())
if meeting is None:
    refuse(
        "This projector link is not valid. Copy it again from the facilitator's console.",
        title="Projector",
    )
st.title(escape_markdown(meeting.title))
items = {i.id: i for i in agenda.list_agenda(db, meeting.id)}
current = items.get(meeting.current_item_id)
if current is not None:
    st.header(escape_markdown(current.title))
    if current.prompt:
        plain(current.prompt)
wall = ideas.list_ideas(db, meeting.id, include_confidential=False)
st.subheader(f"Ideas so far: {len(wall)}")
for idea in wall[-30:]:
    plain(f"• {idea.text}")
