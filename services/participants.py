"""The roster: participants, their group, their table and their personal code."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Initiative, Meeting, MeetingTable, Participant, Stakeholder
from db.models.enums import Role
from services import audit, codes
from services.actors import Actor, require_role
from services.errors import ValidationError
from services.validation import (
    NAME_MAX,
    TEXT_MAX,
    clean_text,
    optional_email,
    optional_text,
    require,
)

PHONE_MAX = 40


def create_participant(
    db: Database,
    actor: Actor,
    initiative_id: int,
    name: str,
    stakeholder_id: int,
    email: str = "",
    phone: str = "",
    notes: str = "",
    table_id: int | None = None,
) -> Participant:
    """Add a person to the roster with a new unguessable personal code."""
    require_role(actor, Role.FACILITATOR)
    fields = _fields(name, email, phone, notes)
    with db.write() as s:
        require(s, Initiative, initiative_id, "initiative")
        _check_links(s, initiative_id, stakeholder_id, table_id)
        person = Participant(
            initiative_id=initiative_id,
            stakeholder_id=stakeholder_id,
            table_id=table_id,
            code=codes.new_code(),
            **fields,
        )
        s.add(person)
        s.flush()
        _audit(s, actor, person, "created")
        return person


def update_participant(
    db: Database,
    actor: Actor,
    participant_id: int,
    name: str,
    stakeholder_id: int,
    email: str,
    phone: str,
    notes: str,
    table_id: int | None,
) -> Participant:
    """Change a participant's details, group or table; the personal code stays."""
    require_role(actor, Role.FACILITATOR)
    fields = _fields(name, email, phone, notes)
    with db.write() as s:
        person = require(s, Participant, participant_id, "participant")
        _check_links(s, person.initiative_id, stakeholder_id, table_id)
        for key, value in fields.items():
            setattr(person, key, value)
        person.stakeholder_id, person.table_id = stakeholder_id, table_id
        _audit(s, actor, person, "updated")
        return person


def delete_participant(db: Database, actor: Actor, participant_id: int) -> None:
    """Remove a participant with their survey answers and votes."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        person = require(s, Participant, participant_id, "participant")
        _audit(s, actor, person, "deleted")
        s.delete(person)


def list_participants(db: Database, actor: Actor, initiative_id: int) -> list[Participant]:
    """The roster by name; contact details, notes and codes are blank unless for a facilitator."""
    with db.read() as s:
        query = (
            select(Participant)
            .where(Participant.initiative_id == initiative_id)
            .order_by(Participant.name, Participant.id)
        )
        people = list(s.scalars(query))
    if actor.is_facilitator:
        return people
    return [_without_contact(p) for p in people]


def participant_by_code(db: Database, code: str | None) -> Participant | None:
    """The participant whose personal code this is, typed any way (services/codes), or None."""
    with db.read() as s:
        return find_by_code(s, code)


def find_by_code(s: Session, code: str | None) -> Participant | None:
    """`participant_by_code` inside a transaction already open (surveys, ballots)."""
    matches = codes.code_matches(Participant.code, code)
    return None if matches is None else s.scalar(select(Participant).where(matches))


def assign_table(
    db: Database, actor: Actor, participant_id: int, table_id: int | None
) -> Participant:
    """Seat a participant at a table, or unseat them with None."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        person = require(s, Participant, participant_id, "participant")
        _check_links(s, person.initiative_id, person.stakeholder_id, table_id)
        person.table_id = table_id
        _audit(s, actor, person, "table_assigned")
        return person


def _audit(s: Session, actor: Actor, person: Participant, action: str) -> None:
    detail = {"name": person.name, "table_id": person.table_id}
    audit.record(s, actor, "participant", person.id, action, detail, person.initiative_id)


def _fields(name: str, email: str, phone: str, notes: str) -> dict[str, str]:
    return {
        "name": clean_text(name, "Name", NAME_MAX),
        "email": optional_email(email),
        "phone": optional_text(phone, "Phone", PHONE_MAX),
        "notes": optional_text(notes, "Notes", TEXT_MAX),
    }


def _check_links(s: Session, initiative_id: int, stakeholder_id: int, table_id: int | None) -> None:
    group = require(s, Stakeholder, stakeholder_id, "stakeholder group")
    if group.initiative_id != initiative_id:
        raise ValidationError(
            f"{group.name} is a group of another initiative. Pick one of this initiative's groups."
        )
    if table_id is None:
        return
    table = require(s, MeetingTable, table_id, "table")
    if s.get_one(Meeting, table.meeting_id).initiative_id != initiative_id:
        raise ValidationError(
            f"Table {table.number} is in a meeting of another initiative. "
            "Pick a table from one of this initiative's meetings."
        )


def _without_contact(p: Participant) -> Participant:
    # A new transient copy, so blanking can never reach the database. The code goes too:
    # whoever holds it can answer surveys and vote as that person.
    kept = {k: getattr(p, k) for k in ("id", "initiative_id", "stakeholder_id", "table_id", "name")}
    return Participant(**kept, code="", email="", phone="", notes="")
