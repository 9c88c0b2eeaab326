"""Console: run the room — the current step, input, tables and their scribes."""

import streamlit as st

import runtime
from components.records import show_records
from components.text import escape_markdown
from services import accounts, agenda, meetings, tables
from services.vocab import label

actor = runtime.require_actor()
db = runtime.database()
_, meeting_id = runtime.require_meeting(actor)
meeting = meetings.get_meeting(db, meeting_id)

st.title("Console")
st.subheader(escape_markdown(meeting.title))
st.write(f"Status: {label(meeting.status)} · input {'open' if meeting.input_open else 'closed'}")
show_records(
    agenda.list_agenda(db, meeting_id),
    {
        "#": "position",
        "Step": "title",
        "Now": lambda i: "▶ now" if i.id == meeting.current_item_id else "",
        "Minutes": "minutes",
    },
    "The agenda is empty: draft it on the Agenda screen.",
)
names = {a.id: a.display_name for a in accounts.list_accounts(db, actor)}
st.header("Tables")
show_records(
    tables.list_tables(db, meeting_id),
    {"Table": "number", "Scribe": lambda t: names.get(t.scribe_account_id, "— none —")},
    "No tables yet.",
)
