"""The partnering charter: versions, commitments carried forward, and sign-off."""

import pytest
from sqlalchemy.orm import Session

from db.models import Account, Initiative, Signature, Stakeholder
from db.models.enums import Role, StakeholderCategory
from services import charters
from services.actors import Actor
from services.audit import history
from services.charters import SignOff
from services.errors import NotFound, PermissionDenied, ValidationError
from tests.factories import build_room


def _v1(db, room, **extra):
    return charters.new_version(
        db, room.facilitator, room.initiative_id, "Safer calls together", **extra
    )


def _foreign_group(db):
    with db.write() as s:
        other = Initiative(name="Elsewhere")
        s.add(other)
        s.flush()
        group = Stakeholder(
            initiative_id=other.id, name="Others", category=StakeholderCategory.OTHER
        )
        s.add(group)
        s.flush()
        return group.id


def _leader_without_group(db):
    with db.write() as s:
        account = Account(username="lone", display_name="Lone", role=Role.LEADER, password_hash="x")
        s.add(account)
        s.flush()
        return Actor(account.id, Role.LEADER, "Lone")


def _status(db, room):
    return {r.stakeholder: r.status for r in charters.signoff_status(db, room.initiative_id)}


def test_versions_are_numbered_from_one_and_recorded(db):
    room = build_room(db)
    assert charters.latest_charter(db, room.initiative_id) is None
    first = _v1(db, room, ground_rules="Listen first")
    second = charters.new_version(db, room.facilitator, room.initiative_id, "Mission 2")
    assert (first.version, second.version) == (1, 2)
    assert charters.latest_charter(db, room.initiative_id).id == second.id
    assert [c.version for c in charters.list_versions(db, room.initiative_id)] == [2, 1]
    assert charters.get_charter(db, first.id).ground_rules == "Listen first"
    assert [e.action for e in history(db, "charter", first.id)] == ["created"]


