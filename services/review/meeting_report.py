"""The meeting report as a PDF for the Thought Leader Team: what was heard, proposed, agreed."""

from __future__ import annotations

import pandas as pd
from fpdf import FPDF

from adapters import pdf_layout as layout
from db.database import Database
from i18n import N_, _, hour, ngettext
from services.converge import result_words as words
from services.converge.tallies import DIFFER, STRONGEST
from services.core.actors import Actor
from services.core.vocab import IdeaStatus, label
from services.review.meeting_record import MeetingRecord, collect
from services.review.meeting_report_sections import AFTER_SECTIONS, capped
from services.review.meeting_report_trust import HEADING as TRUST_HEADING
from services.review.meeting_report_trust import trust_section
from services.review.report_lines import lines_of

SECTIONS = [
    N_("What the tables heard"),
    N_("What the tables proposed"),
    N_("Voting results and the common-ground ranking"),
    N_("Voice balance"),
    N_("Conflicts and agreements"),
    N_("The partnering charter and who signed it"),
    N_("The action plan"),
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
    pdf = layout.Document(_("Meeting report: {title}").format(title=record.title))
    pdf.set_title(
        _("Meeting report: {initiative}, {title}").format(
            initiative=record.initiative, title=record.title
        )
    )
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
        layout.heading(pdf, _(heading), 18)
        write(pdf, record)
    return bytes(pdf.output())


def _title_page(pdf: FPDF, record: MeetingRecord) -> None:
    pdf.add_page()
    pdf.ln(40)
    layout.text(pdf, _("Meeting report"), 24, bold=True, align="C")
    layout.text(pdf, record.initiative, 16, align="C")
    if record.city:
        layout.text(pdf, record.city, 12, align="C")
    pdf.ln(6)
    layout.text(pdf, record.title, 16, bold=True, align="C")
    when = record.starts_at
    starts = (
        _("{date}, {time} {zone}").format(
            date=layout.day(when), time=hour(when), zone=when.tzname() or "UTC"
        )
        if when
        else _("Date not set")
    )
    layout.text(pdf, starts, 12, align="C")
    layout.text(pdf, record.location or _("Location not set"), 12, align="C")
    pdf.ln(20)
    note = (
        _("This report includes confidential items: share it only with those who may see them.")
        if record.private
        else _("Confidential items and participants' contact details are left out of this report.")
    )
    layout.text(pdf, note, 10, align="C")


def _heard(pdf: FPDF, record: MeetingRecord) -> None:
    frame = record.frames["Listening notes"]
    if frame.empty:
        layout.text(pdf, _("No listening notes were taken at this meeting."))
        return
    for table, notes in frame.groupby("Table", sort=False):
        layout.heading(pdf, str(table), 13)
        for n in capped(pdf, notes, NOTES_PER_TABLE, N_("notes")):
            group = f" ({n['Group']})" if n["Group"] else ""
            late = _(" [late]") if n["Late"] else ""
            layout.text(pdf, f"• {n['Said']}{group}{late}", bold=True, size=10)
            if n["Paraphrase"]:
                layout.text(pdf, "    " + _("Heard as: {text}").format(text=n["Paraphrase"]), 10)
            if n["Interest"]:
                layout.text(
                    pdf, "    " + _("Interest beneath: {text}").format(text=n["Interest"]), 10
                )


def _proposed(pdf: FPDF, record: MeetingRecord) -> None:
    frame = record.frames["Ideas"]
    if frame.empty:
        layout.text(pdf, _("No ideas were put forward at this meeting."))
    for table, ideas in frame.groupby("Table", sort=False):
        layout.heading(pdf, str(table), 13)
        for i in capped(pdf, ideas, IDEAS_PER_TABLE, N_("ideas")):
            theme = i["Theme"] and _("theme {name}").format(name=i["Theme"])
            extra = [x for x in (i["Group"], theme) if x]
            status = "" if i["Status"] == label(IdeaStatus.VISIBLE) else f" [{i['Status'].lower()}]"
            status += _(" [late]") if i["Late"] else ""
            layout.text(
                pdf, f"• {i['Idea']}" + (f" ({', '.join(extra)})" if extra else "") + status, 10
            )
    layout.heading(pdf, _("Themes"), 13)
    themes = record.frames["Themes"]
    if themes.empty:
        layout.text(pdf, _("No themes were made."))
    for t in lines_of(themes):
        about = f": {t['Description']}" if t["Description"] else ""
        count = ngettext("{n} idea", "{n} ideas", t["Ideas"]).format(n=t["Ideas"])
        layout.text(pdf, f"• {t['Theme']} ({count}){about}", 10)


def _votes(pdf: FPDF, record: MeetingRecord) -> None:
    frame: pd.DataFrame = record.frames["Common ground"]
    if frame.empty:
        layout.text(pdf, _("No voting round was opened at this meeting."))
        return
    layout.text(pdf, _("Items rank high only when every stakeholder group backs them."), 10)
    for title, items in frame.groupby("Round", sort=False):
        layout.heading(pdf, str(title), 13)
        for r in capped(pdf, items, ITEMS_PER_ROUND, N_("items")):
            layout.text(pdf, f"{r['Rank']}. {r['Item']}", 10, bold=True)
            least = f" · {words.backing(r['Least backed by'])}" if r["Least backed by"] else ""
            layout.text(pdf, f"    {r['Support'][:1].upper()}{r['Support'][1:]}{least}.", 10)
            if r["Group shares"]:
                layout.text(
                    pdf, "    " + _("By group: {shares}.").format(shares=r["Group shares"]), 10
                )
        # The results screen's words and items (services/converge/tallies.unite_and_divide).
        for heading, word in [
            (_("Strongest common ground"), _(STRONGEST).capitalize()),
            (_("Where {differ}").format(differ=_(DIFFER)), _(DIFFER).capitalize()),
        ]:
            picked = items[items["Common ground or difference"] == word]["Item"].tolist()
            said = "; ".join(picked) if picked else _("nothing")
            layout.text(pdf, _("{heading}: {items}").format(heading=heading, items=said), 10)
