"""Printable sheets as self-contained HTML (table cards, badges, invitations) to download."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape
from urllib.parse import parse_qs, urlsplit

import streamlit as st

from components.qr import qr_svg
from i18n import LANGUAGES, N_, _, current, full_day, hour, number, supported, using
from services.core.codes import display_code
from services.prepare.invitations import Invitation, MeetingHeading

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
header { height: var(--hh); font-size: 9pt; display: flex; align-items: center; gap: 4mm;
  overflow: hidden; }
/* The meeting's title whole on two lines at most, beside the instructions: on one line
   cut short, "First Problem-Solving S…" was printed on every badge sheet. */
header h1 { font-size: 12pt; line-height: 1.1; margin: 0; flex: 0 1 auto; max-width: 38%%;
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; }
header > div { flex: 1 1 0; min-width: 0; }
.grid { display: grid; height: calc(100%% - var(--hh));
  grid-template-columns: repeat(var(--cols), 1fr); grid-template-rows: repeat(var(--rows), 1fr); }
.cell { border: 0.3mm dashed #767676; display: flex; align-items: center; gap: 3mm;
  padding: 2mm; overflow: hidden; break-inside: avoid; page-break-inside: avoid; }
.cell svg { flex: none; width: var(--qr); height: var(--qr); }
.words { min-width: 0; overflow-wrap: anywhere; }
.table { font-size: var(--big); font-weight: bold; margin: 0; line-height: 1.1; }
.link, .code { font-family: "Courier New", Courier, monospace; }
.link { font-size: 9pt; margin: 0; }
.what { font-size: 10pt; margin: 2mm 0 0; }
.table span, header .how { display: block; }
header .how + .how { font-size: 8pt; }
header .how:has(+ .how) { font-size: 8pt; }
header div { min-width: 0; }
.badge { padding: 1.5mm; gap: 2mm; }
.name, .group, .code { margin: 0; line-height: 1.15; }
.name { font-size: 8.5pt; font-weight: bold; display: -webkit-box; -webkit-box-orient: vertical;
  -webkit-line-clamp: 2; overflow: hidden; }
.group { font-size: 7pt; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.code { font-size: 8pt; font-weight: bold; }
.code { white-space: nowrap; }
.code .what { font-family: Arial, Helvetica, sans-serif; font-size: 7pt; font-weight: normal;
  margin: 0; }
.invitations { display: grid; grid-template-rows: 1fr 1fr; }
.invitation { display: flex; flex-direction: column; gap: 3mm; padding: 6mm 4mm;
  overflow: hidden; break-inside: avoid; page-break-inside: avoid; }
.invitation + .invitation { border-top: 0.3mm dashed #767676; }
.invitation p, .invitation h1, .invitation h2 { margin: 0; overflow-wrap: anywhere; }
.invitation .initiative { font-size: 10pt; }
.invitation h1 { font-size: 16pt; line-height: 1.15; }
.invitation .when { font-size: 10pt; }
.invitation .for { font-size: 13pt; }
.invitation .person { font-size: 15pt; }
.steps { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; flex: 1; min-height: 0; }
.step { display: flex; flex-direction: column; align-items: flex-start; gap: 1.5mm;
  min-width: 0; }
/* Room for two lines, so both QR codes start level whichever title wraps. */
.step h2 { font-size: 12pt; line-height: 1.2; min-height: 2.4em; }
.step svg { width: 42mm; height: 42mm; flex: none; }
.step .link { font-size: 8.5pt; margin: 0; }
.step .how { font-size: 9pt; }
.private { font-size: 10pt; border-top: 0.3mm solid #000; padding-top: 2mm; }
.private .code { font-size: 14pt; letter-spacing: 0.5mm; }
"""


def _document(meeting_title: str, kind: str, pages: Sequence[str], languages: Sequence[str]) -> str:
    """A whole HTML document around `pages`, titled by the meeting and the sheet's `kind`
    (marked with `N_`). Its language is the one every sheet on it is printed in, else the
    language of the person who makes it; the parts in other languages carry their own."""
    language = languages[0] if len(languages) == 1 else current()
    with using(language):
        title = escape(f"{_(kind)}: {meeting_title}")
    css = _CSS % {"w": _PAGE_W, "h": _PAGE_H}
    return (
        f'<!DOCTYPE html>\n<html lang="{language}"><head><meta charset="utf-8">'
        f"<title>{title}</title>"
        f"<style>{css}</style></head><body>{''.join(pages)}</body></html>\n"
    )


def _languages_of(found: Iterable[str]) -> tuple[str, ...]:
    """The languages a sheet or a card is printed in, English first; when nobody's language
    is known, the language of the person who prints it."""
    known = {supported(language) for language in found}
    return tuple(code for code in LANGUAGES if code in known) or (current(),)


