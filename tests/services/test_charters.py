"""The partnering charter: numbered versions and the commitments they carry forward."""

import pytest

from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import NotFound, PermissionDenied, ValidationError
from services.partner import charter_commitments, charters
from tests.factories import build_elsewhere, build_room

pytestmark = pytest.mark.both_databases  # versions unique (integrity retry)


def _v1(db, room, **extra):
    return charters.new_version(
        db,
        room.facilitator,
        room.initiative_id,
        charters.CharterFields(mission="Safer calls together", **extra),
    )


def test_versions_are_numbered_from_one_and_recorded(db):
    room = build_room(db)
    assert charters.latest_charter(db, room.facilitator, room.initiative_id) is None
    first = _v1(db, room, ground_rules="Listen first")
    second = charters.new_version(
        db, room.facilitator, room.initiative_id, charters.CharterFields(mission="Mission 2")
    )
    assert (first.version, second.version) == (1, 2)
    latest = charters.latest_charter(db, room.facilitator, room.initiative_id)
    assert latest is not None and latest.id == second.id
    assert [
        c.version for c in charters.list_versions(db, room.facilitator, room.initiative_id)
    ] == [2, 1]
    assert charters.get_charter(db, SYSTEM, first.id).ground_rules == "Listen first"
    assert [e.action for e in history(db, SYSTEM, "charter", first.id)] == ["created"]


def test_refuses_an_empty_or_over_long_mission_and_an_unknown_initiative(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Mission is empty"):
        charters.new_version(
            db, room.facilitator, room.initiative_id, charters.CharterFields(mission=" ")
        )
    with pytest.raises(ValidationError, match="Roles and responsibilities is 20,001 characters"):
        _v1(db, room, roles="x" * 20_001)
    with pytest.raises(NotFound, match="No initiative with id 999"):
        charters.new_version(db, room.facilitator, 999, charters.CharterFields(mission="M"))
    with pytest.raises(NotFound, match="No charter version with id 999"):
        charters.get_charter(db, SYSTEM, 999)


@pytest.mark.parametrize("who", ["scribe1", "leader"])
def test_only_a_facilitator_may_write_the_charter(db, who):
    room = build_room(db)
    charter = _v1(db, room)
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        charters.new_version(
            db, getattr(room, who), room.initiative_id, charters.CharterFields(mission="M")
        )
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        charter_commitments.set_commitment(db, getattr(room, who), charter.id, room.police_id, "T")


def test_commitments_carry_forward_unless_given(db):
    room = build_room(db)
    first = _v1(db, room, commitments={room.police_id: "Share data", room.residents_id: "Attend"})
    second = charters.new_version(
        db,
        room.facilitator,
        room.initiative_id,
        charters.CharterFields(mission="M2", commitments={room.residents_id: "Host"}),
    )
    third = charters.new_version(
        db,
        room.facilitator,
        room.initiative_id,
        charters.CharterFields(mission="M3", commitments={room.police_id: ""}),
    )
    assert [
        (name, c.text) for c, name in charter_commitments.commitments(db, SYSTEM, first.id)
    ] == [
        ("Police", "Share data"),
        ("Residents", "Attend"),
    ]
    assert [
        (name, c.text) for c, name in charter_commitments.commitments(db, SYSTEM, second.id)
    ] == [
        ("Police", "Share data"),
        ("Residents", "Host"),
    ]
    assert [
        (name, c.text) for c, name in charter_commitments.commitments(db, SYSTEM, third.id)
    ] == [("Residents", "Host")]


def test_refuses_a_commitment_for_a_group_of_another_initiative(db):
    room = build_room(db)
    foreign = build_elsewhere(db).group_id
    with pytest.raises(ValidationError, match="not part of this initiative"):
        _v1(db, room, commitments={foreign: "X"})
    assert charters.latest_charter(db, room.facilitator, room.initiative_id) is None


def test_two_versions_saved_at_once_do_not_both_get_the_same_number(db, monkeypatch):
    room = build_room(db)
    _v1(db, room)
    # As if another facilitator's version 1 committed after this one looked.
    monkeypatch.setattr(charters, "find_latest", lambda s, initiative_id: None)
    with pytest.raises(ValidationError, match="at the same moment"):
        charters.new_version(
            db, room.facilitator, room.initiative_id, charters.CharterFields(mission="Mine")
        )
    monkeypatch.undo()
    assert [
        c.version for c in charters.list_versions(db, room.facilitator, room.initiative_id)
    ] == [1]
