"""Writes the audit trail inside the caller's transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import AuditEntry
from db.models.enums import Role
from services.core.actors import Actor, require_role


def record(
    session: Session,
    actor: Actor,
    entity: str,
    entity_id: int,
    action: str,
    detail: dict[str, Any] | None = None,
    initiative_id: int | None = None,
) -> None:
    """Add one audit entry; the caller's transaction commits it with the change itself."""
    session.add(
        AuditEntry(
            initiative_id=initiative_id,
            account_id=actor.account_id,
            actor=actor.name,
            entity=entity,
            entity_id=entity_id,
            action=action,
            detail=detail or {},
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
