"""Translations of what people typed: an idea, an agenda step, an option, a charter clause."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, UTCDateTime, not_blank, utcnow


class ContentTranslation(Base):
    """One field of one record in another language, beside the original it translates.

    The record is named by `kind` and `entity_id` (an idea, an agenda item…), not by a
    foreign key: one table holds the translations of every kind. `source_hash` is the hash
    of the original's words when this was written, so a translation of words changed since
    is known to be out of date and never shown as current.
    """

    __tablename__ = "content_translation"
    __table_args__ = (
        UniqueConstraint("kind", "entity_id", "field", "language"),
        not_blank("text"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # None for what belongs to no initiative (the best-practice library).
    initiative_id: Mapped[int | None] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    source_language: Mapped[str] = mapped_column(String(8))
    source_hash: Mapped[str] = mapped_column(String(64))
    translated_by_account_id: Mapped[int | None] = mapped_column(
        ForeignKey("account.id", ondelete="SET NULL")
    )
    # Who translated it, as shown to people: survives the account being removed.
    translated_by: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ContentLanguage(Base):
    """The language a record's words are written in, as its writer's screen said.

    Named by `kind` and `entity_id` like a translation. `field` is '' for the whole record
    (an idea, a note: one writer, one language), or names one field where a record's fields
    are written apart (the facilitator's survey questions). A record with no row is taken
    to be in English: what the room typed before languages were recorded was.
    """

    __tablename__ = "content_language"
    __table_args__ = (UniqueConstraint("kind", "entity_id", "field"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int | None] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(40), default="")
    language: Mapped[str] = mapped_column(String(8))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
