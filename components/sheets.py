"""Printable sheets as self-contained HTML (table cards, badge labels) and their download."""

from __future__ import annotations

import math
from html import escape
from urllib.parse import parse_qs, urlsplit

import streamlit as st

from components.qr import qr_svg

# The printable area both A4 (210 x 297 mm) and Letter (216 x 279 mm) share at 10 mm
# margins, so one sheet prints on either paper without spilling onto a second page.
_PAGE_W, _PAGE_H, _HEADER_H = 190, 259, 10
_BADGE_COLS, _BADGE_ROWS = 4, 15  # 60 labels a page
# Black on white is 21:1; the dashed cut lines are #767676, 4.5:1 on white.
_CSS = """
@page { size: portrait; margin: 10mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: Arial, Helvetica, sans-serif; color: #000; background: #fff; }
.page { width: %(w)smm; height: %(h)smm; break-after: page; page-break-after: always;
  overflow: hidden; }
.page:last-child { break-after: auto; page-break-after: auto; }
header { height: %(hh)smm; font-size: 9pt; display: flex; align-items: center; gap: 4mm;
  overflow: hidden; }
header h1 { font-size: 13pt; margin: 0; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; }
.grid { display: grid; height: calc(100%% - %(hh)smm);
  grid-template-columns: repeat(var(--cols), 1fr); grid-template-rows: repeat(var(--rows), 1fr); }
.cell { border: 0.3mm dashed #767676; display: flex; align-items: center; gap: 3mm;
  padding: 2mm; overflow: hidden; break-inside: avoid; page-break-inside: avoid; }
.cell svg { flex: none; width: var(--qr); height: var(--qr); }
.words { min-width: 0; overflow-wrap: anywhere; }
.table { font-size: var(--big); font-weight: bold; margin: 0; line-height: 1.1; }
.link, .code { font-family: "Courier New", Courier, monospace; }
.link { font-size: 9pt; margin: 2mm 0 0; }
.badge { padding: 1.5mm; gap: 2mm; }
.name, .group, .code { margin: 0; line-height: 1.15; }
.name { font-size: 8.5pt; font-weight: bold; display: -webkit-box; -webkit-box-orient: vertical;
  -webkit-line-clamp: 2; overflow: hidden; }
.group { font-size: 7pt; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.code { font-size: 8pt; font-weight: bold; }
"""


def _document(meeting_title: str, kind: str, pages: list[str]) -> str:
    """A whole HTML document around `pages`, titled by the meeting and the sheet's kind."""
    css = _CSS % {"w": _PAGE_W, "h": _PAGE_H, "hh": _HEADER_H}
    title = escape(f"{kind}: {meeting_title}")
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{css}</style></head><body>{''.join(pages)}</body></html>\n"
    )


def _page(header: str, cells: list[str], cols: int, rows: int, qr_mm: float, big_pt: int) -> str:
    """One printed page: a header line over a `cols` x `rows` grid of cells."""
    style = f"--cols:{cols};--rows:{rows};--qr:{qr_mm:.1f}mm;--big:{big_pt}pt"
    return (
        f'<section class="page" style="{style}"><header>{header}</header>'
        f'<div class="grid">{"".join(cells)}</div></section>'
    )


def table_cards_html(meeting_title: str, cards: list[tuple[int, str]]) -> str:
    """One page of cut-out table cards: 'Table N', the scribe link as text and as a QR code."""
    cols = 1 if len(cards) <= 1 else 2 if len(cards) <= 8 else 3 if len(cards) <= 15 else 4
    rows = max(1, math.ceil(len(cards) / cols))
    cell_w, cell_h = _PAGE_W / cols, (_PAGE_H - _HEADER_H) / rows
    qr_mm = max(20.0, min(cell_w * 0.45, cell_h - 8))
    cells = [
        f'<article class="cell">{qr_svg(link)}<div class="words">'
        f'<p class="table">Table {int(number)}</p>'
        f'<p class="link">Scribe link: {escape(link)}</p></div></article>'
        for number, link in cards
    ]
    header = f"<h1>{escape(meeting_title)}</h1><span>Scribes: scan the code at your table.</span>"
    big = 36 if rows <= 4 else 24
    return _document(meeting_title, "Table cards", [_page(header, cells, cols, rows, qr_mm, big)])


def _code_of(link: str) -> str:
    """The personal code in a voting link (its `code` parameter), or the link itself."""
    codes = parse_qs(urlsplit(link).query).get("code")
    return codes[0] if codes else link


def _base_of(link: str) -> str:
    """The link without its query: where a person types their code by hand."""
    parts = urlsplit(link)
    return f"{parts.scheme}://{parts.netloc}{parts.path}" if parts.netloc else parts.path


def badge_codes_html(meeting_title: str, badges: list[tuple[str, str, str]]) -> str:
    """Badge labels (name, group, voting QR code and the code in text), 60 to a page."""
    per_page = _BADGE_COLS * _BADGE_ROWS
    cell_h = (_PAGE_H - _HEADER_H) / _BADGE_ROWS
    bases = ", ".join(dict.fromkeys(_base_of(link) for _, _, link in badges))
    header = (
        f"<h1>{escape(meeting_title)}</h1><span>Vote: scan your code, or open "
        f'<span class="link">{escape(bases)}</span> and type the code on your badge.</span>'
    )
    # The cell's white padding completes the one-module quiet zone to about four modules.
    cells = [
        f'<article class="cell badge">{qr_svg(link, scale=2, border=1)}<div class="words">'
        f'<p class="name">{escape(name)}</p><p class="group">{escape(group)}</p>'
        f'<p class="code">{escape(_code_of(link))}</p></div></article>'
        for name, group, link in badges
    ]
    pages = [
        _page(header, cells[i : i + per_page], _BADGE_COLS, _BADGE_ROWS, cell_h - 3, 9)
        for i in range(0, max(len(cells), 1), per_page)
    ]
    return _document(meeting_title, "Badge codes", pages)


def download_sheet(label: str, html: str, file_name: str, key: str | None = None) -> None:
    """A button that downloads `html` as `file_name`, to open in a browser and print."""
    # "ignore": downloading must not rerun the facilitator's console mid-meeting.
    st.download_button(
        label, html, file_name=file_name, mime="text/html", key=key, on_click="ignore"
    )
