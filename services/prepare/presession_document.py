"""The pre-session report as a printable HTML page and as a PDF, from plain report values."""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from fpdf import FPDF

import i18n
from adapters import pdf_layout as layout
from adapters.wordcloud_render import render_png
from i18n import N_, _
from services.core.small_groups import what_small_groups_show
from services.review.trust_pulse import table_rows

if TYPE_CHECKING:
    from services.prepare.presession_report import PolisSummary, PreSessionReport

TRUST_HEADING = N_("Trust before the meeting, by group")
WORD_SECTIONS = (
    (N_("Top issues"), "top_issues"),
    (N_("Solutions"), "solutions"),
    (N_("Goals"), "goals"),
)
HEADINGS = (
    N_("Survey response by group"),
    *(h for h, _field in WORD_SECTIONS),
    N_("What the interviews raised"),
    N_("Pol.is: statements that unite"),
    N_("Pol.is: statements that divide"),
    TRUST_HEADING,
)
Table = tuple[str, list[str], list[list[str]]]  # caption, column heads, rows of cells
_STYLE = (
    "body{font-family:sans-serif;max-width:48rem;margin:2rem auto;color:#000}"
    "table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #666;"
    "padding:.25rem .5rem;text-align:left;vertical-align:top}caption{text-align:left;"
    "font-weight:bold}.credit{white-space:pre-line;font-size:.9em}"
    "@media print{section{break-inside:avoid-page}}"
)


CLOUD_PX = (900, 360)
"""A word cloud's picture, in pixels."""
CLOUD_MM = (150, 150 * CLOUD_PX[1] / CLOUD_PX[0])
"""The same on the PDF's page, in millimetres: 150 wide."""


def sections(report: PreSessionReport) -> list[tuple[str, Table | str]]:
    """Each heading with its table, or a sentence when there is nothing to show, all in the
    reader's language."""
    rates = [
        [r.group, str(r.invited), str(r.responded), "—" if r.rate is None else _percent(r.rate)]
        for r in report.responses
    ]
    rate_heads = [_("Group"), _("Invited"), _("Responded"), _("Rate")]
    out: list[tuple[str, Table | str]] = [
        (_(HEADINGS[0]), (_("Pre-survey responses"), rate_heads, rates))
    ]
    for heading, field in WORD_SECTIONS:
        counts = [[w, str(n)] for w, n in getattr(report, field).items()]
        caption = _("{heading}: most used words").format(heading=_(heading))
        out.append((_(heading), (caption, [_("Word"), _("Answers using it")], counts)))
    talks = [
        [i.interviewee, i18n.short_day(i.held_on) if i.held_on else "—", i.themes or "—"]
        for i in report.interviews
    ]
    talk_heads = [_("Interviewee"), _("Date"), _("Themes")]
    out.append((_(HEADINGS[4]), (_("Interviews"), talk_heads, talks)))
    for heading, kind in zip(HEADINGS[5:7], ("unite", "divide"), strict=True):
        out.append((_(heading), _statements(report.polis, kind)))
    # After the response rates, which say who the figures come from.
    out.insert(1, (_(TRUST_HEADING), _trust_before(report)))
    return [(h, t if isinstance(t, str) or t[2] else _("Nothing to show yet.")) for h, t in out]


def _trust_before(report: PreSessionReport) -> Table | str:
    answered = [r for r in report.trust if r.n_before]
    if not answered:
        return _("No one has answered the trust questions yet.")
    # Each mean with its scale: "how often" questions run 1–4, the others 1–5, and a 2,9
    # of one read as a 2,9 of the other (a helper's walk of the PDF).
    rows = [
        [*cells[:4], r.scale.describe()]
        for cells, r in zip(table_rows(answered), answered, strict=True)
    ]
    caption = _("Mean answer before the meeting, by group. {small_groups}").format(
        small_groups=what_small_groups_show()
    )
    heads = [_("Question"), _("Group"), _("Mean"), _("Answered"), _("Answer scale")]
    return (caption, heads, rows)


def _statements(polis: PolisSummary | None, kind: str) -> Table | str:
    if polis is None:
        return _("No Pol.is conversation was imported into a meeting of this initiative.")
    if polis.not_computed:
        return f"{polis.title}: {polis.not_computed}"
    rows = [
        [r.text, "; ".join(f"{g.group} {_pct(g.share)}" for g in r.groups)]
        for r in getattr(polis, kind)
    ]
    caption = (
        _("{title}: statements that unite")
        if kind == "unite"
        else _("{title}: statements that divide")
    ).format(title=polis.title)
    return (caption, [_("Statement"), _("Agree, by group")], rows)


