"""Initiatives: the city-wide effort, its purpose and the trust statements it asks about."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import ActionItem, Charter, Initiative, Meeting, Participant
from db.models.enums import MeetingStatus, Role
from i18n import N_, _
from services.core import audit, membership
from services.core.actors import Actor, require_role
from services.core.errors import NotAllowedNow, ValidationError
from services.core.validation import NAME_MAX, TEXT_MAX, clean_text, optional_text, require
from services.translations import questions, written

TRUST_STATEMENTS_MAX = 10


@dataclass(frozen=True, slots=True, kw_only=True)
class InitiativeFields:
    """An initiative's name, city and purpose: the same for starting and for changing it."""

    name: str
    city: str = ""
    purpose: str = ""


def create_initiative(db: Database, actor: Actor, fields: InitiativeFields) -> Initiative:
    """Start a new initiative."""
    require_role(actor, Role.FACILITATOR)
    clean, place, why = _clean(fields)
    with db.write() as s:
        _refuse_duplicate(s, clean)
        initiative = Initiative(name=clean, city=place, purpose=why)
        s.add(initiative)
        s.flush()
        audit.record(
            s,
            actor,
            audit.Change(
                entity="initiative",
                entity_id=initiative.id,
                action="created",
                detail={"name": clean},
                initiative_id=initiative.id,
            ),
        )
        return initiative


def update_initiative(
    db: Database, actor: Actor, initiative_id: int, fields: InitiativeFields
) -> Initiative:
    """Rename the initiative or change its city or purpose."""
    require_role(actor, Role.FACILITATOR)
    clean, place, why = _clean(fields)
    with db.write() as s:
        initiative = require(s, Initiative, initiative_id, N_("initiative"))
        if clean.lower() != initiative.name.lower():
            _refuse_duplicate(s, clean)
        initiative.name, initiative.city, initiative.purpose = clean, place, why
        audit.record(
            s,
            actor,
            audit.Change(
                entity="initiative",
                entity_id=initiative.id,
                action="updated",
                detail={"name": clean},
                initiative_id=initiative.id,
            ),
        )
        return initiative


def list_initiatives(db: Database) -> list[Initiative]:
    """Every initiative, by name, archived ones too: for the seed and the operator's tools."""
    with db.read() as s:
        return list(s.scalars(select(Initiative).order_by(Initiative.name, Initiative.id)))


def initiatives_for(db: Database, actor: Actor, include_archived: bool = False) -> list[Initiative]:
    """The initiatives the actor belongs to (services/core/membership.py), by name.

    Facilitators see every one; archived ones are left out unless asked for.
    """
    with db.read() as s:
        query = select(Initiative).order_by(Initiative.name, Initiative.id)
        if not include_archived:
            query = query.where(Initiative.archived.is_(False))
        member_of = membership.member_initiative_ids(s, actor)
        if member_of is not None:
            query = query.where(Initiative.id.in_(member_of))
        return list(s.scalars(query))


def get_initiative(db: Database, initiative_id: int, *, actor: Actor) -> Initiative:
    """One initiative by id, if the actor belongs to it."""
    with db.read() as s:
        initiative = require(s, Initiative, initiative_id, N_("initiative"))
        membership.require_member(s, actor, initiative_id)
        return initiative


def archive_initiative(db: Database, actor: Actor, initiative_id: int) -> Initiative:
    """Put the initiative away: kept whole, out of the pickers and the home screen."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        initiative = require(s, Initiative, initiative_id, N_("initiative"))
        live = s.scalar(
            select(Meeting.title).where(
                Meeting.initiative_id == initiative_id, Meeting.status == MeetingStatus.LIVE
            )
        )
        if live is not None:
            raise NotAllowedNow(
                _(
                    "{name} has a live meeting, {live}: tables are working in it right now. Close "
                    "it on the Console (Close the meeting) first, then archive."
                ).format(name=initiative.name, live=live)
            )
        initiative.archived = True
        audit.record(
            s,
            actor,
            audit.Change(
                entity="initiative",
                entity_id=initiative.id,
                action="archived",
                detail={"name": initiative.name},
                initiative_id=initiative.id,
            ),
        )
        return initiative


def restore_initiative(db: Database, actor: Actor, initiative_id: int) -> Initiative:
    """Bring an archived initiative back into the pickers, as it was."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        initiative = require(s, Initiative, initiative_id, N_("initiative"))
        initiative.archived = False
        audit.record(
            s,
            actor,
            audit.Change(
                entity="initiative",
                entity_id=initiative.id,
                action="restored",
                detail={"name": initiative.name},
                initiative_id=initiative.id,
            ),
        )
        return initiative


