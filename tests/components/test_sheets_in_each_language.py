"""Printed sheets speak each person's language, not the facilitator's: a badge and an
invitation in their own, a table card in every language spoken at its table, each part
marked with its `lang`. Read as a reader would: the text of the generated HTML."""

from __future__ import annotations

from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest

import i18n
from components.join_links import badge_sheet, table_cards_sheet
from components.sheets import invitation_sheet_html
from db.models import Account, Meeting, MeetingTable, Participant
from services.prepare import invitations
from services.room import console_screen
from tests.factories import build_room

BASE = "http://192.168.1.20:8501"


class _TextByLanguage(HTMLParser):
    """The text of a document, gathered by the language of the element that holds it."""

    def __init__(self) -> None:
        super().__init__()
        self._open: list[tuple[str, str]] = []  # (tag, its language)
        self.words: dict[str, str] = {}
        self.document = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        inherited = self._open[-1][1] if self._open else ""
        language = dict(attrs).get("lang") or inherited
        if tag == "html":
            self.document = language
        if tag not in {"meta", "br"}:  # void elements: never closed
            self._open.append((tag, language))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A self-closed element (an SVG path) holds no text."""

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._open and self._open[-1][0] not in {"style", "title"} and data.strip():
            language = self._open[-1][1]
            self.words[language] = self.words.get(language, "") + " " + data.strip()


def read(html: str) -> _TextByLanguage:
    parser = _TextByLanguage()
    parser.feed(html)
    return parser


def articles(html: str, kind: str) -> list[str]:
    pieces = html.split(f'<article class="{kind}"')[1:]
    return [piece.split("</article>")[0] for piece in pieces]


@pytest.fixture
def room(db):
    """Table 1: an English and a Spanish speaker (P0 Spanish); table 2: English only; the
    facilitator reads Spanish, so nothing English on a sheet comes from their choice."""
    room = build_room(db)
    with db.write() as s:
        s.get_one(Participant, room.participant_ids[0]).language = "es"
        s.get_one(Meeting, room.meeting_id).starts_at = datetime(2027, 1, 16, 15, 0, tzinfo=UTC)
        s.get_one(Meeting, room.meeting_id).location = "Riverside Community Center"
    return room


def test_each_badge_is_in_its_persons_language_and_the_instructions_in_both(db, room):
    screen = console_screen.read(db, room.facilitator, room.meeting_id)
    with i18n.using("es"):
        html = badge_sheet(BASE, screen)
    badges = dict(zip([b.name for b in screen.badges], articles(html, "cell badge"), strict=True))
    spanish, english = read(f"<div{badges['P0']}</div>"), read(f"<div{badges['P1']}</div>")
    assert badges["P0"].startswith(' lang="es"') and badges["P1"].startswith(' lang="en"')
    assert "Código" in spanish.words["es"] and list(spanish.words) == ["es"]
    assert "Code" in english.words["en"] and "Código" not in english.words["en"]
    text = read(html)
    assert "Vote: scan your code" in text.words["en"]
    assert "Para votar: escanee su código" in text.words["es"]
    assert text.document == "es"  # both languages on the sheet: the printer's, parts marked


def test_a_table_card_is_bilingual_where_both_are_spoken_and_each_part_marked(db, room):
    screen = console_screen.read(db, room.facilitator, room.meeting_id)
    assert [card.languages for card in screen.tables] == [("en", "es"), ("en",)]
    with i18n.using("es"):
        html = table_cards_sheet(BASE, screen)
    mixed, english = articles(html, "cell")
    assert '<span lang="en">Table 1</span> <span lang="es">Mesa 1</span>' in mixed
    assert '<span lang="en">Scribe link</span> / <span lang="es">Enlace para relator/a</span>' in (
        mixed
    )
    assert english.startswith(' lang="en"') and "Table 2" in english and "Mesa" not in english
    header = read(html.split("</header>")[0])
    assert "Scribes: scan the code at your table." in header.words["en"]
    assert "escaneen el código de su mesa" in header.words["es"]


def test_a_scribe_reading_spanish_makes_their_tables_card_bilingual(db, room):
    with db.write() as s:
        scribe = s.get_one(MeetingTable, room.table2_id).scribe_account_id
        s.get_one(Account, scribe).language = "es"
    screen = console_screen.read(db, room.facilitator, room.meeting_id)
    assert screen.tables[1].languages == ("en", "es")


def test_an_absent_persons_language_does_not_change_their_tables_card(db, room):
    with db.write() as s:
        s.get_one(Participant, room.participant_ids[0]).absent = True
    screen = console_screen.read(db, room.facilitator, room.meeting_id)
    assert screen.tables[0].languages == ("en",)


def test_each_invitation_is_in_its_persons_language_with_dates_in_it(db, room):
    fac = room.facilitator
    heading = invitations.meeting_heading(db, fac, room.meeting_id)
    people = invitations.invitations(db, fac, room.meeting_id, BASE)
    html = invitation_sheet_html(heading, people)  # made by an English-reading facilitator
    cards = dict(zip([p.name for p in people], articles(html, "invitation"), strict=True))
    spanish = read(f"<div{cards['P0']}</div>").words
    english = read(f"<div{cards['P1']}</div>").words
    assert list(spanish) == ["es"] and list(english) == ["en"]
    assert "sábado, 16 de enero de 2027, 15:00 UTC" in spanish["es"]
    assert "Saturday, January 16, 2027, 3:00\u202fPM UTC" in english["en"]
    assert "Su código personal:" in spanish["es"] and "Para" in spanish["es"]
    assert "Mesa 1" in spanish["es"] and "Table 1" in english["en"]
    assert "Your personal code:" in english["en"] and "Saturday" not in spanish["es"]
    assert read(html).document == "en"  # the sheet holds both: the printer's language


def test_a_sheet_of_spanish_readers_only_is_a_spanish_document(db, room):
    with db.write() as s:
        for participant_id in room.participant_ids:
            s.get_one(Participant, participant_id).language = "es"
    fac = room.facilitator
    html = invitation_sheet_html(
        invitations.meeting_heading(db, fac, room.meeting_id),
        invitations.invitations(db, fac, room.meeting_id, BASE),
    )
    assert html.startswith('<!DOCTYPE html>\n<html lang="es">')
    assert "<title>Invitaciones: Meeting</title>" in html
    assert "Saturday" not in html and "Your personal code" not in html
