"""The initiative and meeting someone works on: their choice while theirs, else the newest."""

from datetime import UTC, datetime

import pytest

from db.models import Meeting, MeetingTable
from db.models.enums import MeetingStatus
from services.room import room_control
from services.setup import focus, initiatives, meetings
from tests.factories import build_elsewhere, build_room

pytestmark = pytest.mark.both_databases  # the newest chosen by date


def test_a_facilitator_without_a_choice_works_on_the_newest_initiative_and_its_newest_meeting(db):
    room = build_room(db)
    other = build_elsewhere(db)
    here = focus.resolve(db, room.facilitator)
    assert (here.initiative_id, here.meeting_id) == (other.initiative_id, other.meeting_id)
    assert [i.name for i in here.initiatives] == ["Elsewhere", "Test City Initiative"]


def test_a_choice_of_ones_own_holds(db):
    room = build_room(db)
    build_elsewhere(db)
    here = focus.resolve(db, room.facilitator, room.initiative_id, room.meeting_id)
    assert (here.initiative_id, here.meeting_id) == (room.initiative_id, room.meeting_id)


def test_a_meeting_chosen_in_another_initiative_gives_way_to_the_chosen_ones_newest(db):
    room = build_room(db)
    other = build_elsewhere(db)
    here = focus.resolve(db, room.facilitator, room.initiative_id, other.meeting_id)
    assert (here.initiative_id, here.meeting_id) == (room.initiative_id, room.meeting_id)


def test_an_archived_choice_falls_back_quietly_to_the_newest(db):
    room = build_room(db)
    other = build_elsewhere(db)
    newer = initiatives.create_initiative(
        db, room.facilitator, initiatives.InitiativeFields(name="Newer")
    )
    initiatives.archive_initiative(db, room.facilitator, other.initiative_id)
    here = focus.resolve(db, room.facilitator, other.initiative_id, other.meeting_id)
    assert (here.initiative_id, here.meeting_id) == (newer.id, None)
    assert other.initiative_id not in {i.id for i in here.initiatives}


def test_an_archived_meeting_falls_back_to_the_initiatives_newest_other_meeting(db):
    room = build_room(db)
    follow_up = meetings.create_meeting(
        db, room.facilitator, room.initiative_id, meetings.MeetingFields(title="Follow-up")
    )
    meetings.archive_meeting(db, room.facilitator, follow_up.id)
    here = focus.resolve(db, room.facilitator, room.initiative_id, follow_up.id)
    assert here.meeting_id == room.meeting_id
    assert [m.id for m in here.meetings] == [room.meeting_id]


def test_a_deleted_or_made_up_choice_falls_back_quietly(db):
    room = build_room(db)
    for wish in [(999, 999), (None, room.meeting_id), (-1, None)]:
        here = focus.resolve(db, room.facilitator, *wish)
        assert (here.initiative_id, here.meeting_id) == (room.initiative_id, room.meeting_id)


def test_a_leader_remembered_on_another_initiative_gets_their_own(db):
    room = build_room(db)
    other = build_elsewhere(db)  # newer, and the leader's choice, but not theirs
    here = focus.resolve(db, room.leader, other.initiative_id, other.meeting_id)
    assert (here.initiative_id, here.meeting_id) == (room.initiative_id, room.meeting_id)
    assert [i.id for i in here.initiatives] == [room.initiative_id]


def test_a_leader_whose_only_initiative_is_archived_has_none(db):
    room = build_room(db)
    room_control.close_meeting(db, room.facilitator, room.meeting_id)
    initiatives.archive_initiative(db, room.facilitator, room.initiative_id)
    here = focus.resolve(db, room.leader, room.initiative_id)
    assert (here.initiatives, here.initiative_id, here.meeting_id) == ([], None, None)


def test_a_scribe_works_by_default_in_the_newest_meeting_where_they_scribe(db):
    room = build_room(db)
    other = build_elsewhere(db)
    # A newer initiative where the scribe has no table is not theirs at all.
    assert focus.resolve(db, room.scribe1).meeting_id == room.meeting_id
    # A follow-up of the room, dated and without a table for them, is not offered.
    meetings.create_meeting(
        db, room.facilitator, room.initiative_id, meetings.MeetingFields(title="Follow-up")
    )
    assert focus.resolve(db, room.scribe1).meeting_id == room.meeting_id
    # Given the other initiative's table, its meeting (the newest they scribe) is the default,
    with db.write() as s:
        s.get_one(MeetingTable, other.table_id).scribe_account_id = room.scribe1.account_id
    here = focus.resolve(db, room.scribe1)
    assert (here.initiative_id, here.meeting_id) == (other.initiative_id, other.meeting_id)
    # and a choice of the first room still holds.
    chosen = focus.resolve(db, room.scribe1, room.initiative_id, room.meeting_id)
    assert (chosen.initiative_id, chosen.meeting_id) == (room.initiative_id, room.meeting_id)


def test_an_initiative_with_no_meeting_is_in_focus_without_one(db):
    room = build_room(db)
    fresh = initiatives.create_initiative(
        db, room.facilitator, initiatives.InitiativeFields(name="Fresh start")
    )
    here = focus.resolve(db, room.facilitator, fresh.id, room.meeting_id)
    assert (here.initiative_id, here.meeting_id, here.meetings) == (fresh.id, None, [])


def test_without_a_choice_the_room_is_at_its_live_meeting_else_the_next_to_be_held(db):
    """A facilitator adding next month's follow-up moved every leader and scribe who had
    picked nothing onto its empty agenda: the default was the newest meeting made."""
    room = build_room(db)  # its meeting is live

    def dated(title, day):
        when = datetime(2027, 2, day, 18, tzinfo=UTC)
        fields = meetings.MeetingFields(title=title, starts_at=when)
        return meetings.create_meeting(db, room.facilitator, room.initiative_id, fields).id

    march, february = dated("March", 28), dated("February", 20)
    undated = meetings.create_meeting(
        db, room.facilitator, room.initiative_id, meetings.MeetingFields(title="Some day")
    ).id
    for person in (room.facilitator, room.leader):
        assert focus.resolve(db, person).meeting_id == room.meeting_id
    room_control.close_meeting(db, room.facilitator, room.meeting_id)
    # Just held: nearer than February's, so the team reads its results the day after
    # (moving everyone onto the follow-up moved the console of the one who closed it).
    assert focus.resolve(db, room.leader).meeting_id == room.meeting_id
    with db.write() as s:  # months go by: February's is now the nearer
        s.get_one(Meeting, room.meeting_id).closed_at = datetime(2026, 6, 1, tzinfo=UTC)
    assert focus.resolve(db, room.leader).meeting_id == february
    with db.write() as s:  # each held and closed in its turn, as the room runs them
        for held in (february, march, undated):
            s.get_one(Meeting, held).status = MeetingStatus.CLOSED
    # All held (closed before closing was recorded: by their dates): the nearest.
    assert focus.resolve(db, room.leader).meeting_id == february
    assert undated != march
