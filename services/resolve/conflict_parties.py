"""Each side of a conflict: a stakeholder group's position and the interests beneath it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from db.database import Database
from db.models import ConflictParty, Stakeholder
from db.models.enums import Role
from i18n import N_, _
from services.core.actors import Actor, require_role
from services.core.errors import NotFound, ValidationError
from services.core.validation import TEXT_MAX, optional_text, require
from services.resolve.conflicts import (
    audit_conflict,
    conflict_initiative,
    editable_conflict,
    readable_conflict,
)
from services.translations import written


@dataclass(frozen=True, slots=True, kw_only=True)
class PartyFields:
    """One side of a conflict: a group, its position and the interests beneath it."""

    stakeholder_id: int
    position: str = ""
    interests: str = ""


def set_party(db: Database, actor: Actor, conflict_id: int, fields: PartyFields) -> ConflictParty:
    """Record (or rewrite) one group's position and the interests beneath it."""
    require_role(actor, Role.FACILITATOR, Role.SCRIBE)
    stakeholder_id = fields.stakeholder_id
    position = optional_text(fields.position, N_("Position"), TEXT_MAX)
    interests = optional_text(fields.interests, N_("Interests"), TEXT_MAX)
    if not position and not interests:
        raise ValidationError(
            _("Write the group's position, its interests, or both before saving.")
        )
    with db.write() as s:
        conflict = editable_conflict(s, actor, conflict_id)
        group = require(s, Stakeholder, stakeholder_id, N_("stakeholder group"))
        if group.initiative_id != conflict_initiative(s, conflict):
            raise ValidationError(
                _("{name} is not a group of this initiative. Pick one of its groups.").format(
                    name=group.name
                )
            )
        party = s.scalar(
            select(ConflictParty).filter_by(conflict_id=conflict.id, stakeholder_id=group.id)
        )
        if party is None:
            party = ConflictParty(conflict_id=conflict.id, stakeholder_id=group.id)
            s.add(party)
        party.position, party.interests = position, interests
        s.flush()
        initiative_id = conflict_initiative(s, conflict)
        written.record_first_words(
            s, "conflict_party", party.id, initiative_id, position + interests
        )
        audit_conflict(s, actor, conflict, "party", {"stakeholder_id": group.id})
        return party


def remove_party(db: Database, actor: Actor, conflict_id: int, stakeholder_id: int) -> None:
    """Take a group off the conflict."""
    require_role(actor, Role.FACILITATOR, Role.SCRIBE)
    with db.write() as s:
        conflict = editable_conflict(s, actor, conflict_id)
        party = s.scalar(
            select(ConflictParty).filter_by(conflict_id=conflict.id, stakeholder_id=stakeholder_id)
        )
        if party is None:
            raise NotFound(
                _("That group is not a party to this conflict (any more). Reload the page.")
            )
        s.delete(party)
        audit_conflict(s, actor, conflict, "party_removed", {"stakeholder_id": stakeholder_id})


def list_parties(db: Database, actor: Actor, conflict_id: int) -> list[tuple[ConflictParty, str]]:
    """Each party with its group's name, by name, of a conflict the actor may read."""
    with db.read() as s:
        readable_conflict(s, actor, conflict_id)
        query = (
            select(ConflictParty, Stakeholder.name)
            .join(Stakeholder, Stakeholder.id == ConflictParty.stakeholder_id)
            .where(ConflictParty.conflict_id == conflict_id)
            .order_by(Stakeholder.name)
        )
        return [(party, name) for party, name in s.execute(query)]
