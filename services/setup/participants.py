"""The roster: participants, their group, their table and their personal code."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import (
    ActionItem,
    Initiative,
    Interview,
    Meeting,
    MeetingTable,
    Participant,
    Stakeholder,
    SurveyResponse,
    Vote,
)
from db.models.enums import Role
from i18n import ENGLISH, LANGUAGES, N_, _, parse_language
from services.core import audit, codes
from services.core.actors import Actor, require_role
from services.core.errors import ValidationError
from services.core.references import count_references, in_words
from services.core.roster_scope import ON_ROSTER, PRESENT
from services.core.validation import (
    NAME_MAX,
    TEXT_MAX,
    clean_text,
    optional_email,
    optional_text,
    require,
)
from services.setup.seating import table_with_room

PHONE_MAX = 40

# What a person leaves behind, named as the screen says it (one, many): any of these keeps
# them on the roster, marked absent, because deleting them would erase it with them.
_RECORDS = (
    ((N_("vote"), N_("votes")), Vote.participant_id),
    ((N_("survey answer"), N_("survey answers")), SurveyResponse.participant_id),
    ((N_("interview note"), N_("interview notes")), Interview.participant_id),
    ((N_("action they own"), N_("actions they own")), ActionItem.owner_participant_id),
)


@dataclass(frozen=True)
class Seated:
    """A person and the table they were given: None when the meeting has no tables yet."""

    participant: Participant
    table: MeetingTable | None


@dataclass(frozen=True)
class Removal:
    """What removing a person did: deleted them, or kept them marked absent for `kept`."""

    name: str
    deleted: bool
    kept: tuple[str, ...] = ()  # e.g. ("3 votes", "1 survey answer")

    def kept_in_words(self) -> str:
        """'3 votes and 1 survey answer'."""
        return in_words(self.kept)


@dataclass(frozen=True, slots=True, kw_only=True)
class ParticipantFields:
    """What a facilitator types about a person: the same for adding and for changing them."""

    name: str
    stakeholder_id: int
    email: str = ""
    phone: str = ""
    notes: str = ""
    table_id: int | None = None
    language: str | None = None
    """What their badge, survey and ballot speak ("en", "es", or as a person writes it:
    "Spanish", "español"); None leaves a person's as it is, and a new one in English."""


def create_participant(
    db: Database, actor: Actor, initiative_id: int, fields: ParticipantFields
) -> Participant:
    """Add a person to the roster with a new unguessable personal code."""
    require_role(actor, Role.FACILITATOR)
    clean = _clean(fields)
    with db.write() as s:
        require(s, Initiative, initiative_id, N_("initiative"))
        _check_links(s, initiative_id, clean.stakeholder_id, clean.table_id, joining=True)
        return _add(s, actor, initiative_id, clean, "created")


def add_walk_in(db: Database, actor: Actor, meeting_id: int, fields: ParticipantFields) -> Seated:
    """Add someone who arrived at the door and seat them at the table with most room.

    The table is chosen here: `fields.table_id` is not read.
    """
    require_role(actor, Role.FACILITATOR)
    clean = _clean(fields)
    with db.write() as s:
        meeting = require(s, Meeting, meeting_id, N_("meeting"))
        _check_links(s, meeting.initiative_id, clean.stakeholder_id, None, joining=True)
        table = table_with_room(s, meeting_id, clean.stakeholder_id)
        seat = replace(clean, table_id=table.id if table is not None else None)
        person = _add(s, actor, meeting.initiative_id, seat, "walk_in")
        return Seated(person, table)


