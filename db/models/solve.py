"""Creative problem-solving: the 911-response best-practice library and the options."""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, enum_column, not_blank
from db.models.enums import CostBand, ResponseModel


class BestPractice(Base):
    """A real, named programme of response to 911 and crisis calls, with its source."""

    __tablename__ = "best_practice"
    __table_args__ = (not_blank("name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    city: Mapped[str] = mapped_column(String(200))
    model: Mapped[ResponseModel] = mapped_column(enum_column(ResponseModel, "response_model"))
    summary: Mapped[str] = mapped_column(Text)
    staffing: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[str] = mapped_column(Text, default="")
    source_url: Mapped[str] = mapped_column(String(500), default="")


option_citation = Table(
    "option_citation",
    Base.metadata,
    Column("option_id", ForeignKey("option.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "best_practice_id",
        ForeignKey("best_practice.id", ondelete="CASCADE"),
        primary_key=True,
    ),
)


class Option(Base):
    """A way to act on a top idea or theme, developed by the room."""

    __tablename__ = "option"
    __table_args__ = (
        CheckConstraint("impact BETWEEN 1 AND 5", name="impact_range"),
        CheckConstraint("feasibility BETWEEN 1 AND 5", name="feasibility_range"),
        not_blank("title"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    idea_id: Mapped[int | None] = mapped_column(
        ForeignKey("idea.id", ondelete="SET NULL"), index=True
    )
    theme_id: Mapped[int | None] = mapped_column(
        ForeignKey("theme.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    delivered_by: Mapped[str] = mapped_column(String(200), default="")
    impact: Mapped[int] = mapped_column(Integer, default=3)
    feasibility: Mapped[int] = mapped_column(Integer, default=3)
    cost_band: Mapped[CostBand] = mapped_column(
        enum_column(CostBand, "cost_band"), default=CostBand.MEDIUM
    )
    risks: Mapped[str] = mapped_column(Text, default="")


class OptionRating(Base):
    """One table's rating of an option's impact and feasibility."""

    __tablename__ = "option_rating"
    __table_args__ = (
        UniqueConstraint("option_id", "table_id"),
        CheckConstraint("impact BETWEEN 1 AND 5", name="impact_range"),
        CheckConstraint("feasibility BETWEEN 1 AND 5", name="feasibility_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    option_id: Mapped[int] = mapped_column(ForeignKey("option.id", ondelete="CASCADE"), index=True)
    table_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_table.id", ondelete="CASCADE"), index=True
    )
    impact: Mapped[int] = mapped_column(Integer)
    feasibility: Mapped[int] = mapped_column(Integer)
