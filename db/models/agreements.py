"""Win-win conflicts and the partnering charter with its commitments and signatures."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, UTCDateTime, enum_column, not_blank, utcnow
from db.models.enums import ConflictStatus


class Conflict(Base):
    """A disagreement worked through to an agreement that meets both sides' interests."""

    __tablename__ = "conflict"
    __table_args__ = (not_blank("issue"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    table_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting_table.id", ondelete="SET NULL"), index=True
    )
    issue: Mapped[str] = mapped_column(Text)
    options: Mapped[str] = mapped_column(Text, default="")
    agreement: Mapped[str] = mapped_column(Text, default="")
    next_step: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[ConflictStatus] = mapped_column(
        enum_column(ConflictStatus, "conflict_status"), default=ConflictStatus.OPEN
    )
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ConflictParty(Base):
    """One side of a conflict: its stated position and, apart, the interests beneath."""

    __tablename__ = "conflict_party"
    __table_args__ = (UniqueConstraint("conflict_id", "stakeholder_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conflict_id: Mapped[int] = mapped_column(
        ForeignKey("conflict.id", ondelete="CASCADE"), index=True
    )
    stakeholder_id: Mapped[int] = mapped_column(
        ForeignKey("stakeholder.id", ondelete="RESTRICT"), index=True
    )
    position: Mapped[str] = mapped_column(Text, default="")
    interests: Mapped[str] = mapped_column(Text, default="")


class Charter(Base):
    """One version of the initiative's partnering charter; versions are never edited."""

    __tablename__ = "charter"
    __table_args__ = (UniqueConstraint("initiative_id", "version"), not_blank("mission"))

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int] = mapped_column(Integer)
    mission: Mapped[str] = mapped_column(Text)
    shared_goals: Mapped[str] = mapped_column(Text, default="")
    ground_rules: Mapped[str] = mapped_column(Text, default="")
    roles: Mapped[str] = mapped_column(Text, default="")
    communication: Mapped[str] = mapped_column(Text, default="")
    confidentiality: Mapped[str] = mapped_column(Text, default="")
    created_by_account_id: Mapped[int | None] = mapped_column(
        ForeignKey("account.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Commitment(Base):
    """What one stakeholder group commits to under a charter version."""

    __tablename__ = "commitment"
    __table_args__ = (UniqueConstraint("charter_id", "stakeholder_id"), not_blank("text"))

    id: Mapped[int] = mapped_column(primary_key=True)
    charter_id: Mapped[int] = mapped_column(
        ForeignKey("charter.id", ondelete="CASCADE"), index=True
    )
    stakeholder_id: Mapped[int] = mapped_column(
        ForeignKey("stakeholder.id", ondelete="RESTRICT"), index=True
    )
    text: Mapped[str] = mapped_column(Text)


class Signature(Base):
    """A leader's sign-off for their stakeholder group on one charter version."""

    __tablename__ = "signature"
    __table_args__ = (UniqueConstraint("charter_id", "stakeholder_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    charter_id: Mapped[int] = mapped_column(
        ForeignKey("charter.id", ondelete="CASCADE"), index=True
    )
    stakeholder_id: Mapped[int] = mapped_column(
        ForeignKey("stakeholder.id", ondelete="RESTRICT"), index=True
    )
    # Kept when the signer's account is later removed: the signature still stands.
    account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
