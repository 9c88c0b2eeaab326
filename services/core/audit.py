"""Writes the audit trail inside the caller's transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import AuditEntry
from services.core.actors import Actor


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


def history(db: Database, entity: str, entity_id: int) -> list[AuditEntry]:
    """Every recorded change to one record, oldest first."""
    with db.read() as s:
        query = (
            select(AuditEntry)
            .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
            .order_by(AuditEntry.created_at, AuditEntry.id)
        )
        return list(s.scalars(query))
