"""The trust pulse in the meeting record: a table for the downloads, a section for the PDF.

Both print the pulse's own words (services.review.trust_pulse.table_rows), so a group where fewer
than small_groups.MIN_GROUP answered reads "fewer than 5 answered" in every file alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd
from fpdf import FPDF

from adapters import pdf_layout as layout
from i18n import N_, _
from services.core.small_groups import can_show, count_words, what_small_groups_show
from services.review.report_lines import Line, lines_of
from services.review.trust_pulse import TABLE_COLUMNS, TrustChange, cells, table_rows

if TYPE_CHECKING:
    from services.review.meeting_record import MeetingRecord

HEADING = N_("How trust moved, by group")
FRAME = N_("Trust pulse")
EMPTY_IN_REPORT = N_(
    "No answers yet — this section fills when people in a stakeholder group have answered "
    "the trust questions in the survey before or after the meeting."
)


def trust_frame(pulse: Sequence[TrustChange]) -> pd.DataFrame:
    """The initiative's trust pulse as a table of text cells, as the screen and the PDF
    print it."""
    return pd.DataFrame(table_rows(list(pulse)), columns=TABLE_COLUMNS)


def trust_file_frame(pulse: Sequence[TrustChange]) -> pd.DataFrame:
    """The pulse for a spreadsheet: each mean, count and change a number (one decimal)
    that can be summed and charted, and the pulse's words where there is none.

    The text cells read '2,4' and '+0,9' in Spanish: Excel kept them as text, the change
    behind a formula guard's apostrophe ("'+0,9"), beside sheets of real numbers, and a
    Spanish zip held "2,4" in one CSV and "29.8" in the next (a helper's walk).
    """

    def mean(value: float | None, answered: int) -> object:
        return (
            round(value, 1) if value is not None and can_show(answered) else count_words(answered)
        )

    def count(answered: int) -> object:
        return answered if can_show(answered) else count_words(answered)

    def change(row: TrustChange) -> object:
        return "—" if row.change is None else round(row.change, 1)

    return pd.DataFrame(cells(pulse, mean, count, change), columns=TABLE_COLUMNS)


def trust_section(pdf: FPDF, record: MeetingRecord) -> None:
    """Per question, each group's mean before and after with how many answered."""
    frame = record.frames.get(FRAME)
    if frame is None or frame.empty:
        layout.text(pdf, _(EMPTY_IN_REPORT))
        return
    layout.text(pdf, what_small_groups_show(), 10)
    for question, rows in frame.groupby("Question", sort=False):
        layout.heading(pdf, str(question), 12)
        for r in lines_of(rows):
            layout.text(pdf, f"• {r['Group']}: {_line(r)}", 10)


def _line(r: Line) -> str:
    def side(mean: str, n: str) -> str:
        # Withheld or unanswered, both cells say so in the same words: say it once.
        return mean if mean == n else _("{mean} (n {n})").format(mean=mean, n=n)

    before, after = side(r["Before"], r["n before"]), side(r["After"], r["n after"])
    if r["Change"] == "—":
        return _("before {before} → after {after}").format(before=before, after=after)
    return _("before {before} → after {after}, change {change}").format(
        before=before, after=after, change=r["Change"]
    )
