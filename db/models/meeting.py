"""One gathering: its tables, its agenda and where the room is right now."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, UTCDateTime, enum_column, not_blank
from db.models.enums import AgendaStatus, MeetingStatus, Skill, Step


class Meeting(Base):
    """A gathering of the initiative; UI text may call it a session."""

    __tablename__ = "meeting"
    __table_args__ = (not_blank("title"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    time_zone: Mapped[str] = mapped_column(String(64), default="", server_default="")
    """Where the meeting is, as an IANA name ("America/Chicago"): its start is printed in
    that zone's time. Empty: printed in UTC, as meetings made before it was kept."""
    location: Mapped[str] = mapped_column(String(200), default="")
    # Unguessable code in the projector link.
    code: Mapped[str] = mapped_column(String(32), unique=True)
    status: Mapped[MeetingStatus] = mapped_column(
        enum_column(MeetingStatus, "meeting_status"), default=MeetingStatus.PLANNED
    )
    agenda_status: Mapped[AgendaStatus] = mapped_column(
        enum_column(AgendaStatus, "agenda_status"), default=AgendaStatus.DRAFT
    )
    # The live state of the room lives here, not in a process, so every server sees it.
    current_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL", use_alter=True)
    )
    input_open: Mapped[bool] = mapped_column(Boolean, default=False)
    timer_ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # While the timer is paused: the whole seconds that were left (timer_ends_at is None).
    timer_paused_seconds: Mapped[int | None] = mapped_column(Integer)
    # The conflict whose interests the projector shows side by side, if any.
    spotlight_conflict_id: Mapped[int | None] = mapped_column(
        ForeignKey("conflict.id", ondelete="SET NULL", use_alter=True)
    )
    # Archived meetings are kept whole but leave the pickers.
    archived: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # While the facilitator holds the projector's pages (WCAG 2.2.2): when they held them;
    # the page showing then stays. None while the pages turn by the clock.
    pages_held_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # When the facilitator closed it (None while it is open): when it was held, for the
    # meeting people land on (services/setup/focus.py) where its planned date may differ.
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The projector's language: "en", "es", "both" side by side, or "" for the language
    # its browser asks for (services/room/projector_settings.py).
    projector_language: Mapped[str] = mapped_column(String(8), default="", server_default="")


class MeetingTable(Base):
    """A table of six to eight people with one scribe."""

    __tablename__ = "meeting_table"
    __table_args__ = (
        UniqueConstraint("meeting_id", "number"),
        CheckConstraint("number > 0", name="number_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200), default="")
    scribe_account_id: Mapped[int | None] = mapped_column(
        ForeignKey("account.id", ondelete="SET NULL"), index=True
    )


class AgendaItem(Base):
    """One step of the meeting's agenda, in order."""

    __tablename__ = "agenda_item"
    __table_args__ = (
        UniqueConstraint("meeting_id", "position"),
        CheckConstraint("minutes > 0", name="minutes_positive"),
        not_blank("title"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    step: Mapped[Step] = mapped_column(enum_column(Step, "step"))
    skill: Mapped[Skill | None] = mapped_column(enum_column(Skill, "skill"))
    minutes: Mapped[int] = mapped_column(Integer)
    goal: Mapped[str] = mapped_column(Text, default="")
    materials: Mapped[str] = mapped_column(Text, default="")
    # The question the room answers in this step, shown on the projector.
    prompt: Mapped[str] = mapped_column(Text, default="")
    # New ideas in this step wait for the facilitator's approval before the room sees them.
    premoderate: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Scribes may still save notes for this step after input closes; they are marked late.
    late_notes: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