def _in_each(
    languages: Sequence[str], words: Callable[[], str], css_class: str = "", between: str = " "
) -> str:
    """`words()` said in each of `languages`, each part marked with its `lang` so a screen
    reader (and a person) knows which is which. `words` returns HTML, its user text escaped."""
    attribute = f' class="{css_class}"' if css_class else ""
    parts = []
    for language in languages:
        with using(language):
            parts.append(f'<span lang="{language}"{attribute}>{words()}</span>')
    return between.join(parts)


def _lang(languages: Sequence[str]) -> str:
    """A `lang` attribute for an element printed in one language only."""
    return f' lang="{languages[0]}"' if len(languages) == 1 else ""


@dataclass(frozen=True, slots=True)
class _Grid:
    """How a page's cells are laid out: columns, rows, QR code size, big type size."""

    cols: int
    rows: int
    qr_mm: float
    big_pt: int
    header_mm: float = _HEADER_H


@dataclass(frozen=True, slots=True)
class PrintedCard:
    """A table card to print: the table's number, its scribe link, and the languages of the
    people at the table (none known: the printer's)."""

    number: int
    link: str
    languages: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PrintedBadge:
    """A badge to print: the person's name and group, their voting link, their language."""

    name: str
    group: str
    link: str
    language: str


def _page(header: str, cells: list[str], grid: _Grid) -> str:
    """One printed page: a header line over a `cols` x `rows` grid of cells."""
    style = (
        f"--cols:{grid.cols};--rows:{grid.rows};--qr:{grid.qr_mm:.1f}mm;--big:{grid.big_pt}pt;"
        f"--hh:{grid.header_mm}mm"
    )
    return (
        f'<section class="page" style="{style}"><header>{header}</header>'
        f'<div class="grid">{"".join(cells)}</div></section>'
    )


def table_cards_html(meeting_title: str, cards: Sequence[PrintedCard]) -> str:
    """One page of cut-out table cards: 'Table N', the scribe link as text and as a QR code,
    each card in the languages of its table (both, each marked, where both are spoken)."""
    cols = 1 if len(cards) <= 1 else 2 if len(cards) <= 8 else 3 if len(cards) <= 15 else 4
    rows = max(1, math.ceil(len(cards) / cols))
    cell_w, cell_h = _PAGE_W / cols, (_PAGE_H - _HEADER_H) / rows
    qr_mm = max(20.0, min(cell_w * 0.45, cell_h - 8))
    cells = [_table_card(card) for card in cards]
    everyone = _languages_of(language for card in cards for language in card.languages)
    scan = _in_each(everyone, lambda: _("Scribes: scan the code at your table."))
    header = f"<h1>{escape(meeting_title)}</h1>{scan}"
    big = 36 if rows <= 4 else 24
    pages = [_page(header, cells, _Grid(cols, rows, qr_mm, big))]
    return _document(meeting_title, N_("Table cards"), pages, everyone)


def _table_card(card: PrintedCard) -> str:
    languages = _languages_of(card.languages)
    with using(languages[0]):
        qr = qr_svg(card.link)
    table = _in_each(languages, lambda: _("Table {number}").format(number=number(card.number)))
    what = _in_each(languages, lambda: _("Scribe link"), between=" / ")
    return (
        f'<article class="cell"{_lang(languages)}>{qr}<div class="words">'
        f'<p class="table">{table}</p><p class="what">{what}</p>'
        f'<p class="link">{escape(card.link)}</p></div></article>'
    )


def _code_of(link: str) -> str:
    """The personal code in a voting link (its `code` parameter), or the link itself."""
    codes = parse_qs(urlsplit(link).query).get("code")
    return codes[0] if codes else link


def _base_of(link: str) -> str:
    """The link without its query: where a person types their code by hand."""
    parts = urlsplit(link)
    return f"{parts.scheme}://{parts.netloc}{parts.path}" if parts.netloc else parts.path


def badge_codes_html(meeting_title: str, badges: Sequence[PrintedBadge]) -> str:
    """Badge labels (name, group, voting QR code and the code in text), 60 to a page, each
    in its person's language; the page's instructions in every language on it."""
    per_page = _BADGE_COLS * _BADGE_ROWS
    bases = ", ".join(dict.fromkeys(_base_of(badge.link) for badge in badges))
    address = f'<span class="link">{escape(bases)}</span>'
    everyone = _languages_of(badge.language for badge in badges)
    # Each language's instructions take two lines of their own: a taller header.
    header_mm = _HEADER_H if len(everyone) == 1 else _HEADER_H + 6
    cell_h = (_PAGE_H - header_mm) / _BADGE_ROWS
    how = _in_each(
        everyone,
        lambda: _(
            "Vote: scan your code, or open {address} and type the code on your badge."
        ).format(address=address),
        "how",
    )
    header = f"<h1>{escape(meeting_title)}</h1><div>{how}</div>"
    cells = [_badge(badge) for badge in badges]
    grid = _Grid(_BADGE_COLS, _BADGE_ROWS, cell_h - 3, 9, header_mm)
    pages = [
        _page(header, cells[i : i + per_page], grid) for i in range(0, max(len(cells), 1), per_page)
    ]
    return _document(meeting_title, N_("Badge codes"), pages, everyone)


