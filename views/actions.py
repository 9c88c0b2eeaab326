"""Actions: the SMART implementation plan and its follow-up across meetings."""

from datetime import date

import streamlit as st

import runtime
from components.action_panels import (
    PlannedAction,
    overdue_notice,
    smart_form,
    update_form,
    updates_table,
)
from components.downloads import prepared_download
from components.notices import action_runner, show_flash
from components.plan_charts import render_due_dates_chart, render_progress_chart
from components.text import escape_markdown
from services.act import action_followup, actions, plan_export, smart
from services.core.vocab import label
from services.setup import participants, stakeholders

actor = runtime.require_actor()
db = runtime.database()
initiative_id, meeting_id = runtime.require_meeting(actor)
today = date.today()
private = actor.is_facilitator

act = action_runner(db, actor)


st.title("Action plan")
show_flash()
groups = {g.id: g.name for g in stakeholders.list_stakeholders(db, initiative_id)}
plan = actions.list_actions(db, actor, initiative_id, include_confidential=private)
overdue_notice(action_followup.overdue(db, actor, initiative_id, today, private), today)

if actor.is_facilitator:
    people = {p.id: p.name for p in participants.list_participants(db, actor, initiative_id)}
    with st.expander("Add an action", expanded=not plan):
        smart_form(
            people,
            groups,
            lambda *f: smart.smart_check(*f, today=today),
            lambda title, desc, measure, owner, group, due, goal, secret, ready: act(
                actions.create_action, initiative_id, title, desc, measure, owner, group, due,
                meeting_id, None, None, None, goal, secret, ready, done="Action saved.",
            ),
        )  # fmt: skip

st.header("Due dates")
render_due_dates_chart(
    [
        PlannedAction(a.title, a.due_on, a.status.value, groups.get(a.stakeholder_id, ""))
        for a in plan
    ],
    today,
    key="due-dates",
)
st.header("Progress by stakeholder group")
render_progress_chart(action_followup.progress_by_group(db, actor, initiative_id), key="progress")

st.header(f"Actions ({len(plan)})")
for item in plan:
    title = escape_markdown(item.title)
    with st.expander(f"{title} · {label(item.status)} · due {item.due_on or 'no date'}"):
        st.markdown(escape_markdown(item.description or "—"))
        st.caption(escape_markdown(f"Measure of done: {item.measure or '—'}"))
        updates_table(action_followup.updates(db, item.id))
        update_form(
            item,
            lambda status, note, a=item.id: act(
                action_followup.add_update, a, status, note, done="Update added."
            ),
        )
prepared_download(
    "the plan (CSV)",
    lambda: plan_export.plan_csv(db, actor, initiative_id),
    "action-plan.csv",
    "text/csv",
    key="plan-csv",
)
prepared_download(
    "the plan (Excel)",
    lambda: plan_export.plan_xlsx(db, actor, initiative_id),
    "action-plan.xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key="plan-xlsx",
)
