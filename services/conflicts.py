"""Win-win conflicts: the issue, each side's position and interests, and the agreement."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import (
    ActionItem,
    Charter,
    Conflict,
    ConflictParty,
    Meeting,
    MeetingTable,
    Stakeholder,
)
from db.models.enums import ConflictStatus, Role
from services import audit, charters
from services.actors import Actor, require_role
from services.errors import NotFound, ValidationError
from services.options import require_table_scribe
from services.validation import NAME_MAX, TEXT_MAX, clean_text, optional_text, require

_WORKERS = (Role.FACILITATOR, Role.SCRIBE)


def create_conflict(
    db: Database,
    actor: Actor,
    meeting_id: int,
    issue: str,
    table_id: int | None = None,
    options: str = "",
    owner: str = "",
    confidential: bool = False,
) -> Conflict:
    """Record a conflict raised in the meeting, at a table or for the whole room."""
    require_role(actor, *_WORKERS)
    values = _clean(issue, options, owner)
    with db.write() as s:
        require(s, Meeting, meeting_id, "meeting")
        if table_id is None and actor.role is Role.SCRIBE:
            raise ValidationError("Choose your table: a scribe records conflicts for their table.")
        if table_id is not None:
            table = require(s, MeetingTable, table_id, "table")
            if table.meeting_id != meeting_id:
                raise ValidationError(
                    "That table is at another meeting. Pick one of this meeting's."
                )
            require_table_scribe(s, actor, table, "record conflicts")
        conflict = Conflict(
            meeting_id=meeting_id, table_id=table_id, confidential=confidential, **values
        )
        s.add(conflict)
        s.flush()
        _log(s, actor, conflict, "created", {"issue": conflict.issue[:80]})
        return conflict


def update_conflict(
    db: Database,
    actor: Actor,
    conflict_id: int,
    issue: str,
    options: str,
    owner: str,
    confidential: bool,
) -> Conflict:
    """Reword the issue, the options on the table, the owner or who may see it."""
    require_role(actor, *_WORKERS)
    values = _clean(issue, options, owner)
    with db.write() as s:
        conflict = _editable(s, actor, conflict_id)
        for field, value in {**values, "confidential": confidential}.items():
            setattr(conflict, field, value)
        _log(s, actor, conflict, "updated", {"issue": conflict.issue[:80]})
        return conflict


def delete_conflict(db: Database, actor: Actor, conflict_id: int) -> None:
    """Remove a conflict and its parties; actions made from it stay, unlinked."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        conflict = require(s, Conflict, conflict_id, "conflict")
        _log(s, actor, conflict, "deleted", {"issue": conflict.issue[:80]})
        s.delete(conflict)


def set_party(
    db: Database, actor: Actor, conflict_id: int, stakeholder_id: int, position: str, interests: str
) -> ConflictParty:
    """Record (or rewrite) one group's position and the interests beneath it."""
    require_role(actor, *_WORKERS)
    position = optional_text(position, "Position", TEXT_MAX)
    interests = optional_text(interests, "Interests", TEXT_MAX)
    if not position and not interests:
        raise ValidationError("Write the group's position, its interests, or both before saving.")
    with db.write() as s:
        conflict = _editable(s, actor, conflict_id)
        group = require(s, Stakeholder, stakeholder_id, "stakeholder group")
        if group.initiative_id != _initiative(s, conflict):
            raise ValidationError(
                f"{group.name} is not a group of this initiative. Pick one of its groups."
            )
        party = s.scalar(
            select(ConflictParty).filter_by(conflict_id=conflict.id, stakeholder_id=group.id)
        )
        if party is None:
            party = ConflictParty(conflict_id=conflict.id, stakeholder_id=group.id)
            s.add(party)
        party.position, party.interests = position, interests
        _log(s, actor, conflict, "party", {"stakeholder_id": group.id})
        return party


def remove_party(db: Database, actor: Actor, conflict_id: int, stakeholder_id: int) -> None:
    """Take a group off the conflict."""
    require_role(actor, *_WORKERS)
    with db.write() as s:
        conflict = _editable(s, actor, conflict_id)
        party = s.scalar(
            select(ConflictParty).filter_by(conflict_id=conflict.id, stakeholder_id=stakeholder_id)
        )
        if party is None:
            raise NotFound(
                "That group is not a party to this conflict (any more). Reload the page."
            )
        s.delete(party)
        _log(s, actor, conflict, "party_removed", {"stakeholder_id": stakeholder_id})


def list_parties(db: Database, conflict_id: int) -> list[tuple[ConflictParty, str]]:
    """Each party with its group's name, by name."""
    with db.read() as s:
        query = (
            select(ConflictParty, Stakeholder.name)
            .join(Stakeholder, Stakeholder.id == ConflictParty.stakeholder_id)
            .where(ConflictParty.conflict_id == conflict_id)
            .order_by(Stakeholder.name)
        )
        return [tuple(row) for row in s.execute(query)]


