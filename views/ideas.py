"""Ideas: the divergent idea board, for one table or the whole room."""

import streamlit as st

import runtime
from components.notices import refuse
from components.records import show_records
from services import ideas, stakeholders, tables, themes
from services.errors import DomainError
from services.scope import check_table_access_for

actor = runtime.require_actor()
db = runtime.database()
initiative_id, meeting_id = runtime.require_meeting(actor)
table = runtime.table_in_focus(actor, meeting_id)
try:
    check_table_access_for(db, actor, table.id if table else None)
except DomainError as error:
    refuse(error.message)

st.title(f"Ideas · table {table.number}" if table else "Ideas · every table")
groups = {g.id: g.name for g in stakeholders.list_stakeholders(db, initiative_id)}
numbers = {t.id: t.number for t in tables.list_tables(db, meeting_id)}
theme_names = {t.id: t.name for t in themes.list_themes(db, meeting_id)}
show_records(
    ideas.list_ideas(db, meeting_id, table_id=table.id if table else None),
    {
        "Idea": "text",
        "Table": lambda i: numbers.get(i.table_id),
        "Raised by": lambda i: groups.get(i.stakeholder_id, ""),
        "Theme": lambda i: theme_names.get(i.theme_id, ""),
    },
    "No ideas yet.",
)
