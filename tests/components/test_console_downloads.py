"""The console's printable sheets hold what its record holds: the same tables and the same
people present, with the same codes and links the screen lists."""

from __future__ import annotations

import re

from components.join_links import badge_rows, badge_sheet, scribe_link, table_cards_sheet
from db.models import Participant
from services.room import console_screen
from tests.factories import build_room

BASE = "http://192.168.1.20:8501"


def _screen(db):
    room = build_room(db)
    with db.write() as s:
        s.get_one(Participant, room.participant_ids[1]).absent = True
    return console_screen.read(db, room.facilitator, room.meeting_id)


def test_the_badge_sheet_holds_the_people_the_console_lists_and_no_one_else(db):
    screen = _screen(db)
    html = badge_sheet(BASE, screen)
    listed = badge_rows(BASE, screen)
    printed = re.findall(
        r'<p class="name">(.*?)</p><p class="group">(.*?)</p>'
        r'<p class="code"><span class="what">Code</span> (.*?)</p>',
        html,
    )
    assert printed == [(name, group, code) for name, group, code, _link in listed]
    assert [name for name, *_ in listed] == [b.name for b in screen.badges] == ["P0", "P2", "P3"]
    assert html.count('class="cell badge"') == len(screen.badges)


def test_the_table_cards_hold_the_tables_the_console_lists(db):
    screen = _screen(db)
    html = table_cards_sheet(BASE, screen)
    assert re.findall(r'<p class="table"><span lang="en">Table (\d+)</span></p>', html) == [
        str(card.number) for card in screen.tables
    ]
    for card in screen.tables:
        assert f'<p class="link">{scribe_link(BASE, card)}</p>' in html
