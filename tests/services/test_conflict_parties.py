"""The sides of a conflict: one row per group, rewritten, refused or removed."""

import pytest

from services.core.actors import SYSTEM
from services.core.errors import NotFound, ValidationError
from services.resolve import conflict_parties, conflicts
from tests.factories import build_elsewhere, build_room

pytestmark = pytest.mark.both_databases  # one row per group and conflict (a constraint)


def _conflict(db, room, table_id=None, **extra):
    issue = "Who answers 911 mental health calls?"
    return conflicts.create_conflict(
        db,
        room.facilitator,
        room.meeting_id,
        conflicts.ConflictFields(issue=issue, **extra),
        table_id,
    )


def test_each_group_has_one_party_row_that_setting_again_rewrites(db):
    room = build_room(db)
    conflict = _conflict(db, room)
    first = conflict_parties.set_party(
        db,
        room.facilitator,
        conflict.id,
        conflict_parties.PartyFields(
            stakeholder_id=room.residents_id, position="Police out", interests="Safety"
        ),
    )
    again = conflict_parties.set_party(
        db,
        room.facilitator,
        conflict.id,
        conflict_parties.PartyFields(
            stakeholder_id=room.residents_id, position="", interests="Being heard"
        ),
    )
    conflict_parties.set_party(
        db,
        room.facilitator,
        conflict.id,
        conflict_parties.PartyFields(
            stakeholder_id=room.police_id, position="Keep control", interests="Officer safety"
        ),
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
        conflict_parties.set_party(
            db,
            room.facilitator,
            conflict.id,
            conflict_parties.PartyFields(stakeholder_id=room.police_id, position=" ", interests=""),
        )
    with pytest.raises(ValidationError, match="Others is not a group of this initiative"):
        conflict_parties.set_party(
            db,
            room.facilitator,
            conflict.id,
            conflict_parties.PartyFields(
                stakeholder_id=build_elsewhere(db).group_id, position="P", interests="I"
            ),
        )
    with pytest.raises(NotFound, match="No stakeholder group with id 999"):
        conflict_parties.set_party(
            db,
            room.facilitator,
            conflict.id,
            conflict_parties.PartyFields(stakeholder_id=999, position="P", interests="I"),
        )


def test_removes_a_party_and_refuses_one_that_is_not_there(db):
    room = build_room(db)
    conflict = _conflict(db, room)
    conflict_parties.set_party(
        db,
        room.facilitator,
        conflict.id,
        conflict_parties.PartyFields(stakeholder_id=room.police_id, position="P", interests="I"),
    )
    conflict_parties.remove_party(db, room.facilitator, conflict.id, room.police_id)
    assert conflict_parties.list_parties(db, SYSTEM, conflict.id) == []
    with pytest.raises(NotFound, match="not a party to this conflict"):
        conflict_parties.remove_party(db, room.facilitator, conflict.id, room.police_id)
