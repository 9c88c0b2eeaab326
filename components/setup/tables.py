"""Set up › Tables: the meeting's tables, their names and scribes, and the seating plan."""

from __future__ import annotations

import streamlit as st

from components.notices import show_error
from components.records import show_records
from components.setup.common import run_then_confirm, show_tab_flash, tab_act, table_words
from components.setup.context import SetupContext
from components.setup_panels import plan_preview
from components.text import escape_markdown
from i18n import _
from services.accounts import accounts
from services.core.errors import DomainError
from services.core.vocab import Role
from services.setup import participants, table_plan, tables
from services.setup.participants import Participant
from services.setup.tables import TableSummary

TAB = "tables"


def tables_tab(ctx: SetupContext) -> None:
    """Tables with their names, scribes and people; add, rename, remove; seat everyone."""
    show_tab_flash(TAB)
    seats = tables.table_overview(ctx.db, ctx.actor, ctx.meeting_id)
    all_accounts = accounts.list_accounts(ctx.db, ctx.actor)
    account_names = {a.id: a.display_name for a in all_accounts}
    st.header(_("Tables"))
    nobody = _("— none —")
    show_records(
        seats,
        {
            _("Table"): "number",
            _("Name"): lambda t: t.name or "—",
            _("Scribe"): lambda t: account_names.get(t.scribe_account_id or 0, nobody),
            _("People"): "people",
        },
        _("This meeting has no tables yet."),
    )
    add, rename, remove = st.columns(3)
    with add:
        _add_form(ctx)
    if seats:
        with rename:
            _rename_form(ctx, seats)
        with remove:
            _remove_form(ctx, seats)
    scribes = {a.id: a.display_name for a in all_accounts if a.role is Role.SCRIBE and a.active}
    if seats and scribes:
        _scribe_panel(ctx, seats, scribes)
    roster = participants.list_participants(ctx.db, ctx.actor, ctx.initiative_id, True)
    if seats and roster:
        _plan_panel(ctx, roster)


def _add_form(ctx: SetupContext) -> None:
    with st.form("table-add", clear_on_submit=True):
        st.markdown("**" + _("Add a table") + "**")
        name = st.text_input(_("New table's name (optional)"))
        if st.form_submit_button(_("Add a table")):
            run_then_confirm(TAB, lambda: _added(ctx, name))


def _added(ctx: SetupContext, name: str) -> str:
    table = tables.add_table(ctx.db, ctx.actor, ctx.meeting_id, name)
    return _("{table} added.").format(table=escape_markdown(table_words(table)))


def _rename_form(ctx: SetupContext, seats: list[TableSummary]) -> None:
    by_id = {t.id: t for t in seats}
    with st.form("table-rename"):
        st.markdown("**" + _("Rename a table") + "**")
        chosen = st.selectbox(
            _("Table to rename"), list(by_id), format_func=lambda t: table_words(by_id[t])
        )
        name = st.text_input(_("Its name (empty: just its number)"))
        if st.form_submit_button(_("Rename the table")):
            tab_act(ctx, TAB)(tables.rename_table, chosen, name, done=_("Table renamed."))


def _remove_form(ctx: SetupContext, seats: list[TableSummary]) -> None:
    by_id = {t.id: t for t in seats}
    with st.form("table-remove"):
        st.markdown("**" + _("Remove an empty table") + "**")
        chosen = st.selectbox(
            _("Table to remove"),
            list(by_id),
            format_func=lambda t: _("{table}: {people} seated").format(
                table=table_words(by_id[t]), people=by_id[t].people
            ),
            index=len(by_id) - 1,
        )
        if st.form_submit_button(_("Remove the table")):
            done = _("{table} removed.").format(table=escape_markdown(table_words(by_id[chosen])))
            tab_act(ctx, TAB)(tables.delete_table, chosen, done=done)


def _scribe_panel(ctx: SetupContext, seats: list[TableSummary], scribes: dict[int, str]) -> None:
    by_id = {t.id: t for t in seats}
    with st.expander(_("Give a table its scribe")):
        seat = st.selectbox(
            _("Table"), list(by_id), format_func=lambda t: table_words(by_id[t]), key="scribe-table"
        )
        scribe = st.selectbox(
            _("Scribe"), list(scribes), format_func=lambda a: scribes[a], key="scribe"
        )
        if st.button(_("Assign the scribe")):
            tab_act(ctx, TAB)(tables.assign_scribe, seat, scribe, done=_("Scribe assigned."))


def _plan_panel(ctx: SetupContext, roster: list[Participant]) -> None:
    with st.expander(_("Seat everyone automatically")):
        st.caption(
            _(
                "People marked absent are left out of the plan. Everyone else is seated "
                "afresh, those already at a table too: a walk-in's badge printed before "
                "names their old table."
            )
        )
        try:
            plan = table_plan.plan_tables(ctx.db, ctx.actor, ctx.meeting_id)
            plan_preview(plan, {p.id: p.name for p in roster})
            if st.button(_("Use this seating"), type="primary"):
                tab_act(ctx, TAB)(
                    table_plan.apply_plan, ctx.meeting_id, plan, done=_("Everyone has a seat.")
                )
        except DomainError as error:
            show_error(error)
