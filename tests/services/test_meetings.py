"""Meetings: planning them, finding them by their projector code, and removing them."""

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from db.models import ListeningNote, Meeting, MeetingTable
from db.models.enums import MeetingStatus
from services.core import codes
from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import NotAllowedNow, NotFound, PermissionDenied, ValidationError
from services.prepare import invitations
from services.review import meeting_record
from services.room import room_control
from services.setup import meetings
from tests.factories import build_elsewhere, build_room

pytestmark = pytest.mark.both_databases  # codes unique and looked up

EASTERN = timezone(timedelta(hours=-5))


def test_creates_a_meeting_with_an_unguessable_code_and_audits_it(db):
    room = build_room(db)
    when = datetime(2031, 3, 4, 18, 30, tzinfo=EASTERN)
    made = meetings.create_meeting(
        db,
        room.facilitator,
        room.initiative_id,
        meetings.MeetingFields(title=" Listening session ", starts_at=when, location=" Library "),
    )
    assert (made.title, made.location, made.status) == (
        "Listening session",
        "Library",
        MeetingStatus.PLANNED,
    )
    assert codes.is_new_style(made.code)
    assert (
        made.code
        != meetings.create_meeting(
            db, room.facilitator, room.initiative_id, meetings.MeetingFields(title="B")
        ).code
    )
    assert meetings.get_meeting(db, made.id, actor=SYSTEM).starts_at == when
    assert [e.action for e in history(db, SYSTEM, "meeting", made.id)] == ["created"]


def test_refuses_a_start_time_without_a_time_zone(db):
    room = build_room(db)
    naive = datetime(2031, 3, 4, 18, 30)
    with pytest.raises(ValidationError, match="no time zone"):
        meetings.create_meeting(
            db,
            room.facilitator,
            room.initiative_id,
            meetings.MeetingFields(title="X", starts_at=naive),
        )
    with pytest.raises(ValidationError, match="no time zone"):
        meetings.update_meeting(
            db,
            room.facilitator,
            room.meeting_id,
            meetings.MeetingFields(title="X", starts_at=naive, location=""),
        )


