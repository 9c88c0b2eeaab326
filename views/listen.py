"""Listen: what a table heard — said, paraphrased back, and the interest beneath."""

import streamlit as st

import runtime
from components.notices import refuse
from components.records import show_records
from services import notes, stakeholders
from services.errors import DomainError

actor = runtime.require_actor()
db = runtime.database()
initiative_id, meeting_id = runtime.require_meeting(actor)
table = runtime.table_in_focus(actor, meeting_id)

st.title(f"Listen · table {table.number}" if table else "Listen · every table")
try:
    table_notes = notes.list_notes(db, actor, meeting_id, table.id if table else None)
except DomainError as error:
    refuse(error.message)
groups = {g.id: g.name for g in stakeholders.list_stakeholders(db, initiative_id)}
show_records(
    table_notes,
    {
        "Said": "said",
        "What I heard": "paraphrase",
        "Interest or need": "interest",
        "Speaker's group": lambda n: groups.get(n.stakeholder_id, ""),
        "Confirmed": lambda n: {True: "yes", False: "no", None: "not yet"}[n.confirmed],
        "When": "created_at",
    },
    "No listening notes yet.",
)
