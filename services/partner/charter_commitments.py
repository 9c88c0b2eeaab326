"""Each stakeholder group's commitment under a charter version, and changing it before signing."""

from __future__ import annotations

from sqlalchemy import func, select

from db.database import Database
from db.models import Charter, Commitment, Signature
from db.models.enums import Role
from i18n import N_, _
from services.core import audit, membership
from services.core.actors import Actor, require_role
from services.core.errors import ValidationError
from services.core.validation import TEXT_MAX, optional_text, require
from services.partner.charters import (
    check_groups,
    commitments_of,
    group_names,
    refuse_retired,
    require_latest,
    retired_groups,
)
from services.translations import written


def commitments(db: Database, actor: Actor, charter_id: int) -> list[tuple[Commitment, str]]:
    """Each group's commitment under this version, with the group's name, by name."""
    with db.read() as s:
        charter = require(s, Charter, charter_id, N_("charter version"))
        membership.require_member(s, actor, charter.initiative_id)
        names = group_names(s, charter.initiative_id)
        return sorted(((c, names[c.stakeholder_id]) for c in commitments_of(s, charter)), key=_name)


def set_commitment(
    db: Database, actor: Actor, charter_id: int, stakeholder_id: int, text: str
) -> Commitment | None:
    """Write a group's commitment on an unsigned latest version; empty text removes it."""
    require_role(actor, Role.FACILITATOR)
    clean = optional_text(text, N_("Commitment"), TEXT_MAX)
    with db.write() as s:
        charter = require(s, Charter, charter_id, N_("charter version"))
        require_latest(s, charter, N_("change its commitments"))
        if s.scalar(select(func.count()).where(Signature.charter_id == charter.id)):
            raise ValidationError(
                _(
                    "Version {version} has already been signed, so its commitments are fixed. Save "
                    "a new version with the change; everyone then signs that one."
                ).format(version=charter.version)
            )
        check_groups(s, charter.initiative_id, [stakeholder_id])
        if clean:
            refuse_retired(s, [stakeholder_id], retired_groups(s, charter.initiative_id))
        existing = s.scalar(
            select(Commitment).filter_by(charter_id=charter.id, stakeholder_id=stakeholder_id)
        )
        if existing is not None and not clean:
            s.delete(existing)
        elif existing is not None:
            existing.text = clean
        elif clean:
            existing = Commitment(charter_id=charter.id, stakeholder_id=stakeholder_id, text=clean)
            s.add(existing)
            s.flush()
            written.record_new(s, "commitment", existing.id, charter.initiative_id)
        detail = {"stakeholder_id": stakeholder_id, "removed": not clean}
        audit.record(
            s,
            actor,
            audit.Change(
                entity="charter",
                entity_id=charter.id,
                action="commitment",
                detail=detail,
                initiative_id=charter.initiative_id,
            ),
        )
        return existing if clean else None


def _name(pair: tuple[Commitment, str]) -> str:
    return pair[1].lower()
