"""Set up › People: the roster, imported or added one by one, and who sits where."""

from __future__ import annotations

import streamlit as st

from components.records import show_records
from components.setup.context import SetupContext
from components.setup.roster import roster_import_panel
from components.text import escape_markdown
from services import participants, stakeholders, tables


def people_tab(ctx: SetupContext) -> None:
    """The roster, its import, and moving one person to another table."""
    roster = participants.list_participants(ctx.db, ctx.actor, ctx.initiative_id)
    group_names = {g.id: g.name for g in stakeholders.list_stakeholders(ctx.db, ctx.initiative_id)}
    seats = tables.list_tables(ctx.db, ctx.meeting_id)
    table_numbers = {t.id: t.number for t in seats}
    st.header(f"Roster ({len(roster)})")
    roster_import_panel(ctx)
    show_records(
        roster,
        {
            "Name": "name",
            "Group": lambda p: group_names.get(p.stakeholder_id, "—"),
            "Table": lambda p: table_numbers.get(p.table_id),
            "Email": "email",
            "Phone": "phone",
        },
        "The roster is empty.",
    )
    if seats and roster:
        with st.expander("Move one person"):
            person = st.selectbox("Person", roster, format_func=lambda p: p.name, index=None)
            seat = st.selectbox(
                "To table",
                [t.id for t in seats],
                format_func=lambda t: f"Table {table_numbers[t]}",
            )
            if st.button("Move") and person is not None:
                ctx.act(
                    participants.assign_table,
                    person.id,
                    seat,
                    done=f"{escape_markdown(person.name)} moved.",
                )
