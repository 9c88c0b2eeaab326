"""Pre-moderation: in a step set to "approve before it shows", new ideas from the tables wait
in a queue until the facilitator approves them (visible) or rejects them (hidden, kept).

Only what is VISIBLE reaches the room (services/room/ideas.list_ideas, wall_version), so a
waiting idea is on no projector, ballot, word cloud, table board or public report.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import (
    AgendaItem,
    Idea,
    Meeting,
    MeetingTable,
    Participant,
    RoundItem,
    utcnow,
)
from db.models.enums import IdeaStatus, Role
from i18n import N_, _
from services.core import audit, membership
from services.core.actors import Actor, require_role
from services.core.errors import ValidationError
from services.core.roster_scope import ON_ROSTER
from services.core.scope import check_table_access
from services.core.validation import require
from services.core.vocab import label
from services.room.idea_flags import Flag, flag_idea


@dataclass(frozen=True)
class QueuedIdea:
    """A waiting idea, where it came from, and the reasons to read it twice."""

    idea: Idea
    table_number: int | None
    flags: tuple[Flag, ...]


def premoderated(s: Session, meeting: Meeting) -> bool:
    """Whether the step the room is on holds new ideas for approval."""
    if meeting.current_item_id is None:
        return False
    item = s.get(AgendaItem, meeting.current_item_id)
    return bool(item is not None and item.premoderate)


def status_for_new_idea(s: Session, actor: Actor, meeting: Meeting) -> IdeaStatus:
    """PENDING for a table's idea in a pre-moderated step; the facilitator's own need no
    approval from themselves."""
    if not actor.is_facilitator and premoderated(s, meeting):
        return IdeaStatus.PENDING
    return IdeaStatus.VISIBLE


def needs_approval_again(
    s: Session, actor: Actor, meeting: Meeting, idea: Idea, new_text: str
) -> bool:
    """Whether a scribe's rewording sends a shown idea back to the queue: in a pre-moderated
    step the room sees only words the facilitator approved. An idea on a ballot stays."""
    return (
        not actor.is_facilitator
        and idea.status is IdeaStatus.VISIBLE
        and new_text != idea.text
        and premoderated(s, meeting)
        and s.scalar(select(RoundItem.id).where(RoundItem.idea_id == idea.id).limit(1)) is None
    )


def set_premoderate(db: Database, actor: Actor, item_id: int, on: bool) -> AgendaItem:
    """Switch a step to "approve before it shows", or back; ideas already waiting stay.

    Not an agenda change the leaders must approve again: it is how the facilitator runs
    the room, like opening input, so it goes to the audit log only.
    """
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        item = require(s, AgendaItem, item_id, N_("agenda item"))
        meeting = s.get_one(Meeting, item.meeting_id)
        if item.premoderate != on:
            item.premoderate = on
            detail = {"title": item.title, "premoderate": on}
            audit.record(
                s,
                actor,
                audit.Change(
                    entity="agenda_item",
                    entity_id=item.id,
                    action="premoderate",
                    detail=detail,
                    initiative_id=meeting.initiative_id,
                ),
            )
        return item


def approve_idea(db: Database, actor: Actor, idea_id: int) -> Idea:
    """Let a waiting idea reach the room."""
    return _decide(db, actor, idea_id, IdeaStatus.VISIBLE)


def reject_idea(db: Database, actor: Actor, idea_id: int) -> Idea:
    """Keep a waiting idea off the room's screens; it stays, hidden, with its history."""
    return _decide(db, actor, idea_id, IdeaStatus.HIDDEN)


def approve_all(
    db: Database, actor: Actor, meeting_id: int, idea_ids: Collection[int] | None = None
) -> int:
    """Approve the meeting's waiting ideas, or only those of `idea_ids` (the ones the
    facilitator has on screen: one that arrived since was read by nobody); how many."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        meeting = require(s, Meeting, meeting_id, N_("meeting"))
        query = select(Idea).where(Idea.meeting_id == meeting.id, Idea.status == IdeaStatus.PENDING)
        if idea_ids is not None:
            query = query.where(Idea.id.in_(list(idea_ids)))
        waiting = s.scalars(query.order_by(Idea.created_at, Idea.id)).all()
        for idea in waiting:
            _set(s, actor, idea, meeting, IdeaStatus.VISIBLE)
        return len(waiting)


def approval_queue(db: Database, actor: Actor, meeting_id: int) -> list[QueuedIdea]:
    """The meeting's waiting ideas, oldest first, each with its flags (facilitators only)."""
    require_role(actor, Role.FACILITATOR)
    with db.read() as s:
        meeting = require(s, Meeting, meeting_id, N_("meeting"))
        rows = s.execute(
            select(Idea, MeetingTable.number)
            .outerjoin(MeetingTable, MeetingTable.id == Idea.table_id)
            .where(Idea.meeting_id == meeting.id, Idea.status == IdeaStatus.PENDING)
            .order_by(Idea.created_at, Idea.id)
        ).all()
        if not rows:
            return []
        roster = list(
            s.scalars(
                select(Participant.name).where(
                    Participant.initiative_id == meeting.initiative_id, ON_ROSTER
                )
            )
        )
        return [
            QueuedIdea(idea, number, tuple(flag_idea(idea.text, roster))) for idea, number in rows
        ]


def waiting_at_table(db: Database, actor: Actor, table_id: int) -> list[Idea]:
    """A table's ideas still waiting for approval, oldest first: its scribe's own, or any
    table's for a facilitator."""
    with db.read() as s:
        table = check_table_access(s, actor, table_id)
        membership.require_meeting_member(s, actor, table.meeting_id)
        query = (
            select(Idea)
            .where(Idea.table_id == table.id, Idea.status == IdeaStatus.PENDING)
            .order_by(Idea.created_at, Idea.id)
        )
        return list(s.scalars(query))


def table_ideas(db: Database, actor: Actor, table_id: int, idea_ids: set[int]) -> list[Idea]:
    """These ideas of the table, whatever became of them, oldest first (a scribe's own)."""
    with db.read() as s:
        table = check_table_access(s, actor, table_id)
        membership.require_meeting_member(s, actor, table.meeting_id)
        query = (
            select(Idea)
            .where(Idea.table_id == table.id, Idea.id.in_(idea_ids))
            .order_by(Idea.created_at, Idea.id)
        )
        return list(s.scalars(query))


def _decide(db: Database, actor: Actor, idea_id: int, to: IdeaStatus) -> Idea:
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        idea = require(s, Idea, idea_id, N_("idea"))
        meeting = s.get_one(Meeting, idea.meeting_id)
        if idea.status is to:
            return idea  # a second tap on the same button
        if idea.status is not IdeaStatus.PENDING:
            raise ValidationError(
                _(
                    "Idea #{id} is no longer waiting for approval (it is {value} now): someone "
                    "decided it already. Reload the page."
                ).format(id=idea.id, value=label(idea.status).lower())
            )
        return _set(s, actor, idea, meeting, to)


# A waiting idea is approved onto the board or rejected off it; the audit says which.
_DECISIONS = {IdeaStatus.VISIBLE: "approved", IdeaStatus.HIDDEN: "rejected"}


def _set(s: Session, actor: Actor, idea: Idea, meeting: Meeting, to: IdeaStatus) -> Idea:
    idea.status, idea.updated_at = to, utcnow()
    action = _DECISIONS[to]
    audit.record(
        s,
        actor,
        audit.Change(
            entity="idea",
            entity_id=idea.id,
            action=action,
            detail={"from": "pending"},
            initiative_id=meeting.initiative_id,
        ),
    )
    return idea
