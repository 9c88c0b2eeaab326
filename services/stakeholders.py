"""Stakeholder groups of an initiative: create, rename, list, remove."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Initiative, Participant, Stakeholder
from db.models.enums import Role, StakeholderCategory
from services import audit
from services.actors import Actor, require_role
from services.errors import ValidationError
from services.validation import NAME_MAX, clean_text, require


def create_stakeholder(
    db: Database,
    actor: Actor,
    initiative_id: int,
    name: str,
    category: StakeholderCategory | str,
    is_major: bool = True,
) -> Stakeholder:
    """Add a stakeholder group to the initiative."""
    require_role(actor, Role.FACILITATOR)
    clean = clean_text(name, "Group name", NAME_MAX)
    kind = _category(category)
    with db.write() as s:
        require(s, Initiative, initiative_id, "initiative")
        _refuse_duplicate(s, initiative_id, clean)
        group = Stakeholder(
            initiative_id=initiative_id, name=clean, category=kind, is_major=is_major
        )
        s.add(group)
        s.flush()
        audit.record(s, actor, "stakeholder", group.id, "created", {"name": clean}, initiative_id)
        return group


def update_stakeholder(
    db: Database,
    actor: Actor,
    stakeholder_id: int,
    name: str,
    category: StakeholderCategory | str,
    is_major: bool,
) -> Stakeholder:
    """Rename or recategorise a group."""
    require_role(actor, Role.FACILITATOR)
    clean = clean_text(name, "Group name", NAME_MAX)
    kind = _category(category)
    with db.write() as s:
        group = require(s, Stakeholder, stakeholder_id, "stakeholder group")
        if clean != group.name:
            _refuse_duplicate(s, group.initiative_id, clean)
        group.name, group.category, group.is_major = clean, kind, is_major
        audit.record(
            s, actor, "stakeholder", group.id, "updated", {"name": clean}, group.initiative_id
        )
        return group


def list_stakeholders(db: Database, initiative_id: int) -> list[Stakeholder]:
    """The initiative's groups, by name."""
    with db.read() as s:
        query = (
            select(Stakeholder)
            .where(Stakeholder.initiative_id == initiative_id)
            .order_by(Stakeholder.name)
        )
        return list(s.scalars(query))


def delete_stakeholder(db: Database, actor: Actor, stakeholder_id: int) -> None:
    """Remove a group that nobody belongs to and nothing refers to."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        group = require(s, Stakeholder, stakeholder_id, "stakeholder group")
        members = s.scalar(select(func.count()).where(Participant.stakeholder_id == stakeholder_id))
        if members:
            raise ValidationError(
                f"{group.name} still has {members} participant(s). Move them to another "
                "group first, then remove this one."
            )
        # Read before the flush: a failed flush expires the object.
        name = group.name
        audit.record(
            s, actor, "stakeholder", group.id, "deleted", {"name": name}, group.initiative_id
        )
        s.delete(group)
        try:
            s.flush()
        except IntegrityError as exc:
            raise ValidationError(
                f"{name} is still named on notes, ideas, conflicts or the charter, "
                "so it cannot be removed. Rename it instead."
            ) from exc


def _category(value: StakeholderCategory | str) -> StakeholderCategory:
    try:
        return StakeholderCategory(value)
    except ValueError:
        raise ValidationError(f"“{value}” is not a stakeholder category.") from None


def _refuse_duplicate(s: Session, initiative_id: int, name: str) -> None:
    clash = s.scalar(
        select(Stakeholder.id).where(
            Stakeholder.initiative_id == initiative_id,
            func.lower(Stakeholder.name) == name.lower(),
        )
    )
    if clash is not None:
        raise ValidationError(f"There is already a group called “{name}”. Choose another name.")