def test_refuses_an_empty_or_over_long_mission_and_an_unknown_initiative(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Mission is empty"):
        charters.new_version(db, room.facilitator, room.initiative_id, " ")
    with pytest.raises(ValidationError, match="Roles is 20,001 characters"):
        _v1(db, room, roles="x" * 20_001)
    with pytest.raises(NotFound, match="No initiative with id 999"):
        charters.new_version(db, room.facilitator, 999, "M")
    with pytest.raises(NotFound, match="No charter version with id 999"):
        charters.get_charter(db, 999)


@pytest.mark.parametrize("who", ["scribe1", "leader"])
def test_only_a_facilitator_may_write_the_charter(db, who):
    room = build_room(db)
    charter = _v1(db, room)
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        charters.new_version(db, getattr(room, who), room.initiative_id, "M")
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        charters.set_commitment(db, getattr(room, who), charter.id, room.police_id, "T")


def test_commitments_carry_forward_unless_given(db):
    room = build_room(db)
    first = _v1(db, room, commitments={room.police_id: "Share data", room.residents_id: "Attend"})
    second = charters.new_version(
        db, room.facilitator, room.initiative_id, "M2", commitments={room.residents_id: "Host"}
    )
    third = charters.new_version(
        db, room.facilitator, room.initiative_id, "M3", commitments={room.police_id: ""}
    )
    assert [(name, c.text) for c, name in charters.commitments(db, first.id)] == [
        ("Police", "Share data"),
        ("Residents", "Attend"),
    ]
    assert [(name, c.text) for c, name in charters.commitments(db, second.id)] == [
        ("Police", "Share data"),
        ("Residents", "Host"),
    ]
    assert [(name, c.text) for c, name in charters.commitments(db, third.id)] == [
        ("Residents", "Host")
    ]


def test_refuses_a_commitment_for_a_group_of_another_initiative(db):
    room = build_room(db)
    foreign = _foreign_group(db)
    with pytest.raises(ValidationError, match="not part of this initiative"):
        _v1(db, room, commitments={foreign: "X"})
    assert charters.latest_charter(db, room.initiative_id) is None


def test_sets_replaces_and_removes_a_commitment_on_the_unsigned_latest_version(db):
    room = build_room(db)
    charter = _v1(db, room)
    made = charters.set_commitment(db, room.facilitator, charter.id, room.police_id, "Share data")
    changed = charters.set_commitment(
        db, room.facilitator, charter.id, room.police_id, "Share more"
    )
    assert (changed.id, changed.text) == (made.id, "Share more")
    assert charters.set_commitment(db, room.facilitator, charter.id, room.police_id, "") is None
    assert charters.commitments(db, charter.id) == []
    with pytest.raises(ValidationError, match="not part of this initiative"):
        charters.set_commitment(db, room.facilitator, charter.id, _foreign_group(db), "X")


def test_refuses_to_change_commitments_of_an_older_or_signed_version(db):
    room = build_room(db)
    first = _v1(db, room)
    second = charters.new_version(db, room.facilitator, room.initiative_id, "M2")
    with pytest.raises(ValidationError, match="replaced by version 2"):
        charters.set_commitment(db, room.facilitator, first.id, room.police_id, "X")
    charters.sign(db, room.leader, second.id)
    with pytest.raises(ValidationError, match=r"already been signed.*new version"):
        charters.set_commitment(db, room.facilitator, second.id, room.police_id, "X")


def test_a_leader_signs_for_their_group_and_signing_twice_is_harmless(db):
    room = build_room(db)
    charter = _v1(db, room)
    first = charters.sign(db, room.leader, charter.id)
    again = charters.sign(db, room.leader, charter.id)
    assert again.id == first.id
    assert first.stakeholder_id == room.police_id
    [(signature, group, signer)] = charters.signatures(db, charter.id)
    assert (signature.id, group, signer) == (first.id, "Police", "Lead")
    assert [e.action for e in history(db, "charter", charter.id)] == ["created", "signed"]


def test_only_the_latest_version_can_be_signed(db):
    room = build_room(db)
    first = _v1(db, room)
    charters.new_version(db, room.facilitator, room.initiative_id, "M2")
    with pytest.raises(ValidationError, match="Open version 2 instead"):
        charters.sign(db, room.leader, first.id)


def test_only_a_leader_who_speaks_for_a_group_may_sign(db):
    room = build_room(db)
    charter = _v1(db, room)
    with pytest.raises(PermissionDenied, match="Only a Thought Leader Team member"):
        charters.sign(db, room.facilitator, charter.id)
    with pytest.raises(PermissionDenied, match="does not speak for a stakeholder group"):
        charters.sign(db, _leader_without_group(db), charter.id)
    with pytest.raises(NotFound, match="No charter version with id 999"):
        charters.sign(db, room.leader, 999)


def test_a_new_version_needs_everyone_to_sign_again(db):
    room = build_room(db)
    assert _status(db, room) == {"Police": SignOff.NEVER, "Residents": SignOff.NEVER}
    first = _v1(db, room)
    charters.sign(db, room.leader, first.id)
    assert _status(db, room) == {"Police": SignOff.SIGNED, "Residents": SignOff.NEVER}
    second = charters.new_version(db, room.facilitator, room.initiative_id, "M2")
    assert _status(db, room) == {"Police": SignOff.OUTDATED, "Residents": SignOff.NEVER}
    assert charters.signatures(db, second.id) == []
    charters.sign(db, room.leader, second.id)
    rows = charters.signoff_status(db, room.initiative_id)
    assert [(r.stakeholder, r.status, r.signed_version) for r in rows] == [
        ("Police", SignOff.SIGNED, 2),
        ("Residents", SignOff.NEVER, None),
    ]


def test_a_signature_racing_another_for_the_same_group_returns_the_first(db, monkeypatch):
    room = build_room(db)
    charter = _v1(db, room)
    first = charters.sign(db, room.leader, charter.id)
    real = Session.scalar
    missed = []

    def scalar(self, statement, *args, **kwargs):
        # The look-up misses the signature, as when another tap commits just after it.
        entity = statement.column_descriptions[0]["entity"]
        if entity is Signature and not missed:
            missed.append(True)
            return None
        return real(self, statement, *args, **kwargs)

    monkeypatch.setattr(Session, "scalar", scalar)
    assert charters.sign(db, room.leader, charter.id).id == first.id
    assert missed
    assert len(charters.signatures(db, charter.id)) == 1


def test_two_versions_saved_at_once_do_not_both_get_the_same_number(db, monkeypatch):
    room = build_room(db)
    _v1(db, room)
    # As if another facilitator's version 1 committed after this one looked.
    monkeypatch.setattr(charters, "find_latest", lambda s, initiative_id: None)
    with pytest.raises(ValidationError, match="at the same moment"):
        charters.new_version(db, room.facilitator, room.initiative_id, "Mine")
    monkeypatch.undo()
    assert [c.version for c in charters.list_versions(db, room.initiative_id)] == [1]
