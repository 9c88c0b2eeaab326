"""Starting the meeting runs its first step like Next, and names who has not approved."""

import pytest
from sqlalchemy import select

from db.models import Account, AgendaItem, Meeting, Stakeholder, utcnow
from db.models.enums import MeetingStatus, Role, StakeholderCategory, Step
from services.agenda import agenda_gaps, agenda_review
from services.core.actors import SYSTEM, Actor
from services.core.audit import history
from services.core.errors import PermissionDenied
from services.room import room_control
from tests.factories import build_elsewhere, build_room

pytestmark = pytest.mark.both_databases  # the meeting under a row lock


def _planned(db, room, kinds):
    """The room's meeting set back to planned, with one step of each kind, 5, 6, 7… minutes."""
    with db.write() as s:
        meeting = s.get_one(Meeting, room.meeting_id)
        meeting.status, meeting.current_item_id, meeting.input_open = (
            MeetingStatus.PLANNED,
            None,
            False,
        )
        items = s.scalars(
            select(AgendaItem).where(AgendaItem.meeting_id == room.meeting_id).order_by("position")
        )
        for item, kind in zip(items, kinds, strict=True):
            item.step, item.minutes = kind, 4 + item.position


def _leader(db, room, name, group_id):
    with db.write() as s:
        account = Account(
            username=name.lower(),
            display_name=name,
            role=Role.LEADER,
            password_hash="x",
            stakeholder_id=group_id,
        )
        s.add(account)
        s.flush()
        return Actor(account.id, Role.LEADER, name)


def _youth(db, room, major=True):
    with db.write() as s:
        group = Stakeholder(
            initiative_id=room.initiative_id,
            name="Youth",
            category=StakeholderCategory.YOUTH,
            is_major=major,
        )
        s.add(group)


def test_starting_on_a_quiet_first_step_keeps_input_closed_and_runs_its_timer(db):
    room = build_room(db)
    _planned(db, room, [Step.WELCOME, Step.LISTEN, Step.DIVERGE])
    state = room_control.start_meeting(db, room.facilitator, room.meeting_id)
    assert (state.status, state.position, state.input_open) == (MeetingStatus.LIVE, 1, False)
    left = state.seconds_left(utcnow())
    assert left is not None and 4 * 60 < left <= 5 * 60


def test_starting_on_a_listening_first_step_opens_input_like_next_would(db):
    room = build_room(db)
    _planned(db, room, [Step.LISTEN, Step.WELCOME, Step.DIVERGE])
    state = room_control.start_meeting(db, room.facilitator, room.meeting_id)
    assert (state.position, state.input_open, state.paused) == (1, True, False)
    left = state.seconds_left(utcnow())
    assert left is not None and 4 * 60 < left <= 5 * 60
    step = [e for e in history(db, SYSTEM, "meeting", room.meeting_id) if e.action == "step"]
    assert [(e.detail["input_open"], e.detail["timer_minutes"]) for e in step] == [(True, 5)]


def test_starting_twice_does_not_restart_the_first_steps_timer(db):
    room = build_room(db)
    _planned(db, room, [Step.LISTEN, Step.WELCOME, Step.DIVERGE])
    first = room_control.start_meeting(db, room.facilitator, room.meeting_id)
    again = room_control.start_meeting(db, room.facilitator, room.meeting_id)
    assert again.timer_ends_at == first.timer_ends_at
    actions = [e.action for e in history(db, SYSTEM, "meeting", room.meeting_id)]
    assert actions == ["started", "step"]


def test_an_unapproved_agenda_names_who_has_not_approved_and_groups_with_nobody(db):
    room = build_room(db)
    rosa = _leader(db, room, "Rosa", room.residents_id)
    _youth(db, room)
    agenda_review.approve(db, rosa, room.meeting_id)
    gaps = agenda_gaps.approval_gaps(db, room.facilitator, room.meeting_id)
    assert gaps is not None
    assert [(w.name, w.group) for w in gaps.waiting] == [("Lead", "Police")]
    assert gaps.groups_without_leader == ["Youth"]
    assert gaps.approved_by == ["Rosa"]


def test_a_minor_group_without_a_leader_is_not_waited_for(db):
    room = build_room(db)
    _youth(db, room, major=False)
    gaps = agenda_gaps.approval_gaps(db, room.facilitator, room.meeting_id)
    assert gaps is not None
    assert gaps.groups_without_leader == ["Residents"]  # major, and nobody speaks for it
    assert [w.name for w in gaps.waiting] == ["Lead"]


def test_an_approved_agenda_has_no_gaps(db):
    room = build_room(db)
    agenda_review.approve(db, room.leader, room.meeting_id)
    assert agenda_gaps.approval_gaps(db, room.facilitator, room.meeting_id) is None


def test_starting_on_an_unapproved_agenda_goes_ahead_and_audits_who_had_not_approved(db):
    room = build_room(db)
    _leader(db, room, "Rosa", room.residents_id)
    _youth(db, room)
    agenda_review.approve(db, room.leader, room.meeting_id)
    _planned(db, room, [Step.WELCOME, Step.LISTEN, Step.DIVERGE])
    state = room_control.start_meeting(db, room.facilitator, room.meeting_id)
    assert state.status is MeetingStatus.LIVE
    (started,) = [
        e for e in history(db, SYSTEM, "meeting", room.meeting_id) if e.action == "started"
    ]
    assert started.detail == {
        "item_id": room.item_ids[0],
        "agenda_approved": False,
        "not_approved_by": ["Rosa (Residents)"],
        "groups_without_leader": ["Youth"],
        "approved_by": ["Lead"],
    }


def test_starting_on_an_approved_agenda_says_so_in_the_audit(db):
    room = build_room(db)
    agenda_review.approve(db, room.leader, room.meeting_id)
    _planned(db, room, [Step.WELCOME, Step.LISTEN, Step.DIVERGE])
    room_control.start_meeting(db, room.facilitator, room.meeting_id)
    (started,) = [
        e for e in history(db, SYSTEM, "meeting", room.meeting_id) if e.action == "started"
    ]
    assert started.detail == {"item_id": room.item_ids[0], "agenda_approved": True}


def test_a_leader_of_another_initiative_cannot_read_the_gaps(db):
    room = build_room(db)
    away = build_elsewhere(db)
    with pytest.raises(PermissionDenied):
        agenda_gaps.approval_gaps(db, room.leader, away.meeting_id)
