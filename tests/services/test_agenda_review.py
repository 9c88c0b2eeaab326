"""Leaders comment on agenda items and approve the agenda; a change reopens it."""

import pytest
from sqlalchemy import func, select

from db.models import Account, AgendaApproval, Meeting
from db.models.enums import AgendaStatus, Role
from services.agenda import agenda_review as review
from services.core.actors import SYSTEM, Actor
from services.core.audit import history
from services.core.errors import PermissionDenied, ValidationError
from tests.factories import build_elsewhere, build_room

pytestmark = pytest.mark.both_databases  # approvals under a row lock; counts


def _second_leader(db, room, active=True):
    with db.write() as s:
        account = Account(
            username="lead2",
            display_name="Rosa",
            role=Role.LEADER,
            password_hash="x",
            stakeholder_id=room.residents_id,
            active=active,
        )
        s.add(account)
        s.flush()
        return Actor(account.id, Role.LEADER, "Rosa")


def _approvals(db, meeting_id):
    with db.read() as s:
        query = select(func.count()).where(AgendaApproval.meeting_id == meeting_id)
        return s.scalar(query)


def test_comments_come_back_per_item_oldest_first(db):
    room = build_room(db)
    first, second, third = room.item_ids
    a = review.comment(db, room.leader, second, "  Too long for a first meeting. ")
    b = review.comment(db, room.facilitator, first, "Start with names.")
    c = review.comment(db, room.leader, second, "Maybe 15 minutes?")
    assert (a.author, a.text) == ("Lead", "Too long for a first meeting.")
    by_item = review.comments(db, room.facilitator, room.meeting_id)
    assert list(by_item) == [first, second, third]
    assert [n.id for n in by_item[second]] == [a.id, c.id]
    assert [n.id for n in by_item[first]] == [b.id]
    assert by_item[third] == []
    assert [e.action for e in history(db, SYSTEM, "agenda_comment", a.id)] == ["created"]


def test_a_scribe_cannot_comment_and_a_comment_cannot_be_blank(db):
    room = build_room(db)
    with pytest.raises(PermissionDenied, match="Only a Thought Leader Team member or a facil"):
        review.comment(db, room.scribe1, room.item_ids[0], "Hello")
    with pytest.raises(ValidationError, match="Comment is empty"):
        review.comment(db, room.leader, room.item_ids[0], "   ")
    with pytest.raises(ValidationError, match="Comment is 2,001 characters"):
        review.comment(db, room.leader, room.item_ids[0], "x" * 2001)


def test_a_leader_of_another_initiative_cannot_comment_or_approve(db):
    room = build_room(db)
    away = build_elsewhere(db)
    with db.write() as s:
        s.get_one(Account, room.leader.account_id).stakeholder_id = away.group_id
    with pytest.raises(PermissionDenied, match="does not speak for a stakeholder group"):
        review.comment(db, room.leader, room.item_ids[0], "Hello")
    with pytest.raises(PermissionDenied, match="does not speak for a stakeholder group"):
        review.approve(db, room.leader, room.meeting_id)


def test_only_the_author_or_a_facilitator_removes_a_comment(db):
    room = build_room(db)
    rosa = _second_leader(db, room)
    mine = review.comment(db, room.leader, room.item_ids[0], "Mine")
    hers = review.comment(db, rosa, room.item_ids[0], "Hers")
    with pytest.raises(PermissionDenied, match="This comment is Rosa’s"):
        review.delete_comment(db, room.leader, hers.id)
    review.delete_comment(db, room.leader, mine.id)
    review.delete_comment(db, room.facilitator, hers.id)
    assert review.comments(db, room.facilitator, room.meeting_id)[room.item_ids[0]] == []


def test_a_comment_outlives_its_authors_account(db):
    room = build_room(db)
    note = review.comment(db, room.leader, room.item_ids[0], "Keep this")
    with db.write() as s:
        s.delete(s.get_one(Account, room.leader.account_id))
    [kept] = review.comments(db, room.facilitator, room.meeting_id)[room.item_ids[0]]
    assert (kept.id, kept.author, kept.account_id) == (note.id, "Lead", None)


def test_the_only_leader_approving_approves_the_agenda(db):
    room = build_room(db)
    state = review.approve(db, room.leader, room.meeting_id)
    assert (state.approved, state.status, state.waiting_for) == (True, AgendaStatus.APPROVED, [])
    [who] = state.approvers
    assert (who.name, who.group) == ("Lead", "Police")
    assert [(e.action, e.detail) for e in history(db, SYSTEM, "meeting", room.meeting_id)] == [
        ("agenda_approved", {}),
        ("agenda_status", {"from": "draft", "to": "approved"}),
    ]


def test_approving_twice_keeps_the_first_time(db):
    room = build_room(db)
    first = review.approve(db, room.leader, room.meeting_id).approvers[0].approved_at
    again = review.approve(db, room.leader, room.meeting_id)
    assert [a.approved_at for a in again.approvers] == [first]
    assert len(history(db, SYSTEM, "meeting", room.meeting_id)) == 2


def test_with_two_leaders_it_waits_for_the_second_and_names_them(db):
    room = build_room(db)
    rosa = _second_leader(db, room)
    state = review.approve(db, room.leader, room.meeting_id)
    assert (state.approved, state.status, state.waiting_for) == (
        False,
        AgendaStatus.DRAFT,
        ["Rosa"],
    )
    assert review.approval_status(db, room.facilitator, room.meeting_id) == state
    state = review.approve(db, rosa, room.meeting_id)
    assert (state.approved, state.waiting_for) == (True, [])
    assert [(a.name, a.group) for a in state.approvers] == [
        ("Lead", "Police"),
        ("Rosa", "Residents"),
    ]


