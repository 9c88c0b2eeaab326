"""Pausing the room's timer holds the seconds left; resuming counts down from them again."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from db.models import Meeting, utcnow
from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import NotAllowedNow, PermissionDenied, ValidationError
from services.room import room_control
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # times stored and compared


def _actions(db, room):
    return [e.action for e in history(db, SYSTEM, "meeting", room.meeting_id)]


def _stored(db, room):
    with db.read() as s:
        meeting = s.scalars(select(Meeting).where(Meeting.id == room.meeting_id)).one()
        return meeting.timer_ends_at, meeting.timer_paused_seconds


def _running(db, room, minutes=5):
    return room_control.start_timer(db, room.facilitator, room.meeting_id, minutes)


def test_pausing_keeps_the_whole_seconds_left_and_the_state_says_paused(db):
    room = build_room(db)
    _running(db, room, 5)
    state = room_control.pause_timer(db, room.facilitator, room.meeting_id)
    assert state.paused is True
    assert state.timer_ends_at is None and state.timer_paused_seconds is not None
    assert 4 * 60 + 55 <= state.timer_paused_seconds <= 5 * 60
    # The seconds left stand still while paused, whatever the clock says.
    later = utcnow() + timedelta(minutes=3)
    assert state.seconds_left(later) == state.timer_paused_seconds
    assert _stored(db, room) == (None, state.timer_paused_seconds)
    (paused,) = [
        e for e in history(db, SYSTEM, "meeting", room.meeting_id) if e.action == "timer paused"
    ]
    assert paused.detail == {"seconds_left": state.timer_paused_seconds}


def test_resuming_counts_down_from_the_seconds_that_were_left(db):
    room = build_room(db)
    _running(db, room, 5)
    with db.write() as s:
        s.get_one(Meeting, room.meeting_id).timer_paused_seconds = 252
        s.get_one(Meeting, room.meeting_id).timer_ends_at = None
    state = room_control.resume_timer(db, room.facilitator, room.meeting_id)
    assert state.paused is False and state.timer_paused_seconds is None
    left = state.seconds_left(utcnow())
    assert left is not None and 250 <= left <= 252
    ends_at, paused = _stored(db, room)
    assert paused is None and ends_at is not None
    assert _actions(db, room)[-1] == "timer resumed"


def test_pausing_or_resuming_twice_is_harmless_for_two_facilitators_tapping_at_once(db):
    room = build_room(db)
    _running(db, room, 5)
    first = room_control.pause_timer(db, room.facilitator, room.meeting_id)
    again = room_control.pause_timer(db, room.facilitator, room.meeting_id)
    assert again.timer_paused_seconds == first.timer_paused_seconds
    room_control.resume_timer(db, room.facilitator, room.meeting_id)
    ends_at, _ = _stored(db, room)
    room_control.resume_timer(db, room.facilitator, room.meeting_id)
    assert _stored(db, room) == (ends_at, None)
    assert _actions(db, room).count("timer paused") == 1
    assert _actions(db, room).count("timer resumed") == 1


def test_nothing_to_pause_or_resume_is_said_in_words(db):
    room = build_room(db)
    with pytest.raises(NotAllowedNow, match="No timer is running, so there is nothing to pause"):
        room_control.pause_timer(db, room.facilitator, room.meeting_id)
    with pytest.raises(NotAllowedNow, match=r"No timer is paused\. Start a timer instead"):
        room_control.resume_timer(db, room.facilitator, room.meeting_id)
    with db.write() as s:
        s.get_one(Meeting, room.meeting_id).timer_ends_at = utcnow() - timedelta(seconds=3)
    with pytest.raises(NotAllowedNow, match=r"Time is already up\. Add minutes"):
        room_control.pause_timer(db, room.facilitator, room.meeting_id)
    assert _stored(db, room)[1] is None


def test_adding_minutes_while_paused_adds_to_the_paused_seconds(db):
    room = build_room(db)
    _running(db, room, 5)
    before = room_control.pause_timer(db, room.facilitator, room.meeting_id)
    assert before.timer_paused_seconds is not None
    state = room_control.extend_timer(db, room.facilitator, room.meeting_id, 1)
    assert state.paused and state.timer_ends_at is None
    assert state.timer_paused_seconds == before.timer_paused_seconds + 60
    state = room_control.extend_timer(db, room.facilitator, room.meeting_id, 5)
    assert state.timer_paused_seconds == before.timer_paused_seconds + 6 * 60
    extended = [
        e for e in history(db, SYSTEM, "meeting", room.meeting_id) if e.action == "timer extended"
    ]
    assert [e.detail for e in extended] == [
        {"minutes": 1, "paused": True},
        {"minutes": 5, "paused": True},
    ]


def test_adding_minutes_while_paused_past_the_longest_timer_is_refused(db):
    room = build_room(db)
    _running(db, room, 178)
    before = room_control.pause_timer(db, room.facilitator, room.meeting_id)
    with pytest.raises(ValidationError, match="past 180 minutes"):
        room_control.extend_timer(db, room.facilitator, room.meeting_id, 5)
    assert _stored(db, room) == (None, before.timer_paused_seconds)


@pytest.mark.parametrize(
    ("call", "args"),
    [
        (room_control.move_step, (+1,)),
        (room_control.start_timer, (7,)),
        (room_control.go_to_step, ("third",)),
    ],
)
def test_moving_or_starting_a_new_timer_clears_the_pause(db, call, args):
    room = build_room(db)
    _running(db, room, 5)
    room_control.pause_timer(db, room.facilitator, room.meeting_id)
    args = (room.item_ids[2],) if args == ("third",) else args
    state = call(db, room.facilitator, room.meeting_id, *args)
    assert state.paused is False and state.timer_paused_seconds is None
    assert state.seconds_left(utcnow()) > 5 * 60
    assert _stored(db, room)[1] is None


def test_clearing_or_closing_takes_a_paused_timer_off_every_screen(db):
    room = build_room(db)
    _running(db, room, 5)
    room_control.pause_timer(db, room.facilitator, room.meeting_id)
    state = room_control.clear_timer(db, room.facilitator, room.meeting_id)
    assert (state.paused, state.seconds_left(utcnow())) == (False, None)
    _running(db, room, 5)
    room_control.pause_timer(db, room.facilitator, room.meeting_id)
    state = room_control.close_meeting(db, room.facilitator, room.meeting_id)
    assert (state.paused, state.seconds_left(utcnow())) == (False, None)
    assert _stored(db, room) == (None, None)


def test_a_closed_meeting_refuses_pause_and_resume_in_words(db):
    room = build_room(db)
    room_control.close_meeting(db, room.facilitator, room.meeting_id)
    for call in (room_control.pause_timer, room_control.resume_timer):
        with pytest.raises(NotAllowedNow, match=r"is closed\. Reopen it to (pause|resume)"):
            call(db, room.facilitator, room.meeting_id)


@pytest.mark.parametrize("call", [room_control.pause_timer, room_control.resume_timer])
def test_only_a_facilitator_pauses_or_resumes(db, call):
    room = build_room(db)
    _running(db, room, 5)
    for who in (room.scribe1, room.leader):
        with pytest.raises(PermissionDenied, match="Only a facilitator"):
            call(db, who, room.meeting_id)
    assert _stored(db, room)[1] is None