def update_participant(
    db: Database, actor: Actor, participant_id: int, fields: ParticipantFields
) -> Participant:
    """Change a participant's details, group or table; the personal code stays."""
    require_role(actor, Role.FACILITATOR)
    clean = _clean(fields)
    stakeholder_id, table_id = clean.stakeholder_id, clean.table_id
    with db.write() as s:
        person = require(s, Participant, participant_id, N_("participant"))
        joining = stakeholder_id != person.stakeholder_id
        _check_links(s, person.initiative_id, stakeholder_id, table_id, joining=joining)
        _refuse_seating_the_absent(person, table_id)
        person.name, person.email = clean.name, clean.email
        person.phone, person.notes = clean.phone, clean.notes
        person.stakeholder_id, person.table_id = stakeholder_id, table_id
        if clean.language is not None:
            person.language = clean.language
        _audit(s, actor, person, "updated")
        return person


def remove_participant(db: Database, actor: Actor, participant_id: int) -> Removal:
    """Delete a person who left nothing behind; keep one who did, marked absent.

    Votes, survey answers, interview notes and actions are what people said and agreed:
    they stay counted and listed, so their author stays too, out of the room.
    """
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        person = require(s, Participant, participant_id, N_("participant"))
        kept = tuple(count_references(s, _RECORDS, participant_id))
        name = person.name
        if not kept:
            _audit(s, actor, person, "deleted")
            s.delete(person)
            return Removal(name, deleted=True)
        former_table = person.table_id
        person.absent, person.table_id = True, None
        detail = {"name": name, "former_table_id": former_table, "kept": list(kept)}
        audit.record(
            s,
            actor,
            audit.Change(
                entity="participant",
                entity_id=person.id,
                action="marked_absent",
                detail=detail,
                initiative_id=person.initiative_id,
            ),
        )
        return Removal(name, deleted=False, kept=kept)


def mark_present(db: Database, actor: Actor, participant_id: int, meeting_id: int) -> Seated:
    """Bring someone marked absent back, seated at the meeting's table with most room."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        person = require(s, Participant, participant_id, N_("participant"))
        meeting = require(s, Meeting, meeting_id, N_("meeting"))
        if meeting.initiative_id != person.initiative_id:
            raise ValidationError(
                _(
                    "{title} is a meeting of another initiative. Open this initiative's meeting, "
                    "then mark them present."
                ).format(title=meeting.title)
            )
        _check_links(s, person.initiative_id, person.stakeholder_id, None, joining=True)
        table = table_with_room(s, meeting_id, person.stakeholder_id)
        person.absent = False
        person.table_id = table.id if table is not None else None
        _audit(s, actor, person, "marked_present")
        return Seated(person, table)


def list_participants(
    db: Database, actor: Actor, initiative_id: int, present_only: bool = False
) -> list[Participant]:
    """The roster by name; contact details, notes and codes are blank unless for a facilitator.

    `present_only` leaves out people marked absent: for badges and counts of the room.
    """
    with db.read() as s:
        query = (
            select(Participant)
            .where(Participant.initiative_id == initiative_id, ON_ROSTER)
            .order_by(Participant.name, Participant.id)
        )
        if present_only:
            query = query.where(PRESENT)
        people = list(s.scalars(query))
    if actor.is_facilitator:
        return people
    return [_without_contact(p) for p in people]


def get_participant(db: Database, actor: Actor, participant_id: int) -> Participant:
    """One person of the roster, with their code and contact details: facilitators only."""
    require_role(actor, Role.FACILITATOR)
    with db.read() as s:
        return require(s, Participant, participant_id, N_("participant"))


def participant_by_code(db: Database, code: str | None) -> Participant | None:
    """The participant whose personal code this is, typed any way (services/core/codes), or None."""
    with db.read() as s:
        return find_by_code(s, code)


_BY_CODE = select(Participant).where(codes.code_matches_param(Participant.code), ON_ROSTER)
"""A voter of an imported conversation voted there; their code opens nothing here. Built
once: every phone's tap looks its badge up (codes.code_matches_param)."""


def find_by_code(s: Session, code: str | None) -> Participant | None:
    """`participant_by_code` inside a transaction already open (surveys, ballots)."""
    candidates = codes.code_candidates(code)
    if candidates is None:
        return None
    return s.scalar(_BY_CODE, {codes.CANDIDATES: candidates})


