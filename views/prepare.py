"""Prepare: the survey, invitations, interviews, a Pol.is conversation, the report."""

import streamlit as st

import runtime
from components import prepare_panels as panels
from components.invitations_panel import invitations_panel
from components.notices import show_flash
from i18n import _
from services.prepare import interviews, polis, prepare_screen, survey_settings
from services.setup import initiatives

here = runtime.page()
screen = prepare_screen.read(here.db, here.actor, here.meeting_id, runtime.public_base_url())


def on_initiative(service, done: str):
    """What a control does: `service` on this initiative, with the control's values."""
    return lambda *values: here.act(service, here.initiative_id, *values, done=done)


st.title(_("Prepare"))
show_flash()
if screen.survey is not None:
    with st.expander(_("Survey settings")):
        panels.survey_settings(
            screen.survey,
            on_open=on_initiative(survey_settings.set_survey_open, _("Survey updated.")),
            on_trust=on_initiative(initiatives.set_trust_statements, _("Statements saved.")),
            on_questions=on_initiative(
                survey_settings.set_demographic_questions, _("Questions saved.")
            ),
            on_standard=on_initiative(
                survey_settings.add_standard_trust_items, _("Published trust questions added.")
            ),
        )
if screen.invitations is not None:
    st.header(_("Invitations"))
    invitations_panel(here.db, here.actor, screen.invitations)
st.header(_("Pre-session report"))
panels.presession_report(screen.report)
st.header(_("Survey responses"))
panels.survey_responses(screen.responses)
st.header(_("Interviews"))
if screen.facilitating:
    with st.expander(_("Add interview notes")):
        saved = on_initiative(interviews.create_interview, _("Interview saved."))
        panels.interview_form(dict(screen.roster), saved)
panels.interview_notes(screen.interviews)
if screen.facilitating:
    st.header(_("A Pol.is conversation"))
    st.caption(_(
        "A city that ran an online Pol.is conversation first can start the room from it: "
        "its statements become ideas and its votes a closed round, ranked by common ground."
    ))  # fmt: skip
    imported = _("Conversation imported. See its results on Converge.")
    panels.polis_upload(
        lambda files: here.act(polis.load_upload, here.meeting_id, files, done=imported)
    )
