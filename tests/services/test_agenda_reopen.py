"""End to end: changing an approved agenda through services/agenda/agenda.py asks leaders again."""

import pytest

from db.models.enums import AgendaStatus
from services.agenda import agenda
from services.agenda import agenda_review as review
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # approvals asked again under a row lock


def test_changing_an_approved_agenda_clears_the_approvals(db):
    room = build_room(db)
    assert review.approve(db, room.leader, room.meeting_id).approved
    agenda.update_item(
        db,
        room.facilitator,
        room.item_ids[2],
        agenda.ItemFields(
            title="Vote", step="converge", minutes=25, skill=None, goal="", materials="", prompt=""
        ),
    )
    state = review.approval_status(db, room.facilitator, room.meeting_id)
    assert (state.approved, state.status, state.approvers) == (False, AgendaStatus.DRAFT, [])
    assert state.waiting_for == ["Lead"]
