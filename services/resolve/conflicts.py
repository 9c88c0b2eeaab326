"""Win-win conflicts: the issue raised at a table or in the room, its status and agreement."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Conflict, Meeting, MeetingTable
from db.models.enums import ConflictStatus, Role
from i18n import N_, _
from services.core import audit, confidential, membership
from services.core.actors import Actor, require_role
from services.core.errors import PermissionDenied, ValidationError
from services.core.scope import check_table_access, require_open_meeting
from services.core.validation import NAME_MAX, TEXT_MAX, clean_text, optional_text, require
from services.translations import written

_WORKERS = (Role.FACILITATOR, Role.SCRIBE)


@dataclass(frozen=True, slots=True, kw_only=True)
class ConflictFields:
    """The issue, the options on the table, its owner and who may see it: for adding and
    for changing a conflict."""

    issue: str
    options: str = ""
    owner: str = ""
    confidential: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class StatusFields:
    """Where a conflict stands now, with the agreement reached and the next step."""

    status: ConflictStatus | str
    agreement: str = ""
    next_step: str = ""


def create_conflict(
    db: Database,
    actor: Actor,
    meeting_id: int,
    fields: ConflictFields,
    table_id: int | None = None,
) -> Conflict:
    """Record a conflict raised in the meeting, at a table or for the whole room."""
    require_role(actor, *_WORKERS)
    values = _clean(fields)
    with db.write() as s:
        require_open_meeting(require(s, Meeting, meeting_id, N_("meeting")), actor)
        if table_id is None and actor.role is Role.SCRIBE:
            raise ValidationError(
                _("Choose your table: a scribe records conflicts for their table.")
            )
        if table_id is not None:
            table = require(s, MeetingTable, table_id, N_("table"))
            if table.meeting_id != meeting_id:
                raise ValidationError(
                    _("That table is at another meeting. Pick one of this meeting's.")
                )
            check_table_access(s, actor, table.id, N_("record conflicts"))
        conflict = Conflict(
            meeting_id=meeting_id, table_id=table_id, confidential=fields.confidential, **values
        )
        s.add(conflict)
        s.flush()
        written.record_new(s, "conflict", conflict.id, conflict_initiative(s, conflict))
        audit_conflict(s, actor, conflict, "created", {"issue": conflict.issue[:80]})
        return conflict


def update_conflict(
    db: Database, actor: Actor, conflict_id: int, fields: ConflictFields
) -> Conflict:
    """Reword the issue, the options on the table, the owner or who may see it."""
    require_role(actor, *_WORKERS)
    values = _clean(fields)
    with db.write() as s:
        conflict = editable_conflict(s, actor, conflict_id)
        for field, value in {**values, "confidential": fields.confidential}.items():
            setattr(conflict, field, value)
        audit_conflict(s, actor, conflict, "updated", {"issue": conflict.issue[:80]})
        return conflict


def delete_conflict(db: Database, actor: Actor, conflict_id: int) -> None:
    """Remove a conflict and its parties; actions made from it stay, unlinked."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        conflict = require(s, Conflict, conflict_id, N_("conflict"))
        audit_conflict(s, actor, conflict, "deleted", {"issue": conflict.issue[:80]})
        s.delete(conflict)


def set_status(db: Database, actor: Actor, conflict_id: int, fields: StatusFields) -> Conflict:
    """Move the conflict on; the agreement and next step given replace those stored."""
    require_role(actor, *_WORKERS)
    try:
        new = ConflictStatus(fields.status)
    except ValueError:
        raise ValidationError(
            _("“{status}” is not a conflict status.").format(status=fields.status)
        ) from None
    agreement = optional_text(fields.agreement, N_("Agreement"), TEXT_MAX)
    next_step = optional_text(fields.next_step, N_("Next step"), TEXT_MAX)
    if new is ConflictStatus.AGREED and not agreement:
        raise ValidationError(
            _(
                "Write down what both sides agreed before marking the conflict agreed, in "
                "words each side would sign."
            )
        )
    with db.write() as s:
        conflict = editable_conflict(s, actor, conflict_id)
        old = conflict.status
        conflict.status, conflict.agreement, conflict.next_step = new, agreement, next_step
        audit_conflict(s, actor, conflict, "status", {"from": old.value, "to": new.value})
        return conflict


def list_conflicts(
    db: Database, actor: Actor, meeting_id: int, include_confidential: bool = True
) -> list[Conflict]:
    """The meeting's conflicts, oldest first; confidential ones only for those who may read
    them (services/core/confidential.py): a scribe their own tables', a leader none."""
    with db.read() as s:
        membership.require_meeting_member(s, actor, meeting_id)
        query = select(Conflict).where(Conflict.meeting_id == meeting_id)
        if not include_confidential:
            query = query.where(Conflict.confidential.is_(False))
        elif (
            rule := confidential.readable_by(actor, Conflict.confidential, Conflict.table_id)
        ) is not None:
            query = query.where(rule)
        return list(s.scalars(query.order_by(Conflict.created_at, Conflict.id)))


def readable_conflict(s: Session, actor: Actor, conflict_id: int) -> Conflict:
    """The conflict, if the actor belongs to its meeting's initiative and may read it: a
    confidential one a facilitator, or the scribe of its table (services/core/confidential.py)."""
    conflict = require(s, Conflict, conflict_id, N_("conflict"))
    membership.require_meeting_member(s, actor, conflict.meeting_id)
    rule = confidential.readable_by(actor, Conflict.confidential, Conflict.table_id)
    if (
        rule is not None
        and s.scalar(select(Conflict.id).where(Conflict.id == conflict_id, rule)) is None
    ):
        raise PermissionDenied(
            _(
                "This conflict is confidential; only a facilitator or its table's scribe can "
                "read it."
            )
        )
    return conflict


def editable_conflict(s: Session, actor: Actor, conflict_id: int) -> Conflict:
    """The conflict, if the actor may change it: facilitators any, scribes their table's only."""
    conflict = require(s, Conflict, conflict_id, N_("conflict"))
    if actor.role is Role.SCRIBE:
        if conflict.table_id is None:
            # A whole-room conflict is the facilitator's, so this refuses the scribe.
            require_role(actor, Role.FACILITATOR)
        check_table_access(s, actor, conflict.table_id, N_("change conflicts"))
    require_open_meeting(s.get_one(Meeting, conflict.meeting_id), actor)
    return conflict


def conflict_initiative(s: Session, conflict: Conflict) -> int:
    """The id of the initiative whose meeting raised the conflict."""
    return s.execute(
        select(Meeting.initiative_id).where(Meeting.id == conflict.meeting_id)
    ).scalar_one()


def audit_conflict(s: Session, actor: Actor, conflict: Conflict, action: str, detail: dict) -> None:
    """Record a change to the conflict in its initiative's audit trail."""
    audit.record(
        s,
        actor,
        audit.Change(
            entity="conflict",
            entity_id=conflict.id,
            action=action,
            detail=detail,
            initiative_id=conflict_initiative(s, conflict),
        ),
    )


def _clean(fields: ConflictFields) -> dict[str, str]:
    return {
        "issue": clean_text(fields.issue, N_("Issue"), TEXT_MAX),
        "options": optional_text(fields.options, N_("Options"), TEXT_MAX),
        "owner": optional_text(fields.owner, N_("Owner"), NAME_MAX),
    }
