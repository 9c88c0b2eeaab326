"""Listening notes: what a table scribe records, and who may see or change it."""

import pytest
from sqlalchemy import func, select

from db.models import ListeningNote, Meeting
from services.core import writes
from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import NotAllowedNow, NotFound, PermissionDenied, ValidationError
from services.room import notes
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # audit details are JSON; scope


def _close_input(db, room):
    with db.write() as s:
        s.get_one(Meeting, room.meeting_id).input_open = False


def _count(db):
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(ListeningNote))


def test_adds_a_note_at_the_current_agenda_item_and_audits_it(db):
    room = build_room(db)
    note = notes.add_note(
        db,
        room.scribe1,
        room.table1_id,
        notes.NoteFields(
            said="  We want faster response times. ",
            paraphrase="Speed matters to you",
            interest="safety",
            stakeholder_id=room.residents_id,
            confirmed=True,
        ),
    )
    assert (note.meeting_id, note.table_id) == (room.meeting_id, room.table1_id)
    assert note.agenda_item_id == room.item_ids[0]
    assert note.said == "We want faster response times."
    assert (note.confirmed, note.author_account_id) == (True, room.scribe1.account_id)
    assert [e.action for e in history(db, SYSTEM, "note", note.id)] == ["created"]


def test_a_repeated_submission_key_returns_the_first_note(db):
    room = build_room(db)
    first = notes.add_note(
        db, room.scribe1, room.table1_id, notes.NoteFields(said="First"), submission_key="tap-1"
    )
    again = notes.add_note(
        db, room.scribe1, room.table1_id, notes.NoteFields(said="Second"), submission_key="tap-1"
    )
    assert again.id == first.id
    assert again.said == "First"
    assert _count(db) == 1
    assert len(history(db, SYSTEM, "note", first.id)) == 1


def test_two_taps_racing_past_the_look_up_still_save_one_note(db, monkeypatch):
    room = build_room(db)
    first = notes.add_note(
        db, room.scribe1, room.table1_id, notes.NoteFields(said="First"), submission_key="tap-1"
    )
    real = writes._by_key
    calls = []

    def missed_once(*args):
        calls.append(args)
        # The first look-up runs before the other tap commits, so it sees nothing.
        return None if len(calls) == 1 else real(*args)

    monkeypatch.setattr(writes, "_by_key", missed_once)
    again = notes.add_note(
        db, room.scribe1, room.table1_id, notes.NoteFields(said="Again"), submission_key="tap-1"
    )
    assert len(calls) == 2
    assert again.id == first.id
    assert _count(db) == 1


def test_different_submission_keys_save_two_notes(db):
    room = build_room(db)
    notes.add_note(
        db, room.scribe1, room.table1_id, notes.NoteFields(said="One"), submission_key="a"
    )
    notes.add_note(
        db, room.scribe1, room.table1_id, notes.NoteFields(said="Two"), submission_key="b"
    )
    assert _count(db) == 2


@pytest.mark.parametrize("bad", ["", "   "])
def test_refuses_a_note_with_nothing_said(db, bad):
    room = build_room(db)
    with pytest.raises(ValidationError, match="What was said is empty"):
        notes.add_note(db, room.scribe1, room.table1_id, notes.NoteFields(said=bad))


