"""An agreed conflict turned into a draft action or a charter ground rule."""

import pytest

from db.models.enums import ActionStatus
from services.act import actions
from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import PermissionDenied, ValidationError
from services.partner import charter_commitments, charters
from services.resolve import conflict_outcomes, conflicts
from tests.factories import build_room

# On Postgres too: joins across conflicts, actions and the charter; audit JSON.
pytestmark = pytest.mark.both_databases


def _conflict(db, room, table_id=None, **extra):
    issue = "Who answers 911 mental health calls?"
    return conflicts.create_conflict(
        db,
        room.facilitator,
        room.meeting_id,
        conflicts.ConflictFields(issue=issue, **extra),
        table_id,
    )


def _agreed(db, room, **extra):
    conflict = _conflict(db, room, **extra)
    return conflicts.set_status(
        db,
        room.facilitator,
        conflict.id,
        conflicts.StatusFields(
            status="agreed", agreement="Pilot a clinician team", next_step="Draft a budget"
        ),
    )


def test_an_agreement_becomes_a_draft_action_once(db):
    room = build_room(db)
    conflict = _agreed(db, room, confidential=True)
    action = conflict_outcomes.agreement_to_action(db, room.facilitator, conflict.id)
    assert (action.title, action.description) == (
        "Who answers 911 mental health calls?",
        "Pilot a clinician team",
    )
    assert (action.conflict_id, action.ready, action.confidential) == (conflict.id, False, True)
    assert action.status is ActionStatus.NOT_STARTED
    assert [a.id for a in actions.list_actions(db, room.facilitator, room.initiative_id)] == [
        action.id
    ]
    assert [e.action for e in history(db, SYSTEM, "action_item", action.id)] == ["created"]
    with pytest.raises(ValidationError, match="already the action"):
        conflict_outcomes.agreement_to_action(db, room.facilitator, conflict.id)


def test_a_long_issue_is_shortened_to_fit_an_action_title(db):
    room = build_room(db)
    conflict = _conflict(db, room)
    conflicts.update_conflict(
        db,
        room.facilitator,
        conflict.id,
        conflicts.ConflictFields(issue="word\n" * 100, options="", owner="", confidential=False),
    )
    conflicts.set_status(
        db, room.facilitator, conflict.id, conflicts.StatusFields(status="agreed", agreement="A")
    )
    title = conflict_outcomes.agreement_to_action(db, room.facilitator, conflict.id).title
    assert len(title) == 200
    assert title.startswith("word word") and title.endswith("…")


def test_only_agreed_conflicts_turn_into_actions_or_rules(db):
    room = build_room(db)
    conflict = _conflict(db, room)
    with pytest.raises(ValidationError, match="This conflict is open, not agreed"):
        conflict_outcomes.agreement_to_action(db, room.facilitator, conflict.id)
    with pytest.raises(ValidationError, match="not agreed"):
        conflict_outcomes.agreement_to_ground_rule(db, room.facilitator, conflict.id)
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        conflict_outcomes.agreement_to_action(db, room.scribe1, conflict.id)
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        conflict_outcomes.agreement_to_ground_rule(db, room.scribe1, conflict.id)


def test_an_agreement_becomes_a_ground_rule_in_a_new_charter_version(db):
    room = build_room(db)
    conflict = _agreed(db, room)
    with pytest.raises(ValidationError, match="no charter yet"):
        conflict_outcomes.agreement_to_ground_rule(db, room.facilitator, conflict.id)
    first = charters.new_version(
        db,
        room.facilitator,
        room.initiative_id,
        charters.CharterFields(
            mission="Safer calls",
            ground_rules="Listen first",
            roles="Chair rotates",
            commitments={room.police_id: "Share data"},
        ),
    )
    charter = conflict_outcomes.agreement_to_ground_rule(db, room.facilitator, conflict.id)
    assert charter.version == first.version + 1
    assert charter.ground_rules == "Listen first\nPilot a clinician team"
    assert (charter.mission, charter.roles) == ("Safer calls", "Chair rotates")
    assert [c.text for c, _ in charter_commitments.commitments(db, SYSTEM, charter.id)] == [
        "Share data"
    ]
    assert "made_ground_rule" in [e.action for e in history(db, SYSTEM, "conflict", conflict.id)]
    with pytest.raises(ValidationError, match="already has this agreement"):
        conflict_outcomes.agreement_to_ground_rule(db, room.facilitator, conflict.id)