def _pct(share: float | None) -> str:
    return _("no votes") if share is None else _percent(share)


def word_clouds(report: PreSessionReport) -> dict[str, tuple[bytes, str]]:
    """Per word section with words: its cloud as PNG and the same words said in text."""
    clouds = {}
    for heading, field in WORD_SECTIONS:
        words = getattr(report, field)
        if words:
            said = ", ".join(f"{w} ({n})" for w, n in list(words.items())[:10])
            png = render_png(tuple(sorted(words.items())), width=CLOUD_PX[0], height=CLOUD_PX[1])
            alt = _("Word cloud of {heading}: {words}").format(
                heading=_(heading).lower(), words=said
            )
            clouds[_(heading)] = (png, alt)
    return clouds


def report_html(report: PreSessionReport) -> str:
    """A self-contained, printable HTML page; every piece of people's text is escaped."""
    title = _("Pre-session report: {initiative}").format(initiative=report.initiative)
    body = [f"<h1>{escape(title)}</h1>"]
    if report.city:
        body.append(f"<p>{escape(report.city)}</p>")
    clouds = word_clouds(report)
    for heading, content in sections(report):
        picture = ""
        if heading in clouds:
            png, alt = clouds[heading]
            data = base64.b64encode(png).decode()
            picture = f'<img src="data:image/png;base64,{data}" alt="{escape(alt)}" width="600">'
        body.append(f"<section><h2>{escape(heading)}</h2>{picture}{_html_part(content)}</section>")
    if report.polis:
        body.append(f'<p class="credit">{escape(report.polis.attribution)}</p>')
    return (
        f'<!DOCTYPE html>\n<html lang="{i18n.current()}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )


def _html_part(content: Table | str) -> str:
    if isinstance(content, str):
        return f"<p>{escape(content)}</p>"
    caption, heads, rows = content
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in heads)
    # The first cell names the row, so it is the row's header for screen readers.
    cells = ["".join(f"<td>{escape(c)}</td>" for c in r[1:]) for r in rows]
    body = "".join(
        f'<tr><th scope="row">{escape(r[0])}</th>{c}</tr>' for r, c in zip(rows, cells, strict=True)
    )
    return (
        f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def report_pdf(report: PreSessionReport) -> bytes:
    """The same report as a PDF: the charter's A4 DejaVu pages, tables as simple rows."""
    pdf = layout.Document(_("Pre-session report"))
    pdf.set_title(_("Pre-session report: {initiative}").format(initiative=report.initiative))
    pdf.add_page()
    layout.text(pdf, _("Pre-session report"), 20, bold=True, align="C")
    layout.text(pdf, report.initiative, 14, align="C")
    if report.city:
        layout.text(pdf, report.city, 12, align="C")
    clouds = word_clouds(report)
    for title, content in sections(report):
        layout.heading(pdf, title, 14, keep=CLOUD_MM[1] + 10 if title in clouds else 30)
        if title in clouds:
            pdf.image(io.BytesIO(clouds[title][0]), w=CLOUD_MM[0], alt_text=clouds[title][1])
        if title == _(TRUST_HEADING) and not isinstance(content, str):
            layout.text(pdf, content[0], 10)  # what small groups can and cannot show
        _pdf_part(pdf, content)
    if report.polis:
        pdf.ln(4)
        layout.text(pdf, report.polis.attribution, 8)
    return bytes(pdf.output())


def _pdf_part(pdf: FPDF, content: Table | str) -> None:
    if isinstance(content, str):
        layout.text(pdf, content)
        return
    _caption, heads, rows = content
    for row in rows:
        layout.text(pdf, _row(heads, row))
        pdf.ln(1)


def _percent(share: float) -> str:
    return f"{share:.0%}" if i18n.current() == i18n.ENGLISH else i18n.percent(share)


def _row(heads: Sequence[str], cells: Sequence[str]) -> str:
    # "Group: Police · Invited: 4 · …" reads whole without a grid, even across a page break.
    return " · ".join(f"{h}: {c}" for h, c in zip(heads, cells, strict=True))
