"""Prepare: the survey, invitations, interviews, a Pol.is conversation, the report."""

import streamlit as st

import runtime
from components import prepare_panels as panels
from components.invitations_panel import invitations_panel
from components.notices import show_flash
from services.prepare import interviews, polis, prepare_screen, survey_settings
from services.setup import initiatives

here = runtime.page()
screen = prepare_screen.read(here.db, here.actor, here.meeting_id, runtime.public_base_url())


def on_initiative(service, done: str):
    """What a control does: `service` on this initiative, with the control's values."""
    return lambda *values: here.act(service, here.initiative_id, *values, done=done)


st.title("Prepare")
show_flash()
if screen.survey is not None:
    with st.expander("Survey settings"):
        panels.survey_settings(
            screen.survey,
            on_open=on_initiative(survey_settings.set_survey_open, "Survey updated."),
            on_trust=on_initiative(initiatives.set_trust_statements, "Statements saved."),
            on_questions=on_initiative(
                survey_settings.set_demographic_questions, "Questions saved."
            ),
            on_standard=on_initiative(
                survey_settings.add_standard_trust_items, "Published trust questions added."
            ),
        )
if screen.invitations is not None:
    st.header("Invitations")
    invitations_panel(here.db, here.actor, screen.invitations)
st.header("Pre-session report")
panels.presession_report(screen.report)
st.header("Survey responses")
panels.survey_responses(screen.responses)
st.header("Interviews")
if screen.facilitating:
    with st.expander("Add interview notes"):
        saved = on_initiative(interviews.create_interview, "Interview saved.")
        panels.interview_form(dict(screen.roster), saved)
panels.interview_notes(screen.interviews)
if screen.facilitating:
    st.header("A Pol.is conversation")
    st.caption(
        "A city that ran an online Pol.is conversation first can start the room from it: "
        "its statements become ideas and its votes a closed round, ranked by common ground."
    )
    imported = "Conversation imported. See its results on Converge."
    panels.polis_upload(
        lambda files: here.act(polis.load_upload, here.meeting_id, files, done=imported)
    )
