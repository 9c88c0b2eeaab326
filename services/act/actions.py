"""The implementation plan: SMART actions with their owner, group, due date and links."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

from sqlalchemy import select

from db.database import Database
from db.models import ActionItem
from db.models.enums import Role
from i18n import N_
from services.act.action_fields import ActionFields
from services.act.action_links import check_action_links
from services.act.smart import require_smart
from services.core import audit, confidential, membership
from services.core.actors import Actor, require_role
from services.core.validation import NAME_MAX, TEXT_MAX, clean_text, optional_text, require
from services.translations import written


@dataclass(frozen=True, slots=True, kw_only=True)
class ActionLinks:
    """Where an action came from: the meeting, idea, theme or conflict it answers, if any."""

    meeting_id: int | None = None
    idea_id: int | None = None
    theme_id: int | None = None
    conflict_id: int | None = None


def create_action(
    db: Database,
    actor: Actor,
    initiative_id: int,
    fields: ActionFields,
    links: ActionLinks | None = None,
) -> ActionItem:
    """Add an action to the plan: a draft, or ready once it passes the SMART check.

    Without a stakeholder group the action counts for its owner's group.
    """
    require_role(actor, Role.FACILITATOR)
    values = _clean(fields)
    owner_participant_id, stakeholder_id = fields.owner_participant_id, fields.stakeholder_id
    with db.write() as s:
        linked = asdict(links or ActionLinks())
        owner_group = check_action_links(
            s, initiative_id, owner_participant_id, stakeholder_id, linked
        )
        action = ActionItem(
            initiative_id=initiative_id,
            owner_participant_id=owner_participant_id,
            stakeholder_id=stakeholder_id if stakeholder_id is not None else owner_group,
            confidential=fields.confidential,
            **values,
            **linked,
        )
        s.add(action)
        s.flush()
        detail = {"title": action.title, "ready": action.ready}
        written.record_new(s, "action_item", action.id, initiative_id)
        audit.record(
            s,
            actor,
            audit.Change(
                entity="action_item",
                entity_id=action.id,
                action="created",
                detail=detail,
                initiative_id=initiative_id,
            ),
        )
        return action


def update_action(db: Database, actor: Actor, action_id: int, fields: ActionFields) -> ActionItem:
    """Edit an action; marking it ready runs the SMART check again."""
    require_role(actor, Role.FACILITATOR)
    values = _clean(fields)
    owner_participant_id, stakeholder_id = fields.owner_participant_id, fields.stakeholder_id
    with db.write() as s:
        action = require(s, ActionItem, action_id, N_("action"))
        owner_group = check_action_links(
            s, action.initiative_id, owner_participant_id, stakeholder_id, {}
        )
        values |= {
            "owner_participant_id": owner_participant_id,
            "stakeholder_id": stakeholder_id if stakeholder_id is not None else owner_group,
            "confidential": fields.confidential,
        }
        for field, value in values.items():
            setattr(action, field, value)
        detail = {"title": action.title, "ready": action.ready}
        audit.record(
            s,
            actor,
            audit.Change(
                entity="action_item",
                entity_id=action.id,
                action="updated",
                detail=detail,
                initiative_id=action.initiative_id,
            ),
        )
        return action


def delete_action(db: Database, actor: Actor, action_id: int) -> None:
    """Remove an action and its updates."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        action = require(s, ActionItem, action_id, N_("action"))
        detail = {"title": action.title}
        audit.record(
            s,
            actor,
            audit.Change(
                entity="action_item",
                entity_id=action.id,
                action="deleted",
                detail=detail,
                initiative_id=action.initiative_id,
            ),
        )
        s.delete(action)


def list_actions(
    db: Database, actor: Actor, initiative_id: int, include_confidential: bool = True
) -> list[ActionItem]:
    """The plan by due date (undated last); confidential actions for facilitators only."""
    with db.read() as s:
        membership.require_member(s, actor, initiative_id)
        query = select(ActionItem).where(ActionItem.initiative_id == initiative_id)
        if not include_confidential:
            query = query.where(ActionItem.confidential.is_(False))
        elif (rule := confidential.readable_by(actor, ActionItem.confidential, None)) is not None:
            query = query.where(rule)
        order = (ActionItem.due_on.is_(None), ActionItem.due_on, ActionItem.id)
        return list(s.scalars(query.order_by(*order)))


def _clean(fields: ActionFields) -> dict[str, object]:
    clean = replace(
        fields,
        title=clean_text(fields.title, N_("Action title"), NAME_MAX),
        description=optional_text(fields.description, N_("Description"), TEXT_MAX),
        measure=optional_text(fields.measure, N_("Measure of done"), TEXT_MAX),
        charter_goal=optional_text(fields.charter_goal, N_("Charter goal"), TEXT_MAX),
    )
    if clean.ready:
        require_smart(clean)
    return {
        "title": clean.title,
        "description": clean.description,
        "measure": clean.measure,
        "charter_goal": clean.charter_goal,
        "due_on": clean.due_on,
        "ready": clean.ready,
    }
