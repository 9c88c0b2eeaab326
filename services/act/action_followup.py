"""Following up the plan: dated progress updates on actions, what is overdue, each group's tally."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import ActionItem, ActionUpdate, Stakeholder
from db.models.enums import ActionStatus, Role
from i18n import N_, _
from services.core import audit, confidential, membership
from services.core.actors import Actor, require_role
from services.core.errors import PermissionDenied, ValidationError
from services.core.validation import TEXT_MAX, optional_text, require


@dataclass(frozen=True)
class GroupProgress:
    """How many of a group's actions are in each status; stakeholder_id None: no group."""

    stakeholder_id: int | None
    stakeholder: str
    counts: dict[ActionStatus, int]
    total: int


def add_update(
    db: Database, actor: Actor, action_id: int, status: ActionStatus | str, note: str = ""
) -> ActionUpdate:
    """Report progress: a dated note and the status it leaves the action in."""
    require_role(actor, Role.FACILITATOR, Role.LEADER)
    new = _status(status)
    note = optional_text(note, N_("Note"), TEXT_MAX)
    with db.write() as s:
        action = require(s, ActionItem, action_id, N_("action"))
        if action.confidential and actor.role is Role.LEADER:
            raise PermissionDenied(
                _("This action is confidential; only a facilitator can update it.")
            )
        if new is action.status and not note:
            raise ValidationError(
                _("Nothing to record: change the status or write a note about the progress.")
            )
        update = ActionUpdate(
            action_id=action.id, status=new, note=note, account_id=actor.account_id
        )
        s.add(update)
        old, action.status = action.status, new
        s.flush()
        detail = {"from": old.value, "to": new.value, "update_id": update.id}
        audit.record(
            s,
            actor,
            audit.Change(
                entity="action_item",
                entity_id=action.id,
                action="status",
                detail=detail,
                initiative_id=action.initiative_id,
            ),
        )
        return update


def updates(db: Database, actor: Actor, action_id: int) -> list[ActionUpdate]:
    """An action's updates, oldest first; a confidential action's for facilitators only."""
    with db.read() as s:
        action = require(s, ActionItem, action_id, N_("action"))
        membership.require_member(s, actor, action.initiative_id)
        if action.confidential and not actor.is_facilitator:
            raise PermissionDenied(
                _("This action is confidential; only a facilitator can read it.")
            )
        query = select(ActionUpdate).where(ActionUpdate.action_id == action_id)
        return list(s.scalars(query.order_by(ActionUpdate.created_at, ActionUpdate.id)))


def overdue(
    db: Database, actor: Actor, initiative_id: int, today: date, include_confidential: bool = True
) -> list[ActionItem]:
    """Actions not done whose due date has passed, most overdue first."""
    with db.read() as s:
        membership.require_member(s, actor, initiative_id)
        query = select(ActionItem).where(
            ActionItem.initiative_id == initiative_id,
            ActionItem.status != ActionStatus.DONE,
            ActionItem.due_on < today,
        )
        if not include_confidential:
            query = query.where(ActionItem.confidential.is_(False))
        return list(s.scalars(query.order_by(ActionItem.due_on, ActionItem.id)))


def progress_by_group(db: Database, actor: Actor, initiative_id: int) -> list[GroupProgress]:
    """Each group's actions counted by status, by group name; unassigned ones come last."""
    with db.read() as s:
        membership.require_member(s, actor, initiative_id)
        return progress_in(s, actor, initiative_id)


def progress_in(
    s: Session, actor: Actor, initiative_id: int, include_private: bool = True
) -> list[GroupProgress]:
    """`progress_by_group` inside a read that has already checked the actor's membership.

    Counts only the actions `actor` may read: a count of confidential ones would tell a
    leader they exist (services/core/confidential.py). With `include_private` off, none
    that is confidential, for anyone: Review's record without its confidential items
    counted them in its chart while its figures left them out (a helper's walk).
    """
    query = (
        select(ActionItem.stakeholder_id, ActionItem.status, func.count())
        .where(ActionItem.initiative_id == initiative_id)
        .group_by(ActionItem.stakeholder_id, ActionItem.status)
    )
    rule = confidential.readable_by(actor, ActionItem.confidential, None)
    query = query if rule is None else query.where(rule)
    if not include_private:
        query = query.where(ActionItem.confidential.is_(False))
    counts: dict[int | None, dict[ActionStatus, int]] = {}
    for group_id, status, count in s.execute(query):
        counts.setdefault(group_id, dict.fromkeys(ActionStatus, 0))[status] = count
    groups: list[tuple[int | None, str]] = [
        (gid, name)
        for gid, name in s.execute(
            select(Stakeholder.id, Stakeholder.name)
            .where(Stakeholder.initiative_id == initiative_id)
            .order_by(Stakeholder.name)
        )
    ]
    if None in counts:
        groups.append((None, _("No group")))  # in the reader's words, as a chart names it
    rows = []
    for gid, name in groups:
        by_status = counts.get(gid, dict.fromkeys(ActionStatus, 0))
        rows.append(GroupProgress(gid, name, by_status, sum(by_status.values())))
    return rows


def _status(value: ActionStatus | str) -> ActionStatus:
    try:
        return ActionStatus(value)
    except ValueError:
        choices = ", ".join(s.value for s in ActionStatus)
        raise ValidationError(
            _("“{value}” is not an action status; use one of {choices}.").format(
                value=value, choices=choices
            )
        ) from None
