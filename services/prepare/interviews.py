"""Key-participant interviews before the meeting; confidential ones are facilitators' only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Initiative, Interview, Participant
from db.models.enums import Role
from i18n import N_, _
from services.core import audit, membership
from services.core.actors import Actor, require_role
from services.core.errors import ValidationError
from services.core.validation import (
    LONG_MAX,
    NAME_MAX,
    TEXT_MAX,
    clean_text,
    optional_text,
    require,
)
from services.translations import written


@dataclass(frozen=True, slots=True, kw_only=True)
class InterviewFields:
    """An interview as written up: the same for recording and for correcting it."""

    interviewee: str
    notes: str
    interviewer: str = ""
    held_on: date | None = None
    themes: str = ""
    participant_id: int | None = None
    confidential: bool = False


def create_interview(
    db: Database, actor: Actor, initiative_id: int, fields: InterviewFields
) -> Interview:
    """Record the notes of an interview."""
    require_role(actor, Role.FACILITATOR)
    texts = _texts(fields)
    participant_id = fields.participant_id
    with db.write() as s:
        require(s, Initiative, initiative_id, N_("initiative"))
        _check_participant(s, initiative_id, participant_id)
        interview = Interview(
            initiative_id=initiative_id,
            held_on=_day(fields.held_on),
            participant_id=participant_id,
            confidential=fields.confidential,
            **texts,
        )
        s.add(interview)
        s.flush()
        written.record_new(s, "interview", interview.id, initiative_id)
        _audit(s, actor, interview, "created")
        return interview


def update_interview(
    db: Database, actor: Actor, interview_id: int, fields: InterviewFields
) -> Interview:
    """Correct or complete an interview's notes, or change who may read it."""
    require_role(actor, Role.FACILITATOR)
    texts = _texts(fields)
    participant_id = fields.participant_id
    with db.write() as s:
        interview = require(s, Interview, interview_id, N_("interview"))
        _check_participant(s, interview.initiative_id, participant_id)
        for key, value in texts.items():
            setattr(interview, key, value)
        interview.held_on, interview.participant_id = _day(fields.held_on), participant_id
        interview.confidential = fields.confidential
        _audit(s, actor, interview, "updated")
        return interview


def delete_interview(db: Database, actor: Actor, interview_id: int) -> None:
    """Remove an interview."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        interview = require(s, Interview, interview_id, N_("interview"))
        _audit(s, actor, interview, "deleted")
        s.delete(interview)


def list_interviews(db: Database, actor: Actor, initiative_id: int) -> list[Interview]:
    """The initiative's interviews, latest first; leaders do not see confidential ones."""
    require_role(actor, Role.FACILITATOR, Role.LEADER)
    with db.read() as s:
        membership.require_member(s, actor, initiative_id)
        return interviews_in(s, actor, initiative_id)


def interviews_in(s: Session, actor: Actor, initiative_id: int) -> list[Interview]:
    """`list_interviews` inside a read the caller holds, after it has checked the actor."""
    query = (
        select(Interview)
        .where(Interview.initiative_id == initiative_id)
        .order_by(Interview.held_on.desc().nulls_last(), Interview.id.desc())
    )
    if not actor.is_facilitator:
        query = query.where(Interview.confidential.is_(False))
    return list(s.scalars(query))


def _texts(fields: InterviewFields) -> dict[str, str]:
    return {
        "interviewee": clean_text(fields.interviewee, N_("Interviewee"), NAME_MAX),
        "notes": clean_text(fields.notes, N_("Interview notes"), LONG_MAX),
        "interviewer": optional_text(fields.interviewer, N_("Interviewer"), NAME_MAX),
        "themes": optional_text(fields.themes, N_("Themes"), TEXT_MAX),
    }


def _day(value: date | None) -> date | None:
    # A datetime is also a date; storing one would keep a time nobody entered.
    return value.date() if isinstance(value, datetime) else value


def _check_participant(s: Session, initiative_id: int, participant_id: int | None) -> None:
    if participant_id is None:
        return
    person = require(s, Participant, participant_id, N_("participant"))
    if person.initiative_id != initiative_id:
        raise ValidationError(
            _(
                "{name} is a participant of another initiative. Pick someone from this "
                "initiative's roster."
            ).format(name=person.name)
        )


def _audit(s: Session, actor: Actor, interview: Interview, action: str) -> None:
    detail = {"interviewee": interview.interviewee, "confidential": interview.confidential}
    audit.record(
        s,
        actor,
        audit.Change(
            entity="interview",
            entity_id=interview.id,
            action=action,
            detail=detail,
            initiative_id=interview.initiative_id,
        ),
    )
