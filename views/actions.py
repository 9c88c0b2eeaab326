"""Actions: the SMART implementation plan and its follow-up across meetings."""

from datetime import date

import streamlit as st

import runtime
from components import action_panels as panels
from components.notices import show_flash
from components.plan_charts import render_due_dates_chart, render_progress_chart
from i18n import _
from services.act import action_followup, actions, actions_screen, smart
from services.translations.translate import translate_all

here = runtime.page()
act, today = here.act, date.today()
screen = actions_screen.read(here.db, here.actor, here.initiative_id, today)
smart_check = lambda f: smart.smart_check(f, today=today)  # noqa: E731

st.title(_("Action plan"))
show_flash()
panels.overdue_notice(screen.overdue, today)
if here.actor.is_facilitator:
    with st.expander(_("Add an action"), expanded=not screen.plan):
        panels.smart_form(
            screen.people,
            screen.groups,
            smart_check,
            lambda f: act(
                actions.create_action, here.initiative_id, f,
                actions.ActionLinks(meeting_id=here.meeting_id), done=_("Action saved."),
            ),
        )  # fmt: skip

st.header(_("Due dates"))
render_due_dates_chart(screen.plan, today, key="due-dates")
st.header(_("Progress by stakeholder group"))
render_progress_chart(screen.progress, key="progress")

st.header(_("Actions ({count})").format(count=len(screen.plan)))
at = panels.place_of  # each change confirmed in its action's row, where it was made
panels.plan_items(
    screen.plan,
    lambda a, status, note: act(
        action_followup.add_update, a, status, note, done=_("Update added."), place=at(a)
    ),
    panels.PlanEditing(
        screen.people, screen.groups, smart_check,
        lambda i, f: act(actions.update_action, i, f, done=_("Action saved."), place=at(i)),
        lambda i: act(actions.delete_action, i, done=_("Action removed."), place=panels.PLAN),
        lambda e: act(
            translate_all, e, done=_("Translations saved."), place=at(e[0].entity_id)
        ),
    ) if here.actor.is_facilitator else None,
)  # fmt: skip
panels.plan_downloads(screen.files, of=here.initiative_id)
