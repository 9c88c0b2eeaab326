"""The house style of every PDF: A4 in DejaVu Sans, numbered pages, plain text only."""

from __future__ import annotations

import secrets
from datetime import date, datetime
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.enums import XPos, YPos

import i18n
from i18n import _

FONT = "DejaVu"


class Document(FPDF):
    """An A4 page set in DejaVu Sans, whose footer numbers the pages."""

    def __init__(self, label: str) -> None:
        super().__init__(format="A4")
        # DejaVu Sans ships with matplotlib and covers Latin, Greek, Cyrillic, Hebrew, Arabic.
        fonts = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
        self.add_font(FONT, "", fonts / "DejaVuSans.ttf")
        self.add_font(FONT, "B", fonts / "DejaVuSans-Bold.ttf")
        self.set_auto_page_break(True, margin=20)
        self.set_creator("Common Ground")
        self._label = label
        # Not the default "{nb}": fpdf2 would replace that inside people's text as well.
        self._pages = f"{{pages-{secrets.token_hex(8)}}}"
        self.alias_nb_pages(self._pages)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(FONT, size=8)
        footer = _("{label} · page {page} of {pages}")
        self.cell(0, 8, footer.format(label=self._label, page=self.page_no(), pages=self._pages))


def heading(pdf: FPDF, words: str, size: int, keep: float = 30) -> None:
    """A bold heading that never sits alone at the foot of a page: `keep` millimetres of
    what follows it fit below it, or it starts the next page (a picture under it goes to
    the next page whole, so the heading keeps its height)."""
    if pdf.will_page_break(keep):
        pdf.add_page()
    pdf.ln(3)
    text(pdf, words, size, bold=True)


def text(pdf: FPDF, words: str, size: int = 11, bold: bool = False, align: str = "L") -> None:
    """A paragraph of plain text: never markdown or HTML (tabs have no glyph in the font)."""
    clean = words.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    pdf.set_font(FONT, "B" if bold else "", size)
    pdf.multi_cell(0, size * 0.55, clean, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def day(moment: date | datetime) -> str:
    """'November 21, 2026' / '21 de noviembre de 2026', as the screens and the invitations
    write a date in words (the English PDFs said '21 November 2026' beside them)."""
    return i18n.day(moment)