def set_status(
    db: Database,
    actor: Actor,
    conflict_id: int,
    status: ConflictStatus | str,
    agreement: str = "",
    next_step: str = "",
) -> Conflict:
    """Move the conflict on; the agreement and next step given replace those stored."""
    require_role(actor, *_WORKERS)
    try:
        new = ConflictStatus(status)
    except ValueError:
        raise ValidationError(f"“{status}” is not a conflict status.") from None
    agreement = optional_text(agreement, "Agreement", TEXT_MAX)
    next_step = optional_text(next_step, "Next step", TEXT_MAX)
    if new is ConflictStatus.AGREED and not agreement:
        raise ValidationError(
            "Write down what both sides agreed before marking the conflict agreed, "
            "in words each side would sign."
        )
    with db.write() as s:
        conflict = _editable(s, actor, conflict_id)
        old = conflict.status
        conflict.status, conflict.agreement, conflict.next_step = new, agreement, next_step
        _log(s, actor, conflict, "status", {"from": old.value, "to": new.value})
        return conflict


def list_conflicts(
    db: Database, actor: Actor, meeting_id: int, include_confidential: bool = True
) -> list[Conflict]:
    """The meeting's conflicts, oldest first; leaders never see confidential ones."""
    with db.read() as s:
        query = select(Conflict).where(Conflict.meeting_id == meeting_id)
        if not include_confidential or actor.role is Role.LEADER:
            query = query.where(Conflict.confidential.is_(False))
        return list(s.scalars(query.order_by(Conflict.created_at, Conflict.id)))


def agreement_to_action(db: Database, actor: Actor, conflict_id: int) -> ActionItem:
    """Turn an agreed conflict into a draft action to make SMART in the plan."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        conflict = _agreed(s, conflict_id)
        made = s.scalar(select(ActionItem).where(ActionItem.conflict_id == conflict.id).limit(1))
        if made is not None:
            raise ValidationError(
                f"This agreement is already the action “{made.title}”. Edit that action instead."
            )
        initiative_id = _initiative(s, conflict)
        title = " ".join(conflict.issue.split())
        if len(title) > NAME_MAX:
            title = title[: NAME_MAX - 1] + "…"
        action = ActionItem(
            initiative_id=initiative_id,
            meeting_id=conflict.meeting_id,
            title=title,
            description=conflict.agreement,
            conflict_id=conflict.id,
            confidential=conflict.confidential,
            ready=False,
        )
        s.add(action)
        s.flush()
        audit.record(
            s,
            actor,
            "action_item",
            action.id,
            "created",
            {"title": action.title, "conflict_id": conflict.id},
            initiative_id,
        )
        _log(s, actor, conflict, "made_action", {"action_id": action.id})
        return action


def agreement_to_ground_rule(db: Database, actor: Actor, conflict_id: int) -> Charter:
    """Add an agreed conflict's agreement to the charter's ground rules, as a new version."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        conflict = _agreed(s, conflict_id)
        initiative_id = _initiative(s, conflict)
        latest = charters.find_latest(s, initiative_id)
        if latest is None:
            raise ValidationError(
                "There is no charter yet. Write its mission first, then add this agreement."
            )
        if conflict.agreement in latest.ground_rules:
            raise ValidationError(
                f"Version {latest.version} of the charter already has this agreement as a "
                "ground rule."
            )
        rules = "\n".join(r for r in (latest.ground_rules.rstrip(), conflict.agreement) if r)
        sections = {k: getattr(latest, k) for k in charters.SECTIONS} | {"ground_rules": rules}
        charter = charters.add_version(s, actor, initiative_id, latest.mission, sections, {})
        _log(
            s,
            actor,
            conflict,
            "made_ground_rule",
            {"charter_id": charter.id, "version": charter.version},
        )
        return charter


def _clean(issue: str, options: str, owner: str) -> dict[str, str]:
    return {
        "issue": clean_text(issue, "Issue", TEXT_MAX),
        "options": optional_text(options, "Options", TEXT_MAX),
        "owner": optional_text(owner, "Owner", NAME_MAX),
    }


def _editable(s: Session, actor: Actor, conflict_id: int) -> Conflict:
    conflict = require(s, Conflict, conflict_id, "conflict")
    if actor.role is Role.SCRIBE:
        table = s.get(MeetingTable, conflict.table_id) if conflict.table_id is not None else None
        if table is None:
            require_role(actor, Role.FACILITATOR)
        require_table_scribe(s, actor, table, "change conflicts")
    return conflict


def _agreed(s: Session, conflict_id: int) -> Conflict:
    conflict = require(s, Conflict, conflict_id, "conflict")
    if conflict.status is not ConflictStatus.AGREED:
        raise ValidationError(
            f"This conflict is {conflict.status.value}, not agreed. Record the agreement and mark "
            "it agreed first."
        )
    return conflict


def _initiative(s: Session, conflict: Conflict) -> int:
    return s.scalar(select(Meeting.initiative_id).where(Meeting.id == conflict.meeting_id))


def _log(s: Session, actor: Actor, conflict: Conflict, action: str, detail: dict) -> None:
    audit.record(s, actor, "conflict", conflict.id, action, detail, _initiative(s, conflict))