def _badge(badge: PrintedBadge) -> str:
    """One badge label in its person's language."""
    with using(badge.language) as language:
        # The cell's white padding completes the one-module quiet zone to about four modules.
        qr = qr_svg(badge.link, scale=2, border=1)
        code = escape(display_code(_code_of(badge.link)))
        what = _("Code")
        return (
            f'<article class="cell badge" lang="{language}">{qr}<div class="words">'
            f'<p class="name">{escape(badge.name)}</p><p class="group">{escape(badge.group)}</p>'
            f'<p class="code"><span class="what">{what}</span> {code}</p>'
            "</div></article>"
        )


def when_and_where(heading: MeetingHeading) -> str:
    """'Saturday, January 16, 2027, 6:00 PM CST · Riverside Community Center' (18:00 in
    Spanish), as far as known."""
    parts = [_day_and_time(heading.starts_at) if heading.starts_at else "", heading.location]
    return " · ".join(p for p in parts if p)


def _day_and_time(moment: datetime) -> str:
    """In the current language (the invited person's, on their invitation), at the hour of
    the meeting's own zone, named as people there know it ("CST"; UTC for a meeting that
    has no zone of its own)."""
    day = full_day(moment)
    zone = moment.tzname() or "UTC"
    return _("{day}, {time} {zone}").format(day=day, time=hour(moment), zone=zone)


def _invitation(heading: MeetingHeading, person: Invitation) -> str:
    """One half-page invitation in the person's own language: the meeting, the survey and
    the voting QR codes, the code."""
    with using(person.language) as language:
        return _invitation_in(heading, person, language)


def _invitation_in(heading: MeetingHeading, person: Invitation, language: str) -> str:
    seat = (
        " · " + _("Table {number}").format(number=number(person.table))
        if person.table is not None
        else ""
    )
    when = when_and_where(heading)
    steps = [
        ("survey", _("Before the meeting: tell us what matters to you"), person.survey_link),
        ("vote", _("At the meeting: vote from your phone"), person.vote_link),
    ]
    scan = _("Scan the code with your phone's camera, or open:")
    blocks = "".join(
        f'<section class="step {kind}"><h2>{title}</h2>{qr_svg(link)}'
        f'<p class="how">{scan}</p>'
        f'<p class="link">{escape(link)}</p></section>'
        for kind, title, link in steps
    )
    # Translators: {name} is the invited person's name, set in bold on the card.
    invited = _("For {name}").format(name=f'<strong class="person">{escape(person.name)}</strong>')
    return (
        f'<article class="invitation" lang="{language}">'
        f'<p class="initiative">{escape(heading.initiative)}</p>'
        f"<h1>{escape(heading.title)}</h1>"
        + (f'<p class="when">{escape(when)}</p>' if when else "")
        + f'<p class="for">{invited} · {escape(person.group)}{seat}</p>'
        f'<div class="steps">{blocks}</div>'
        '<footer class="private"><p>'
        + _("Your personal code: {code}").format(
            code=f'<span class="code">{escape(person.shown_code)}</span>'
        )
        + "</p><p>"
        + _("Keep this private: anyone with this code can answer as you.")
        + "</p></footer></article>"
    )


def invitation_sheet_html(heading: MeetingHeading, people: Sequence[Invitation]) -> str:
    """Invitations to print and cut, two to a page (half a Letter or A4 page each)."""
    cards = [_invitation(heading, person) for person in people]
    pages = [
        f'<section class="page invitations">{"".join(cards[i : i + 2])}</section>'
        for i in range(0, len(cards), 2)
    ]
    if not pages:
        nobody = "<p>" + _("No one to invite yet: add people on Set up.") + "</p>"
        pages = [f'<section class="page">{nobody}</section>']
    languages = _languages_of(person.language for person in people)
    return _document(heading.title, N_("Invitations"), pages, languages)


def file_word(name: str) -> str:
    """`name` as a file's name writes it, whatever the reader's system takes: "Ana Ruíz" is
    "ana-ruiz" (accents dropped, anything but letters and digits a hyphen)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", plain))[:60]


def download_sheet(label: str, html: str, file_name: str, key: str | None = None) -> None:
    """A button that downloads `html` as `file_name`, to open in a browser and print."""
    # "ignore": downloading must not rerun the facilitator's console mid-meeting.
    st.download_button(
        label, html, file_name=file_name, mime="text/html", key=key, on_click="ignore"
    )
