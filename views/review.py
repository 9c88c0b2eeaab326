"""Review: what the meeting produced, for the Thought Leader Team."""

import streamlit as st

import runtime
from components.trust_chart import render_trust_chart
from services import (
    actions,
    conflicts,
    ideas,
    initiative_export,
    meeting_report,
    meeting_tables,
    notes,
    trust_pulse,
    voting_rounds,
)

actor = runtime.require_actor()
db = runtime.database()
initiative_id, meeting_id = runtime.require_meeting(actor)

st.title("Review")
figures = {
    "Listening notes": len(notes.list_notes(db, actor, meeting_id)),
    "Ideas": len(ideas.list_ideas(db, meeting_id, include_confidential=actor.is_facilitator)),
    "Voting rounds": len(voting_rounds.list_rounds(db, meeting_id)),
    "Conflicts": len(conflicts.list_conflicts(db, actor, meeting_id)),
    "Actions": len(actions.list_actions(db, actor, initiative_id)),
}
for column, (name, count) in zip(st.columns(len(figures)), figures.items(), strict=True):
    column.metric(name, count)

st.header("Trust pulse: before and after the meeting")
render_trust_chart(trust_pulse.trust_pulse(db, actor, initiative_id), key="trust")

st.header("Downloads")
private = actor.is_facilitator and st.checkbox(
    "Include confidential items (facilitators only; never contact details)", key="private"
)
report_col, zip_col, xlsx_col = st.columns(3)
report_col.download_button(
    "Meeting report (PDF)",
    lambda: meeting_report.meeting_report_pdf(db, actor, meeting_id, private),
    file_name="meeting-report.pdf",
    mime="application/pdf",
)
zip_col.download_button(
    "Every table (CSV, zipped)",
    lambda: meeting_tables.tables_zip(db, actor, meeting_id, private),
    file_name="meeting-tables.zip",
    mime="application/zip",
)
xlsx_col.download_button(
    "Every table (one Excel workbook)",
    lambda: meeting_tables.tables_xlsx(db, actor, meeting_id, private),
    file_name="meeting-tables.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)

if actor.is_facilitator:
    st.header("Full export")
    private = st.checkbox(
        "Include participants' contact details and confidential items",
        help="Leave this off for anything that leaves the facilitation team.",
    )
    st.download_button(
        "Download the whole initiative as JSON",
        lambda: initiative_export.to_json(
            initiative_export.export_initiative(db, actor, initiative_id, private)
        ),
        file_name="initiative-export.json",
        mime="application/json",
    )
    st.caption("A facilitator can load this file into an empty installation, losing nothing.")
