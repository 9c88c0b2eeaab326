"""Stakeholder groups of an initiative: create, rename, retire, restore, list, remove."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.database import Database
from db.models import (
    Account,
    ActionItem,
    Commitment,
    ConflictParty,
    Idea,
    Initiative,
    ListeningNote,
    Participant,
    Signature,
    Stakeholder,
)
from db.models.enums import Role, StakeholderCategory
from i18n import N_, _, ngettext
from services.core import audit, membership
from services.core.actors import Actor, require_role
from services.core.errors import ValidationError
from services.core.references import count_references, in_words
from services.core.roster_scope import PRESENT
from services.core.validation import NAME_MAX, clean_text, require

# Everything that names a group, as the refusal to delete it says it (one, many). People
# come first: their votes and survey answers hang on them, so they name those too.
_USES = (
    ((N_("person on the roster"), N_("people on the roster")), Participant.stakeholder_id),
    ((N_("leader account"), N_("leader accounts")), Account.stakeholder_id),
    ((N_("listening note"), N_("listening notes")), ListeningNote.stakeholder_id),
    ((N_("idea"), N_("ideas")), Idea.stakeholder_id),
    ((N_("side of a conflict"), N_("sides of conflicts")), ConflictParty.stakeholder_id),
    ((N_("charter commitment"), N_("charter commitments")), Commitment.stakeholder_id),
    ((N_("charter signature"), N_("charter signatures")), Signature.stakeholder_id),
    ((N_("action"), N_("actions")), ActionItem.stakeholder_id),
)


@dataclass(frozen=True)
class GroupSummary:
    """One group as Set up lists it, with how many people present belong to it."""

    id: int
    name: str
    category: StakeholderCategory
    is_major: bool
    retired: bool
    people: int


@dataclass(frozen=True, slots=True, kw_only=True)
class StakeholderFields:
    """A group's name, kind and weight: the same for adding and for changing it."""

    name: str
    category: StakeholderCategory | str
    is_major: bool = True


def create_stakeholder(
    db: Database, actor: Actor, initiative_id: int, fields: StakeholderFields
) -> Stakeholder:
    """Add a stakeholder group to the initiative."""
    require_role(actor, Role.FACILITATOR)
    clean = clean_text(fields.name, N_("Group name"), NAME_MAX)
    kind, is_major = _category(fields.category), fields.is_major
    with db.write() as s:
        require(s, Initiative, initiative_id, N_("initiative"))
        _refuse_duplicate(s, initiative_id, clean)
        group = Stakeholder(
            initiative_id=initiative_id, name=clean, category=kind, is_major=is_major
        )
        s.add(group)
        s.flush()
        audit.record(
            s,
            actor,
            audit.Change(
                entity="stakeholder",
                entity_id=group.id,
                action="created",
                detail={"name": clean},
                initiative_id=initiative_id,
            ),
        )
        return group


def update_stakeholder(
    db: Database, actor: Actor, stakeholder_id: int, fields: StakeholderFields
) -> Stakeholder:
    """Rename or recategorise a group; names stay unique in the initiative, whatever the case."""
    require_role(actor, Role.FACILITATOR)
    clean = clean_text(fields.name, N_("Group name"), NAME_MAX)
    kind, is_major = _category(fields.category), fields.is_major
    with db.write() as s:
        group = require(s, Stakeholder, stakeholder_id, N_("stakeholder group"))
        _refuse_duplicate(s, group.initiative_id, clean, besides=group.id)
        before = group.name
        group.name, group.category, group.is_major = clean, kind, is_major
        detail = {"name": clean, "was": before, "category": kind.value, "is_major": is_major}
        audit.record(
            s,
            actor,
            audit.Change(
                entity="stakeholder",
                entity_id=group.id,
                action="updated",
                detail=detail,
                initiative_id=group.initiative_id,
            ),
        )
        return group


