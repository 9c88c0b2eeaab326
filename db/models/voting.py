"""Convergence: voting rounds, what is on the ballot, each voter's budget, the votes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, UTCDateTime, enum_column, not_blank, utcnow
from db.models.enums import Choice, RoundStatus, VoteMode


class VotingRound(Base):
    """One round of dot voting or agree/disagree/pass; closing it freezes the votes."""

    __tablename__ = "voting_round"
    __table_args__ = (
        CheckConstraint("budget > 0", name="budget_positive"),
        CheckConstraint("max_per_item > 0", name="max_per_item_positive"),
        not_blank("title"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    mode: Mapped[VoteMode] = mapped_column(enum_column(VoteMode, "vote_mode"))
    budget: Mapped[int] = mapped_column(Integer, default=5)
    max_per_item: Mapped[int] = mapped_column(Integer, default=3)
    status: Mapped[RoundStatus] = mapped_column(
        enum_column(RoundStatus, "round_status"), default=RoundStatus.DRAFT
    )
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The projector shows results only once the facilitator reveals them.
    results_revealed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class RoundItem(Base):
    """An idea or a theme on a round's ballot: exactly one of the two."""

    __tablename__ = "round_item"
    __table_args__ = (
        UniqueConstraint("round_id", "idea_id"),
        UniqueConstraint("round_id", "theme_id"),
        CheckConstraint("(idea_id IS NULL) <> (theme_id IS NULL)", name="idea_xor_theme"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(
        ForeignKey("voting_round.id", ondelete="CASCADE"), index=True
    )
    idea_id: Mapped[int | None] = mapped_column(
        ForeignKey("idea.id", ondelete="CASCADE"), index=True
    )
    theme_id: Mapped[int | None] = mapped_column(
        ForeignKey("theme.id", ondelete="CASCADE"), index=True
    )


class Ballot(Base):
    """A voter's budget in a round. The database itself refuses spending past it."""

    __tablename__ = "ballot"
    __table_args__ = (
        UniqueConstraint("round_id", "participant_id"),
        CheckConstraint("dots_used >= 0", name="dots_used_not_negative"),
        CheckConstraint("dots_used <= budget", name="within_budget"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(
        ForeignKey("voting_round.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    # Copied from the round so the CHECK can see it without a join.
    budget: Mapped[int] = mapped_column(Integer)
    dots_used: Mapped[int] = mapped_column(Integer, default=0)


class Vote(Base):
    """A voter's dots on one ballot item, or their agree/disagree/pass on it."""

    __tablename__ = "vote"
    __table_args__ = (
        UniqueConstraint("round_item_id", "participant_id"),
        Index("ix_vote_round_participant", "round_id", "participant_id"),
        CheckConstraint("dots >= 0", name="dots_not_negative"),
        CheckConstraint("(dots > 0) OR (choice IS NOT NULL)", name="dots_or_choice"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(
        ForeignKey("voting_round.id", ondelete="CASCADE"), index=True
    )
    round_item_id: Mapped[int] = mapped_column(
        ForeignKey("round_item.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    dots: Mapped[int] = mapped_column(Integer, default=0)
    choice: Mapped[Choice | None] = mapped_column(enum_column(Choice, "choice"))
    # The idea the vote was cast on when a merge moved it onto the surviving idea.
    moved_from_idea_id: Mapped[int | None] = mapped_column(
        ForeignKey("idea.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
