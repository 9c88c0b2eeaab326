"""A new initiative with its first meeting, in one step, so Set up has both to work on."""

from __future__ import annotations

from dataclasses import dataclass

from db.database import Database
from db.models.enums import Role
from i18n import N_, _
from services.core.actors import Actor, require_role
from services.core.errors import ValidationError
from services.core.validation import NAME_MAX, TEXT_MAX, clean_text, optional_text
from services.setup import initiatives, meetings


@dataclass(frozen=True)
class Started:
    """The ids of what was made."""

    initiative_id: int
    meeting_id: int


def start_initiative(
    db: Database,
    actor: Actor,
    initiative_fields: initiatives.InitiativeFields,
    meeting_fields: meetings.MeetingFields,
) -> Started:
    """Create the initiative and its first meeting, or neither.

    Every field is checked before anything is written (with the words the initiative and
    meeting services use), so a bad meeting title never leaves an initiative without one.
    """
    require_role(actor, Role.FACILITATOR)
    clean_text(initiative_fields.name, N_("Initiative name"), NAME_MAX)
    optional_text(initiative_fields.city, N_("City"), NAME_MAX)
    optional_text(initiative_fields.purpose, N_("Purpose"), TEXT_MAX)
    clean_text(meeting_fields.title, N_("Meeting title"), NAME_MAX)
    optional_text(meeting_fields.location, N_("Location"), NAME_MAX)
    starts_at = meeting_fields.starts_at
    if starts_at is not None and starts_at.utcoffset() is None:
        raise ValidationError(
            _(
                "The start time has no time zone, so it could be read as any hour. Give it the "
                "meeting's time zone."
            )
        )
    initiative = initiatives.create_initiative(db, actor, initiative_fields)
    try:
        meeting = meetings.create_meeting(db, actor, initiative.id, meeting_fields)
    except Exception:
        # Checked above, so only a failing database gets here: take the initiative back.
        initiatives.delete_initiative(db, actor, initiative.id)
        raise
    return Started(initiative.id, meeting.id)
