"""Win-win conflicts: who records and changes them, their status, and who sees them."""

import pytest

from db.models import Meeting, MeetingTable
from db.models.enums import ConflictStatus
from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import NotFound, PermissionDenied, ValidationError
from services.resolve import conflicts
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # audit details are JSON; ordering


def _conflict(db, room, table_id=None, **extra):
    issue = "Who answers 911 mental health calls?"
    return conflicts.create_conflict(
        db,
        room.facilitator,
        room.meeting_id,
        conflicts.ConflictFields(issue=issue, **extra),
        table_id,
    )


def _other_meeting_table(db, room):
    with db.write() as s:
        meeting = Meeting(initiative_id=room.initiative_id, title="Second", code="second")
        s.add(meeting)
        s.flush()
        table = MeetingTable(meeting_id=meeting.id, number=3)
        s.add(table)
        s.flush()
        return table.id


def test_a_facilitator_records_a_conflict_for_the_whole_room(db):
    room = build_room(db)
    conflict = _conflict(db, room, owner="Chief", confidential=True)
    assert (conflict.table_id, conflict.status, conflict.confidential) == (
        None,
        ConflictStatus.OPEN,
        True,
    )
    entries = history(db, SYSTEM, "conflict", conflict.id)
    assert [(e.action, e.initiative_id) for e in entries] == [("created", room.initiative_id)]


def test_a_scribe_records_a_conflict_for_their_own_table_only(db):
    room = build_room(db)
    mine = conflicts.create_conflict(
        db,
        room.scribe1,
        room.meeting_id,
        conflicts.ConflictFields(issue="Response times"),
        table_id=room.table1_id,
    )
    assert mine.table_id == room.table1_id
    with pytest.raises(
        PermissionDenied,
        match="cannot record conflicts for table 2; you are the scribe for table 1",
    ):
        conflicts.create_conflict(
            db,
            room.scribe1,
            room.meeting_id,
            conflicts.ConflictFields(issue="X"),
            table_id=room.table2_id,
        )
    with pytest.raises(ValidationError, match="Choose your table"):
        conflicts.create_conflict(
            db, room.scribe1, room.meeting_id, conflicts.ConflictFields(issue="X")
        )


def test_refuses_an_empty_issue_a_foreign_table_and_leaders(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Issue is empty"):
        conflicts.create_conflict(
            db, room.facilitator, room.meeting_id, conflicts.ConflictFields(issue=" ")
        )
    with pytest.raises(ValidationError, match="table is at another meeting"):
        conflicts.create_conflict(
            db,
            room.facilitator,
            room.meeting_id,
            conflicts.ConflictFields(issue="X"),
            table_id=_other_meeting_table(db, room),
        )
    with pytest.raises(NotFound, match="No meeting with id 999"):
        conflicts.create_conflict(db, room.facilitator, 999, conflicts.ConflictFields(issue="X"))
    with pytest.raises(PermissionDenied, match="Only a facilitator or a table scribe"):
        conflicts.create_conflict(
            db, room.leader, room.meeting_id, conflicts.ConflictFields(issue="X")
        )


def test_updates_by_the_tables_scribe_but_not_another(db):
    room = build_room(db)
    conflict = conflicts.create_conflict(
        db,
        room.scribe1,
        room.meeting_id,
        conflicts.ConflictFields(issue="X"),
        table_id=room.table1_id,
    )
    updated = conflicts.update_conflict(
        db,
        room.scribe1,
        conflict.id,
        conflicts.ConflictFields(issue="Y", options="Two options", owner="Ana", confidential=True),
    )
    assert (updated.issue, updated.options, updated.owner, updated.confidential) == (
        "Y",
        "Two options",
        "Ana",
        True,
    )
    with pytest.raises(
        PermissionDenied,
        match="cannot change conflicts for table 1; you are the scribe for table 2",
    ):
        conflicts.update_conflict(
            db,
            room.scribe2,
            conflict.id,
            conflicts.ConflictFields(issue="Z", options="", owner="", confidential=False),
        )


def test_a_scribe_may_not_change_a_whole_room_conflict(db):
    room = build_room(db)
    conflict = _conflict(db, room)
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        conflicts.update_conflict(
            db,
            room.scribe1,
            conflict.id,
            conflicts.ConflictFields(issue="Z", options="", owner="", confidential=False),
        )


def test_only_a_facilitator_deletes_a_conflict(db):
    room = build_room(db)
    conflict = conflicts.create_conflict(
        db,
        room.scribe1,
        room.meeting_id,
        conflicts.ConflictFields(issue="X"),
        table_id=room.table1_id,
    )
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        conflicts.delete_conflict(db, room.scribe1, conflict.id)
    conflicts.delete_conflict(db, room.facilitator, conflict.id)
    assert conflicts.list_conflicts(db, room.facilitator, room.meeting_id) == []
    with pytest.raises(NotFound, match="No conflict with id"):
        conflicts.delete_conflict(db, room.facilitator, conflict.id)


def test_agreed_needs_an_agreement(db):
    room = build_room(db)
    conflict = _conflict(db, room)
    with pytest.raises(ValidationError, match="Write down what both sides agreed"):
        conflicts.set_status(
            db,
            room.facilitator,
            conflict.id,
            conflicts.StatusFields(status=ConflictStatus.AGREED, agreement="  "),
        )
    with pytest.raises(ValidationError, match="not a conflict status"):
        conflicts.set_status(
            db, room.facilitator, conflict.id, conflicts.StatusFields(status="solved")
        )


def test_history_shows_every_move_of_the_status(db):
    room = build_room(db)
    conflict = conflicts.create_conflict(
        db,
        room.scribe1,
        room.meeting_id,
        conflicts.ConflictFields(issue="X"),
        table_id=room.table1_id,
    )
    conflicts.set_status(db, room.scribe1, conflict.id, conflicts.StatusFields(status="exploring"))
    done = conflicts.set_status(
        db,
        room.facilitator,
        conflict.id,
        conflicts.StatusFields(status="agreed", agreement="Joint patrols", next_step="Ask council"),
    )
    conflicts.set_status(
        db,
        room.facilitator,
        conflict.id,
        conflicts.StatusFields(status="parked", next_step="Revisit in May"),
    )
    assert (done.agreement, done.next_step) == ("Joint patrols", "Ask council")
    moves = [
        (e.detail["from"], e.detail["to"])
        for e in history(db, SYSTEM, "conflict", conflict.id)
        if e.action == "status"
    ]
    assert moves == [("open", "exploring"), ("exploring", "agreed"), ("agreed", "parked")]
    with pytest.raises(
        PermissionDenied,
        match="cannot change conflicts for table 1; you are the scribe for table 2",
    ):
        conflicts.set_status(db, room.scribe2, conflict.id, conflicts.StatusFields(status="open"))


def test_leaders_never_see_confidential_conflicts(db):
    room = build_room(db)
    open_one = _conflict(db, room)
    secret = _conflict(db, room, confidential=True)
    assert [c.id for c in conflicts.list_conflicts(db, room.facilitator, room.meeting_id)] == [
        open_one.id,
        secret.id,
    ]
    assert [c.id for c in conflicts.list_conflicts(db, room.leader, room.meeting_id)] == [
        open_one.id
    ]
    shown = conflicts.list_conflicts(
        db, room.facilitator, room.meeting_id, include_confidential=False
    )
    assert [c.id for c in shown] == [open_one.id]