def assign_table(
    db: Database, actor: Actor, participant_id: int, table_id: int | None
) -> Participant:
    """Seat a participant at a table, or unseat them with None."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        person = require(s, Participant, participant_id, N_("participant"))
        _check_links(s, person.initiative_id, person.stakeholder_id, table_id, joining=False)
        _refuse_seating_the_absent(person, table_id)
        person.table_id = table_id
        _audit(s, actor, person, "table_assigned")
        return person


def _add(
    s: Session, actor: Actor, initiative_id: int, fields: ParticipantFields, action: str
) -> Participant:
    person = Participant(
        initiative_id=initiative_id,
        stakeholder_id=fields.stakeholder_id,
        table_id=fields.table_id,
        code=codes.new_code(),
        name=fields.name,
        email=fields.email,
        phone=fields.phone,
        notes=fields.notes,
        language=fields.language or ENGLISH,
    )
    s.add(person)
    s.flush()
    _audit(s, actor, person, action)
    return person


def _refuse_seating_the_absent(person: Participant, table_id: int | None) -> None:
    if person.absent and table_id is not None:
        raise ValidationError(
            _(
                "{name} is marked absent, so they have no seat. Mark them present first: they "
                "are then given a table with room."
            ).format(name=person.name)
        )


def _audit(s: Session, actor: Actor, person: Participant, action: str) -> None:
    detail = {"name": person.name, "table_id": person.table_id, "language": person.language}
    audit.record(
        s,
        actor,
        audit.Change(
            entity="participant",
            entity_id=person.id,
            action=action,
            detail=detail,
            initiative_id=person.initiative_id,
        ),
    )


def _clean(fields: ParticipantFields) -> ParticipantFields:
    return replace(
        fields,
        name=clean_text(fields.name, N_("Name"), NAME_MAX),
        email=optional_email(fields.email),
        phone=optional_text(fields.phone, N_("Phone"), PHONE_MAX),
        notes=optional_text(fields.notes, N_("Notes"), TEXT_MAX),
        language=_language(fields.language),
    )


def _language(given: str | None) -> str | None:
    """A language the app speaks, by its code; None stays None (nothing to change)."""
    if given is None:
        return None
    language = parse_language(given)
    if language is None:
        raise ValidationError(
            _("Language “{language}” is not one the app speaks: choose {offered}.").format(
                language=given.strip()[:40], offered=" / ".join(LANGUAGES.values())
            )
        )
    return language


def _check_links(
    s: Session, initiative_id: int, stakeholder_id: int, table_id: int | None, joining: bool
) -> None:
    """Refuse a group or table of another initiative, and a retired group for anyone
    `joining` it (a person already in it keeps it on their record)."""
    group = require(s, Stakeholder, stakeholder_id, N_("stakeholder group"))
    if group.initiative_id != initiative_id:
        raise ValidationError(
            _(
                "{name} is a group of another initiative. Pick one of this initiative's groups."
            ).format(name=group.name)
        )
    if joining and group.retired:
        raise ValidationError(
            _(
                "{name} is retired, so nobody new joins it. Pick another group, or restore it "
                "on the Groups tab first."
            ).format(name=group.name)
        )
    if table_id is None:
        return
    table = require(s, MeetingTable, table_id, N_("table"))
    if s.get_one(Meeting, table.meeting_id).initiative_id != initiative_id:
        raise ValidationError(
            _(
                "Table {number} is in a meeting of another initiative. Pick a table from one "
                "of this initiative's meetings."
            ).format(number=table.number)
        )


def _without_contact(p: Participant) -> Participant:
    # A new transient copy, so blanking can never reach the database. The code goes too:
    # whoever holds it can answer surveys and vote as that person.
    kept = {
        k: getattr(p, k)
        for k in ("id", "initiative_id", "stakeholder_id", "table_id", "name", "absent")
    }
    return Participant(**kept, code="", email="", phone="", notes="")
