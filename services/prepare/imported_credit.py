"""The credit an imported round carries (Pol.is data is CC BY 4.0: its attribution must
stand wherever its statements are shown), read from the import's audit entry."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import AuditEntry


def round_credit(db: Database, round_id: int) -> str | None:
    """The attribution of the conversation this round was imported from; None if it was not."""
    with db.read() as s:
        return credit_in(s, round_id)


def credit_in(s: Session, round_id: int) -> str | None:
    """`round_credit` inside a read the caller holds."""
    detail = s.scalar(
        select(AuditEntry.detail)
        .where(
            AuditEntry.entity == "voting_round",
            AuditEntry.entity_id == round_id,
            AuditEntry.action == "imported",
        )
        .order_by(AuditEntry.id.desc())
        .limit(1)
    )
    credit = (detail or {}).get("attribution") if isinstance(detail, dict) else None
    return credit or None
