"""The implementation plan: SMART actions, their dated updates and who is behind."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import (
    ActionItem,
    ActionUpdate,
    Conflict,
    Idea,
    Initiative,
    Meeting,
    Participant,
    Stakeholder,
    Theme,
)
from db.models.enums import ActionStatus, Role
from services import audit
from services.actors import Actor, require_role
from services.errors import PermissionDenied, ValidationError
from services.validation import NAME_MAX, TEXT_MAX, clean_text, optional_text, require

MIN_DESCRIPTION = 20


class SmartGap(NamedTuple):
    """One SMART letter an action does not meet yet, with what to add."""

    letter: str
    message: str


@dataclass(frozen=True)
class GroupProgress:
    """How many of a group's actions are in each status; stakeholder_id None: no group."""

    stakeholder_id: int | None
    stakeholder: str
    counts: dict[ActionStatus, int]
    total: int


def smart_check(
    title: str,
    description: str,
    measure: str,
    owner_participant_id: int | None,
    due_on: date | None,
    today: date,
) -> list[SmartGap]:
    """The SMART letters the action misses, each with a message; empty when it is ready.

    Realistic is merged into Assignable and Measurable: software cannot judge whether a
    plan is realistic, only that someone has agreed to own a result that can be checked,
    so R is never reported on its own and the room judges the rest.
    """
    gaps = []
    if not (title or "").strip() or len((description or "").strip()) < MIN_DESCRIPTION:
        gaps.append(
            SmartGap(
                "S",
                f"Specific: give a title and a description of at least {MIN_DESCRIPTION} "
                "characters saying what will be done, and how.",
            )
        )
    if not (measure or "").strip():
        gaps.append(SmartGap("M", "Measurable: say how everyone will know it is done."))
    if owner_participant_id is None:
        gaps.append(SmartGap("A", "Assignable: name the person who owns it."))
    if due_on is None or due_on < today:
        gaps.append(SmartGap("T", "Time-bound: set a due date that is today or later."))
    return gaps


def create_action(
    db: Database,
    actor: Actor,
    initiative_id: int,
    title: str,
    description: str = "",
    measure: str = "",
    owner_participant_id: int | None = None,
    stakeholder_id: int | None = None,
    due_on: date | None = None,
    meeting_id: int | None = None,
    idea_id: int | None = None,
    theme_id: int | None = None,
    conflict_id: int | None = None,
    charter_goal: str = "",
    confidential: bool = False,
    ready: bool = False,
) -> ActionItem:
    """Add an action to the plan: a draft, or ready once it passes the SMART check.

    Without a stakeholder group the action counts for its owner's group.
    """
    require_role(actor, Role.FACILITATOR)
    values = _clean(title, description, measure, charter_goal, owner_participant_id, due_on, ready)
    with db.write() as s:
        links = {
            "meeting_id": meeting_id,
            "idea_id": idea_id,
            "theme_id": theme_id,
            "conflict_id": conflict_id,
        }
        owner_group = _check_links(s, initiative_id, owner_participant_id, stakeholder_id, links)
        action = ActionItem(
            initiative_id=initiative_id,
            owner_participant_id=owner_participant_id,
            stakeholder_id=stakeholder_id if stakeholder_id is not None else owner_group,
            confidential=confidential,
            **values,
            **links,
        )
        s.add(action)
        s.flush()
        detail = {"title": action.title, "ready": action.ready}
        audit.record(s, actor, "action_item", action.id, "created", detail, initiative_id)
        return action


def update_action(
    db: Database,
    actor: Actor,
    action_id: int,
    title: str,
    description: str,
    measure: str,
    owner_participant_id: int | None,
    stakeholder_id: int | None,
    due_on: date | None,
    charter_goal: str,
    confidential: bool,
    ready: bool,
) -> ActionItem:
    """Edit an action; marking it ready runs the SMART check again."""
    require_role(actor, Role.FACILITATOR)
    values = _clean(title, description, measure, charter_goal, owner_participant_id, due_on, ready)
    with db.write() as s:
        action = require(s, ActionItem, action_id, "action")
        owner_group = _check_links(
            s, action.initiative_id, owner_participant_id, stakeholder_id, {}
        )
        values |= {
            "owner_participant_id": owner_participant_id,
            "stakeholder_id": stakeholder_id if stakeholder_id is not None else owner_group,
            "confidential": confidential,
        }
        for field, value in values.items():
            setattr(action, field, value)
        detail = {"title": action.title, "ready": action.ready}
        audit.record(s, actor, "action_item", action.id, "updated", detail, action.initiative_id)
        return action