def test_refuses_a_paraphrase_over_the_limit(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Paraphrase is 2,001 characters"):
        notes.add_note(
            db, room.scribe1, room.table1_id, notes.NoteFields(said="x", paraphrase="y" * 2001)
        )


def test_refuses_an_over_long_submission_key(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Submission key"):
        notes.add_note(
            db, room.scribe1, room.table1_id, notes.NoteFields(said="x"), submission_key="k" * 65
        )


def test_refuses_an_unknown_stakeholder_group(db):
    room = build_room(db)
    with pytest.raises(NotFound, match="No stakeholder group with id 999"):
        notes.add_note(
            db, room.scribe1, room.table1_id, notes.NoteFields(said="x", stakeholder_id=999)
        )


def test_a_scribe_cannot_add_while_input_is_closed_but_a_facilitator_can(db):
    room = build_room(db)
    _close_input(db, room)
    with pytest.raises(NotAllowedNow, match="Input is closed"):
        notes.add_note(db, room.scribe1, room.table1_id, notes.NoteFields(said="x"))
    assert (
        notes.add_note(db, room.facilitator, room.table1_id, notes.NoteFields(said="x")).table_id
        == room.table1_id
    )


def test_a_scribe_cannot_add_at_another_table(db):
    room = build_room(db)
    with pytest.raises(PermissionDenied, match="you are the scribe for table 1"):
        notes.add_note(db, room.scribe1, room.table2_id, notes.NoteFields(said="x"))
    assert _count(db) == 0


def test_a_leader_cannot_add_notes(db):
    room = build_room(db)
    with pytest.raises(PermissionDenied, match="Only a facilitator or a table scribe"):
        notes.add_note(db, room.leader, room.table1_id, notes.NoteFields(said="x"))


def test_updates_a_note_and_moves_its_updated_time(db):
    room = build_room(db)
    note = notes.add_note(db, room.scribe1, room.table1_id, notes.NoteFields(said="x"))
    changed = notes.update_note(
        db,
        room.scribe1,
        note.id,
        notes.NoteFields(
            said="Said",
            paraphrase="Para",
            interest="Interest",
            stakeholder_id=room.police_id,
            confirmed=False,
            prompt="Q?",
            confidential=True,
        ),
    )
    assert (changed.said, changed.paraphrase, changed.interest) == ("Said", "Para", "Interest")
    assert (changed.stakeholder_id, changed.confirmed) == (room.police_id, False)
    assert (changed.prompt, changed.confidential) == ("Q?", True)
    assert changed.updated_at > note.updated_at
    assert [e.action for e in history(db, SYSTEM, "note", note.id)] == ["created", "updated"]


def test_a_scribe_cannot_update_another_tables_note(db):
    room = build_room(db)
    note = notes.add_note(db, room.scribe2, room.table2_id, notes.NoteFields(said="x"))
    with pytest.raises(PermissionDenied, match="table 2's page"):
        notes.update_note(db, room.scribe1, note.id, notes.NoteFields(said="changed"))


def test_a_scribe_cannot_update_or_delete_once_input_is_closed(db):
    room = build_room(db)
    note = notes.add_note(db, room.scribe1, room.table1_id, notes.NoteFields(said="x"))
    _close_input(db, room)
    with pytest.raises(NotAllowedNow):
        notes.update_note(db, room.scribe1, note.id, notes.NoteFields(said="changed"))
    with pytest.raises(NotAllowedNow):
        notes.delete_note(db, room.scribe1, note.id)
    assert (
        notes.update_note(db, room.facilitator, note.id, notes.NoteFields(said="changed")).said
        == "changed"
    )


def test_updating_an_unknown_note_is_refused(db):
    room = build_room(db)
    with pytest.raises(NotFound, match="No note with id 999"):
        notes.update_note(db, room.facilitator, 999, notes.NoteFields(said="x"))


def test_deletes_a_note_and_records_it(db):
    room = build_room(db)
    note = notes.add_note(db, room.scribe1, room.table1_id, notes.NoteFields(said="x"))
    notes.delete_note(db, room.scribe1, note.id)
    assert _count(db) == 0
    assert [e.action for e in history(db, SYSTEM, "note", note.id)] == ["created", "deleted"]


def test_a_scribe_cannot_delete_another_tables_note(db):
    room = build_room(db)
    note = notes.add_note(db, room.scribe2, room.table2_id, notes.NoteFields(said="x"))
    with pytest.raises(PermissionDenied):
        notes.delete_note(db, room.scribe1, note.id)
    assert _count(db) == 1


def _three_notes(db, room):
    notes.add_note(db, room.scribe1, room.table1_id, notes.NoteFields(said="old at 1"))
    notes.add_note(
        db, room.scribe2, room.table2_id, notes.NoteFields(said="secret at 2", confidential=True)
    )
    notes.add_note(db, room.scribe1, room.table1_id, notes.NoteFields(said="new at 1"))


def test_a_facilitator_sees_every_note_newest_first(db):
    room = build_room(db)
    _three_notes(db, room)
    said = [n.said for n in notes.list_notes(db, room.facilitator, room.meeting_id)]
    assert said == ["new at 1", "secret at 2", "old at 1"]
    only_2 = notes.list_notes(db, room.facilitator, room.meeting_id, room.table2_id)
    assert [n.said for n in only_2] == ["secret at 2"]


def test_a_scribe_sees_only_their_own_table(db):
    room = build_room(db)
    _three_notes(db, room)
    mine = notes.list_notes(db, room.scribe2, room.meeting_id, room.table2_id)
    assert [n.said for n in mine] == ["secret at 2"]
    with pytest.raises(PermissionDenied, match="own table"):
        notes.list_notes(db, room.scribe1, room.meeting_id)
    with pytest.raises(PermissionDenied, match="you are the scribe for table 1"):
        notes.list_notes(db, room.scribe1, room.meeting_id, room.table2_id)


def test_a_leader_reads_every_note_except_confidential_ones(db):
    room = build_room(db)
    _three_notes(db, room)
    said = [n.said for n in notes.list_notes(db, room.leader, room.meeting_id)]
    assert said == ["new at 1", "old at 1"]
    assert notes.list_notes(db, room.leader, room.meeting_id, room.table2_id) == []


def test_listing_a_table_of_another_meeting_or_an_unknown_meeting_is_refused(db):
    room = build_room(db)
    with db.write() as s:
        other = Meeting(initiative_id=room.initiative_id, title="Other", code="other-code")
        s.add(other)
        s.flush()
        other_id = other.id
    with pytest.raises(NotFound, match="belongs to another meeting"):
        notes.list_notes(db, room.facilitator, other_id, room.table1_id)
    with pytest.raises(NotFound, match="No meeting with id 999"):
        notes.list_notes(db, room.facilitator, 999)