def retire_stakeholder(db: Database, actor: Actor, stakeholder_id: int) -> Stakeholder:
    """Retire a group: it stays on every record that names it, but leaves charter sign-off,
    the inclusion check and the pickers for new people and leaders."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        group = require(s, Stakeholder, stakeholder_id, N_("stakeholder group"))
        present = s.scalar(
            select(func.count()).where(Participant.stakeholder_id == group.id, PRESENT)
        )
        if present:
            people = ngettext("{n} person", "{n} people", present).format(n=present)
            raise ValidationError(
                _(
                    "{name} still has {people} in the room. Move them to another group (or mark "
                    "them absent) on the People tab first, then retire it."
                ).format(name=group.name, people=people)
            )
        group.retired = True
        detail = {"name": group.name}
        audit.record(
            s,
            actor,
            audit.Change(
                entity="stakeholder",
                entity_id=group.id,
                action="retired",
                detail=detail,
                initiative_id=group.initiative_id,
            ),
        )
        return group


def restore_stakeholder(db: Database, actor: Actor, stakeholder_id: int) -> Stakeholder:
    """Bring a retired group back into sign-off, the inclusion check and the pickers."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        group = require(s, Stakeholder, stakeholder_id, N_("stakeholder group"))
        group.retired = False
        detail = {"name": group.name}
        audit.record(
            s,
            actor,
            audit.Change(
                entity="stakeholder",
                entity_id=group.id,
                action="restored",
                detail=detail,
                initiative_id=group.initiative_id,
            ),
        )
        return group


def list_stakeholders(
    db: Database, actor: Actor, initiative_id: int, include_retired: bool = True
) -> list[Stakeholder]:
    """The initiative's groups, by name; without the retired ones for pickers of new records.

    Retired groups stay in by default: the names of old notes, ideas and votes need them.
    """
    with db.read() as s:
        membership.require_member(s, actor, initiative_id)
        query = (
            select(Stakeholder)
            .where(Stakeholder.initiative_id == initiative_id)
            .order_by(Stakeholder.name)
        )
        if not include_retired:
            query = query.where(Stakeholder.retired.is_(False))
        return list(s.scalars(query))


def group_overview(db: Database, actor: Actor, initiative_id: int) -> list[GroupSummary]:
    """Every group by name, active first, with how many people present belong to each."""
    require_role(actor, Role.FACILITATOR)  # Set up's groups tab
    with db.read() as s:
        present = (
            select(Participant.stakeholder_id, func.count())
            .where(Participant.initiative_id == initiative_id, PRESENT)
            .group_by(Participant.stakeholder_id)
        )
        counts = dict(s.execute(present).all())
        query = select(Stakeholder).where(Stakeholder.initiative_id == initiative_id)
        return [
            GroupSummary(g.id, g.name, g.category, g.is_major, g.retired, counts.get(g.id, 0))
            for g in s.scalars(query.order_by(Stakeholder.retired, Stakeholder.name))
        ]


def delete_stakeholder(db: Database, actor: Actor, stakeholder_id: int) -> None:
    """Remove a group nothing refers to; otherwise say what still uses it."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        group = require(s, Stakeholder, stakeholder_id, N_("stakeholder group"))
        # Read before the flush: a failed flush expires the object.
        name = group.name
        uses = count_references(s, _USES, stakeholder_id)
        if uses:
            raise _still_used(name, uses)
        audit.record(
            s,
            actor,
            audit.Change(
                entity="stakeholder",
                entity_id=group.id,
                action="deleted",
                detail={"name": name},
                initiative_id=group.initiative_id,
            ),
        )
        s.delete(group)
        try:
            s.flush()
        except IntegrityError as exc:
            # Something named it between the check and the delete.
            raise _still_used(name, [_("a record added a moment ago")]) from exc


def _still_used(name: str, uses: list[str]) -> ValidationError:
    return ValidationError(
        _(
            "{name} cannot be deleted: it is still used by {uses}. Retire it instead: it "
            "stays on those records but leaves charter sign-off, the inclusion check and the "
            "lists for new people and leaders. Or move those records to another group first."
        ).format(name=name, uses=in_words(uses))
    )


def _category(value: StakeholderCategory | str) -> StakeholderCategory:
    try:
        return StakeholderCategory(value)
    except ValueError:
        raise ValidationError(
            _("“{value}” is not a stakeholder category.").format(value=value)
        ) from None


def _refuse_duplicate(
    s: Session, initiative_id: int, name: str, besides: int | None = None
) -> None:
    query = select(Stakeholder.id).where(
        Stakeholder.initiative_id == initiative_id,
        func.lower(Stakeholder.name) == name.lower(),
    )
    if besides is not None:
        # Renaming "police" to "Police" is no clash with itself.
        query = query.where(Stakeholder.id != besides)
    if s.scalar(query) is not None:
        raise ValidationError(
            _("There is already a group called “{name}”. Choose another name.").format(name=name)
        )
