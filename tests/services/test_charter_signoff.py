"""Signing the charter: who may sign, which version, and where each group stands."""

import pytest
from sqlalchemy.orm import Session

from db.models import Account, Signature
from db.models.enums import Role
from services.core.actors import SYSTEM, Actor
from services.core.audit import history
from services.core.errors import NotFound, PermissionDenied, ValidationError
from services.partner import charter_signoff, charters
from services.partner.charter_signoff import SignOff
from tests.factories import build_room

# On Postgres too: one signature per group and version (integrity retry); max().
pytestmark = pytest.mark.both_databases


def _v1(db, room, **extra):
    return charters.new_version(
        db,
        room.facilitator,
        room.initiative_id,
        charters.CharterFields(mission="Safer calls together", **extra),
    )


def _leader_without_group(db):
    with db.write() as s:
        account = Account(username="lone", display_name="Lone", role=Role.LEADER, password_hash="x")
        s.add(account)
        s.flush()
        return Actor(account.id, Role.LEADER, "Lone")


def _status(db, room):
    return {
        r.stakeholder: r.status
        for r in charter_signoff.signoff_status(db, room.facilitator, room.initiative_id)
    }


def test_a_leader_signs_for_their_group_and_signing_twice_is_harmless(db):
    room = build_room(db)
    charter = _v1(db, room)
    first = charter_signoff.sign(db, room.leader, charter.id)
    again = charter_signoff.sign(db, room.leader, charter.id)
    assert again.id == first.id
    assert first.stakeholder_id == room.police_id
    [(signature, group, signer)] = charter_signoff.signatures(db, SYSTEM, charter.id)
    assert (signature.id, group, signer) == (first.id, "Police", "Lead")
    assert [e.action for e in history(db, SYSTEM, "charter", charter.id)] == ["created", "signed"]


def test_only_the_latest_version_can_be_signed(db):
    room = build_room(db)
    first = _v1(db, room)
    charters.new_version(
        db, room.facilitator, room.initiative_id, charters.CharterFields(mission="M2")
    )
    with pytest.raises(ValidationError, match="Open version 2 instead"):
        charter_signoff.sign(db, room.leader, first.id)


def test_only_a_leader_who_speaks_for_a_group_may_sign(db):
    room = build_room(db)
    charter = _v1(db, room)
    with pytest.raises(PermissionDenied, match="Only a Thought Leader Team member"):
        charter_signoff.sign(db, room.facilitator, charter.id)
    with pytest.raises(PermissionDenied, match="does not speak for a stakeholder group"):
        charter_signoff.sign(db, _leader_without_group(db), charter.id)
    with pytest.raises(NotFound, match="No charter version with id 999"):
        charter_signoff.sign(db, room.leader, 999)


def test_a_new_version_needs_everyone_to_sign_again(db):
    room = build_room(db)
    assert _status(db, room) == {"Police": SignOff.NEVER, "Residents": SignOff.NEVER}
    first = _v1(db, room)
    charter_signoff.sign(db, room.leader, first.id)
    assert _status(db, room) == {"Police": SignOff.SIGNED, "Residents": SignOff.NEVER}
    second = charters.new_version(
        db, room.facilitator, room.initiative_id, charters.CharterFields(mission="M2")
    )
    assert _status(db, room) == {"Police": SignOff.OUTDATED, "Residents": SignOff.NEVER}
    assert charter_signoff.signatures(db, SYSTEM, second.id) == []
    charter_signoff.sign(db, room.leader, second.id)
    rows = charter_signoff.signoff_status(db, room.facilitator, room.initiative_id)
    assert [(r.stakeholder, r.status, r.signed_version) for r in rows] == [
        ("Police", SignOff.SIGNED, 2),
        ("Residents", SignOff.NEVER, None),
    ]


def test_a_signature_racing_another_for_the_same_group_returns_the_first(db, monkeypatch):
    room = build_room(db)
    charter = _v1(db, room)
    first = charter_signoff.sign(db, room.leader, charter.id)
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
    assert charter_signoff.sign(db, room.leader, charter.id).id == first.id
    assert missed
    assert len(charter_signoff.signatures(db, SYSTEM, charter.id)) == 1


