"""Stakeholder groups: the rules a facilitator meets when setting them up."""

import pytest

from services import stakeholders
from services.audit import history
from services.errors import NotFound, PermissionDenied, ValidationError
from tests.factories import build_room


def test_creates_a_group_and_records_it_in_the_audit_trail(db):
    room = build_room(db)
    group = stakeholders.create_stakeholder(
        db, room.facilitator, room.initiative_id, "  Youth Council ", "youth"
    )
    assert group.name == "Youth Council"
    names = [g.name for g in stakeholders.list_stakeholders(db, room.initiative_id)]
    assert names == ["Police", "Residents", "Youth Council"]
    assert [e.action for e in history(db, "stakeholder", group.id)] == ["created"]


@pytest.mark.parametrize("bad", ["", "   ", "\t\n"])
def test_refuses_an_empty_name(db, bad):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Group name is empty"):
        stakeholders.create_stakeholder(db, room.facilitator, room.initiative_id, bad, "youth")


def test_refuses_a_name_over_the_limit(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="limit is 200"):
        stakeholders.create_stakeholder(
            db, room.facilitator, room.initiative_id, "x" * 201, "youth"
        )


def test_refuses_a_duplicate_name_whatever_its_case(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="already a group"):
        stakeholders.create_stakeholder(db, room.facilitator, room.initiative_id, "POLICE", "other")


def test_refuses_an_unknown_category(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="not a stakeholder category"):
        stakeholders.create_stakeholder(db, room.facilitator, room.initiative_id, "X", "pirates")


def test_refuses_an_unknown_initiative(db):
    room = build_room(db)
    with pytest.raises(NotFound, match="No initiative with id 999"):
        stakeholders.create_stakeholder(db, room.facilitator, 999, "X", "youth")


def test_only_a_facilitator_may_create_groups(db):
    room = build_room(db)
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        stakeholders.create_stakeholder(db, room.scribe1, room.initiative_id, "X", "youth")


def test_updates_name_and_category(db):
    room = build_room(db)
    group = stakeholders.update_stakeholder(
        db, room.facilitator, room.residents_id, "Neighbours", "residents_911", False
    )
    assert (group.name, group.is_major) == ("Neighbours", False)


def test_refuses_to_delete_a_group_with_members_and_keeps_it(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="still has 2 participant"):
        stakeholders.delete_stakeholder(db, room.facilitator, room.police_id)
    assert len(stakeholders.list_stakeholders(db, room.initiative_id)) == 2


def test_deletes_an_empty_group(db):
    room = build_room(db)
    group = stakeholders.create_stakeholder(
        db, room.facilitator, room.initiative_id, "Faith", "faith"
    )
    stakeholders.delete_stakeholder(db, room.facilitator, group.id)
    assert group.id not in [g.id for g in stakeholders.list_stakeholders(db, room.initiative_id)]


def test_refuses_to_delete_a_group_still_named_on_an_idea_and_says_so(db):
    from services import ideas

    room = build_room(db)
    group = stakeholders.create_stakeholder(
        db, room.facilitator, room.initiative_id, "Faith", "faith"
    )
    ideas.add_idea(db, room.scribe1, room.table1_id, "Chaplains on calls", stakeholder_id=group.id)
    with pytest.raises(ValidationError, match="Faith is still named"):
        stakeholders.delete_stakeholder(db, room.facilitator, group.id)
    assert group.id in [g.id for g in stakeholders.list_stakeholders(db, room.initiative_id)]
