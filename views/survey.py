"""Survey: before the meeting, the pre-session survey; after it, the feedback form."""

import streamlit as st

import runtime
from components import language
from components.code_entry import SURVEY, code_entry
from components.notices import refuse, show_error
from components.ratings import roomy_choices
from components.survey_form import survey_form
from components.text import escape_markdown
from i18n import _
from services.core import codes
from services.core.errors import DomainError
from services.core.small_groups import privacy_promise
from services.prepare import survey_screen
from services.setup import participants

db = runtime.database()
person = code_entry(
    SURVEY, lambda typed: participants.participant_by_code(db, typed), lambda found: found.code
)
language.follow_badge(db, person.code, person.language)
screen = survey_screen.read(db, person.code)
if screen.stage is None:
    refuse(_("The survey has closed. Thank you: the answers you sent are kept."), title=_("Survey"))
st.title(_("How did it go?") if screen.after else _("Before we meet"), anchor=False)
st.write(
    _("{initiative} · for {name}").format(
        initiative=escape_markdown(screen.initiative_name), name=escape_markdown(screen.name)
    )
)
st.caption(_("Your code: {code}").format(code=escape_markdown(codes.display_code(screen.code))))
# Said before the first question, so the person knows it before they answer.
st.info(privacy_promise())
roomy_choices()
sent = survey_form(screen)
if sent is not None:
    try:
        survey_screen.submit(db, screen, sent)
        st.success(_("Saved. You can change your answers until the survey closes."))
    except DomainError as error:
        show_error(error)
