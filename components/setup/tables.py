"""Set up › Tables: the meeting's tables, their scribes, and the seating plan."""

from __future__ import annotations

import streamlit as st

from components.notices import show_error
from components.records import show_records
from components.setup.context import SetupContext
from components.setup_panels import plan_preview
from services import accounts, participants, table_plan, tables
from services.errors import DomainError
from services.vocab import Role


def tables_tab(ctx: SetupContext) -> None:
    """Tables with their scribes; give a table its scribe; seat everyone automatically."""
    seats = tables.list_tables(ctx.db, ctx.meeting_id)
    table_numbers = {t.id: t.number for t in seats}
    all_accounts = accounts.list_accounts(ctx.db, ctx.actor)
    account_names = {a.id: a.display_name for a in all_accounts}
    st.header("Tables")
    show_records(
        seats,
        {"Table": "number", "Scribe": lambda t: account_names.get(t.scribe_account_id, "— none —")},
        "This meeting has no tables yet.",
    )
    scribes = {a.id: a.display_name for a in all_accounts if a.role is Role.SCRIBE and a.active}
    if seats and scribes:
        with st.expander("Give a table its scribe"):
            seat = st.selectbox(
                "Table",
                [t.id for t in seats],
                format_func=lambda t: f"Table {table_numbers[t]}",
                key="scribe-table",
            )
            scribe = st.selectbox("Scribe", list(scribes), format_func=scribes.get, key="scribe")
            if st.button("Assign the scribe"):
                ctx.act(tables.assign_scribe, seat, scribe, done="Scribe assigned.")
    roster = participants.list_participants(ctx.db, ctx.actor, ctx.initiative_id)
    if seats and roster:
        with st.expander("Seat everyone automatically"):
            try:
                plan = table_plan.plan_tables(ctx.db, ctx.actor, ctx.meeting_id)
                plan_preview(plan, {p.id: p.name for p in roster})
                if st.button("Use this seating", type="primary"):
                    ctx.act(
                        table_plan.apply_plan, ctx.meeting_id, plan, done="Everyone has a seat."
                    )
            except DomainError as error:
                show_error(error)
