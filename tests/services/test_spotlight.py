"""Putting one conflict's interests side by side on the projector."""

import pytest

from services.core.actors import SYSTEM
from services.core.errors import PermissionDenied, ValidationError
from services.resolve import conflict_parties, conflicts
from services.room import spotlight
from tests.factories import build_elsewhere, build_room


def _conflict(db, room, confidential=False):
    made = conflicts.create_conflict(
        db,
        room.facilitator,
        room.meeting_id,
        conflicts.ConflictFields(
            issue="Who answers mental-health calls?", confidential=confidential
        ),
    )
    conflict_parties.set_party(
        db,
        room.facilitator,
        made.id,
        conflict_parties.PartyFields(
            stakeholder_id=room.police_id,
            position="Officers must attend",
            interests="Officer safety",
        ),
    )
    conflict_parties.set_party(
        db,
        room.facilitator,
        made.id,
        conflict_parties.PartyFields(
            stakeholder_id=room.residents_id,
            position="No police",
            interests="Feeling safe, not judged",
        ),
    )
    return made


def test_the_projector_shows_the_chosen_conflicts_sides_and_their_interests(db):
    room = build_room(db)
    made = _conflict(db, room)
    assert spotlight.spotlight(db, SYSTEM, room.meeting_id) is None
    spotlight.set_spotlight(db, room.facilitator, room.meeting_id, made.id)
    shown = spotlight.spotlight(db, SYSTEM, room.meeting_id)
    assert shown is not None
    assert shown.issue == "Who answers mental-health calls?"
    assert [(s.group, s.interests) for s in shown.sides] == [
        ("Police", "Officer safety"),
        ("Residents", "Feeling safe, not judged"),
    ]
    spotlight.set_spotlight(db, room.facilitator, room.meeting_id, None)
    assert spotlight.spotlight(db, SYSTEM, room.meeting_id) is None


def test_a_confidential_conflict_never_goes_on_the_projector(db):
    room = build_room(db)
    secret = _conflict(db, room, confidential=True)
    with pytest.raises(ValidationError, match="confidential"):
        spotlight.set_spotlight(db, room.facilitator, room.meeting_id, secret.id)
    assert spotlight.spotlight(db, SYSTEM, room.meeting_id) is None


def test_a_conflict_made_confidential_after_it_was_shown_disappears_from_the_screen(db):
    room = build_room(db)
    made = _conflict(db, room)
    spotlight.set_spotlight(db, room.facilitator, room.meeting_id, made.id)
    conflicts.update_conflict(
        db,
        room.facilitator,
        made.id,
        conflicts.ConflictFields(issue=made.issue, options="", owner="", confidential=True),
    )
    assert spotlight.spotlight(db, SYSTEM, room.meeting_id) is None


def test_only_the_facilitator_chooses_and_only_within_the_meeting(db):
    room = build_room(db)
    made = _conflict(db, room)
    with pytest.raises(PermissionDenied):
        spotlight.set_spotlight(db, room.scribe1, room.meeting_id, made.id)
    other = build_elsewhere(db)
    with pytest.raises(ValidationError, match="another meeting"):
        spotlight.set_spotlight(db, room.facilitator, other.meeting_id, made.id)
