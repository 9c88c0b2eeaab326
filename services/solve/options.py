"""Options for acting on a top idea or theme: what, who delivers it, impact, cost and risks."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import BestPractice, Idea, Meeting, Option, Theme
from db.models import option_citation as citation
from db.models.enums import CostBand, Role
from i18n import N_, _
from services.core import audit, membership
from services.core.actors import Actor, require_role
from services.core.errors import NotFound, ValidationError
from services.core.scope import require_open_meeting
from services.core.validation import (
    NAME_MAX,
    TEXT_MAX,
    clean_text,
    in_range,
    optional_text,
    require,
)
from services.translations import written


@dataclass(frozen=True, slots=True, kw_only=True)
class OptionFields:
    """An option as written up: the same for adding and for changing it."""

    title: str
    description: str = ""
    delivered_by: str = ""
    impact: int = 3
    feasibility: int = 3
    cost_band: CostBand | str = "medium"
    risks: str = ""
    idea_id: int | None = None
    theme_id: int | None = None


def create_option(
    db: Database,
    actor: Actor,
    meeting_id: int,
    fields: OptionFields,
    best_practice_ids: Iterable[int] = (),
) -> Option:
    """Write up an option for the meeting, optionally citing library programmes."""
    require_role(actor, Role.FACILITATOR, Role.SCRIBE)
    values = _clean(fields)
    idea_id, theme_id = fields.idea_id, fields.theme_id
    with db.write() as s:
        meeting = require(s, Meeting, meeting_id, N_("meeting"))
        require_open_meeting(meeting, actor)
        _check_links(s, meeting_id, idea_id, theme_id)
        option = Option(meeting_id=meeting_id, idea_id=idea_id, theme_id=theme_id, **values)
        s.add(option)
        s.flush()
        written.record_new(s, "option", option.id, meeting.initiative_id)
        replace_citations(s, option.id, best_practice_ids)
        audit_option(s, actor, option, "created", {"title": option.title})
        return option


def update_option(db: Database, actor: Actor, option_id: int, fields: OptionFields) -> Option:
    """Change an option's details (its citations change through `cite`)."""
    require_role(actor, Role.FACILITATOR, Role.SCRIBE)
    values = _clean(fields)
    idea_id, theme_id = fields.idea_id, fields.theme_id
    with db.write() as s:
        option = require(s, Option, option_id, N_("option"))
        require_open_meeting(s.get_one(Meeting, option.meeting_id), actor)
        _check_links(s, option.meeting_id, idea_id, theme_id)
        for field, value in {**values, "idea_id": idea_id, "theme_id": theme_id}.items():
            setattr(option, field, value)
        audit.record(
            s,
            actor,
            audit.Change(
                entity="option",
                entity_id=option.id,
                action="updated",
                detail={"title": option.title},
            ),
        )
        return option


def delete_option(db: Database, actor: Actor, option_id: int) -> None:
    """Remove an option with its ratings and citations."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        option = require(s, Option, option_id, N_("option"))
        audit_option(s, actor, option, "deleted", {"title": option.title})
        s.delete(option)


def list_options(db: Database, actor: Actor, meeting_id: int) -> list[Option]:
    """The meeting's options in the order they were written."""
    with db.read() as s:
        membership.require_meeting_member(s, actor, meeting_id)
        return list(
            s.scalars(select(Option).where(Option.meeting_id == meeting_id).order_by(Option.id))
        )


def replace_citations(
    s: Session, option_id: int, best_practice_ids: Iterable[int]
) -> list[BestPractice]:
    """Make these programmes the option's citations inside the caller's transaction."""
    wanted = set(best_practice_ids)
    found = list(
        s.scalars(
            select(BestPractice).where(BestPractice.id.in_(wanted)).order_by(BestPractice.name)
        )
    )
    missing = wanted - {p.id for p in found}
    if missing:
        raise NotFound(
            _("No best practice with id {ids}: it may have been deleted. Reload the page.").format(
                ids=", ".join(map(str, sorted(missing)))
            )
        )
    s.execute(delete(citation).where(citation.c.option_id == option_id))
    if found:
        s.execute(
            insert(citation), [{"option_id": option_id, "best_practice_id": p.id} for p in found]
        )
    return found


def audit_option(s: Session, actor: Actor, option: Option, action: str, detail: dict) -> None:
    """Record a change to the option in its initiative's audit trail."""
    initiative_id = s.scalar(select(Meeting.initiative_id).where(Meeting.id == option.meeting_id))
    audit.record(
        s,
        actor,
        audit.Change(
            entity="option",
            entity_id=option.id,
            action=action,
            detail=detail,
            initiative_id=initiative_id,
        ),
    )


def _clean(fields: OptionFields) -> dict[str, object]:
    try:
        band = CostBand(fields.cost_band)
    except ValueError:
        raise ValidationError(
            _("“{cost_band}” is not a cost band; use low, medium or high.").format(
                cost_band=fields.cost_band
            )
        ) from None
    return {
        "title": clean_text(fields.title, N_("Option title"), NAME_MAX),
        "description": optional_text(fields.description, N_("Description"), TEXT_MAX),
        "delivered_by": optional_text(fields.delivered_by, N_("Delivered by"), NAME_MAX),
        "impact": in_range(fields.impact, N_("Impact"), 1, 5),
        "feasibility": in_range(fields.feasibility, N_("Feasibility"), 1, 5),
        "cost_band": band,
        "risks": optional_text(fields.risks, N_("Risks"), TEXT_MAX),
    }


def _check_links(s: Session, meeting_id: int, idea_id: int | None, theme_id: int | None) -> None:
    for model, record_id, label in ((Idea, idea_id, N_("idea")), (Theme, theme_id, N_("theme"))):
        if record_id is not None and require(s, model, record_id, label).meeting_id != meeting_id:
            raise ValidationError(
                _("That {label} belongs to another meeting. Pick one from this meeting.").format(
                    label=_(label)
                )
            )
