"""Prepare: the survey, invitations, interviews, a Pol.is conversation, the report."""

import streamlit as st

import runtime
from components import prepare_panels as panels
from components.downloads import prepared_download
from components.invitations_panel import invitations_panel
from components.notices import action_runner, show_flash
from components.records import show_records
from components.wordcloud import show_word_cloud
from services.core.vocab import label
from services.prepare import (
    interviews,
    polis,
    polis_export,
    presession_document,
    presession_report,
    survey_settings,
    surveys,
)
from services.setup import initiatives, meetings, participants

actor = runtime.require_actor()
db = runtime.database()
initiative_id, meeting_id = runtime.require_meeting(actor)
act = action_runner(db, actor)
initiative = initiatives.get_initiative(db, initiative_id, actor=actor)

st.title("Prepare")
show_flash()
if actor.is_facilitator:
    with st.expander("Survey settings"):
        panels.survey_settings(
            initiative,
            on_open=lambda is_open: act(
                survey_settings.set_survey_open, initiative_id, is_open, done="Survey updated."
            ),
            on_trust=lambda items: act(
                initiatives.set_trust_statements, initiative_id, items, done="Statements saved."
            ),
            on_questions=lambda items: act(
                survey_settings.set_demographic_questions, initiative_id, items,
                done="Questions saved.",
            ),
            on_standard=lambda: act(
                survey_settings.add_standard_trust_items, initiative_id,
                done="Published trust questions added.",
            ),
        )  # fmt: skip

    st.header("Invitations")
    invitations_panel(db, actor, meeting_id, runtime.public_base_url())

st.header("Pre-session report")
report = presession_report.presession_report(db, actor, initiative_id)
panels.response_count(report.responses)
show_records(
    report.responses,
    {
        "Group": "group",
        "Invited": "invited",
        "Responded": "responded",
        "Rate": lambda r: "—" if r.rate is None else f"{r.rate:.0%}",
    },
    "No stakeholder groups yet.",
)
html_col, pdf_col = st.columns(2)
with html_col:
    prepared_download(
        "the report (HTML)",
        lambda: presession_document.report_html(report),
        "pre-session-report.html",
        "text/html",
        key="presession-html",
    )
with pdf_col:
    prepared_download(
        "the report (PDF)",
        lambda: presession_document.report_pdf(report),
        "pre-session-report.pdf",
        "application/pdf",
        key="presession-pdf",
    )

st.header("Survey responses")
responses = surveys.list_responses(db, actor, initiative_id)
show_word_cloud([r.top_issues for r in responses], key="issues-cloud")
show_records(
    responses,
    {
        "Kind": lambda r: label(r.kind),
        "Top issues": "top_issues",
        "Solutions": "solutions",
        "Goals": "goals",
        "What worked": "what_worked",
        "What should change": "what_to_change",
        "Updated": "updated_at",
    },
    "No survey responses yet.",
)

st.header("Interviews")
if actor.is_facilitator:
    people = {p.id: p.name for p in participants.list_participants(db, actor, initiative_id)}
    with st.expander("Add interview notes"):
        panels.interview_form(
            people,
            lambda *fields: act(
                interviews.create_interview, initiative_id, *fields, done="Interview saved."
            ),
        )
show_records(
    interviews.list_interviews(db, actor, initiative_id),
    {
        "Interviewee": "interviewee",
        "Interviewer": "interviewer",
        "Date": "held_on",
        "Themes": "themes",
        "Notes": "notes",
    },
    "No interview notes yet.",
)

if actor.is_facilitator:
    st.header("A Pol.is conversation")
    st.caption(
        "A city that ran an online Pol.is conversation first can start the room from it: "
        "its statements become ideas and its votes a closed round, ranked by common ground."
    )
    meeting = meetings.get_meeting(db, meeting_id, actor=actor)
    panels.polis_upload(
        lambda files: act(
            lambda d, a, f: polis.load_into_meeting(
                d, a, meeting.id, polis_export.read_uploaded(f)
            ),
            files,
            done="Conversation imported. See its results on Converge.",
        )
    )
