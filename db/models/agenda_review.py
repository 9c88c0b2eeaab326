"""The Thought Leader Team's review of an agenda: comments per item and approvals."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, UTCDateTime, not_blank, utcnow


class AgendaComment(Base):
    """A remark on one agenda item by a leader or the facilitator."""

    __tablename__ = "agenda_comment"
    __table_args__ = (not_blank("text"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True
    )
    account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    # Copied from the account so the comment still says who wrote it once the account is gone.
    author: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AgendaApproval(Base):
    """One leader's approval of a meeting's agenda as it stands; cleared by any change."""

    __tablename__ = "agenda_approval"
    __table_args__ = (UniqueConstraint("meeting_id", "account_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # No index of its own: the unique (meeting_id, account_id) index starts with it.
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    approved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
