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
from services.core.small_groups import WHAT_SMALL_GROUPS_SHOW
from services.review.report_lines import Line, lines_of
from services.review.trust_pulse import EMPTY, TABLE_COLUMNS, TrustChange, table_rows

if TYPE_CHECKING:
    from services.review.meeting_record import MeetingRecord

HEADING = "How trust moved, by group"
FRAME = "Trust pulse"


def trust_frame(pulse: Sequence[TrustChange]) -> pd.DataFrame:
    """The initiative's trust pulse as a table of text cells (the same on screen and in files)."""
    return pd.DataFrame(table_rows(list(pulse)), columns=TABLE_COLUMNS)


def trust_section(pdf: FPDF, record: MeetingRecord) -> None:
    """Per question, each group's mean before and after with how many answered."""
    frame = record.frames.get(FRAME)
    if frame is None or frame.empty:
        layout.text(pdf, EMPTY.replace("the chart appears", "this section fills"))
        return
    layout.text(pdf, WHAT_SMALL_GROUPS_SHOW, 10)
    for question, rows in frame.groupby("Question", sort=False):
        layout.heading(pdf, str(question), 12)
        for r in lines_of(rows):
            layout.text(pdf, f"• {r['Group']}: {_line(r)}", 10)


def _line(r: Line) -> str:
    def side(mean: str, n: str) -> str:
        # Withheld or unanswered, both cells say so in the same words: say it once.
        return mean if mean == n else f"{mean} (n {n})"

    moved = "" if r["Change"] == "—" else f", change {r['Change']}"
    return (
        f"before {side(r['Before'], r['n before'])} → after {side(r['After'], r['n after'])}"
        + moved
    )
