"""Options for acting on a top idea or theme: details, cited programmes, table ratings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.database import Database
from db.models import BestPractice, Idea, Meeting, MeetingTable, Option, OptionRating, Theme
from db.models import option_citation as citation
from db.models.enums import CostBand, Role
from services import audit
from services.actors import Actor, require_role
from services.errors import NotFound, PermissionDenied, ValidationError
from services.validation import NAME_MAX, TEXT_MAX, clean_text, in_range, optional_text, require


@dataclass(frozen=True)
class OptionScore:
    """How the tables rated one option; means are None until a table has rated it."""

    option_id: int
    title: str
    mean_impact: float | None
    mean_feasibility: float | None
    ratings: int


def create_option(
    db: Database,
    actor: Actor,
    meeting_id: int,
    title: str,
    description: str = "",
    delivered_by: str = "",
    impact: int = 3,
    feasibility: int = 3,
    cost_band: CostBand | str = "medium",
    risks: str = "",
    idea_id: int | None = None,
    theme_id: int | None = None,
    best_practice_ids: Iterable[int] = (),
) -> Option:
    """Write up an option for the meeting, optionally citing library programmes."""
    require_role(actor, Role.FACILITATOR, Role.SCRIBE)
    values = _clean(title, description, delivered_by, impact, feasibility, cost_band, risks)
    with db.write() as s:
        require(s, Meeting, meeting_id, "meeting")
        _check_links(s, meeting_id, idea_id, theme_id)
        option = Option(meeting_id=meeting_id, idea_id=idea_id, theme_id=theme_id, **values)
        s.add(option)
        s.flush()
        _replace_citations(s, option.id, best_practice_ids)
        _log(s, actor, option, "created", {"title": option.title})
        return option


def update_option(
    db: Database,
    actor: Actor,
    option_id: int,
    title: str,
    description: str,
    delivered_by: str,
    impact: int,
    feasibility: int,
    cost_band: CostBand | str,
    risks: str,
    idea_id: int | None,
    theme_id: int | None,
) -> Option:
    """Change an option's details (its citations change through `cite`)."""
    require_role(actor, Role.FACILITATOR, Role.SCRIBE)
    values = _clean(title, description, delivered_by, impact, feasibility, cost_band, risks)
    with db.write() as s:
        option = require(s, Option, option_id, "option")
        _check_links(s, option.meeting_id, idea_id, theme_id)
        for field, value in {**values, "idea_id": idea_id, "theme_id": theme_id}.items():
            setattr(option, field, value)
        audit.record(s, actor, "option", option.id, "updated", {"title": option.title})
        return option


def delete_option(db: Database, actor: Actor, option_id: int) -> None:
    """Remove an option with its ratings and citations."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        option = require(s, Option, option_id, "option")
        _log(s, actor, option, "deleted", {"title": option.title})
        s.delete(option)


def list_options(db: Database, meeting_id: int) -> list[Option]:
    """The meeting's options in the order they were written."""
    with db.read() as s:
        return list(
            s.scalars(select(Option).where(Option.meeting_id == meeting_id).order_by(Option.id))
        )


def cite(
    db: Database, actor: Actor, option_id: int, best_practice_ids: Iterable[int]
) -> list[BestPractice]:
    """Make these programmes the option's citations, replacing any before."""
    require_role(actor, Role.FACILITATOR, Role.SCRIBE)
    with db.write() as s:
        option = require(s, Option, option_id, "option")
        cited = _replace_citations(s, option.id, best_practice_ids)
        _log(s, actor, option, "cited", {"best_practice_ids": [p.id for p in cited]})
        return cited


def citations(db: Database, option_id: int) -> list[BestPractice]:
    """The programmes an option cites, by name."""
    with db.read() as s:
        query = (
            select(BestPractice)
            .join(citation, citation.c.best_practice_id == BestPractice.id)
            .where(citation.c.option_id == option_id)
            .order_by(BestPractice.name)
        )
        return list(s.scalars(query))


