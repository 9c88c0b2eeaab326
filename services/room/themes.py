"""Themes: named groups of related ideas that the facilitator makes during convergence."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Idea, Meeting, Theme, utcnow
from db.models.enums import Role
from i18n import N_, _
from services.converge.voting_items import voted_rounds
from services.core import audit, membership
from services.core.actors import Actor, require_role
from services.core.errors import ValidationError
from services.core.validation import NAME_MAX, TEXT_MAX, clean_text, optional_text, require
from services.translations import written


def create_theme(
    db: Database, actor: Actor, meeting_id: int, name: str, description: str = ""
) -> Theme:
    """Add a theme to the meeting."""
    require_role(actor, Role.FACILITATOR)
    clean = clean_text(name, N_("Theme name"), NAME_MAX)
    about = optional_text(description, N_("Description"), TEXT_MAX)
    with db.write() as s:
        meeting = require(s, Meeting, meeting_id, N_("meeting"))
        _refuse_duplicate(s, meeting.id, clean)
        theme = Theme(meeting_id=meeting.id, name=clean, description=about)
        s.add(theme)
        s.flush()
        written.record_new(s, "theme", theme.id, meeting.initiative_id)
        audit.record(
            s,
            actor,
            audit.Change(
                entity="theme",
                entity_id=theme.id,
                action="created",
                detail={"name": clean},
                initiative_id=meeting.initiative_id,
            ),
        )
        return theme


def update_theme(
    db: Database, actor: Actor, theme_id: int, name: str, description: str = ""
) -> Theme:
    """Rename a theme or change its description."""
    require_role(actor, Role.FACILITATOR)
    clean = clean_text(name, N_("Theme name"), NAME_MAX)
    about = optional_text(description, N_("Description"), TEXT_MAX)
    with db.write() as s:
        theme = require(s, Theme, theme_id, N_("theme"))
        if clean.lower() != theme.name.lower():
            _refuse_duplicate(s, theme.meeting_id, clean)
        theme.name, theme.description = clean, about
        detail = {"name": clean}
        audit.record(
            s,
            actor,
            audit.Change(
                entity="theme",
                entity_id=theme.id,
                action="updated",
                detail=detail,
                initiative_id=_initiative(s, theme),
            ),
        )
        return theme


def delete_theme(db: Database, actor: Actor, theme_id: int) -> None:
    """Remove a theme; its ideas stay on the board without a theme."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        theme = require(s, Theme, theme_id, N_("theme"))
        rounds = voted_rounds(s, theme_id=theme.id)
        if rounds:
            raise ValidationError(
                _(
                    "“{name}” is on the ballot of {rounds}, so removing it would lose those "
                    "votes. Rename it instead."
                ).format(name=theme.name, rounds=", ".join(rounds))
            )
        detail = {"name": theme.name}
        audit.record(
            s,
            actor,
            audit.Change(
                entity="theme",
                entity_id=theme.id,
                action="deleted",
                detail=detail,
                initiative_id=_initiative(s, theme),
            ),
        )
        s.delete(theme)


def list_themes(db: Database, actor: Actor, meeting_id: int) -> list[Theme]:
    """The meeting's themes, by name."""
    with db.read() as s:
        membership.require_meeting_member(s, actor, meeting_id)
        query = select(Theme).where(Theme.meeting_id == meeting_id)
        return list(s.scalars(query.order_by(func.lower(Theme.name), Theme.id)))


def assign_theme(
    db: Database, actor: Actor, idea_ids: list[int], theme_id: int | None
) -> list[Idea]:
    """Put ideas under a theme, or take them out of theirs with None."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        theme = require(s, Theme, theme_id, N_("theme")) if theme_id is not None else None
        ideas = [require(s, Idea, i, N_("idea")) for i in dict.fromkeys(idea_ids)]
        for idea in ideas:
            if theme is not None and idea.meeting_id != theme.meeting_id:
                raise ValidationError(
                    _(
                        "Idea #{id} belongs to another meeting than “{name}”. Pick ideas from this "
                        "meeting's board."
                    ).format(id=idea.id, name=theme.name)
                )
            if idea.theme_id != theme_id:
                detail = {"from": idea.theme_id, "to": theme_id}
                idea.theme_id, idea.updated_at = theme_id, utcnow()
                initiative_id = s.get_one(Meeting, idea.meeting_id).initiative_id
                audit.record(
                    s,
                    actor,
                    audit.Change(
                        entity="idea",
                        entity_id=idea.id,
                        action="themed",
                        detail=detail,
                        initiative_id=initiative_id,
                    ),
                )
        return ideas


def _refuse_duplicate(s: Session, meeting_id: int, name: str) -> None:
    clash = s.scalar(
        select(Theme.name).where(
            Theme.meeting_id == meeting_id, func.lower(Theme.name) == name.lower()
        )
    )
    if clash is not None:
        raise ValidationError(
            _(
                "There is already a theme called “{clash}” in this meeting. Choose another name."
            ).format(clash=clash)
        )


def _initiative(s: Session, theme: Theme) -> int:
    return s.get_one(Meeting, theme.meeting_id).initiative_id
