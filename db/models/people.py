"""Who takes part: the initiative, its stakeholder groups, participants and logins."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, UTCDateTime, enum_column, not_blank, utcnow
from db.models.enums import Role, StakeholderCategory


class Initiative(Base):
    """The effort as a whole: one city's community–police problem-solving process."""

    __tablename__ = "initiative"
    __table_args__ = (not_blank("name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    city: Mapped[str] = mapped_column(String(200), default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    # Editable trust statements asked before and after the meeting (five-point scale).
    trust_statements: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Optional demographic questions the facilitator chose to ask in the survey.
    demographic_questions: Mapped[list[str]] = mapped_column(
        JSON, default=list, server_default=text("'[]'")
    )
    # The pre-session survey takes answers (and changes to them) until it is closed.
    survey_open: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # Archived initiatives are kept whole but leave the pickers and the home screen.
    archived: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The demo seeded by `make demo`: one button removes it with its demo logins.
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Stakeholder(Base):
    """A group or organisation with a stake, such as the police department or youth."""

    __tablename__ = "stakeholder"
    __table_args__ = (UniqueConstraint("initiative_id", "name"), not_blank("name"))

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[StakeholderCategory] = mapped_column(
        enum_column(StakeholderCategory, "stakeholder_category")
    )
    # Major groups each send one representative to the Thought Leader Team.
    is_major: Mapped[bool] = mapped_column(Boolean, default=True)
    # False for a catch-all such as imported voters Pol.is could not place in a group:
    # they still vote, but a group that is no group must not weigh on common ground.
    in_common_ground: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # A retired group stays on the records that name it but leaves new sign-off, new
    # rosters and the inclusion check.
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Participant(Base):
    """A person in the roster. Contact details are personal data: facilitators only."""

    __tablename__ = "participant"
    __table_args__ = (not_blank("name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), index=True
    )
    stakeholder_id: Mapped[int] = mapped_column(
        ForeignKey("stakeholder.id", ondelete="RESTRICT"), index=True
    )
    table_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting_table.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Unguessable personal code for the survey and voting links (QR on the badge).
    code: Mapped[str] = mapped_column(String(32), unique=True)
    # Did not come: kept with what they already said or voted, out of seating and badges.
    absent: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # A voter of an imported conversation (Pol.is): their votes count in that round, but
    # they are nobody on the roster: no badge, no seat, no invitation, no response rate.
    outside_voter: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The language of their badge, survey, ballot and feedback form ("en" or "es"):
    # from the roster's Language column, or chosen on their phone.
    language: Mapped[str] = mapped_column(String(8), default="en", server_default="en")


class Account(Base):
    """A login for a facilitator, a table scribe or a Thought Leader Team member."""

    __tablename__ = "account"
    __table_args__ = (not_blank("username"), not_blank("display_name"))

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254), default="")
    role: Mapped[Role] = mapped_column(enum_column(Role, "role"))
    password_hash: Mapped[str] = mapped_column(String(100))
    # The language of this person's screens ("en" or "es"), chosen by them.
    language: Mapped[str] = mapped_column(String(8), default="en", server_default="en")
    # A leader speaks and signs for one stakeholder group (the Thought Leader Team).
    stakeholder_id: Mapped[int | None] = mapped_column(
        ForeignKey("stakeholder.id", ondelete="SET NULL"), index=True
    )
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # A login the demo made: removed with the demo.
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Carried in the sign-in cookie; raised by sign-out and by a new password, so every
    # cookie issued before stops working (services/accounts/signin_tokens.py).
    token_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
