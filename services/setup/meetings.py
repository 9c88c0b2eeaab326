"""Meetings of an initiative: when and where, and the code in their projector link."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Initiative, Meeting, MeetingTable
from db.models.enums import MeetingStatus, Role
from i18n import N_, _
from services.core import audit, codes, membership
from services.core.actors import Actor, require_role
from services.core.errors import NotAllowedNow, ValidationError
from services.core.meeting_time import zone_of
from services.core.validation import NAME_MAX, clean_text, optional_text, require


@dataclass(frozen=True, slots=True, kw_only=True)
class MeetingFields:
    """A meeting's title, start and place: the same for planning and for changing it.
    The start's zone, when it is a named one (the browser's), is kept to print it in."""

    title: str
    starts_at: datetime | None = None
    location: str = ""


def create_meeting(
    db: Database, actor: Actor, initiative_id: int, fields: MeetingFields
) -> Meeting:
    """Plan a meeting, with a new unguessable code for its projector link."""
    require_role(actor, Role.FACILITATOR)
    clean, when, where = _clean(fields)
    with db.write() as s:
        require(s, Initiative, initiative_id, N_("initiative"))
        meeting = Meeting(
            initiative_id=initiative_id,
            title=clean,
            starts_at=when,
            time_zone=zone_of(when),
            location=where,
            code=codes.new_code(),
        )
        s.add(meeting)
        s.flush()
        audit.record(
            s,
            actor,
            audit.Change(
                entity="meeting",
                entity_id=meeting.id,
                action="created",
                detail={"title": clean},
                initiative_id=initiative_id,
            ),
        )
        return meeting


def update_meeting(db: Database, actor: Actor, meeting_id: int, fields: MeetingFields) -> Meeting:
    """Retitle, reschedule or move a meeting; its code stays."""
    require_role(actor, Role.FACILITATOR)
    clean, when, where = _clean(fields)
    with db.write() as s:
        meeting = require(s, Meeting, meeting_id, N_("meeting"))
        meeting.title, meeting.starts_at, meeting.location = clean, when, where
        meeting.time_zone = zone_of(when)
        audit.record(
            s,
            actor,
            audit.Change(
                entity="meeting",
                entity_id=meeting.id,
                action="updated",
                detail={"title": clean},
                initiative_id=meeting.initiative_id,
            ),
        )
        return meeting


def delete_meeting(db: Database, actor: Actor, meeting_id: int) -> None:
    """Remove a meeting that is not live, with its tables, agenda and everything said in it."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        meeting = require(s, Meeting, meeting_id, N_("meeting"))
        if meeting.status is MeetingStatus.LIVE:
            raise ValidationError(
                _(
                    "{title} is live: tables are working in it right now. Close the meeting first, "
                    "then delete it."
                ).format(title=meeting.title)
            )
        audit.record(
            s,
            actor,
            audit.Change(
                entity="meeting",
                entity_id=meeting.id,
                action="deleted",
                detail={"title": meeting.title},
                initiative_id=meeting.initiative_id,
            ),
        )
        s.delete(meeting)


def archive_meeting(db: Database, actor: Actor, meeting_id: int) -> Meeting:
    """Put a meeting that is not live away: kept whole, out of the pickers."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        meeting = require(s, Meeting, meeting_id, N_("meeting"))
        if meeting.status is MeetingStatus.LIVE:
            raise NotAllowedNow(
                _(
                    "{title} is live: tables are working in it right now. Close it on the Console "
                    "(Close the meeting) first, then archive it."
                ).format(title=meeting.title)
            )
        return _set_archived(s, actor, meeting, True)


def restore_meeting(db: Database, actor: Actor, meeting_id: int) -> Meeting:
    """Bring an archived meeting back into the pickers, as it was."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        return _set_archived(s, actor, require(s, Meeting, meeting_id, N_("meeting")), False)


def list_meetings(db: Database, actor: Actor, initiative_id: int) -> list[Meeting]:
    """The initiative's meetings, archived ones too, newest first; undated ones first."""
    with db.read() as s:
        membership.require_member(s, actor, initiative_id)
        return list(s.scalars(_newest_first(select(Meeting), initiative_id)))


def meetings_for(
    db: Database, actor: Actor, initiative_id: int, include_archived: bool = False
) -> list[Meeting]:
    """The meetings of the initiative the actor may work on, newest first (undated first).

    Refuses an initiative the actor does not belong to. A scribe gets only the meetings
    where they scribe a table: in the others they would have no table to write at.
    Archived meetings are left out unless asked for.
    """
    with db.read() as s:
        membership.require_member(s, actor, initiative_id)
        query = _newest_first(select(Meeting), initiative_id)
        if not include_archived:
            query = query.where(Meeting.archived.is_(False))
        if actor.role is Role.SCRIBE:
            scribed = select(MeetingTable.meeting_id).where(
                MeetingTable.scribe_account_id == actor.account_id
            )
            query = query.where(Meeting.id.in_(scribed))
        return list(s.scalars(query))


def get_meeting(db: Database, meeting_id: int, *, actor: Actor) -> Meeting:
    """One meeting by id, if the actor belongs to its initiative."""
    with db.read() as s:
        return membership.member_meeting(s, actor, meeting_id)


def meeting_by_code(db: Database, code: str | None) -> Meeting | None:
    """The meeting whose projector code this is, typed any way (services/core/codes), or None."""
    matches = codes.code_matches(Meeting.code, code)
    if matches is None:
        return None
    with db.read() as s:
        return s.scalar(select(Meeting).where(matches))


def _newest_first(query, initiative_id: int):
    return query.where(Meeting.initiative_id == initiative_id).order_by(
        Meeting.starts_at.desc().nulls_first(), Meeting.id.desc()
    )


def _set_archived(s: Session, actor: Actor, meeting: Meeting, archived: bool) -> Meeting:
    meeting.archived = archived
    audit.record(
        s,
        actor,
        audit.Change(
            entity="meeting",
            entity_id=meeting.id,
            action="archived" if archived else "restored",
            detail={"title": meeting.title},
            initiative_id=meeting.initiative_id,
        ),
    )
    return meeting


def _clean(fields: MeetingFields) -> tuple[str, datetime | None, str]:
    """The title, start and place as saved: checked in the order the form shows them."""
    clean = clean_text(fields.title, N_("Meeting title"), NAME_MAX)
    when = _aware(fields.starts_at)
    where = optional_text(fields.location, N_("Location"), NAME_MAX)
    return clean, when, where


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.utcoffset() is None:
        raise ValidationError(
            _(
                "The start time has no time zone, so it could be read as any hour. Give it the "
                "meeting's time zone."
            )
        )
    return value
