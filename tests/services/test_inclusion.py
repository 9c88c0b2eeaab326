"""Inclusion: the roster's mix, and a warning for each voice the process needs but lacks."""

import pytest
from sqlalchemy import delete

from db.models import Participant, Stakeholder
from db.models.enums import StakeholderCategory as Cat
from services.core.actors import SYSTEM
from services.core.errors import NotFound
from services.setup.inclusion import inclusion_check
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # counts grouped by group


def test_counts_and_shares_by_group_and_category(db):
    room = build_room(db)
    with db.write() as s:
        youth = Stakeholder(initiative_id=room.initiative_id, name="Youth", category=Cat.YOUTH)
        s.add(youth)
        s.flush()
        s.add_all(
            Participant(
                initiative_id=room.initiative_id, stakeholder_id=g, name=f"N{i}", code=f"n{i}"
            )
            for i, g in enumerate([room.residents_id, room.residents_id, youth.id, youth.id])
        )
    result = inclusion_check(db, SYSTEM, room.initiative_id)
    assert result.total == 8
    assert [(g.label, g.count, g.share) for g in result.by_group] == [
        ("Residents", 4, 0.5),
        ("Police", 2, 0.25),
        ("Youth", 2, 0.25),
    ]
    categories = {c.label: c.count for c in result.by_category}
    assert categories["Residents who call 911"] == 4
    assert categories["Youth"] == 2
    assert categories["Mayor's Office"] == 0


def test_warns_for_each_needed_category_with_nobody_on_the_roster(db):
    room = build_room(db)
    warnings = inclusion_check(db, SYSTEM, room.initiative_id).warnings
    assert len(warnings) == 6  # police and residents are there; six needed voices are not
    assert "Nobody from Youth is on the roster yet: the process needs them in the room." in warnings
    assert not any("Police" in w or "Residents" in w for w in warnings)


def test_a_group_with_no_members_yet_still_counts_as_missing(db):
    room = build_room(db)
    with db.write() as s:
        s.add(Stakeholder(initiative_id=room.initiative_id, name="Youth", category=Cat.YOUTH))
    result = inclusion_check(db, SYSTEM, room.initiative_id)
    assert ("Youth", 0, 0.0) in [(g.label, g.count, g.share) for g in result.by_group]
    assert any("Nobody from Youth" in w for w in result.warnings)


def test_business_and_faith_are_welcome_but_not_required(db):
    room = build_room(db)
    warnings = inclusion_check(db, SYSTEM, room.initiative_id).warnings
    assert not any("Business" in w or "Faith" in w for w in warnings)


def test_an_empty_roster_has_no_shares_and_warns_for_every_needed_category(db):
    room = build_room(db)
    with db.write() as s:
        s.execute(delete(Participant))
    result = inclusion_check(db, SYSTEM, room.initiative_id)
    assert result.total == 0
    assert all(g.share == 0.0 for g in result.by_group)
    assert len(result.warnings) == 8


def test_an_unknown_initiative_is_not_found(db):
    with pytest.raises(NotFound, match="No initiative with id 999"):
        inclusion_check(db, SYSTEM, 999)


def test_people_marked_absent_are_not_counted(db):
    room = build_room(db)
    with db.write() as s:
        for pid in room.participant_ids[::2]:  # both police
            s.get_one(Participant, pid).absent = True
    result = inclusion_check(db, SYSTEM, room.initiative_id)
    assert result.total == 2
    assert [(g.label, g.count) for g in result.by_group] == [("Residents", 2), ("Police", 0)]
    assert any(w.startswith("Nobody from Police department") for w in result.warnings)


def _old_youth(s, room) -> Stakeholder:
    old = Stakeholder(
        initiative_id=room.initiative_id, name="Old youth", category=Cat.YOUTH, retired=True
    )
    s.add(old)
    s.flush()
    return old


def test_a_retired_group_leaves_the_check(db):
    room = build_room(db)
    with db.write() as s:
        _old_youth(s, room)
    result = inclusion_check(db, SYSTEM, room.initiative_id)
    assert "Old youth" not in [g.label for g in result.by_group]
    assert any("Nobody from Youth" in w for w in result.warnings)


def test_a_retired_groups_absent_members_do_not_stand_for_its_category(db):
    room = build_room(db)
    with db.write() as s:
        old = _old_youth(s, room)
        s.add(
            Participant(
                initiative_id=room.initiative_id,
                stakeholder_id=old.id,
                name="Y",
                code="y",
                absent=True,
            )
        )
    result = inclusion_check(db, SYSTEM, room.initiative_id)
    assert result.total == 4
    assert {c.label: c.count for c in result.by_category}["Youth"] == 0
