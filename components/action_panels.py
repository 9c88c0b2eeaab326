"""Panels of the action plan: the SMART form with its check, an action's follow-up."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

import pandas as pd
import streamlit as st

from components.downloads import prepared_download
from components.text import escape_markdown
from services.act import plan_export
from services.act.action_fields import ActionFields
from services.act.actions_screen import PlannedItem
from services.act.smart import SmartGap
from services.core.vocab import ActionStatus, label


def smart_form(
    people: dict[int, str],
    groups: dict[int, str],
    check: Callable[..., list[SmartGap]],
    on_save: Callable[..., None],
) -> None:
    """A new action; the SMART check names what is missing before it can be ready."""
    with st.form("new-action"):
        title = st.text_input("Action (specific: what will be done)")
        description = st.text_area("How it will be done")
        measure = st.text_input("Measure of done (how we will know)")
        owner = st.selectbox("Owner", list(people), format_func=people.get, index=None)
        group = st.selectbox(
            "Owner's stakeholder group", list(groups), format_func=groups.get, index=None
        )
        due = st.date_input("Due date", value=None)
        goal = st.text_input("Charter goal it serves (optional)")
        secret = st.checkbox("Confidential: keep it out of reports and exports")
        ready = st.checkbox("Ready: it passes the SMART check")
        pressed = st.form_submit_button("Save the action", type="primary")
    if not pressed:
        return
    fields = ActionFields(
        title=title, description=description, measure=measure, owner_participant_id=owner,
        stakeholder_id=group, due_on=due, charter_goal=goal, confidential=secret, ready=ready,
    )  # fmt: skip
    gaps = check(fields)
    for gap in gaps:
        st.warning(f"{gap.letter}: {gap.message}")
    if not gaps:
        st.success("SMART: specific, measurable, assignable, realistic and time-bound.")
    on_save(fields)


def update_form(item: PlannedItem, on_update: Callable[[str, str], None]) -> None:
    """A dated note on progress, with the status it leaves the action in."""
    action = item.action
    statuses = list(ActionStatus)
    with st.form(f"update-{action.id}", clear_on_submit=True):
        status = st.radio(
            "Status", statuses, index=statuses.index(action.status), format_func=label,
            horizontal=True,
        )  # fmt: skip
        note = st.text_area("What happened")
        if st.form_submit_button("Add the update"):
            on_update(status.value, note)


def updates_table(item: PlannedItem) -> None:
    """The action's follow-up, oldest first."""
    updates = item.updates
    if not updates:
        st.caption("No updates yet.")
        return
    rows = [
        {"On": u.created_at.strftime("%d %b %Y"), "Status": label(u.status), "Note": u.note}
        for u in updates
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def overdue_notice(items: Sequence[PlannedItem], today: date) -> None:
    """Overdue actions, named, with how late they are."""
    if not items:
        st.success("Nothing is overdue.")
        return
    st.warning(f"{len(items)} action(s) overdue:")
    for a in items:
        late = (today - a.due_on).days
        st.markdown(f"- {escape_markdown(a.title)} — due {a.due_on:%d %b %Y}, {late} days late")


def plan_items(items: Sequence[PlannedItem], on_update: Callable[[int, str, str], None]) -> None:
    """Each action, folded: what it is, its measure of done, its follow-up and a new update."""
    for item in items:
        action = item.action
        title = escape_markdown(action.title)
        with st.expander(f"{title} · {label(action.status)} · due {action.due_on or 'no date'}"):
            st.markdown(escape_markdown(action.description or "—"))
            st.caption(escape_markdown(f"Measure of done: {action.measure or '—'}"))
            updates_table(item)
            update_form(item, lambda status, note, a=action.id: on_update(a, status, note))


def plan_downloads(files: tuple[tuple[dict, ...], tuple[dict, ...]]) -> None:
    """The plan as CSV and as a workbook, from the rows the screen's record holds."""
    rows, updates = files
    prepared_download(
        "the plan (CSV)", lambda: plan_export.csv_of(rows), "action-plan.csv", "text/csv",
        key="plan-csv",
    )  # fmt: skip
    prepared_download(
        "the plan (Excel)",
        lambda: plan_export.xlsx_of(rows, updates),
        "action-plan.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="plan-xlsx",
    )
