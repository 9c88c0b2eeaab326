"""Meetings of an initiative: when and where, and the code in their projector link."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from db.database import Database
from db.models import Initiative, Meeting
from db.models.enums import MeetingStatus, Role
from services import audit, codes
from services.actors import Actor, require_role
from services.errors import ValidationError
from services.validation import NAME_MAX, clean_text, optional_text, require


def create_meeting(
    db: Database,
    actor: Actor,
    initiative_id: int,
    title: str,
    starts_at: datetime | None = None,
    location: str = "",
) -> Meeting:
    """Plan a meeting, with a new unguessable code for its projector link."""
    require_role(actor, Role.FACILITATOR)
    clean = clean_text(title, "Meeting title", NAME_MAX)
    when = _aware(starts_at)
    where = optional_text(location, "Location", NAME_MAX)
    with db.write() as s:
        require(s, Initiative, initiative_id, "initiative")
        meeting = Meeting(
            initiative_id=initiative_id,
            title=clean,
            starts_at=when,
            location=where,
            code=codes.new_code(),
        )
        s.add(meeting)
        s.flush()
        audit.record(s, actor, "meeting", meeting.id, "created", {"title": clean}, initiative_id)
        return meeting


def update_meeting(
    db: Database,
    actor: Actor,
    meeting_id: int,
    title: str,
    starts_at: datetime | None,
    location: str,
) -> Meeting:
    """Retitle, reschedule or move a meeting; its code stays."""
    require_role(actor, Role.FACILITATOR)
    clean = clean_text(title, "Meeting title", NAME_MAX)
    when = _aware(starts_at)
    where = optional_text(location, "Location", NAME_MAX)
    with db.write() as s:
        meeting = require(s, Meeting, meeting_id, "meeting")
        meeting.title, meeting.starts_at, meeting.location = clean, when, where
        audit.record(
            s, actor, "meeting", meeting.id, "updated", {"title": clean}, meeting.initiative_id
        )
        return meeting


def delete_meeting(db: Database, actor: Actor, meeting_id: int) -> None:
    """Remove a meeting that is not live, with its tables, agenda and everything said in it."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        meeting = require(s, Meeting, meeting_id, "meeting")
        if meeting.status is MeetingStatus.LIVE:
            raise ValidationError(
                f"{meeting.title} is live: tables are working in it right now. "
                "Close the meeting first, then delete it."
            )
        audit.record(
            s,
            actor,
            "meeting",
            meeting.id,
            "deleted",
            {"title": meeting.title},
            meeting.initiative_id,
        )
        s.delete(meeting)


def list_meetings(db: Database, initiative_id: int) -> list[Meeting]:
    """The initiative's meetings, newest first; those without a date yet come first."""
    with db.read() as s:
        query = (
            select(Meeting)
            .where(Meeting.initiative_id == initiative_id)
            .order_by(Meeting.starts_at.desc().nulls_first(), Meeting.id.desc())
        )
        return list(s.scalars(query))


def get_meeting(db: Database, meeting_id: int) -> Meeting:
    """One meeting by id."""
    with db.read() as s:
        return require(s, Meeting, meeting_id, "meeting")


def meeting_by_code(db: Database, code: str | None) -> Meeting | None:
    """The meeting whose projector code this is, typed any way (services/codes), or None."""
    matches = codes.code_matches(Meeting.code, code)
    if matches is None:
        return None
    with db.read() as s:
        return s.scalar(select(Meeting).where(matches))


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.utcoffset() is None:
        raise ValidationError(
            "The start time has no time zone, so it could be read as any hour. "
            "Give it the meeting's time zone."
        )
    return value
