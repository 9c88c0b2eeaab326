"""Where an imported Pol.is statement goes, its CC BY 4.0 credit goes: the idea board
learns which of its ideas came from an import, hidden ones included, and draws the credit
once per conversation (services/room/ideas_screen.py, components/imported_credit_line.py)."""

from pathlib import Path

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from db.models import AuditEntry, Idea
from db.models.enums import IdeaStatus
from services.prepare import imported_credit, polis
from services.room import ideas, ideas_screen
from tests.factories import build_room

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "polis-london-youth-policing"


@pytest.fixture(scope="module")
def export():
    return polis.read_export(DATA)


def _board(db, room):
    return ideas_screen.read(db, room.facilitator, room.meeting_id, None)


def test_every_imported_idea_has_the_credit_and_the_rooms_own_have_none(db, export):
    room = build_room(db)
    load = polis.load_into_meeting(db, room.facilitator, room.meeting_id, export)
    own = ideas.add_idea(
        db,
        room.facilitator,
        ideas.NewIdea(table_id=room.table1_id, text="Walk the beat with youth"),
    )
    imported = list(load.idea_id_by_comment.values())
    board = _board(db, room)
    credits = dict(board.credits)
    assert set(credits) == set(imported)  # 39, the 3 Pol.is moderated out included
    assert set(credits.values()) == {export.attribution} and "CC BY 4.0" in export.attribution
    assert board.credits_for(board.board(hidden=True)) == (export.attribution,)
    assert board.credits_for([i for i in board.ideas if i.id == own.id]) == ()
    assert board.credits_for(()) == ()
    # A table's page shows its own table's ideas, none imported: it carries no credit.
    assert ideas_screen.read(db, room.scribe1, room.meeting_id, 1).credits == ()


def test_an_import_recorded_before_ideas_were_listed_is_known_by_its_ballot(db, export):
    room = build_room(db)
    load = polis.load_into_meeting(db, room.facilitator, room.meeting_id, export)
    with db.write() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "imported"))
        entry.detail = {k: v for k, v in entry.detail.items() if k != "idea_ids"}
        hidden = set(s.scalars(select(Idea.id).where(Idea.status == IdeaStatus.HIDDEN)))
    credits = dict(_board(db, room).credits)
    assert set(credits) == set(load.idea_id_by_comment.values()) - hidden
    assert len(credits) == 36


def _credit_line(credits):
    from components.imported_credit_line import imported_credit_line

    imported_credit_line(credits)


def test_the_board_draws_the_credit_once_as_text(db, export):
    room = build_room(db)
    polis.load_into_meeting(db, room.facilitator, room.meeting_id, export)
    board = _board(db, room)
    shown = board.credits_for(board.board()[:5])
    at = AppTest.from_function(_credit_line, args=(shown,)).run()
    assert not at.exception
    [line] = [c.value for c in at.caption]
    assert line.startswith(imported_credit.IMPORTED_NOTE) and "CC BY 4\\.0" in line
    at = AppTest.from_function(_credit_line, args=((),)).run()
    assert not at.exception and not at.caption