def test_refuses_an_empty_title_and_an_over_long_location(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Meeting title is empty"):
        meetings.create_meeting(
            db, room.facilitator, room.initiative_id, meetings.MeetingFields(title="  ")
        )
    with pytest.raises(ValidationError, match="Location is 201 characters"):
        meetings.create_meeting(
            db,
            room.facilitator,
            room.initiative_id,
            meetings.MeetingFields(title="X", starts_at=None, location="l" * 201),
        )


def test_names_an_unknown_initiative_or_meeting(db):
    room = build_room(db)
    with pytest.raises(NotFound, match="No initiative with id 999"):
        meetings.create_meeting(db, room.facilitator, 999, meetings.MeetingFields(title="X"))
    with pytest.raises(NotFound, match="No meeting with id 999"):
        meetings.get_meeting(db, 999, actor=SYSTEM)
    with pytest.raises(NotFound, match="No meeting with id 999"):
        meetings.update_meeting(
            db,
            room.facilitator,
            999,
            meetings.MeetingFields(title="X", starts_at=None, location=""),
        )


def test_only_a_facilitator_may_plan_meetings(db):
    room = build_room(db)
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        meetings.create_meeting(
            db, room.leader, room.initiative_id, meetings.MeetingFields(title="X")
        )
    with pytest.raises(PermissionDenied):
        meetings.update_meeting(
            db,
            room.scribe1,
            room.meeting_id,
            meetings.MeetingFields(title="X", starts_at=None, location=""),
        )
    with pytest.raises(PermissionDenied):
        meetings.delete_meeting(db, room.leader, room.meeting_id)


def test_updates_a_meeting_and_keeps_its_code(db):
    room = build_room(db)
    when = datetime(2031, 5, 1, 17, tzinfo=UTC)
    changed = meetings.update_meeting(
        db,
        room.facilitator,
        room.meeting_id,
        meetings.MeetingFields(title="Round 2", starts_at=when, location="Hall"),
    )
    assert (changed.title, changed.starts_at, changed.location) == ("Round 2", when, "Hall")
    found = meetings.meeting_by_code(db, "meet-code")
    assert found is not None and found.title == "Round 2"
    assert [e.action for e in history(db, SYSTEM, "meeting", room.meeting_id)] == ["updated"]


def test_finds_a_meeting_by_its_code_ignoring_spaces(db):
    room = build_room(db)
    found = meetings.meeting_by_code(db, " meet-code\n")
    assert found is not None and found.id == room.meeting_id
    assert meetings.meeting_by_code(db, "wrong") is None
    assert meetings.meeting_by_code(db, "  ") is None
    assert meetings.meeting_by_code(db, None) is None


def test_lists_meetings_newest_first_with_undated_ones_first(db):
    room = build_room(db)
    fac, ini = room.facilitator, room.initiative_id
    old = meetings.create_meeting(
        db,
        fac,
        ini,
        meetings.MeetingFields(title="Old", starts_at=datetime(2030, 1, 1, tzinfo=UTC)),
    )
    new = meetings.create_meeting(
        db,
        fac,
        ini,
        meetings.MeetingFields(title="New", starts_at=datetime(2031, 1, 1, tzinfo=UTC)),
    )
    undated = meetings.create_meeting(db, fac, ini, meetings.MeetingFields(title="Undated"))
    ids = [m.id for m in meetings.list_meetings(db, SYSTEM, ini)]
    assert ids == [undated.id, room.meeting_id, new.id, old.id]


def test_refuses_to_delete_a_live_meeting(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match=r"is live.*Close the meeting first"):
        meetings.delete_meeting(db, room.facilitator, room.meeting_id)
    assert meetings.get_meeting(db, room.meeting_id, actor=SYSTEM).title == "Meeting"


def test_deletes_a_closed_meeting_with_its_tables_and_notes(db):
    room = build_room(db)
    with db.write() as s:
        s.add(ListeningNote(meeting_id=room.meeting_id, table_id=room.table1_id, said="Hi"))
    with db.write() as s:
        s.get_one(Meeting, room.meeting_id).status = MeetingStatus.CLOSED
    meetings.delete_meeting(db, room.facilitator, room.meeting_id)
    assert meetings.list_meetings(db, SYSTEM, room.initiative_id) == []
    with db.read() as s:
        assert s.get(MeetingTable, room.table1_id) is None
    assert [e.action for e in history(db, SYSTEM, "meeting", room.meeting_id)] == ["deleted"]


def test_archives_and_restores_a_meeting_that_is_not_live(db):
    room = build_room(db)
    room_control.close_meeting(db, room.facilitator, room.meeting_id)
    assert meetings.archive_meeting(db, room.facilitator, room.meeting_id).archived
    assert meetings.meetings_for(db, room.facilitator, room.initiative_id) == []
    kept = meetings.meetings_for(db, room.facilitator, room.initiative_id, include_archived=True)
    assert [m.id for m in kept] == [room.meeting_id]
    assert not meetings.restore_meeting(db, room.facilitator, room.meeting_id).archived
    assert [e.action for e in history(db, SYSTEM, "meeting", room.meeting_id)][-2:] == [
        "archived",
        "restored",
    ]


def test_refuses_to_archive_a_live_meeting_and_says_how_to_close_it(db):
    room = build_room(db)
    with pytest.raises(NotAllowedNow, match=r"Meeting is live.*Close the meeting"):
        meetings.archive_meeting(db, room.facilitator, room.meeting_id)
    assert not meetings.get_meeting(db, room.meeting_id, actor=SYSTEM).archived


def test_only_a_facilitator_may_archive_or_restore_a_meeting(db):
    room = build_room(db)
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        meetings.archive_meeting(db, room.leader, room.meeting_id)
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        meetings.restore_meeting(db, room.scribe1, room.meeting_id)


def test_a_leader_lists_every_meeting_of_their_initiative_and_none_of_another(db):
    room = build_room(db)
    other = build_elsewhere(db)
    follow_up = meetings.create_meeting(
        db, room.facilitator, room.initiative_id, meetings.MeetingFields(title="Follow-up")
    )
    listed = meetings.meetings_for(db, room.leader, room.initiative_id)
    assert {m.id for m in listed} == {room.meeting_id, follow_up.id}
    with pytest.raises(PermissionDenied, match="not one of yours"):
        meetings.meetings_for(db, room.leader, other.initiative_id)


def test_a_scribe_lists_only_the_meetings_where_they_scribe_a_table(db):
    room = build_room(db)
    follow_up = meetings.create_meeting(
        db, room.facilitator, room.initiative_id, meetings.MeetingFields(title="Follow-up")
    )
    assert [m.id for m in meetings.meetings_for(db, room.scribe1, room.initiative_id)] == [
        room.meeting_id
    ]
    with db.write() as s:
        s.add(
            MeetingTable(
                meeting_id=follow_up.id, number=1, scribe_account_id=room.scribe1.account_id
            )
        )
    listed = meetings.meetings_for(db, room.scribe1, room.initiative_id)
    assert {m.id for m in listed} == {room.meeting_id, follow_up.id}
    assert [m.id for m in meetings.meetings_for(db, room.scribe2, room.initiative_id)] == [
        room.meeting_id
    ]


def test_reading_a_meeting_of_another_initiative_is_refused_to_a_leader(db):
    room = build_room(db)
    other = build_elsewhere(db)
    assert meetings.get_meeting(db, room.meeting_id, actor=room.leader).title == "Meeting"
    with pytest.raises(PermissionDenied, match="not one of yours"):
        meetings.get_meeting(db, other.meeting_id, actor=room.leader)


def test_a_start_keeps_the_zone_it_was_typed_in_and_papers_print_its_hour(db):
    """18:00 typed in Chicago was printed on invitations and the report as "00:00 UTC" the
    next day (found walking a fresh install): the zone's name is kept beside the start."""
    room = build_room(db)
    chicago = datetime(2027, 3, 6, 18, 0, tzinfo=ZoneInfo("America/Chicago"))
    made = meetings.create_meeting(
        db,
        room.facilitator,
        room.initiative_id,
        meetings.MeetingFields(title="Zoned", starts_at=chicago),
    )
    assert (made.starts_at, made.time_zone) == (chicago, "America/Chicago")
    heading = invitations.meeting_heading(db, room.facilitator, made.id)
    assert heading.starts_at is not None
    assert f"{heading.starts_at:%Y-%m-%d %H:%M} {heading.starts_at.tzname()}" == (
        "2027-03-06 18:00 CST"
    )
    record = meeting_record.collect(db, room.facilitator, made.id)
    assert record.starts_at is not None and record.starts_at == chicago
    assert record.starts_at.tzname() == "CST"
    # A start given at a fixed offset names no zone: printed in UTC, as before.
    offset = datetime(2027, 3, 6, 18, 0, tzinfo=timezone(timedelta(hours=-6)))
    moved = meetings.update_meeting(
        db, room.facilitator, made.id, meetings.MeetingFields(title="Zoned", starts_at=offset)
    )
    assert moved.time_zone == ""
    again = invitations.meeting_heading(db, room.facilitator, made.id).starts_at
    assert again is not None and f"{again:%H:%M} {again.tzname()}" == "00:00 UTC"
