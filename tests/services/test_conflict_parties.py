"""The sides of a conflict: one row per group, rewritten, refused or removed."""

import pytest

from services.core.actors import SYSTEM
from services.core.errors import NotFound, ValidationError
from services.resolve import conflict_parties, conflicts
from tests.factories import build_elsewhere, build_room

pytestmark = pytest.mark.both_databases  # one row per group and conflict (a constraint)


def _conflict(db, room, **extra):
    return conflicts.create_conflict(
        db, room.facilitator, room.meeting_id, "Who answers 911 mental health calls?", **extra
    )


def test_each_group_has_one_party_row_that_setting_again_rewrites(db):
    room = build_room(db)
    conflict = _conflict(db, room)
    first = conflict_parties.set_party(
        db, room.facilitator, conflict.id, room.residents_id, "Police out", "Safety"
    )
    again = conflict_parties.set_party(
        db, room.facilitator, conflict.id, room.residents_id, "", "Being heard"
    )
    conflict_parties.set_party(
        db, room.facilitator, conflict.id, room.police_id, "Keep control", "Officer safety"
    )
    assert again.id == first.id
    parties = conflict_parties.list_parties(db, SYSTEM, conflict.id)
    assert [(name, p.position, p.interests) for p, name in parties] == [
        ("Police", "Keep control", "Officer safety"),
        ("Residents", "", "Being heard"),
    ]


def test_party_refuses_empty_text_and_a_group_of_another_initiative(db):
    room = build_room(db)
    conflict = _conflict(db, room)
    with pytest.raises(ValidationError, match="position, its interests, or both"):
        conflict_parties.set_party(db, room.facilitator, conflict.id, room.police_id, " ", "")
    with pytest.raises(ValidationError, match="Others is not a group of this initiative"):
        conflict_parties.set_party(
            db, room.facilitator, conflict.id, build_elsewhere(db).group_id, "P", "I"
        )
    with pytest.raises(NotFound, match="No stakeholder group with id 999"):
        conflict_parties.set_party(db, room.facilitator, conflict.id, 999, "P", "I")


def test_removes_a_party_and_refuses_one_that_is_not_there(db):
    room = build_room(db)
    conflict = _conflict(db, room)
    conflict_parties.set_party(db, room.facilitator, conflict.id, room.police_id, "P", "I")
    conflict_parties.remove_party(db, room.facilitator, conflict.id, room.police_id)
    assert conflict_parties.list_parties(db, SYSTEM, conflict.id) == []
    with pytest.raises(NotFound, match="not a party to this conflict"):
        conflict_parties.remove_party(db, room.facilitator, conflict.id, room.police_id)
