"""Tables: numbering them, naming them and giving each a scribe."""

import pytest

from db.models import Account, ListeningNote, Participant
from services import tables
from services.audit import history
from services.errors import NotFound, PermissionDenied, ValidationError
from tests.factories import build_room


def _numbers(db, meeting_id):
    return [t.number for t in tables.list_tables(db, meeting_id)]


def test_creates_a_table_with_its_scribe_and_audits_it(db):
    room = build_room(db)
    made = tables.create_table(
        db, room.facilitator, room.meeting_id, 3, " Window ", room.scribe1.account_id
    )
    assert (made.number, made.name, made.scribe_account_id) == (
        3,
        "Window",
        room.scribe1.account_id,
    )
    assert _numbers(db, room.meeting_id) == [1, 2, 3]
    assert [e.action for e in history(db, "table", made.id)] == ["created"]


def test_refuses_a_number_already_used_in_the_meeting(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Table 2 already exists in this meeting"):
        tables.create_table(db, room.facilitator, room.meeting_id, 2)


@pytest.mark.parametrize("bad", [0, -1, 51])
def test_refuses_a_number_outside_one_to_fifty(db, bad):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Table number must be between 1 and 50"):
        tables.create_table(db, room.facilitator, room.meeting_id, bad)


def test_accepts_table_fifty(db):
    room = build_room(db)
    assert tables.create_table(db, room.facilitator, room.meeting_id, 50).number == 50


def test_refuses_an_over_long_name(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Table name is 201 characters"):
        tables.create_table(db, room.facilitator, room.meeting_id, 3, "n" * 201)


def test_refuses_a_scribe_who_is_not_a_scribe(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Lead is not a table scribe"):
        tables.create_table(db, room.facilitator, room.meeting_id, 3, "", room.leader.account_id)


def test_refuses_a_deactivated_scribe(db):
    room = build_room(db)
    with db.write() as s:
        s.get_one(Account, room.scribe2.account_id).active = False
    with pytest.raises(ValidationError, match="S2's account is deactivated"):
        tables.assign_scribe(db, room.facilitator, room.table1_id, room.scribe2.account_id)


def test_names_an_unknown_meeting_table_or_account(db):
    room = build_room(db)
    with pytest.raises(NotFound, match="No meeting with id 999"):
        tables.create_table(db, room.facilitator, 999, 3)
    with pytest.raises(NotFound, match="No table with id 999"):
        tables.update_table(db, room.facilitator, 999, 3, "", None)
    with pytest.raises(NotFound, match="No account with id 999"):
        tables.assign_scribe(db, room.facilitator, room.table1_id, 999)


def test_only_a_facilitator_may_set_up_tables(db):
    room = build_room(db)
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        tables.create_table(db, room.scribe1, room.meeting_id, 3)
    with pytest.raises(PermissionDenied):
        tables.update_table(db, room.leader, room.table1_id, 1, "", None)
    with pytest.raises(PermissionDenied):
        tables.delete_table(db, room.scribe1, room.table1_id)
    with pytest.raises(PermissionDenied):
        tables.assign_scribe(db, room.scribe1, room.table1_id, room.scribe1.account_id)


def test_renumbers_and_renames_a_table(db):
    room = build_room(db)
    changed = tables.update_table(db, room.facilitator, room.table1_id, 9, "Front", None)
    assert (changed.number, changed.name, changed.scribe_account_id) == (9, "Front", None)
    assert _numbers(db, room.meeting_id) == [2, 9]
    assert [e.action for e in history(db, "table", room.table1_id)] == ["updated"]


def test_keeping_its_own_number_is_not_a_clash_but_taking_anothers_is(db):
    room = build_room(db)
    tables.update_table(db, room.facilitator, room.table1_id, 1, "Same", None)
    with pytest.raises(ValidationError, match="Table 2 already exists"):
        tables.update_table(db, room.facilitator, room.table1_id, 2, "", None)


def test_assigns_and_removes_a_scribe(db):
    room = build_room(db)
    s2 = room.scribe2.account_id
    assert tables.assign_scribe(db, room.facilitator, room.table1_id, s2).scribe_account_id == s2
    assert [t.number for t in tables.tables_for_scribe(db, s2, room.meeting_id)] == [1, 2]
    assert tables.tables_for_scribe(db, room.scribe1.account_id, room.meeting_id) == []
    tables.assign_scribe(db, room.facilitator, room.table1_id, None)
    assert [t.number for t in tables.tables_for_scribe(db, s2, room.meeting_id)] == [2]
    actions = [e.action for e in history(db, "table", room.table1_id)]
    assert actions == ["scribe_assigned", "scribe_assigned"]


def test_tables_for_scribe_looks_only_in_the_given_meeting(db):
    room = build_room(db)
    assert tables.tables_for_scribe(db, room.scribe1.account_id, 999) == []


def test_gets_a_table_by_its_number(db):
    room = build_room(db)
    assert tables.get_table_by_number(db, room.meeting_id, 2).id == room.table2_id
    assert tables.get_table_by_number(db, room.meeting_id, 7) is None


def test_deletes_a_table_and_unseats_its_participants(db):
    room = build_room(db)
    tables.delete_table(db, room.facilitator, room.table2_id)
    assert _numbers(db, room.meeting_id) == [1]
    with db.read() as s:
        assert s.get_one(Participant, room.participant_ids[2]).table_id is None
    assert [e.action for e in history(db, "table", room.table2_id)] == ["deleted"]


def test_refuses_to_delete_a_table_with_listening_notes(db):
    room = build_room(db)
    with db.write() as s:
        s.add(ListeningNote(meeting_id=room.meeting_id, table_id=room.table1_id, said="Hi"))
    with pytest.raises(ValidationError, match="Table 1 has 1 listening note"):
        tables.delete_table(db, room.facilitator, room.table1_id)
    assert _numbers(db, room.meeting_id) == [1, 2]


def test_a_facilitator_account_cannot_be_a_scribe(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Fac is not a table scribe"):
        tables.assign_scribe(db, room.facilitator, room.table1_id, room.facilitator.account_id)
