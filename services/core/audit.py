"""Writes the audit trail inside the caller's transaction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import AuditEntry
from db.models.enums import Role
from services.core.actors import Actor, require_role


@dataclass(frozen=True, slots=True, kw_only=True)
class Change:
    """What happened to which record, for the audit trail: e.g. idea 12 "created".

    `initiative_id` files the entry under its initiative; None for what belongs to none
    (accounts, the best-practice library).
    """

    entity: str
    entity_id: int
    action: str
    detail: dict[str, Any] | None = None
    initiative_id: int | None = None


def record(session: Session, actor: Actor, change: Change) -> None:
    """Add one audit entry; the caller's transaction commits it with the change itself."""
    session.add(
        AuditEntry(
            initiative_id=change.initiative_id,
            account_id=actor.account_id,
            actor=actor.name,
            entity=change.entity,
            entity_id=change.entity_id,
            action=change.action,
            detail=change.detail or {},
        )
    )


def history(db: Database, actor: Actor, entity: str, entity_id: int) -> list[AuditEntry]:
    """Every recorded change to one record, oldest first: the facilitators' trail.

    Its details keep the words of confidential records and of deleted ones, so only a
    facilitator reads it whole; a screen showing a record's history to others reads it in
    its own read model, for the records that reader may see (conflicts_screen.py).
    """
    require_role(actor, Role.FACILITATOR)
    with db.read() as s:
        query = (
            select(AuditEntry)
            .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
            .order_by(AuditEntry.created_at, AuditEntry.id)
        )
        return list(s.scalars(query))
