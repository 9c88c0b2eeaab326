"""Following up the plan: progress updates, overdue actions and each group's tally."""

from datetime import date, timedelta

import pytest

import i18n
from db.models.enums import ActionStatus
from services.act import action_followup, actions
from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import NotFound, PermissionDenied, ValidationError
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # status counts grouped by group; dated updates

TODAY = date.today()


def test_updates_move_the_status_and_are_kept_in_order(db):
    room = build_room(db)
    action = actions.create_action(
        db, room.facilitator, room.initiative_id, actions.ActionFields(title="X")
    )
    action_followup.add_update(db, room.leader, action.id, "in_progress", "Started training")
    action_followup.add_update(
        db, room.facilitator, action.id, ActionStatus.IN_PROGRESS, "Half done"
    )
    last = action_followup.add_update(db, room.leader, action.id, "done")
    assert [(u.status, u.note) for u in action_followup.updates(db, SYSTEM, action.id)] == [
        (ActionStatus.IN_PROGRESS, "Started training"),
        (ActionStatus.IN_PROGRESS, "Half done"),
        (ActionStatus.DONE, ""),
    ]
    assert last.account_id == room.leader.account_id
    moves = [
        (e.detail["from"], e.detail["to"])
        for e in history(db, SYSTEM, "action_item", action.id)
        if e.action == "status"
    ]
    assert moves == [
        ("not_started", "in_progress"),
        ("in_progress", "in_progress"),
        ("in_progress", "done"),
    ]
    assert (
        actions.list_actions(db, room.facilitator, room.initiative_id)[0].status
        is ActionStatus.DONE
    )


def test_an_update_must_say_something(db):
    room = build_room(db)
    action = actions.create_action(
        db, room.facilitator, room.initiative_id, actions.ActionFields(title="X")
    )
    with pytest.raises(ValidationError, match="Nothing to record"):
        action_followup.add_update(db, room.facilitator, action.id, "not_started", " ")
    with pytest.raises(ValidationError, match="not an action status"):
        action_followup.add_update(db, room.facilitator, action.id, "finished")
    with pytest.raises(NotFound, match="No action with id 999"):
        action_followup.add_update(db, room.facilitator, 999, "done")


def test_scribes_may_not_update_and_leaders_not_confidential_actions(db):
    room = build_room(db)
    secret = actions.create_action(
        db, room.facilitator, room.initiative_id, actions.ActionFields(title="X", confidential=True)
    )
    with pytest.raises(
        PermissionDenied, match="Only a facilitator or a Thought Leader Team member"
    ):
        action_followup.add_update(db, room.scribe1, secret.id, "done")
    with pytest.raises(PermissionDenied, match="confidential"):
        action_followup.add_update(db, room.leader, secret.id, "done")
    assert action_followup.updates(db, SYSTEM, secret.id) == []


def test_overdue_lists_unfinished_actions_past_their_date(db):
    room = build_room(db)
    late = actions.create_action(
        db,
        room.facilitator,
        room.initiative_id,
        actions.ActionFields(title="Late", due_on=TODAY - timedelta(3)),
    )
    later = actions.create_action(
        db,
        room.facilitator,
        room.initiative_id,
        actions.ActionFields(title="Later", due_on=TODAY - timedelta(1), confidential=True),
    )
    done = actions.create_action(
        db,
        room.facilitator,
        room.initiative_id,
        actions.ActionFields(title="Done", due_on=TODAY - timedelta(5)),
    )
    action_followup.add_update(db, room.facilitator, done.id, "done")
    actions.create_action(
        db, room.facilitator, room.initiative_id, actions.ActionFields(title="Today", due_on=TODAY)
    )
    actions.create_action(
        db, room.facilitator, room.initiative_id, actions.ActionFields(title="Undated")
    )
    assert [
        a.id for a in action_followup.overdue(db, room.facilitator, room.initiative_id, TODAY)
    ] == [
        late.id,
        later.id,
    ]
    assert [
        a.id
        for a in action_followup.overdue(
            db, room.facilitator, room.initiative_id, TODAY, include_confidential=False
        )
    ] == [late.id]


def test_progress_counts_each_groups_actions_by_status(db):
    room = build_room(db)
    police = [
        actions.create_action(
            db,
            room.facilitator,
            room.initiative_id,
            actions.ActionFields(title=f"P{i}", stakeholder_id=room.police_id),
        )
        for i in range(3)
    ]
    action_followup.add_update(db, room.facilitator, police[0].id, "done")
    action_followup.add_update(db, room.facilitator, police[1].id, "blocked")
    actions.create_action(
        db, room.facilitator, room.initiative_id, actions.ActionFields(title="Nobody's")
    )
    rows = action_followup.progress_by_group(db, room.facilitator, room.initiative_id)
    assert [(r.stakeholder_id, r.stakeholder, r.total) for r in rows] == [
        (room.police_id, "Police", 3),
        (room.residents_id, "Residents", 0),
        (None, "No group", 1),
    ]
    # In the reader's words: a Spanish Review's table read "No group" (a helper's walk).
    with i18n.using("es"):
        spanish = action_followup.progress_by_group(db, room.facilitator, room.initiative_id)
    assert spanish[-1].stakeholder == "Sin grupo"
    assert rows[0].counts == {
        ActionStatus.NOT_STARTED: 1,
        ActionStatus.IN_PROGRESS: 0,
        ActionStatus.DONE: 1,
        ActionStatus.BLOCKED: 1,
    }
    assert rows[2].counts[ActionStatus.NOT_STARTED] == 1
