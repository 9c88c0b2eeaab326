"""The meeting report as a PDF for the Thought Leader Team: what was heard, proposed, agreed."""

from __future__ import annotations

import pandas as pd
from fpdf import FPDF

from adapters import pdf_layout as layout
from db.database import Database
from services.converge import result_words as words
from services.core.actors import Actor
from services.review.meeting_record import MeetingRecord, collect
from services.review.meeting_report_sections import AFTER_SECTIONS, capped
from services.review.meeting_report_trust import HEADING as TRUST_HEADING
from services.review.meeting_report_trust import trust_section
from services.review.report_lines import lines_of

SECTIONS = [
    "What the tables heard",
    "What the tables proposed",
    "Voting results and the common-ground ranking",
    "Voice balance",
    "Conflicts and agreements",
    "The partnering charter and who signed it",
    "The action plan",
    TRUST_HEADING,
]
NOTES_PER_TABLE = 40
IDEAS_PER_TABLE = 40
ITEMS_PER_ROUND = 10


def meeting_report_pdf(
    db: Database, actor: Actor, meeting_id: int, include_private: bool = False
) -> bytes:
    """The report: a title page, then each section in order; footer numbers the pages."""
    return report_pdf(collect(db, actor, meeting_id, include_private))


def report_pdf(record: MeetingRecord) -> bytes:
    """The report of a record already read (the one the Review screen shows)."""
    pdf = layout.Document(f"Meeting report: {record.title}")
    pdf.set_title(f"Meeting report: {record.initiative}, {record.title}")
    pdf.set_creator("Common Ground")
    _title_page(pdf, record)
    writers = [_heard, _proposed, _votes, *AFTER_SECTIONS, trust_section]
    pdf.add_page()
    for heading, write in zip(SECTIONS, writers, strict=True):
        # Sections run on rather than each taking a page: most meetings fill only a few.
        pdf.ln(6)
        # Keep a section heading with its first entry, which may itself be a heading.
        if pdf.will_page_break(60):
            pdf.add_page()
        layout.heading(pdf, heading, 18)
        write(pdf, record)
    return bytes(pdf.output())


def _title_page(pdf: FPDF, record: MeetingRecord) -> None:
    pdf.add_page()
    pdf.ln(40)
    layout.text(pdf, "Meeting report", 24, bold=True, align="C")
    layout.text(pdf, record.initiative, 16, align="C")
    if record.city:
        layout.text(pdf, record.city, 12, align="C")
    pdf.ln(6)
    layout.text(pdf, record.title, 16, bold=True, align="C")
    when = record.starts_at
    layout.text(
        pdf, f"{layout.day(when)}, {when:%H:%M} UTC" if when else "Date not set", 12, align="C"
    )
    layout.text(pdf, record.location or "Location not set", 12, align="C")
    pdf.ln(20)
    note = (
        "This report includes confidential items: share it only with those who may see them."
        if record.private
        else "Confidential items and participants' contact details are left out of this report."
    )
    layout.text(pdf, note, 10, align="C")


def _heard(pdf: FPDF, record: MeetingRecord) -> None:
    frame = record.frames["Listening notes"]
    if frame.empty:
        layout.text(pdf, "No listening notes were taken at this meeting.")
        return
    for table, notes in frame.groupby("Table", sort=False):
        layout.heading(pdf, str(table), 13)
        for n in capped(pdf, notes, NOTES_PER_TABLE, "notes"):
            group = f" ({n['Group']})" if n["Group"] else ""
            late = " [late]" if n["Late"] else ""
            layout.text(pdf, f"• {n['Said']}{group}{late}", bold=True, size=10)
            if n["Paraphrase"]:
                layout.text(pdf, f"    Heard as: {n['Paraphrase']}", 10)
            if n["Interest"]:
                layout.text(pdf, f"    Interest beneath: {n['Interest']}", 10)


def _proposed(pdf: FPDF, record: MeetingRecord) -> None:
    frame = record.frames["Ideas"]
    if frame.empty:
        layout.text(pdf, "No ideas were put forward at this meeting.")
    for table, ideas in frame.groupby("Table", sort=False):
        layout.heading(pdf, str(table), 13)
        for i in capped(pdf, ideas, IDEAS_PER_TABLE, "ideas"):
            extra = [x for x in (i["Group"], i["Theme"] and f"theme {i['Theme']}") if x]
            status = "" if i["Status"] == "Visible" else f" [{i['Status'].lower()}]"
            status += " [late]" if i["Late"] else ""
            layout.text(
                pdf, f"• {i['Idea']}" + (f" ({', '.join(extra)})" if extra else "") + status, 10
            )
    layout.heading(pdf, "Themes", 13)
    themes = record.frames["Themes"]
    if themes.empty:
        layout.text(pdf, "No themes were made.")
    for t in lines_of(themes):
        about = f": {t['Description']}" if t["Description"] else ""
        count = f"{t['Ideas']} idea" + ("" if t["Ideas"] == 1 else "s")
        layout.text(pdf, f"• {t['Theme']} ({count}){about}", 10)


def _votes(pdf: FPDF, record: MeetingRecord) -> None:
    frame: pd.DataFrame = record.frames["Common ground"]
    if frame.empty:
        layout.text(pdf, "No voting round was opened at this meeting.")
        return
    layout.text(pdf, "Items rank high only when every stakeholder group backs them.", 10)
    for title, items in frame.groupby("Round", sort=False):
        layout.heading(pdf, str(title), 13)
        for r in capped(pdf, items, ITEMS_PER_ROUND, "items"):
            layout.text(pdf, f"{r['Rank']}. {r['Item']}", 10, bold=True)
            least = f" · {words.backing(r['Least backed by'])}" if r["Least backed by"] else ""
            layout.text(pdf, f"    {r['Support'][:1].upper()}{r['Support'][1:]}{least}.", 10)
            if r["Group shares"]:
                layout.text(pdf, f"    By group: {r['Group shares']}.", 10)
        for label, word in [("What unites", "Unites"), ("What divides", "Divides")]:
            picked = items[items["Unites or divides"] == word]["Item"].tolist()
            layout.text(pdf, f"{label}: " + ("; ".join(picked) if picked else "nothing"), 10)
