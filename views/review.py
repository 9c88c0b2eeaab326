"""Review: what the meeting produced, for the Thought Leader Team."""

import streamlit as st

import runtime
from components.charter_panels import signoff_table
from components.console_panels import voice_panel
from components.downloads import prepared_download
from components.plan_charts import render_progress_chart
from components.results import round_results
from components.review_panels import conflicts_record, tables_record
from components.trust_chart import render_trust_chart
from services.act import action_followup, actions
from services.archive import initiative_export
from services.converge import tallies, voting_rounds
from services.core.vocab import RoundStatus
from services.partner import charter_signoff, charters
from services.resolve import conflicts
from services.review import meeting_report, meeting_sheets, trust_pulse
from services.room import ideas, notes, voice
from services.setup import stakeholders, tables

actor = runtime.require_actor()
db = runtime.database()
initiative_id, meeting_id = runtime.require_meeting(actor)

st.title("Review")
figures = {
    "Listening notes": len(notes.list_notes(db, actor, meeting_id)),
    "Ideas": len(
        ideas.list_ideas(db, meeting_id, include_confidential=actor.is_facilitator, actor=actor)
    ),
    "Voting rounds": len(voting_rounds.list_rounds(db, actor, meeting_id)),
    "Conflicts": len(conflicts.list_conflicts(db, actor, meeting_id)),
    "Actions": len(actions.list_actions(db, actor, initiative_id)),
}
for column, (name, count) in zip(st.columns(len(figures)), figures.items(), strict=True):
    column.metric(name, count)

groups = {g.id: g.name for g in stakeholders.list_stakeholders(db, initiative_id)}
private = actor.is_facilitator
st.header("What the tables said and proposed")
tables_record(
    {t.id: t.number for t in tables.list_tables(db, meeting_id)},
    notes.list_notes(db, actor, meeting_id),
    ideas.list_ideas(db, meeting_id, include_confidential=private, actor=actor),
    groups,
)
st.header("Voting results")
opened = [
    r for r in voting_rounds.list_rounds(db, actor, meeting_id) if r.status is not RoundStatus.DRAFT
]
for voting_round in opened:
    round_results(voting_round.title, tallies.results(db, voting_round.id), f"r{voting_round.id}")
if not opened:
    st.info("No votes yet — no voting round has been opened at this meeting.")
st.header("Voice balance")
voice_panel(voice.voice_summary(db, actor, meeting_id))
st.header("Conflicts and agreements")
conflicts_record(conflicts.list_conflicts(db, actor, meeting_id, include_confidential=private))
st.header("Charter sign-off")
latest = charters.latest_charter(db, actor, initiative_id)
if latest is None:
    st.info("No charter yet.")
else:
    signoff_table(charter_signoff.signoff_status(db, actor, initiative_id), latest.version)
st.header("Action plan")
render_progress_chart(
    action_followup.progress_by_group(db, actor, initiative_id), key="review-progress"
)

st.header("Trust pulse: before and after the meeting")
render_trust_chart(trust_pulse.trust_pulse(db, actor, initiative_id), key="trust")

st.header("Downloads")
private = private and st.checkbox(
    "Include confidential items (facilitators only; never contact details)", key="private"
)
report_col, zip_col, xlsx_col = st.columns(3)
with report_col:
    prepared_download(
        "the meeting report (PDF)",
        lambda: meeting_report.meeting_report_pdf(db, actor, meeting_id, private),
        "meeting-report.pdf",
        "application/pdf",
        key="report",
    )
with zip_col:
    prepared_download(
        "every table (CSV, zipped)",
        lambda: meeting_sheets.tables_zip(db, actor, meeting_id, private),
        "meeting-tables.zip",
        "application/zip",
        key="tables-zip",
    )
with xlsx_col:
    prepared_download(
        "every table (one Excel workbook)",
        lambda: meeting_sheets.tables_xlsx(db, actor, meeting_id, private),
        "meeting-tables.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="tables-xlsx",
    )

if actor.is_facilitator:
    st.header("Full export")
    private = st.checkbox(
        "Include participants' contact details, survey answers and confidential items",
        help="Leave this off for anything that leaves the facilitation team.",
    )
    prepared_download(
        "the whole initiative (JSON)",
        lambda: initiative_export.to_json(
            initiative_export.export_initiative(db, actor, initiative_id, private)
        ),
        "initiative-export.json",
        "application/json",
        key="initiative-json",
    )
    st.caption("A facilitator can load this file into an empty installation, losing nothing.")
