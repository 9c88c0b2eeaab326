"""The meeting report's later sections: voice balance, conflicts, the charter, the action plan."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
from fpdf import FPDF

from adapters import pdf_layout as layout
from services.review.meeting_record import MeetingRecord
from services.review.report_lines import Line, lines_of

ACTIONS_SHOWN = 40
CONFLICTS_SHOWN = 25


def capped(pdf: FPDF, frame: pd.DataFrame, limit: int, what: str) -> Iterator[Line]:
    """The first `limit` rows, then a line saying how many more the downloads carry."""
    yield from lines_of(frame.head(limit))
    if len(frame) > limit:
        more = len(frame) - limit
        layout.text(
            pdf, f"… and {more} more {what}, left out here: see the CSV or Excel download.", 9
        )


def _voice(pdf: FPDF, record: MeetingRecord) -> None:
    frame, facts = record.frames["Voice balance"], record.facts
    if frame.empty:
        layout.text(pdf, "No one was seated or heard yet, so there is no balance to show.")
        return
    base = "the roster (no one was seated)" if facts.get("counted_roster") else "seats"
    layout.text(pdf, f"Each group's share of notes and ideas against its share of {base}.", 10)
    for v in lines_of(frame):
        layout.text(
            pdf,
            f"• {v['Group']}: {v['Share of contributions (%)']:.0f}% of contributions "
            f"({v['Contributions']}), {v['Share of seats (%)']:.0f}% of seats ({v['People']})",
            10,
        )
    quiet = frame[frame["Under-heard"] == "Yes"]["Group"].tolist()
    if facts.get("too_early"):
        verdict = "Too few contributions were attributed to a group to judge who was under-heard."
    elif quiet:
        verdict = "Under-heard: " + ", ".join(quiet) + "."
    else:
        verdict = "No group was under-heard."
    layout.text(pdf, verdict, 11, bold=True)
    if facts.get("unattributed"):
        layout.text(
            pdf, f"{facts['unattributed']} notes and ideas were not attributed to a group.", 10
        )


def _conflicts(pdf: FPDF, record: MeetingRecord) -> None:
    frame = record.frames["Conflicts"]
    if frame.empty:
        layout.text(pdf, "No conflicts were recorded at this meeting.")
    for c in capped(pdf, frame, CONFLICTS_SHOWN, "conflicts"):
        layout.heading(pdf, c["Issue"], 12)
        layout.text(pdf, f"{c['Table']} · {c['Status']}", 10)
        for line in (c["Parties"] or "No parties recorded.").split("\n"):
            layout.text(pdf, f"• {line}", 10)
        for label in ["Options", "Agreement", "Next step", "Owner"]:
            if c[label]:
                layout.text(pdf, f"{label}: {c[label]}", 10)


def _charter(pdf: FPDF, record: MeetingRecord) -> None:
    version = record.facts.get("charter_version")
    if version is None:
        layout.text(pdf, "The partnering charter has not been written yet.")
        return
    layout.text(pdf, f"Version {version}. Mission: {record.facts.get('charter_mission', '')}")
    frame = record.frames["Charter sign-off"]
    if frame.empty:
        layout.text(pdf, "The initiative has no stakeholder groups yet.")
    for g in lines_of(frame):
        who = f", by {g['Signed by']} on {g['Signed on']}" if g["Signed by"] else ""
        older = (
            f" (version {g['Signed version']})"
            if g["Status"] != "Signed" and g["Signed version"]
            else ""
        )
        layout.text(pdf, f"• {g['Group']}: {g['Status'].lower()}{older}{who}", 10)


def _plan(pdf: FPDF, record: MeetingRecord) -> None:
    frame = record.frames["Action plan"]
    if frame.empty:
        layout.text(pdf, "The action plan has no actions yet.")
    for a in capped(pdf, frame, ACTIONS_SHOWN, "actions"):
        layout.text(pdf, f"• {a['Action']}", 10, bold=True)
        due = None if pd.isna(a["Due"]) else a["Due"]
        facts = [a["Owner"], a["Group"], f"due {due}" if due else "", a["Status"]]
        layout.text(pdf, "    " + " · ".join(f for f in facts if f), 10)
        if a["Measure of done"]:
            layout.text(pdf, f"    Done when: {a['Measure of done']}", 10)


AFTER_SECTIONS = [_voice, _conflicts, _charter, _plan]
