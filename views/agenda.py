"""Agenda: the meeting's steps in order; leaders comment on each and approve the whole."""

import streamlit as st

import runtime
from components import agenda_form as panels
from components.notices import show_flash
from i18n import _
from services.agenda import agenda, agenda_review, agenda_screen

here = runtime.page()
act, meeting_id = here.act, here.meeting_id
screen = agenda_screen.read(here.db, here.actor, meeting_id)

st.title(_("Agenda"))
show_flash()
panels.approval_banner(screen)
if screen.closed:
    st.caption(
        _("This meeting has been held and closed: its agenda's approvals stay as they were.")
    )
if screen.may_approve and st.button(_("Approve this agenda"), type="primary"):
    act(agenda_review.approve, meeting_id, done=_("Your approval is recorded."))
if screen.may_withdraw and st.button(_("Withdraw my approval")):
    act(agenda_review.withdraw_approval, meeting_id, done=_("Approval withdrawn."))

if screen.may_edit and not screen.steps:
    st.info(_("This meeting has no agenda yet: start from the standard one and change it."))
    if st.button(_("Start from the standard agenda (10 steps, the seven skills)"), type="primary"):
        act(agenda.add_standard_agenda, meeting_id, done=_("The standard agenda is in place."))
if screen.may_edit:
    with st.expander(_("Add a step"), expanded=False):
        panels.step_form(
            "new-step", None,
            lambda *f: act(agenda.add_item, meeting_id, *f, done=_("Step added.")),
            _("Add the step"),
        )  # fmt: skip
for step in screen.steps:
    with st.container(border=True):
        panels.step_text(step)
        if screen.may_edit:
            panels.step_editor(here, step)
        panels.comment_form(
            step,
            lambda text, i=step.item.id: act(
                agenda_review.comment, i, text, done=_("Comment added.")
            ),
        )
