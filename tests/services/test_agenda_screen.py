"""The Agenda screen's one read: the steps, their comments, approval, and who may do what."""

import pytest

from services.agenda import agenda_review, agenda_screen
from services.core.errors import PermissionDenied
from tests.factories import build_elsewhere, build_room


def test_a_leader_reads_the_steps_with_their_comments_and_may_approve(db):
    room = build_room(db)
    agenda_review.comment(db, room.leader, room.item_ids[1], "Give this more time")
    agenda_review.comment(db, room.facilitator, room.item_ids[1], "Will do")
    screen = agenda_screen.read(db, room.leader, room.meeting_id)
    assert [s.item.id for s in screen.steps] == room.item_ids
    assert [s.last for s in screen.steps] == [False, False, True]
    assert [(c.author, c.text) for c in screen.steps[1].comments] == [
        ("Lead", "Give this more time"),
        ("Fac", "Will do"),
    ]
    assert screen.steps[0].comments == ()
    assert screen.minutes == sum(s.item.minutes for s in screen.steps)
    assert (screen.may_edit, screen.may_approve, screen.may_withdraw) == (False, True, False)
    assert screen.approval.approved is False


def test_once_a_leader_approved_they_may_withdraw_instead(db):
    room = build_room(db)
    agenda_review.approve(db, room.leader, room.meeting_id)
    screen = agenda_screen.read(db, room.leader, room.meeting_id)
    assert (screen.may_approve, screen.may_withdraw) == (False, True)
    assert [a.name for a in screen.approval.approvers] == ["Lead"]


def test_a_facilitator_designs_the_steps_and_neither_approves_nor_withdraws(db):
    room = build_room(db)
    screen = agenda_screen.read(db, room.facilitator, room.meeting_id)
    assert (screen.may_edit, screen.may_approve, screen.may_withdraw) == (True, False, False)


@pytest.mark.parametrize("scribe", ["scribe1", "scribe2"])
def test_a_scribe_has_no_agenda_screen(db, scribe):
    room = build_room(db)
    with pytest.raises(PermissionDenied):
        agenda_screen.read(db, getattr(room, scribe), room.meeting_id)


def test_a_leader_of_another_initiative_is_refused(db):
    room = build_room(db)
    other = build_elsewhere(db)
    with pytest.raises(PermissionDenied):
        agenda_screen.read(db, room.leader, other.meeting_id)
