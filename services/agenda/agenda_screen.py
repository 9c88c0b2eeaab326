"""The Agenda screen's record: the steps with their comments, where approval stands, and
what this actor may do about it, in one read."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

import i18n
from db.database import Database
from db.models import AgendaComment, AgendaItem
from db.models.enums import MeetingStatus, Role
from services.agenda.agenda_review import ApprovalStatus, status_in
from services.agenda.agenda_template import AGENDA_FIELDS
from services.core import membership
from services.core.actors import Actor, require_role
from services.translations.shown import Shown, shown
from services.translations.translate import field_translations


@dataclass(frozen=True, slots=True)
class StepShown:
    """One step of the agenda with the Thought Leader Team's comments on it, oldest first."""

    item: AgendaItem
    comments: tuple[AgendaComment, ...]
    last: bool
    title: Shown
    """The step's title in the reader's language: a translation, or the title, and which."""
    goal: Shown
    prompt: Shown


@dataclass(frozen=True, slots=True)
class AgendaScreen:
    """The agenda in order, its approval, and what the actor may do."""

    steps: tuple[StepShown, ...]
    approval: ApprovalStatus
    may_edit: bool
    """A facilitator designs the steps."""
    may_approve: bool
    """A leader who has not approved the agenda as it stands."""
    may_withdraw: bool
    """A leader who has. Neither once the meeting has closed (`closed`)."""
    closed: bool = False
    """The meeting has been held and closed: its agenda's approvals stay as they were."""

    @property
    def minutes(self) -> int:
        return sum(step.item.minutes for step in self.steps)


def read(db: Database, actor: Actor, meeting_id: int) -> AgendaScreen:
    """The agenda for a facilitator or a Thought Leader Team member."""
    require_role(actor, Role.FACILITATOR, Role.LEADER)
    with db.read() as s:
        meeting = membership.member_meeting(s, actor, meeting_id)
        items = list(
            s.scalars(
                select(AgendaItem)
                .where(AgendaItem.meeting_id == meeting_id)
                .order_by(AgendaItem.position)
            )
        )
        notes: dict[int, list[AgendaComment]] = defaultdict(list)
        query = (
            select(AgendaComment)
            .join(AgendaItem, AgendaItem.id == AgendaComment.agenda_item_id)
            .where(AgendaItem.meeting_id == meeting_id)
            .order_by(AgendaComment.created_at, AgendaComment.id)
        )
        for note in s.scalars(query):
            notes[note.agenda_item_id].append(note)
        approval = status_in(s, meeting)
        language = i18n.current()
        stored = field_translations(
            s, "agenda_item", [i.id for i in items], language, AGENDA_FIELDS
        )
    steps = tuple(
        StepShown(
            item,
            tuple(notes[item.id]),
            item is items[-1],
            *(shown(getattr(item, f), stored.get((item.id, f)), language) for f in AGENDA_FIELDS),
        )
        for item in items
    )
    closed = meeting.status is MeetingStatus.CLOSED
    # Nothing to approve before the facilitator has added a step (approve refuses it).
    leader = actor.role is Role.LEADER and not closed and bool(items)
    mine = any(a.account_id == actor.account_id for a in approval.approvers)
    return AgendaScreen(
        steps, approval, actor.is_facilitator, leader and not mine, leader and mine, closed
    )
