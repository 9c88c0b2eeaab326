"""The audit trail: who changed what, when, kept for every status change."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, UTCDateTime, utcnow


class AuditEntry(Base):
    """One recorded change: the actor, the record, the action and what changed."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # SET NULL, not CASCADE: removing an initiative must not erase the record of it.
    initiative_id: Mapped[int | None] = mapped_column(
        ForeignKey("initiative.id", ondelete="SET NULL"), index=True
    )
    account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    # Who acted, as shown to people: survives the account being removed.
    actor: Mapped[str] = mapped_column(String(200), default="")
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(60))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SigninThrottle(Base):
    """Failed sign-ins of one username or one client address, shared by every app server.

    `key` is "account:<username as typed, lowercased>" or "address:<client address>";
    services/accounts/signin_throttle.py holds the rule.
    """

    __tablename__ = "signin_throttle"

    key: Mapped[str] = mapped_column(String(160), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SigninHandoff(Base):
    """A sign-in waiting for its browser to fetch the cookie: once, within a minute.

    Only a digest of the handoff is kept, so a copy of this table signs nobody in;
    services/accounts/signin_handoffs.py holds the rule.
    """

    __tablename__ = "signin_handoff"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(String(100))
    token_version: Mapped[int] = mapped_column(Integer)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