def delete_action(db: Database, actor: Actor, action_id: int) -> None:
    """Remove an action and its updates."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        action = require(s, ActionItem, action_id, "action")
        detail = {"title": action.title}
        audit.record(s, actor, "action_item", action.id, "deleted", detail, action.initiative_id)
        s.delete(action)


def list_actions(
    db: Database, actor: Actor, initiative_id: int, include_confidential: bool = True
) -> list[ActionItem]:
    """The plan by due date (undated last); leaders never see confidential actions."""
    with db.read() as s:
        query = select(ActionItem).where(ActionItem.initiative_id == initiative_id)
        if not include_confidential or actor.role is Role.LEADER:
            query = query.where(ActionItem.confidential.is_(False))
        order = (ActionItem.due_on.is_(None), ActionItem.due_on, ActionItem.id)
        return list(s.scalars(query.order_by(*order)))


def add_update(
    db: Database, actor: Actor, action_id: int, status: ActionStatus | str, note: str = ""
) -> ActionUpdate:
    """Report progress: a dated note and the status it leaves the action in."""
    require_role(actor, Role.FACILITATOR, Role.LEADER)
    new = _status(status)
    note = optional_text(note, "Note", TEXT_MAX)
    with db.write() as s:
        action = require(s, ActionItem, action_id, "action")
        if action.confidential and actor.role is Role.LEADER:
            raise PermissionDenied("This action is confidential; only a facilitator can update it.")
        if new is action.status and not note:
            raise ValidationError(
                "Nothing to record: change the status or write a note about the progress."
            )
        update = ActionUpdate(
            action_id=action.id, status=new, note=note, account_id=actor.account_id
        )
        s.add(update)
        old, action.status = action.status, new
        s.flush()
        detail = {"from": old.value, "to": new.value, "update_id": update.id}
        audit.record(s, actor, "action_item", action.id, "status", detail, action.initiative_id)
        return update


def updates(db: Database, action_id: int) -> list[ActionUpdate]:
    """An action's updates, oldest first."""
    with db.read() as s:
        query = select(ActionUpdate).where(ActionUpdate.action_id == action_id)
        return list(s.scalars(query.order_by(ActionUpdate.created_at, ActionUpdate.id)))


def overdue(
    db: Database, initiative_id: int, today: date, include_confidential: bool = True
) -> list[ActionItem]:
    """Actions not done whose due date has passed, most overdue first."""
    with db.read() as s:
        query = select(ActionItem).where(
            ActionItem.initiative_id == initiative_id,
            ActionItem.status != ActionStatus.DONE,
            ActionItem.due_on < today,
        )
        if not include_confidential:
            query = query.where(ActionItem.confidential.is_(False))
        return list(s.scalars(query.order_by(ActionItem.due_on, ActionItem.id)))


def progress_by_group(db: Database, initiative_id: int) -> list[GroupProgress]:
    """Each group's actions counted by status, by group name; unassigned ones come last."""
    with db.read() as s:
        query = (
            select(ActionItem.stakeholder_id, ActionItem.status, func.count())
            .where(ActionItem.initiative_id == initiative_id)
            .group_by(ActionItem.stakeholder_id, ActionItem.status)
        )
        counts: dict[int | None, dict[ActionStatus, int]] = {}
        for group_id, status, count in s.execute(query):
            counts.setdefault(group_id, dict.fromkeys(ActionStatus, 0))[status] = count
        groups = s.execute(
            select(Stakeholder.id, Stakeholder.name)
            .where(Stakeholder.initiative_id == initiative_id)
            .order_by(Stakeholder.name)
        ).all()
        if None in counts:
            groups.append((None, "No group"))
        rows = []
        for gid, name in groups:
            by_status = counts.get(gid, dict.fromkeys(ActionStatus, 0))
            rows.append(GroupProgress(gid, name, by_status, sum(by_status.values())))
        return rows


def _clean(
    title: str,
    description: str,
    measure: str,
    charter_goal: str,
    owner_participant_id: int | None,
    due_on: date | None,
    ready: bool,
) -> dict[str, object]:
    values = {
        "title": clean_text(title, "Action title", NAME_MAX),
        "description": optional_text(description, "Description", TEXT_MAX),
        "measure": optional_text(measure, "Measure of done", TEXT_MAX),
        "charter_goal": optional_text(charter_goal, "Charter goal", TEXT_MAX),
        "due_on": due_on,
        "ready": ready,
    }
    gaps = smart_check(
        values["title"],
        values["description"],
        values["measure"],
        owner_participant_id,
        due_on,
        date.today(),
    )
    if ready and gaps:
        missing = " ".join(gap.message for gap in gaps)
        raise ValidationError(
            f"This action is not SMART yet ({', '.join(g.letter for g in gaps)} missing). "
            f"{missing} Or save it as a draft."
        )
    return values


def _check_links(
    s: Session,
    initiative_id: int,
    owner_id: int | None,
    group_id: int | None,
    links: dict[str, int | None],
) -> int | None:
    """Refuses links into another initiative; returns the owner's group."""
    require(s, Initiative, initiative_id, "initiative")
    owner = require(s, Participant, owner_id, "participant") if owner_id is not None else None
    if group_id is not None:
        group = require(s, Stakeholder, group_id, "stakeholder group")
        _same(group.initiative_id, initiative_id, "group")
    if owner is not None:
        _same(owner.initiative_id, initiative_id, "owner")
    for field, model, label in _LINKS:
        if links.get(field) is not None:
            record = require(s, model, links[field], label)
            meeting_id = record.id if model is Meeting else record.meeting_id
            initiative = s.scalar(select(Meeting.initiative_id).where(Meeting.id == meeting_id))
            _same(initiative, initiative_id, label)
    return owner.stakeholder_id if owner is not None else None


def _same(found: int | None, wanted: int, label: str) -> None:
    if found != wanted:
        raise ValidationError(
            f"That {label} belongs to another initiative. Pick one from this one."
        )


def _status(value: ActionStatus | str) -> ActionStatus:
    try:
        return ActionStatus(value)
    except ValueError:
        choices = ", ".join(s.value for s in ActionStatus)
        raise ValidationError(f"“{value}” is not an action status; use one of {choices}.") from None


_LINKS = (
    ("meeting_id", Meeting, "meeting"),
    ("idea_id", Idea, "idea"),
    ("theme_id", Theme, "theme"),
    ("conflict_id", Conflict, "conflict"),
)