def delete_initiative(db: Database, actor: Actor, initiative_id: int) -> None:
    """Remove the initiative with its meetings, people, charter, actions and audit trail."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        initiative = require(s, Initiative, initiative_id, N_("initiative"))
        # Stakeholder groups are RESTRICT-referenced from notes, ideas, charters and
        # actions. Left to the database's cascades, whether a referencing row goes before
        # its group depends on the backend, so the referencing rows go first, in order.
        for model in (Meeting, Charter, ActionItem, Participant):
            s.execute(delete(model).where(model.initiative_id == initiative_id))
        # Not tied to the initiative: its own entries are deleted with it.
        audit.record(
            s,
            actor,
            audit.Change(
                entity="initiative",
                entity_id=initiative.id,
                action="deleted",
                detail={"name": initiative.name},
            ),
        )
        s.delete(initiative)


def set_trust_statements(
    db: Database, actor: Actor, initiative_id: int, statements: list[str]
) -> Initiative:
    """Replace the trust statements asked in the surveys, in the order given."""
    require_role(actor, Role.FACILITATOR)
    clean = clean_trust_statements(statements)
    with db.write() as s:
        initiative = require(s, Initiative, initiative_id, N_("initiative"))
        keep_trust_statements(s, actor, initiative, clean)
        return initiative


def clean_trust_statements(statements: list[str]) -> list[str]:
    """The statements trimmed, or refused in words: too many, too long, or repeated."""
    if len(statements) > TRUST_STATEMENTS_MAX:
        raise ValidationError(
            _(
                "There are {count} trust statements; the limit is {limit}. "
                "Remove some so the survey stays short."
            ).format(count=len(statements), limit=TRUST_STATEMENTS_MAX)
        )
    clean = [
        clean_text(text, _("Trust statement {n}").format(n=n), NAME_MAX)
        for n, text in enumerate(statements, start=1)
    ]
    if len({c.lower() for c in clean}) < len(clean):
        raise ValidationError(
            _("Two trust statements are the same. Remove or reword the repeated one.")
        )
    return clean


def keep_trust_statements(
    s: Session, actor: Actor, initiative: Initiative, clean: list[str]
) -> None:
    """`set_trust_statements` inside a write the caller holds, the statements cleaned."""
    before = questions.asked(initiative)
    initiative.trust_statements = clean
    written.record_new_questions(s, initiative, before)
    audit.record(
        s,
        actor,
        audit.Change(
            entity="initiative",
            entity_id=initiative.id,
            action="trust_statements_set",
            detail={"statements": clean},
            initiative_id=initiative.id,
        ),
    )


def _refuse_duplicate(s: Session, name: str) -> None:
    clash = s.scalar(select(Initiative.id).where(func.lower(Initiative.name) == name.lower()))
    if clash is not None:
        raise ValidationError(
            _("There is already an initiative called “{name}”. Choose another name.").format(
                name=name
            )
        )


def _clean(fields: InitiativeFields) -> tuple[str, str, str]:
    """The name, city and purpose as saved."""
    return (
        clean_text(fields.name, N_("Initiative name"), NAME_MAX),
        optional_text(fields.city, N_("City"), NAME_MAX),
        optional_text(fields.purpose, N_("Purpose"), TEXT_MAX),
    )