def test_an_inactive_leader_is_not_waited_for(db):
    room = build_room(db)
    _second_leader(db, room, active=False)
    assert review.approve(db, room.leader, room.meeting_id).approved


def test_only_leaders_approve(db):
    room = build_room(db)
    for actor in (room.facilitator, room.scribe1):
        with pytest.raises(PermissionDenied, match="Only a Thought Leader Team member"):
            review.approve(db, actor, room.meeting_id)


def test_withdrawing_an_approval_reopens_the_agenda(db):
    room = build_room(db)
    review.approve(db, room.leader, room.meeting_id)
    review.withdraw_approval(db, room.leader, room.meeting_id)
    state = review.approval_status(db, room.facilitator, room.meeting_id)
    assert (state.approved, state.status, state.approvers) == (False, AgendaStatus.DRAFT, [])
    assert state.waiting_for == ["Lead"]
    actions = [e.action for e in history(db, SYSTEM, "meeting", room.meeting_id)]
    assert actions[-2:] == ["agenda_approval_withdrawn", "agenda_status"]


def test_approving_an_empty_agenda_is_refused(db):
    room = build_room(db)
    with db.write() as s:
        empty = Meeting(initiative_id=room.initiative_id, title="Empty", code="empty-code")
        s.add(empty)
    with pytest.raises(ValidationError, match="agenda of “Empty” has no items yet"):
        review.approve(db, room.leader, empty.id)
    assert _approvals(db, empty.id) == 0


def test_reopen_clears_every_approval_and_sets_draft(db):
    room = build_room(db)
    rosa = _second_leader(db, room)
    review.approve(db, room.leader, room.meeting_id)
    review.approve(db, rosa, room.meeting_id)
    with db.write() as s:
        review.reopen(s, s.get_one(Meeting, room.meeting_id), room.facilitator)
    state = review.approval_status(db, room.facilitator, room.meeting_id)
    assert (state.approved, state.status, state.approvers) == (False, AgendaStatus.DRAFT, [])
    assert state.waiting_for == ["Lead", "Rosa"]
    assert _approvals(db, room.meeting_id) == 0
    assert [(e.action, e.detail) for e in history(db, SYSTEM, "meeting", room.meeting_id)][-2:] == [
        ("agenda_approvals_cleared", {"count": 2}),
        ("agenda_status", {"from": "approved", "to": "draft"}),
    ]


def test_reopen_clears_a_partial_approval_of_a_draft(db):
    room = build_room(db)
    _second_leader(db, room)
    review.approve(db, room.leader, room.meeting_id)
    with db.write() as s:
        review.reopen(s, s.get_one(Meeting, room.meeting_id), room.facilitator)
    assert review.approval_status(db, room.facilitator, room.meeting_id).approvers == []
    assert history(db, SYSTEM, "meeting", room.meeting_id)[-1].action == "agenda_approvals_cleared"


def test_approvers_are_named_with_their_account_so_a_screen_can_tell_whose_it_is(db):
    room = build_room(db)
    review.approve(db, room.leader, room.meeting_id)
    (who,) = review.approval_status(db, room.facilitator, room.meeting_id).approvers
    assert who.account_id == room.leader.account_id


def test_a_closed_meeting_s_agenda_is_neither_approved_nor_withdrawn_and_says_why(db):
    # A leader could approve the agenda of a meeting already held (a helper's walk).
    from services.agenda import agenda_screen
    from services.core.errors import NotAllowedNow
    from services.room import room_control

    room = build_room(db)
    review.approve(db, room.leader, room.meeting_id)
    room_control.start_meeting(db, room.facilitator, room.meeting_id)
    room_control.close_meeting(db, room.facilitator, room.meeting_id)
    for change in (review.withdraw_approval, review.approve):
        with pytest.raises(NotAllowedNow, match="has been held and closed"):
            change(db, room.leader, room.meeting_id)
    assert _approvals(db, room.meeting_id) == 1
    screen = agenda_screen.read(db, room.leader, room.meeting_id)
    assert screen.closed and not screen.may_approve and not screen.may_withdraw


def test_an_approval_is_timed_at_the_meeting_s_own_hour(db):
    # A Chicago leader's approval at 16:41 read "22:41", the server's UTC.
    room = build_room(db)
    with db.write() as s:
        s.get_one(Meeting, room.meeting_id).time_zone = "America/Chicago"
    [who] = review.approve(db, room.leader, room.meeting_id).approvers
    assert who.approved_at.tzname() in {"CST", "CDT"}


def test_an_agenda_with_no_step_offers_nothing_to_approve(db):
    # The service refuses it; the screen offered "Approve this agenda" all the same.
    from services.agenda import agenda_screen
    from services.setup import meetings

    room = build_room(db)
    empty = meetings.create_meeting(
        db, room.facilitator, room.initiative_id, meetings.MeetingFields(title="Follow-up")
    )
    screen = agenda_screen.read(db, room.leader, empty.id)
    assert not screen.steps and not screen.may_approve
    assert agenda_screen.read(db, room.leader, room.meeting_id).may_approve
