"""Survey: before the meeting, the pre-session survey; after it, the feedback form."""

import streamlit as st

import runtime
from components.code_entry import SURVEY, code_entry
from components.notices import refuse, show_error
from components.ratings import roomy_choices, trust_answers
from components.text import escape_markdown
from services.core import codes
from services.core.errors import DomainError
from services.core.small_groups import PRIVACY_PROMISE
from services.core.vocab import SurveyKind
from services.prepare import surveys
from services.prepare.trust_items import trust_items
from services.setup import initiatives, participants

db = runtime.database()
person = code_entry(SURVEY, lambda typed: participants.participant_by_code(db, typed))
code = person.code
initiative = initiatives.get_initiative(db, person.initiative_id)
stage = surveys.survey_stage(db, code)
if stage is None:
    refuse("The survey has closed. Thank you: the answers you sent are kept.", title="Survey")
after = stage is SurveyKind.POST
st.title("How did it go?" if after else "Before we meet")
st.write(f"{escape_markdown(initiative.name)} · for {escape_markdown(person.name)}")
st.caption(f"Your code: {escape_markdown(codes.display_code(code))}")
# Said before the first question, so the person knows it before they answer.
st.info(PRIVACY_PROMISE)
answer = surveys.get_response(db, code, stage)
roomy_choices()

with st.form("survey"):
    if after:
        worked = st.text_area("What worked", value=answer.what_worked if answer else "")
        change = st.text_area("What should change", value=answer.what_to_change if answer else "")
    else:
        issues = st.text_area("The top issues for you", value=answer.top_issues if answer else "")
        fixes = st.text_area(
            "Solutions you would propose", value=answer.solutions if answer else ""
        )
        goals = st.text_area("What you want from the meeting", value=answer.goals if answer else "")
    if initiative.trust_statements:
        st.markdown("**How you see the police**")
        st.caption(
            "Choose the answer closest to how you feel. Skip any you prefer not to answer: "
            "“Prefer not to say” counts as no answer."
        )
        trust = trust_answers(
            trust_items(initiative.trust_statements), answer.trust if answer else None, stage.value
        )
    else:
        trust = {}
    about = {}
    if not after and initiative.demographic_questions:
        st.markdown("**About you (optional)**")
        for question in initiative.demographic_questions:
            given = st.text_input(
                escape_markdown(question), (answer.demographics.get(question, "") if answer else "")
            )
            if given.strip():
                about[question] = given
    sent = st.form_submit_button("Send my answers", type="primary")
if sent:
    try:
        if after:
            surveys.submit_survey(
                db, code, stage, what_worked=worked, what_to_change=change, trust=trust
            )
        else:
            surveys.submit_survey(
                db, code, stage, issues, fixes, goals, trust=trust, demographics=about
            )
        st.success("Saved. You can change your answers until the survey closes.")
    except DomainError as error:
        show_error(error)
