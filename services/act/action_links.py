"""What an action may point at: its owner, group and origins, all within its initiative."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Conflict, Idea, Initiative, Meeting, Participant, Stakeholder, Theme
from i18n import N_, _
from services.core.errors import ValidationError
from services.core.validation import require


def check_action_links(
    s: Session,
    initiative_id: int,
    owner_id: int | None,
    group_id: int | None,
    links: dict[str, int | None],
) -> int | None:
    """Refuse an owner, group or link from another initiative; return the owner's group."""
    require(s, Initiative, initiative_id, N_("initiative"))
    owner = require(s, Participant, owner_id, N_("participant")) if owner_id is not None else None
    if group_id is not None:
        group = require(s, Stakeholder, group_id, N_("stakeholder group"))
        _same(group.initiative_id, initiative_id, N_("group"))
    if owner is not None:
        _same(owner.initiative_id, initiative_id, N_("owner"))
    for field, model, label in _LINKS:
        if links.get(field) is not None:
            record = require(s, model, links[field], label)
            meeting_id = record.id if isinstance(record, Meeting) else record.meeting_id
            initiative = s.scalar(select(Meeting.initiative_id).where(Meeting.id == meeting_id))
            _same(initiative, initiative_id, label)
    return owner.stakeholder_id if owner is not None else None


def _same(found: int | None, wanted: int, label: str) -> None:
    if found != wanted:
        raise ValidationError(
            _("That {label} belongs to another initiative. Pick one from this one.").format(
                label=_(label)
            )
        )


_LINKS = (
    ("meeting_id", Meeting, N_("meeting")),
    ("idea_id", Idea, N_("idea")),
    ("theme_id", Theme, N_("theme")),
    ("conflict_id", Conflict, N_("conflict")),
)
