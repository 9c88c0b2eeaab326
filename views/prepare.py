"""Prepare: the survey, invitations, interviews, a Pol.is conversation, the report."""

import streamlit as st

import runtime
from components import prepare_panels as panels
from components.invitations_panel import invitations_panel
from components.notices import show_flash
from components.opened import expander_once_opened
from i18n import _
from services.prepare import interviews, polis, prepare_screen
from services.translations.translate import translate_all

here = runtime.page()
screen = prepare_screen.read(here.db, here.actor, here.meeting_id, runtime.public_base_url())


def on_initiative(service, done: str):
    """What a control does: `service` on this initiative, with the control's values."""
    return lambda *values: here.act(service, here.initiative_id, *values, done=done)


st.title(_("Prepare"))
show_flash()
if screen.survey is not None:
    # Keyed: it stays open over the run a save starts, for the translations below it.
    box, drawn = expander_once_opened(_("Survey settings"), key="prepare-survey-settings")
    if drawn:
        with box:
            panels.survey_settings(screen.survey, here.act)
if screen.invitations is not None:
    st.header(_("Invitations"))
    invitations_panel(here.db, here.actor, screen.invitations)
st.header(_("Pre-session report"))
panels.presession_report(screen.report, of=here.meeting_id)
st.header(_("Survey responses"))
panels.survey_responses(screen.responses)
st.header(_("Interviews"))
if screen.facilitating:
    with st.expander(_("Add interview notes")):
        saved = on_initiative(interviews.create_interview, _("Interview saved."))
        panels.interview_form(dict(screen.roster), saved)
panels.interview_notes(screen.interviews)
if screen.facilitating:
    panels.interview_translation(
        screen.interviews, lambda e: here.act(translate_all, e, done=_("Translations saved."))
    )
if screen.facilitating:
    st.header(_("A Pol.is conversation"))
    st.caption(_(
        "A city that ran an online Pol.is conversation first can start the room from it: "
        "its statements become ideas and its votes a closed round, ranked by common ground."
    ))  # fmt: skip
    imported = _("Conversation imported. See its results on Converge.")
    panels.polis_upload(
        lambda files, language: here.act(
            polis.load_upload, here.meeting_id, files, language, done=imported
        )
    )
