"""Tables: numbering them, naming them and giving each a scribe."""

import pytest

from db.models import Account, Conflict, Idea, ListeningNote, Option, OptionRating, Participant
from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import NotFound, PermissionDenied, ValidationError
from services.setup import participants, tables
from tests.factories import account_of, build_room

pytestmark = pytest.mark.both_databases  # numbers from max() and unique (integrity retry)


def _numbers(db, meeting_id):
    return [t.number for t in tables.list_tables(db, SYSTEM, meeting_id)]


def test_creates_a_table_with_its_scribe_and_audits_it(db):
    room = build_room(db)
    made = tables.create_table(
        db,
        room.facilitator,
        room.meeting_id,
        tables.TableFields(number=3, name=" Window ", scribe_account_id=account_of(room.scribe1)),
    )
    assert (made.number, made.name, made.scribe_account_id) == (
        3,
        "Window",
        account_of(room.scribe1),
    )
    assert _numbers(db, room.meeting_id) == [1, 2, 3]
    assert [e.action for e in history(db, SYSTEM, "table", made.id)] == ["created"]


def test_refuses_a_number_already_used_in_the_meeting(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Table 2 already exists in this meeting"):
        tables.create_table(db, room.facilitator, room.meeting_id, tables.TableFields(number=2))


@pytest.mark.parametrize("bad", [0, -1, 51])
def test_refuses_a_number_outside_one_to_fifty(db, bad):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Table number must be between 1 and 50"):
        tables.create_table(db, room.facilitator, room.meeting_id, tables.TableFields(number=bad))


def test_accepts_table_fifty(db):
    room = build_room(db)
    assert (
        tables.create_table(
            db, room.facilitator, room.meeting_id, tables.TableFields(number=50)
        ).number
        == 50
    )


def test_refuses_an_over_long_name(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Table name is 201 characters"):
        tables.create_table(
            db, room.facilitator, room.meeting_id, tables.TableFields(number=3, name="n" * 201)
        )


def test_refuses_a_scribe_who_is_not_a_scribe(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Lead is not a table scribe"):
        tables.create_table(
            db,
            room.facilitator,
            room.meeting_id,
            tables.TableFields(number=3, name="", scribe_account_id=room.leader.account_id),
        )


def test_refuses_a_deactivated_scribe(db):
    room = build_room(db)
    with db.write() as s:
        s.get_one(Account, account_of(room.scribe2)).active = False
    with pytest.raises(ValidationError, match="S2's account is deactivated"):
        tables.assign_scribe(db, room.facilitator, room.table1_id, account_of(room.scribe2))


def test_names_an_unknown_meeting_table_or_account(db):
    room = build_room(db)
    with pytest.raises(NotFound, match="No meeting with id 999"):
        tables.create_table(db, room.facilitator, 999, tables.TableFields(number=3))
    with pytest.raises(NotFound, match="No table with id 999"):
        tables.update_table(
            db, room.facilitator, 999, tables.TableFields(number=3, name="", scribe_account_id=None)
        )
    with pytest.raises(NotFound, match="No account with id 999"):
        tables.assign_scribe(db, room.facilitator, room.table1_id, 999)


def test_only_a_facilitator_may_set_up_tables(db):
    room = build_room(db)
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        tables.create_table(db, room.scribe1, room.meeting_id, tables.TableFields(number=3))
    with pytest.raises(PermissionDenied):
        tables.update_table(
            db,
            room.leader,
            room.table1_id,
            tables.TableFields(number=1, name="", scribe_account_id=None),
        )
    with pytest.raises(PermissionDenied):
        tables.delete_table(db, room.scribe1, room.table1_id)
    with pytest.raises(PermissionDenied):
        tables.assign_scribe(db, room.scribe1, room.table1_id, account_of(room.scribe1))


def test_renumbers_and_renames_a_table(db):
    room = build_room(db)
    changed = tables.update_table(
        db,
        room.facilitator,
        room.table1_id,
        tables.TableFields(number=9, name="Front", scribe_account_id=None),
    )
    assert (changed.number, changed.name, changed.scribe_account_id) == (9, "Front", None)
    assert _numbers(db, room.meeting_id) == [2, 9]
    assert [e.action for e in history(db, SYSTEM, "table", room.table1_id)] == ["updated"]


def test_keeping_its_own_number_is_not_a_clash_but_taking_anothers_is(db):
    room = build_room(db)
    tables.update_table(
        db,
        room.facilitator,
        room.table1_id,
        tables.TableFields(number=1, name="Same", scribe_account_id=None),
    )
    with pytest.raises(ValidationError, match="Table 2 already exists"):
        tables.update_table(
            db,
            room.facilitator,
            room.table1_id,
            tables.TableFields(number=2, name="", scribe_account_id=None),
        )


def _scribes(db, room) -> dict[int, int | None]:
    return {t.number: t.scribe_account_id for t in tables.list_tables(db, SYSTEM, room.meeting_id)}


def test_assigns_and_removes_a_scribe(db):
    room = build_room(db)
    s2 = account_of(room.scribe2)
    assert tables.assign_scribe(db, room.facilitator, room.table1_id, s2).scribe_account_id == s2
    assert _scribes(db, room) == {1: s2, 2: s2}
    tables.assign_scribe(db, room.facilitator, room.table1_id, None)
    assert _scribes(db, room) == {1: None, 2: s2}
    actions = [e.action for e in history(db, SYSTEM, "table", room.table1_id)]
    assert actions == ["scribe_assigned", "scribe_assigned"]


def test_refuses_to_remove_a_table_where_people_sit_and_says_to_move_them(db):
    room = build_room(db)
    with pytest.raises(
        ValidationError,
        match=r"Table 2 cannot be removed: 2 people sit there: move them to other tables",
    ):
        tables.delete_table(db, room.facilitator, room.table2_id)
    assert _numbers(db, room.meeting_id) == [1, 2]
    with db.read() as s:
        assert s.get_one(Participant, room.participant_ids[2]).table_id == room.table2_id
    assert history(db, SYSTEM, "table", room.table2_id) == []


def test_removes_a_table_once_its_people_have_moved(db):
    room = build_room(db)
    for pid in room.participant_ids[2:]:
        participants.assign_table(db, room.facilitator, pid, room.table1_id)
    tables.delete_table(db, room.facilitator, room.table2_id)
    assert _numbers(db, room.meeting_id) == [1]
    assert [e.action for e in history(db, SYSTEM, "table", room.table2_id)] == ["deleted"]


def test_someone_absent_still_linked_to_a_table_does_not_keep_it(db):
    room = build_room(db)
    with db.write() as s:
        for pid in room.participant_ids[2:]:
            s.get_one(Participant, pid).absent = True
    tables.delete_table(db, room.facilitator, room.table2_id)
    with db.read() as s:
        kept = s.get_one(Participant, room.participant_ids[2])
        assert (kept.absent, kept.table_id) == (True, None)


def _empty_table(db, room, number=3):
    return tables.create_table(
        db, room.facilitator, room.meeting_id, tables.TableFields(number=number)
    )


def test_refuses_to_remove_a_table_where_something_was_said_naming_it_all(db):
    room = build_room(db)
    table = _empty_table(db, room)
    with db.write() as s:
        s.add(ListeningNote(meeting_id=room.meeting_id, table_id=table.id, said="Hi"))
        s.add(ListeningNote(meeting_id=room.meeting_id, table_id=table.id, said="Again"))
        s.add(Idea(meeting_id=room.meeting_id, table_id=table.id, text="Crisis line"))
        s.add(Conflict(meeting_id=room.meeting_id, table_id=table.id, issue="Patrols"))
        option = Option(meeting_id=room.meeting_id, title="Co-responders")
        s.add(option)
        s.flush()
        s.add(OptionRating(option_id=option.id, table_id=table.id, impact=4, feasibility=3))
    with pytest.raises(ValidationError) as refused:
        tables.delete_table(db, room.facilitator, table.id)
    assert refused.value.message == (
        "Table 3 cannot be removed: it holds 2 listening notes, 1 idea, 1 option rating "
        "and 1 conflict, which belong to this table: keep it, and rename it or leave it empty "
        "instead."
    )
    assert _numbers(db, room.meeting_id) == [1, 2, 3]


@pytest.mark.parametrize("record", ["note", "idea", "rating", "conflict"])
def test_any_one_thing_said_at_a_table_keeps_it(db, record):
    room = build_room(db)
    table = _empty_table(db, room)
    with db.write() as s:
        if record == "note":
            s.add(ListeningNote(meeting_id=room.meeting_id, table_id=table.id, said="Hi"))
        elif record == "idea":
            s.add(Idea(meeting_id=room.meeting_id, table_id=table.id, text="Crisis line"))
        elif record == "conflict":
            s.add(Conflict(meeting_id=room.meeting_id, table_id=table.id, issue="Patrols"))
        else:
            option = Option(meeting_id=room.meeting_id, title="Co-responders")
            s.add(option)
            s.flush()
            s.add(OptionRating(option_id=option.id, table_id=table.id, impact=4, feasibility=3))
    with pytest.raises(ValidationError, match="Table 3 cannot be removed: it holds 1 "):
        tables.delete_table(db, room.facilitator, table.id)
    assert _numbers(db, room.meeting_id) == [1, 2, 3]


def test_people_and_records_are_both_named_in_one_refusal(db):
    room = build_room(db)
    with db.write() as s:
        s.add(ListeningNote(meeting_id=room.meeting_id, table_id=room.table1_id, said="Hi"))
    with pytest.raises(ValidationError, match=r"2 people sit there.*; and it holds 1 listening"):
        tables.delete_table(db, room.facilitator, room.table1_id)


def test_removes_an_empty_table_with_a_scribe(db):
    room = build_room(db)
    table = tables.create_table(
        db,
        room.facilitator,
        room.meeting_id,
        tables.TableFields(number=3, name="", scribe_account_id=account_of(room.scribe1)),
    )
    tables.delete_table(db, room.facilitator, table.id)
    assert _numbers(db, room.meeting_id) == [1, 2]


def test_adds_the_next_table_and_audits_it(db):
    room = build_room(db)
    added = tables.add_table(db, room.facilitator, room.meeting_id, " By the door ")
    assert (added.number, added.name, added.scribe_account_id) == (3, "By the door", None)
    _empty_table(db, room, 7)
    assert tables.add_table(db, room.facilitator, room.meeting_id).number == 8
    assert [e.action for e in history(db, SYSTEM, "table", added.id)] == ["created"]


def test_the_first_table_of_a_meeting_is_table_one(db):
    room = build_room(db)
    for table_id in (room.table1_id, room.table2_id):
        with db.write() as s:
            for person in s.query(Participant).filter_by(table_id=table_id):
                person.table_id = None
        tables.delete_table(db, room.facilitator, table_id)
    assert tables.add_table(db, room.facilitator, room.meeting_id).number == 1


def test_refuses_a_table_past_fifty_and_says_what_to_do(db):
    room = build_room(db)
    _empty_table(db, room, 50)
    with pytest.raises(ValidationError, match=r"already has a table 50.*Remove an empty table"):
        tables.add_table(db, room.facilitator, room.meeting_id)


def test_renames_a_table_and_an_empty_name_leaves_just_its_number(db):
    room = build_room(db)
    assert tables.rename_table(db, room.facilitator, room.table1_id, " Window ").name == "Window"
    assert tables.rename_table(db, room.facilitator, room.table1_id, "  ").name == ""
    with pytest.raises(ValidationError, match="Table name is 201 characters"):
        tables.rename_table(db, room.facilitator, room.table1_id, "n" * 201)
    assert [e.action for e in history(db, SYSTEM, "table", room.table1_id)] == [
        "renamed",
        "renamed",
    ]
    assert history(db, SYSTEM, "table", room.table1_id)[0].detail["name"] == "Window"


def test_only_a_facilitator_adds_renames_or_removes_tables(db):
    room = build_room(db)
    with pytest.raises(PermissionDenied):
        tables.add_table(db, room.scribe1, room.meeting_id)
    with pytest.raises(PermissionDenied):
        tables.rename_table(db, room.leader, room.table1_id, "X")
    with pytest.raises(NotFound, match="No meeting with id 999"):
        tables.add_table(db, room.facilitator, 999)


def test_the_overview_counts_the_people_present_at_each_table(db):
    room = build_room(db)
    tables.rename_table(db, room.facilitator, room.table2_id, "Window")
    participants.assign_table(db, room.facilitator, room.participant_ids[2], room.table1_id)
    with db.write() as s:
        s.get_one(Participant, room.participant_ids[0]).absent = True
    _empty_table(db, room)
    rows = [
        (t.number, t.name, t.scribe_account_id, t.people)
        for t in tables.table_overview(db, SYSTEM, room.meeting_id)
    ]
    assert rows == [
        (1, "", account_of(room.scribe1), 2),
        (2, "Window", account_of(room.scribe2), 1),
        (3, "", None, 0),
    ]


def test_a_facilitator_account_cannot_be_a_scribe(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Fac is not a table scribe"):
        tables.assign_scribe(db, room.facilitator, room.table1_id, room.facilitator.account_id)
