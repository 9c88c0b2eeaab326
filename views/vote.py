"""Vote: a participant's ballot on their phone, reached with the code on their badge."""

import streamlit as st

import runtime
from components import language
from components.ballot import closed_screen, survey_button, take_tap
from components.code_entry import VOTE, code_entry
from components.open_ballot import open_ballot
from components.text import escape_markdown
from i18n import _
from services.converge import vote_screen
from services.core import codes
from services.core.vocab import SurveyKind
from services.setup import participants
from workarounds.fragment_inline_call import InlineCall

db = runtime.database()
person = code_entry(
    VOTE, lambda typed: participants.participant_by_code(db, typed), lambda found: found.code
)
language.follow_badge(db, person.code, person.language)
screen = vote_screen.read(db, person.code)

st.title(_("Vote"), anchor=False)
st.write(_("Hello {name}.").format(name=escape_markdown(screen.name)))
st.caption(_("Your code: {code}").format(code=escape_markdown(codes.display_code(screen.code))))
tap = take_tap()
if tap and tap.problem:
    st.error(tap.problem)
elif tap:
    # A tap that redrew the whole page (another phone with this badge changed other rows)
    # still says it counted, here since its row's fragment did not draw it.
    st.success(_("Saved. Your ballot below shows every row as it now counts."))

inline = InlineCall()


@st.fragment(run_every="5s")
def watch_rounds() -> None:
    """Redraw the page when what it shows changes (a round, the meeting closing)."""
    if inline.first():
        # The page read the rounds a moment ago; reading them again here doubled the
        # database work of every tap (bench/ measured it).
        return
    if vote_screen.what_shows(db, screen.code) != screen.shows:
        st.rerun(scope="app")


watch_rounds()
if screen.stage is SurveyKind.POST:
    # Closing the meeting closed every round; the five-second check brought this page here.
    closed_screen("views/survey.py", screen.code)
elif not screen.ballots:
    st.info(_("No vote is open right now. Keep this page open: your ballot appears here."))
    if screen.stage is SurveyKind.PRE:
        label = _("Before the meeting: answer the short survey")
        survey_button("views/survey.py", label, screen.code, "pre")
for shown in screen.ballots:
    open_ballot(shown, db, screen.code)
