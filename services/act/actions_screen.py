"""The Action plan screen's record: the plan this actor may read, its follow-up, its files.

Built in one read. Confidential actions are on a facilitator's screen, marked, and never
in the plan's CSV or workbook (which leave the app); both files print `files`, read with
the plan in the same transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

import i18n
from db.database import Database
from db.models import ActionItem, ActionUpdate, Participant, Stakeholder
from db.models.enums import ActionStatus, Role
from services.act.action_fields import ActionFields
from services.act.action_followup import GroupProgress, progress_in
from services.act.plan_export import rows_in
from services.core import confidential, membership
from services.core.actors import Actor, require_role
from services.core.roster_scope import ON_ROSTER
from services.translations.shown import Shown, field_text
from services.translations.translate import KINDS, field_translations, fields_shown

FIELDS = KINDS["action_item"].fields
"""What an action says in words, which a translation can be given to."""


@dataclass(frozen=True, slots=True)
class PlannedItem:
    """One action of the plan with its stakeholder group's name and its updates, oldest first."""

    action: ActionItem
    group: str
    updates: tuple[ActionUpdate, ...]
    words: Mapping[str, Shown] = field(default_factory=dict)
    """Its title, description and measure (each written) as the reader reads them: a
    translation, or as written, and which; the stored translation in it either way."""
    owner: str = ""
    """Who on the roster answers for it, by name ('' when nobody yet): the plan's files
    name them too."""

    def reads(self, name: str) -> str:
        """The field `name` in the reader's language: its translation, else as written."""
        return field_text(self.words, name, getattr(self.action, name))

    @property
    def as_written(self) -> ActionFields:
        """The action as its writer wrote it, in their language: what changing it starts from."""
        a = self.action
        return ActionFields(
            title=a.title, description=a.description, measure=a.measure,
            owner_participant_id=a.owner_participant_id, stakeholder_id=a.stakeholder_id,
            due_on=a.due_on, charter_goal=a.charter_goal, confidential=a.confidential,
            ready=a.ready,
        )  # fmt: skip

    @property
    def title(self) -> str:
        """The title in the reader's language (the due-date chart names the action by it)."""
        return self.reads("title")

    @property
    def due_on(self) -> date | None:
        return self.action.due_on

    @property
    def status(self) -> str:
        """The status value, as the due-date timeline reads it."""
        return self.action.status.value


@dataclass(frozen=True, slots=True)
class ActionsScreen:
    """Everything the Action plan screen shows, and the rows its files print."""

    plan: tuple[PlannedItem, ...]
    overdue: tuple[PlannedItem, ...]
    """Not done and past their due date, most overdue first."""
    progress: tuple[GroupProgress, ...]
    groups: dict[int, str]
    people: dict[int, str]
    """Owners a facilitator may pick for a new action; empty for anyone else."""
    files: tuple[tuple[dict, ...], tuple[dict, ...]]
    """The plan rows and update rows of the CSV and workbook (plan_export's columns)."""


def read(db: Database, actor: Actor, initiative_id: int, today: date) -> ActionsScreen:
    """The plan for a facilitator or a Thought Leader Team member, with what they may read."""
    require_role(actor, Role.FACILITATOR, Role.LEADER)
    with db.read() as s:
        membership.require_member(s, actor, initiative_id)
        query = select(ActionItem).where(ActionItem.initiative_id == initiative_id)
        rule = confidential.readable_by(actor, ActionItem.confidential, None)
        query = query if rule is None else query.where(rule)
        order = (ActionItem.due_on.is_(None), ActionItem.due_on, ActionItem.id)
        actions = list(s.scalars(query.order_by(*order)))
        updates = _updates(s, [a.id for a in actions])
        owner_ids = {a.owner_participant_id for a in actions} - {None}
        named = select(Participant.id, Participant.name).where(Participant.id.in_(owner_ids))
        owners: dict[int, str] = {person: name for person, name in s.execute(named)}
        groups = dict(
            s.execute(
                select(Stakeholder.id, Stakeholder.name)
                .where(Stakeholder.initiative_id == initiative_id)
                .order_by(Stakeholder.name)
            ).all()
        )
        people = _people(s, initiative_id) if actor.is_facilitator else {}
        progress = tuple(progress_in(s, actor, initiative_id))
        rows, update_rows = rows_in(s, actor, initiative_id, False)
        language = i18n.current()
        stored = field_translations(s, "action_item", [a.id for a in actions], language, FIELDS)
    plan = tuple(
        PlannedItem(
            a,
            _group_name(groups, a.stakeholder_id),
            tuple(updates[a.id]),
            fields_shown(a.id, {f: getattr(a, f) for f in FIELDS}, stored, language),
            owners.get(a.owner_participant_id or 0, ""),
        )
        for a in actions
    )
    late = [p for p in plan if p.due_on and p.due_on < today and not _done(p)]
    late.sort(key=lambda p: (p.due_on, p.action.id))
    files = (tuple(rows), tuple(update_rows))
    return ActionsScreen(plan, tuple(late), progress, groups, people, files)


def _done(item: PlannedItem) -> bool:
    return item.action.status is ActionStatus.DONE


def _updates(s: Session, action_ids: list[int]) -> dict[int, list[ActionUpdate]]:
    found: dict[int, list[ActionUpdate]] = defaultdict(list)
    query = select(ActionUpdate).where(ActionUpdate.action_id.in_(action_ids))
    for update in s.scalars(query.order_by(ActionUpdate.created_at, ActionUpdate.id)):
        found[update.action_id].append(update)
    return found


def _people(s: Session, initiative_id: int) -> dict[int, str]:
    query = select(Participant.id, Participant.name).where(
        Participant.initiative_id == initiative_id, ON_ROSTER
    )
    return dict(s.execute(query.order_by(Participant.name, Participant.id)).all())


def _group_name(groups: dict[int, str], group_id: int | None) -> str:
    return groups.get(group_id, "") if group_id is not None else ""