def _retire(db, room, group_id: int) -> None:
    from db.models import Participant
    from services.setup import stakeholders

    with db.write() as s:
        for person in s.query(Participant).filter_by(stakeholder_id=group_id):
            person.absent = True
    stakeholders.retire_stakeholder(db, room.facilitator, group_id)


def _resident_leader(db, room) -> Actor:
    with db.write() as s:
        account = Account(
            username="res", display_name="Res", role=Role.LEADER, password_hash="x",
            stakeholder_id=room.residents_id,
        )  # fmt: skip
        s.add(account)
        s.flush()
        return Actor(account.id, Role.LEADER, "Res")


def test_a_group_added_by_mistake_and_retired_no_longer_blocks_a_complete_sign_off(db):
    room = build_room(db)
    charter = _v1(db, room)
    charter_signoff.sign(db, room.leader, charter.id)
    rows = charter_signoff.signoff_status(db, room.facilitator, room.initiative_id)
    assert not charter_signoff.signoff_complete(rows)
    _retire(db, room, room.residents_id)
    rows = charter_signoff.signoff_status(db, room.facilitator, room.initiative_id)
    assert [(r.stakeholder, r.status) for r in rows] == [("Police", SignOff.SIGNED)]
    assert charter_signoff.signoff_complete(rows)


def test_sign_off_is_complete_only_when_every_active_group_signed_the_latest(db):
    room = build_room(db)
    assert not charter_signoff.signoff_complete(
        charter_signoff.signoff_status(db, room.facilitator, 999)
    )
    first = _v1(db, room)
    charter_signoff.sign(db, room.leader, first.id)
    charter_signoff.sign(db, _resident_leader(db, room), first.id)
    assert charter_signoff.signoff_complete(
        charter_signoff.signoff_status(db, room.facilitator, room.initiative_id)
    )
    charters.new_version(
        db, room.facilitator, room.initiative_id, charters.CharterFields(mission="M2")
    )
    assert not charter_signoff.signoff_complete(
        charter_signoff.signoff_status(db, room.facilitator, room.initiative_id)
    )


def test_a_retired_groups_signature_stays_on_the_version_it_signed(db):
    room = build_room(db)
    charter = _v1(db, room)
    resident = _resident_leader(db, room)
    charter_signoff.sign(db, resident, charter.id)
    _retire(db, room, room.residents_id)
    [(_, group, signer)] = charter_signoff.signatures(db, SYSTEM, charter.id)
    assert (group, signer) == ("Residents", "Res")


def test_a_leader_of_a_retired_group_cannot_sign(db):
    room = build_room(db)
    charter = _v1(db, room)
    resident = _resident_leader(db, room)
    _retire(db, room, room.residents_id)
    with pytest.raises(PermissionDenied, match="Residents is retired, so it no longer signs"):
        charter_signoff.sign(db, resident, charter.id)
    assert charter_signoff.signatures(db, SYSTEM, charter.id) == []


def test_a_retired_group_makes_no_new_commitments_and_its_old_one_is_not_carried(db):
    from services.partner import charter_commitments

    room = build_room(db)
    first = _v1(db, room, commitments={room.residents_id: "Report what we see"})
    _retire(db, room, room.residents_id)
    with pytest.raises(ValidationError, match="Residents is retired, so it makes no new"):
        charter_commitments.set_commitment(db, room.facilitator, first.id, room.residents_id, "X")
    with pytest.raises(ValidationError, match="Residents is retired"):
        charters.new_version(
            db,
            room.facilitator,
            room.initiative_id,
            charters.CharterFields(mission="M2", commitments={room.residents_id: "Y"}),
        )
    second = charters.new_version(
        db, room.facilitator, room.initiative_id, charters.CharterFields(mission="M2")
    )
    assert charter_commitments.commitments(db, SYSTEM, second.id) == []
    [(kept, group)] = charter_commitments.commitments(db, SYSTEM, first.id)
    assert (kept.text, group) == ("Report what we see", "Residents")
    # Taking a retired group's commitment off the unsigned latest version is allowed.
    assert (
        charter_commitments.set_commitment(db, room.facilitator, second.id, room.residents_id, "")
        is None
    )
