"""What an agreed conflict becomes: a draft action for the plan, or a charter ground rule."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import ActionItem, Charter, Conflict
from db.models.enums import ConflictStatus, Role
from i18n import N_, _
from services.core import audit
from services.core.actors import Actor, require_role
from services.core.errors import ValidationError
from services.core.validation import NAME_MAX, require
from services.core.vocab import label
from services.partner import charters
from services.resolve.conflicts import audit_conflict, conflict_initiative
from services.translations import written
from services.translations.shown import DEFAULT_SOURCE


def agreement_to_action(db: Database, actor: Actor, conflict_id: int) -> ActionItem:
    """Turn an agreed conflict into a draft action to make SMART in the plan."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        conflict = _agreed(s, conflict_id)
        made = s.scalar(select(ActionItem).where(ActionItem.conflict_id == conflict.id).limit(1))
        if made is not None:
            raise ValidationError(
                _(
                    "This agreement is already the action “{title}”. Edit that action instead."
                ).format(title=made.title)
            )
        initiative_id = conflict_initiative(s, conflict)
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
        # The action is the agreement's words: in the agreement's language.
        spoken = written.language_of(s, written.Part("conflict", conflict.id)) or DEFAULT_SOURCE
        written.record_new(s, "action_item", action.id, initiative_id, spoken)
        audit.record(
            s,
            actor,
            audit.Change(
                entity="action_item",
                entity_id=action.id,
                action="created",
                detail={"title": action.title, "conflict_id": conflict.id},
                initiative_id=initiative_id,
            ),
        )
        audit_conflict(s, actor, conflict, "made_action", {"action_id": action.id})
        return action


def agreement_to_ground_rule(db: Database, actor: Actor, conflict_id: int) -> Charter:
    """Add an agreed conflict's agreement to the charter's ground rules, as a new version."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        conflict = _agreed(s, conflict_id)
        initiative_id = conflict_initiative(s, conflict)
        latest = charters.find_latest(s, initiative_id)
        if latest is None:
            raise ValidationError(
                _("There is no charter yet. Write its mission first, then add this agreement.")
            )
        if conflict.agreement in latest.ground_rules:
            raise ValidationError(
                _(
                    "Version {version} of the charter already has this agreement as a ground rule."
                ).format(version=latest.version)
            )
        rules = "\n".join(r for r in (latest.ground_rules.rstrip(), conflict.agreement) if r)
        fields = charters.CharterFields(
            mission=latest.mission,
            shared_goals=latest.shared_goals,
            ground_rules=rules,
            roles=latest.roles,
            communication=latest.communication,
            confidentiality=latest.confidentiality,
        )
        charter = charters.add_version(s, actor, initiative_id, fields)
        audit_conflict(
            s,
            actor,
            conflict,
            "made_ground_rule",
            {"charter_id": charter.id, "version": charter.version},
        )
        return charter


def _agreed(s: Session, conflict_id: int) -> Conflict:
    conflict = require(s, Conflict, conflict_id, N_("conflict"))
    if conflict.status is not ConflictStatus.AGREED:
        raise ValidationError(
            _(
                "This conflict is {status}, not agreed. Record the agreement and mark it agreed "
                "first."
            ).format(status=label(conflict.status).lower())
        )
    return conflict
