"""The action plan: drafts, marking an action ready, editing, deleting and listing."""

from datetime import date, timedelta

import pytest

from db.models.enums import ActionStatus
from services.act import actions
from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import NotFound, PermissionDenied, ValidationError
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # audit details are JSON; ordering

TODAY = date.today()
HOW = "Train two call takers a month in crisis triage"


def _smart(room, **changes):
    values = {
        "title": "Triage training",
        "description": HOW,
        "measure": "All 24 call takers trained",
        "owner_participant_id": room.participant_ids[0],
        "due_on": TODAY + timedelta(days=30),
        "ready": True,
    }
    return values | changes


def test_saves_an_incomplete_draft(db):
    room = build_room(db)
    action = actions.create_action(
        db,
        room.facilitator,
        room.initiative_id,
        actions.ActionFields(title="Something about triage"),
    )
    assert (action.ready, action.status, action.stakeholder_id) == (
        False,
        ActionStatus.NOT_STARTED,
        None,
    )
    assert [e.action for e in history(db, SYSTEM, "action_item", action.id)] == ["created"]


def test_refuses_to_mark_ready_what_is_not_smart_and_says_what_is_missing(db):
    room = build_room(db)
    values = _smart(room, measure="", due_on=TODAY - timedelta(days=1))
    with pytest.raises(ValidationError, match=r"\(M, T missing\).*Measurable.*Time-bound.*draft"):
        actions.create_action(
            db, room.facilitator, room.initiative_id, actions.ActionFields(**values)
        )
    assert actions.list_actions(db, room.facilitator, room.initiative_id) == []


def test_a_ready_action_counts_for_its_owners_group_unless_told_otherwise(db):
    room = build_room(db)
    mine = actions.create_action(
        db, room.facilitator, room.initiative_id, actions.ActionFields(**_smart(room))
    )
    assert (mine.ready, mine.stakeholder_id) == (True, room.police_id)
    theirs = actions.create_action(
        db,
        room.facilitator,
        room.initiative_id,
        actions.ActionFields(**_smart(room, stakeholder_id=room.residents_id)),
    )
    assert theirs.stakeholder_id == room.residents_id


def test_refuses_unknown_links_and_an_empty_title(db):
    room = build_room(db)
    with pytest.raises(NotFound, match="No participant with id 999"):
        actions.create_action(
            db,
            room.facilitator,
            room.initiative_id,
            actions.ActionFields(title="X", owner_participant_id=999),
        )
    with pytest.raises(NotFound, match="No conflict with id 999"):
        actions.create_action(
            db,
            room.facilitator,
            room.initiative_id,
            actions.ActionFields(title="X"),
            actions.ActionLinks(conflict_id=999),
        )
    with pytest.raises(NotFound, match="No initiative with id 999"):
        actions.create_action(db, room.facilitator, 999, actions.ActionFields(title="X"))
    with pytest.raises(ValidationError, match="Action title is empty"):
        actions.create_action(
            db, room.facilitator, room.initiative_id, actions.ActionFields(title="")
        )


@pytest.mark.parametrize("who", ["scribe1", "leader"])
def test_only_a_facilitator_creates_edits_and_deletes_actions(db, who):
    room = build_room(db)
    action = actions.create_action(
        db, room.facilitator, room.initiative_id, actions.ActionFields(title="X")
    )
    actor = getattr(room, who)
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        actions.create_action(db, actor, room.initiative_id, actions.ActionFields(title="X"))
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        actions.update_action(
            db,
            actor,
            action.id,
            actions.ActionFields(
                title="Y",
                description="",
                measure="",
                owner_participant_id=None,
                stakeholder_id=None,
                due_on=None,
                charter_goal="",
                confidential=False,
                ready=False,
            ),
        )
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        actions.delete_action(db, actor, action.id)


def test_updating_to_ready_runs_the_smart_check(db):
    room = build_room(db)
    action = actions.create_action(
        db, room.facilitator, room.initiative_id, actions.ActionFields(title="Draft")
    )
    with pytest.raises(ValidationError, match="not SMART yet"):
        actions.update_action(
            db,
            room.facilitator,
            action.id,
            actions.ActionFields(
                title="Draft",
                description="",
                measure="",
                owner_participant_id=None,
                stakeholder_id=None,
                due_on=None,
                charter_goal="",
                confidential=False,
                ready=True,
            ),
        )
    v = _smart(room)
    updated = actions.update_action(
        db,
        room.facilitator,
        action.id,
        actions.ActionFields(
            title=v["title"],
            description=v["description"],
            measure=v["measure"],
            owner_participant_id=v["owner_participant_id"],
            stakeholder_id=None,
            due_on=v["due_on"],
            charter_goal="Goal 2",
            confidential=True,
            ready=True,
        ),
    )
    assert (updated.ready, updated.stakeholder_id, updated.charter_goal) == (
        True,
        room.police_id,
        "Goal 2",
    )
    assert [e.action for e in history(db, SYSTEM, "action_item", action.id)] == [
        "created",
        "updated",
    ]


def test_deletes_an_action(db):
    room = build_room(db)
    action = actions.create_action(
        db, room.facilitator, room.initiative_id, actions.ActionFields(title="X")
    )
    actions.delete_action(db, room.facilitator, action.id)
    assert actions.list_actions(db, room.facilitator, room.initiative_id) == []
    with pytest.raises(NotFound, match="No action with id"):
        actions.delete_action(db, room.facilitator, action.id)


def test_lists_by_due_date_with_undated_last_and_hides_confidential_from_leaders(db):
    room = build_room(db)
    undated = actions.create_action(
        db, room.facilitator, room.initiative_id, actions.ActionFields(title="Undated")
    )
    later = actions.create_action(
        db,
        room.facilitator,
        room.initiative_id,
        actions.ActionFields(title="Later", due_on=TODAY + timedelta(9)),
    )
    soon = actions.create_action(
        db,
        room.facilitator,
        room.initiative_id,
        actions.ActionFields(title="Soon", due_on=TODAY, confidential=True),
    )
    every = actions.list_actions(db, room.facilitator, room.initiative_id)
    assert [a.id for a in every] == [soon.id, later.id, undated.id]
    assert [a.id for a in actions.list_actions(db, room.leader, room.initiative_id)] == [
        later.id,
        undated.id,
    ]
    hidden = actions.list_actions(
        db, room.facilitator, room.initiative_id, include_confidential=False
    )
    assert [a.id for a in hidden] == [later.id, undated.id]
