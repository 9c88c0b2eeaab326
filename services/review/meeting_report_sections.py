"""The meeting report's later sections: voice balance, conflicts, the charter, the action plan."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pandas as pd
from fpdf import FPDF

from adapters import pdf_layout as layout
from i18n import N_, _, day
from services.review.meeting_record import MeetingRecord
from services.review.report_lines import Line, lines_of

ACTIONS_SHOWN = 40
CONFLICTS_SHOWN = 25


def capped(pdf: FPDF, frame: pd.DataFrame, limit: int, what: str) -> Iterator[Line]:
    """The first `limit` rows, then a line saying how many more the downloads carry."""
    yield from lines_of(frame.head(limit))
    if len(frame) > limit:
        more = len(frame) - limit
        left_out = _("… and {more} more {what}, left out here: see the CSV or Excel download.")
        layout.text(pdf, left_out.format(more=more, what=_(what)), 9)


def _voice(pdf: FPDF, record: MeetingRecord) -> None:
    frame, facts = record.frames["Voice balance"], record.facts
    if frame.empty:
        layout.text(pdf, _("No one was seated or heard yet, so there is no balance to show."))
        return
    against = (
        _(
            "Each group's share of notes and ideas against its share of the roster "
            "(no one was seated)."
        )
        if facts.get("counted_roster")
        else _("Each group's share of notes and ideas against its share of seats.")
    )
    layout.text(pdf, against, 10)
    for v in lines_of(frame):
        layout.text(
            pdf,
            _(
                "• {group}: {contribution_share}% of contributions ({contributions}), "
                "{seat_share}% of seats ({people})"
            ).format(
                group=v["Group"],
                contribution_share=f"{v['Share of contributions (%)']:.0f}",
                contributions=v["Contributions"],
                seat_share=f"{v['Share of seats (%)']:.0f}",
                people=v["People"],
            ),
            10,
        )
    quiet = frame[frame["Under-heard"] == _("Yes")]["Group"].tolist()
    if facts.get("too_early"):
        verdict = _(
            "Too few contributions were attributed to a group to judge who was under-heard."
        )
    elif quiet:
        verdict = _("Under-heard: {groups}.").format(groups=", ".join(quiet))
    else:
        verdict = _("No group was under-heard.")
    layout.text(pdf, verdict, 11, bold=True)
    if facts.get("unattributed"):
        unattributed = _("{n} notes and ideas were not attributed to a group.")
        layout.text(pdf, unattributed.format(n=facts["unattributed"]), 10)


def _conflicts(pdf: FPDF, record: MeetingRecord) -> None:
    frame = record.frames["Conflicts"]
    if frame.empty:
        layout.text(pdf, _("No conflicts were recorded at this meeting."))
    for c in capped(pdf, frame, CONFLICTS_SHOWN, N_("conflicts")):
        layout.heading(pdf, c["Issue"], 12)
        layout.text(pdf, f"{c['Table']} · {c['Status']}", 10)
        for line in (c["Parties"] or _("No parties recorded.")).split("\n"):
            layout.text(pdf, f"• {line}", 10)
        for label in ["Options", "Agreement", "Next step", "Owner"]:
            if c[label]:
                layout.text(pdf, f"{_(label)}: {c[label]}", 10)


def _charter(pdf: FPDF, record: MeetingRecord) -> None:
    version = record.facts.get("charter_version")
    if version is None:
        layout.text(pdf, _("The partnering charter has not been written yet."))
        return
    mission = _("Version {version}. Mission: {mission}")
    layout.text(
        pdf, mission.format(version=version, mission=record.facts.get("charter_mission", ""))
    )
    frame = record.frames["Charter sign-off"]
    if frame.empty:
        layout.text(pdf, _("The initiative has no stakeholder groups yet."))
    for g in lines_of(frame):
        who = (
            _(", by {name} on {date}").format(
                name=g["Signed by"], date=day(date.fromisoformat(g["Signed on"]))
            )
            if g["Signed by"]
            else ""
        )
        older = (
            _(" (version {version})").format(version=g["Signed version"])
            if g["Status"] != _("Signed") and g["Signed version"]
            else ""
        )
        layout.text(pdf, f"• {g['Group']}: {g['Status'].lower()}{older}{who}", 10)


def _plan(pdf: FPDF, record: MeetingRecord) -> None:
    frame = record.frames["Action plan"]
    if frame.empty:
        layout.text(pdf, _("The action plan has no actions yet."))
    for a in capped(pdf, frame, ACTIONS_SHOWN, N_("actions")):
        layout.text(pdf, f"• {a['Action']}", 10, bold=True)
        due = None if pd.isna(a["Due"]) else day(date.fromisoformat(str(a["Due"])[:10]))
        facts = [
            a["Owner"],
            a["Group"],
            _("due {date}").format(date=due) if due else "",
            a["Status"],
        ]
        layout.text(pdf, "    " + " · ".join(f for f in facts if f), 10)
        if a["Measure of done"]:
            layout.text(
                pdf, "    " + _("Done when: {measure}").format(measure=a["Measure of done"]), 10
            )


AFTER_SECTIONS = [_voice, _conflicts, _charter, _plan]