def rate_option(
    db: Database, actor: Actor, option_id: int, table_id: int, impact: int, feasibility: int
) -> OptionRating:
    """Record a table's impact and feasibility rating; rating again replaces it."""
    require_role(actor, Role.FACILITATOR, Role.SCRIBE)
    in_range(impact, "Impact", 1, 5)
    in_range(feasibility, "Feasibility", 1, 5)
    with db.write() as s:
        option = require(s, Option, option_id, "option")
        table = require(s, MeetingTable, table_id, "table")
        if table.meeting_id != option.meeting_id:
            raise ValidationError(
                f"{_label(table)} is not at this option's meeting. Pick one of its tables."
            )
        require_table_scribe(s, actor, table, "rate options")
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
        _log(s, actor, option, "rated", detail)
        return rating


def ratings_summary(db: Database, meeting_id: int) -> list[OptionScore]:
    """Every option of the meeting with its mean ratings and how many tables rated it."""
    with db.read() as s:
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


def require_table_scribe(s: Session, actor: Actor, table: MeetingTable, doing: str) -> None:
    """Let facilitators act for any table and scribes only for the table they scribe."""
    if actor.role is Role.FACILITATOR or table.scribe_account_id == actor.account_id:
        return
    own = s.scalar(
        select(MeetingTable).where(
            MeetingTable.meeting_id == table.meeting_id,
            MeetingTable.scribe_account_id == actor.account_id,
        )
    )
    yours = f"You scribe {_label(own)}" if own else "You are not the scribe of any table here"
    raise PermissionDenied(
        f"{yours}, so you cannot {doing} for {_label(table)}. "
        f"Ask the scribe of {_label(table)} or a facilitator."
    )


def _label(table: MeetingTable) -> str:
    return f"table {table.number}" + (f" ({table.name})" if table.name else "")


def _clean(
    title: str,
    description: str,
    delivered_by: str,
    impact: int,
    feasibility: int,
    cost_band: CostBand | str,
    risks: str,
) -> dict[str, object]:
    try:
        band = CostBand(cost_band)
    except ValueError:
        raise ValidationError(
            f"“{cost_band}” is not a cost band; use low, medium or high."
        ) from None
    return {
        "title": clean_text(title, "Option title", NAME_MAX),
        "description": optional_text(description, "Description", TEXT_MAX),
        "delivered_by": optional_text(delivered_by, "Delivered by", NAME_MAX),
        "impact": in_range(impact, "Impact", 1, 5),
        "feasibility": in_range(feasibility, "Feasibility", 1, 5),
        "cost_band": band,
        "risks": optional_text(risks, "Risks", TEXT_MAX),
    }


def _check_links(s: Session, meeting_id: int, idea_id: int | None, theme_id: int | None) -> None:
    for model, record_id, label in ((Idea, idea_id, "idea"), (Theme, theme_id, "theme")):
        if record_id is not None and require(s, model, record_id, label).meeting_id != meeting_id:
            raise ValidationError(
                f"That {label} belongs to another meeting. Pick one from this meeting."
            )


def _replace_citations(
    s: Session, option_id: int, best_practice_ids: Iterable[int]
) -> list[BestPractice]:
    wanted = set(best_practice_ids)
    found = list(
        s.scalars(
            select(BestPractice).where(BestPractice.id.in_(wanted)).order_by(BestPractice.name)
        )
    )
    missing = wanted - {p.id for p in found}
    if missing:
        raise NotFound(
            f"No best practice with id {', '.join(map(str, sorted(missing)))}: it may have been "
            "deleted. Reload the page."
        )
    s.execute(delete(citation).where(citation.c.option_id == option_id))
    if found:
        s.execute(
            insert(citation), [{"option_id": option_id, "best_practice_id": p.id} for p in found]
        )
    return found


def _log(s: Session, actor: Actor, option: Option, action: str, detail: dict) -> None:
    initiative_id = s.scalar(select(Meeting.initiative_id).where(Meeting.id == option.meeting_id))
    audit.record(s, actor, "option", option.id, action, detail, initiative_id)


def _float(value: object) -> float | None:
    # Postgres averages come back as Decimal, SQLite's as float.
    return None if value is None else float(value)
