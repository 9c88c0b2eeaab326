"""Each table's impact and feasibility rating of an option, and the means across tables."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Meeting, MeetingTable, Option, OptionRating
from db.models.enums import Role
from i18n import N_, _
from services.core import membership
from services.core.actors import Actor, require_role
from services.core.errors import ValidationError
from services.core.scope import check_table_access, require_open_meeting
from services.core.validation import in_range, require
from services.solve.options import audit_option


@dataclass(frozen=True)
class OptionScore:
    """How the tables rated one option; means are None until a table has rated it."""

    option_id: int
    title: str
    mean_impact: float | None
    mean_feasibility: float | None
    ratings: int


@dataclass(frozen=True, slots=True, kw_only=True)
class RatingFields:
    """A table's rating of one option, each from 1 to 5."""

    impact: int
    feasibility: int


def rate_option(
    db: Database, actor: Actor, option_id: int, table_id: int, fields: RatingFields
) -> OptionRating:
    """Record a table's impact and feasibility rating; rating again replaces it."""
    require_role(actor, Role.FACILITATOR, Role.SCRIBE)
    impact, feasibility = fields.impact, fields.feasibility
    in_range(impact, N_("Impact"), 1, 5)
    in_range(feasibility, N_("Feasibility"), 1, 5)
    with db.write() as s:
        option = require(s, Option, option_id, N_("option"))
        table = require(s, MeetingTable, table_id, N_("table"))
        if table.meeting_id != option.meeting_id:
            raise ValidationError(
                _("{table} is not at this option's meeting. Pick one of its tables.").format(
                    table=_label(table)
                )
            )
        check_table_access(s, actor, table.id, N_("rate options"))
        require_open_meeting(s.get_one(Meeting, option.meeting_id), actor)
        rating = s.scalar(select(OptionRating).filter_by(option_id=option_id, table_id=table_id))
        if rating is None:
            rating = OptionRating(
                option_id=option_id, table_id=table_id, impact=impact, feasibility=feasibility
            )
            try:
                # A double tap can send the same first rating twice; the loser updates instead.
                with s.begin_nested():
                    s.add(rating)
            except IntegrityError:
                rating = s.scalars(
                    select(OptionRating).filter_by(option_id=option_id, table_id=table_id)
                ).one()
        rating.impact, rating.feasibility = impact, feasibility
        detail = {"table_id": table_id, "impact": impact, "feasibility": feasibility}
        audit_option(s, actor, option, "rated", detail)
        return rating


def ratings_summary(db: Database, actor: Actor, meeting_id: int) -> list[OptionScore]:
    """Every option of the meeting with its mean ratings and how many tables rated it."""
    with db.read() as s:
        membership.require_meeting_member(s, actor, meeting_id)
        return ratings_summary_in(s, meeting_id)


def ratings_summary_in(s: Session, meeting_id: int) -> list[OptionScore]:
    """`ratings_summary` inside a read the caller holds, after it has checked the reader."""
    query = (
        select(
            Option.id,
            Option.title,
            func.avg(OptionRating.impact),
            func.avg(OptionRating.feasibility),
            func.count(OptionRating.id),
        )
        .outerjoin(OptionRating, OptionRating.option_id == Option.id)
        .where(Option.meeting_id == meeting_id)
        .group_by(Option.id, Option.title)
        .order_by(Option.id)
    )
    return [
        OptionScore(oid, title, _float(imp), _float(feas), count)
        for oid, title, imp, feas, count in s.execute(query)
    ]


def _label(table: MeetingTable) -> str:
    if table.name:
        return _("table {number} ({name})").format(number=table.number, name=table.name)
    return _("table {number}").format(number=table.number)


def _float(value: float | Decimal | None) -> float | None:
    # Postgres averages come back as Decimal, SQLite's as float.
    return None if value is None else float(value)
