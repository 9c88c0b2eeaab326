"""Survey: a participant's pre-session survey, reached with the code on their badge."""

import streamlit as st

import runtime
from components.notices import refuse, show_error
from components.text import escape_markdown
from services import initiatives, participants, surveys
from services.errors import DomainError
from services.vocab import SurveyKind

db = runtime.database()
person = participants.participant_by_code(db, runtime.query_code())
if person is None:
    refuse(
        "This survey link is not valid. Check the link or QR code on your invitation, "
        "or ask the facilitator for a new one.",
        title="Survey",
    )
initiative = initiatives.get_initiative(db, person.initiative_id)
st.title("Before we meet")
st.write(f"{escape_markdown(initiative.name)} · for {escape_markdown(person.name)}")
answer = surveys.get_response(db, person.code, SurveyKind.PRE)

with st.form("survey"):
    issues = st.text_area("The top issues for you", value=answer.top_issues if answer else "")
    fixes = st.text_area("Solutions you would propose", value=answer.solutions if answer else "")
    goals = st.text_area("What you want from the meeting", value=answer.goals if answer else "")
    trust = {
        statement: st.slider(
            statement,
            1,
            5,
            (answer.trust.get(statement, 3) if answer else 3),
            help="1 = strongly disagree, 5 = strongly agree",
        )
        for statement in initiative.trust_statements
    }
    sent = st.form_submit_button("Save my answers", type="primary")
if sent:
    try:
        surveys.submit_survey(db, person.code, SurveyKind.PRE, issues, fixes, goals, trust=trust)
        st.success("Saved. You can change your answers until the survey closes.")
    except DomainError as error:
        show_error(error)
