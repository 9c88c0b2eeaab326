"""Review: what the meeting produced, for the Thought Leader Team."""

import streamlit as st

import runtime
from components import review_panels as panels
from components.charter_panels import signoff_table
from components.console_panels import voice_panel
from components.plan_charts import render_progress_chart
from components.results import round_results
from components.trust_chart import render_trust_chart
from i18n import _
from services.review import review_screen

here = runtime.page()
st.title(_("Review"))
# One switch for the record on screen and in every download: they show the same items.
private = here.actor.is_facilitator and st.checkbox(
    _("Include confidential items (facilitators only; never contact details)"), key="private"
)
screen = review_screen.read(here.db, here.actor, here.meeting_id, private)
panels.figures(screen.figures)

st.header(_("What the tables said and proposed"))
panels.tables_record(screen.tables)
st.header(_("Voting results"))
for shown in screen.rounds:
    round_results(shown.called, shown.results, f"r{shown.round_id}")
if not screen.rounds:
    st.info(_("No votes yet — no voting round has been opened at this meeting."))
st.header(_("Voice balance"))
voice_panel(screen.voice)
st.header(_("Conflicts and agreements"))
panels.conflicts_record(screen.record)
st.header(_("Charter sign-off"))
if screen.charter_version is None:
    st.info(_("No charter yet."))
else:
    signoff_table(list(screen.signoff), screen.charter_version)
st.header(_("Action plan"))
render_progress_chart(list(screen.progress), key="review-progress")

st.header(_("Trust pulse: before and after the meeting"))
render_trust_chart(list(screen.record.trust), key="trust")

st.header(_("Downloads"))
panels.record_downloads(screen.record)
if here.actor.is_facilitator:
    panels.full_export(here)
