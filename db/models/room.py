"""In the room: what tables heard (listening notes), what they proposed (ideas), themes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, UTCDateTime, enum_column, not_blank, utcnow
from db.models.enums import IdeaStatus


class ListeningNote(Base):
    """What a speaker said, the paraphrase back, and the interest beneath it."""

    __tablename__ = "listening_note"
    __table_args__ = (
        # A double tap on a tablet sends the same key twice; the second insert is refused.
        UniqueConstraint("meeting_id", "submission_key"),
        Index("ix_listening_note_meeting_created", "meeting_id", "created_at"),
        not_blank("said"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    table_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_table.id", ondelete="CASCADE"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL")
    )
    stakeholder_id: Mapped[int | None] = mapped_column(
        ForeignKey("stakeholder.id", ondelete="RESTRICT"), index=True
    )
    said: Mapped[str] = mapped_column(Text)
    paraphrase: Mapped[str] = mapped_column(Text, default="")
    interest: Mapped[str] = mapped_column(Text, default="")
    # None: the paraphrase was not checked with the speaker yet.
    confirmed: Mapped[bool | None] = mapped_column(Boolean)
    prompt: Mapped[str] = mapped_column(Text, default="")
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    # Saved after input closed, under the step's "late notes" allowance.
    late: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    author_account_id: Mapped[int | None] = mapped_column(
        ForeignKey("account.id", ondelete="SET NULL")
    )
    submission_key: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Theme(Base):
    """A named group of related ideas, made by the facilitator during convergence."""

    __tablename__ = "theme"
    __table_args__ = (UniqueConstraint("meeting_id", "name"), not_blank("name"))

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")


class Idea(Base):
    """A proposal raised at a table (or imported), live on the idea board."""

    __tablename__ = "idea"
    __table_args__ = (
        UniqueConstraint("meeting_id", "submission_key"),
        Index("ix_idea_meeting_created", "meeting_id", "created_at"),
        not_blank("text"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    # None for ideas that did not come from a table (the facilitator, an import).
    table_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting_table.id", ondelete="SET NULL"), index=True
    )
    stakeholder_id: Mapped[int | None] = mapped_column(
        ForeignKey("stakeholder.id", ondelete="RESTRICT"), index=True
    )
    theme_id: Mapped[int | None] = mapped_column(
        ForeignKey("theme.id", ondelete="SET NULL"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[IdeaStatus] = mapped_column(
        enum_column(IdeaStatus, "idea_status"), default=IdeaStatus.VISIBLE
    )
    # A merged duplicate keeps its row and its history and points at the survivor.
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("idea.id", ondelete="SET NULL"), index=True
    )
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    # Saved after input closed, under the step's "late notes" allowance.
    late: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    author_account_id: Mapped[int | None] = mapped_column(
        ForeignKey("account.id", ondelete="SET NULL")
    )
    submission_key: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
