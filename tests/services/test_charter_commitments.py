"""A group's commitment under a charter version: set, replaced, removed, or refused."""

import pytest

from services.core.actors import SYSTEM
from services.core.errors import ValidationError
from services.partner import charter_commitments, charter_signoff, charters
from tests.factories import build_elsewhere, build_room

pytestmark = pytest.mark.both_databases  # one commitment per group (a constraint); counts


def _v1(db, room, **extra):
    return charters.new_version(
        db,
        room.facilitator,
        room.initiative_id,
        charters.CharterFields(mission="Safer calls together", **extra),
    )


def test_sets_replaces_and_removes_a_commitment_on_the_unsigned_latest_version(db):
    room = build_room(db)
    charter = _v1(db, room)
    made = charter_commitments.set_commitment(
        db, room.facilitator, charter.id, room.police_id, "Share data"
    )
    changed = charter_commitments.set_commitment(
        db, room.facilitator, charter.id, room.police_id, "Share more"
    )
    assert made is not None and changed is not None
    assert (changed.id, changed.text) == (made.id, "Share more")
    assert (
        charter_commitments.set_commitment(db, room.facilitator, charter.id, room.police_id, "")
        is None
    )
    assert charter_commitments.commitments(db, SYSTEM, charter.id) == []
    with pytest.raises(ValidationError, match="not part of this initiative"):
        charter_commitments.set_commitment(
            db, room.facilitator, charter.id, build_elsewhere(db).group_id, "X"
        )


def test_refuses_to_change_commitments_of_an_older_or_signed_version(db):
    room = build_room(db)
    first = _v1(db, room)
    second = charters.new_version(
        db, room.facilitator, room.initiative_id, charters.CharterFields(mission="M2")
    )
    with pytest.raises(ValidationError, match="replaced by version 2"):
        charter_commitments.set_commitment(db, room.facilitator, first.id, room.police_id, "X")
    charter_signoff.sign(db, room.leader, second.id)
    with pytest.raises(ValidationError, match=r"already been signed.*new version"):
        charter_commitments.set_commitment(db, room.facilitator, second.id, room.police_id, "X")
