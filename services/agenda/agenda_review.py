"""The Thought Leader Team's review: comments on agenda items and approving the agenda."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import CursorResult, Delete, delete, func, select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Account, AgendaApproval, AgendaComment, AgendaItem, Meeting, Stakeholder
from db.models.enums import AgendaStatus, MeetingStatus, Role
from i18n import N_, _
from services.core import audit, membership
from services.core.actors import Actor, require_role
from services.core.errors import NotAllowedNow, PermissionDenied, ValidationError
from services.core.meeting_time import in_its_zone
from services.core.validation import TEXT_MAX, clean_text, require


@dataclass(frozen=True)
class Approver:
    """A leader who approved the agenda, the group they speak for, and when."""

    name: str
    group: str
    approved_at: datetime
    account_id: int = 0


@dataclass(frozen=True)
class ApprovalStatus:
    """Where the agenda stands: approved or not, who approved, who is still to."""

    approved: bool
    approvers: list[Approver]
    waiting_for: list[str]
    status: AgendaStatus


def comment(db: Database, actor: Actor, item_id: int, text: str) -> AgendaComment:
    """Add a comment to an agenda item."""
    require_role(actor, Role.LEADER, Role.FACILITATOR)
    clean = clean_text(text, N_("Comment"), TEXT_MAX)
    with db.write() as s:
        item = require(s, AgendaItem, item_id, N_("agenda item"))
        meeting = s.get_one(Meeting, item.meeting_id)
        account = _member(s, actor, meeting)
        author = account.display_name if account is not None else actor.name
        note = AgendaComment(
            agenda_item_id=item.id, account_id=actor.account_id, author=author, text=clean
        )
        s.add(note)
        s.flush()
        detail = {"agenda_item_id": item.id}
        audit.record(
            s,
            actor,
            audit.Change(
                entity="agenda_comment",
                entity_id=note.id,
                action="created",
                detail=detail,
                initiative_id=meeting.initiative_id,
            ),
        )
        return note


def comments(db: Database, actor: Actor, meeting_id: int) -> dict[int, list[AgendaComment]]:
    """Every item of the meeting (in agenda order) with its comments, oldest first."""
    with db.read() as s:
        membership.require_meeting_member(s, actor, meeting_id)
        query = (
            select(AgendaItem.id, AgendaComment)
            .outerjoin(AgendaComment, AgendaComment.agenda_item_id == AgendaItem.id)
            .where(AgendaItem.meeting_id == meeting_id)
            .order_by(AgendaItem.position, AgendaComment.created_at, AgendaComment.id)
        )
        by_item: dict[int, list[AgendaComment]] = {}
        for item_id, note in s.execute(query):
            notes = by_item.setdefault(item_id, [])
            if note is not None:
                notes.append(note)
        return by_item


def delete_comment(db: Database, actor: Actor, comment_id: int) -> None:
    """Remove a comment: its author or a facilitator may."""
    require_role(actor, Role.LEADER, Role.FACILITATOR)
    with db.write() as s:
        note = require(s, AgendaComment, comment_id, N_("comment"))
        if not actor.is_facilitator and note.account_id != actor.account_id:
            raise PermissionDenied(
                _(
                    "This comment is {author}’s. Only its author or a facilitator can remove it."
                ).format(author=note.author)
            )
        meeting_id = s.get_one(AgendaItem, note.agenda_item_id).meeting_id
        initiative_id = s.get_one(Meeting, meeting_id).initiative_id
        audit.record(
            s,
            actor,
            audit.Change(
                entity="agenda_comment",
                entity_id=note.id,
                action="deleted",
                detail={},
                initiative_id=initiative_id,
            ),
        )
        s.delete(note)


def approve(db: Database, actor: Actor, meeting_id: int) -> ApprovalStatus:
    """Approve the agenda as it stands; once every leader has, the agenda is approved."""
    require_role(actor, Role.LEADER)
    with db.write() as s:
        meeting = _lock(s, meeting_id)
        _member(s, actor, meeting)
        _not_held_yet(meeting)
        if not s.scalar(select(func.count()).where(AgendaItem.meeting_id == meeting_id)):
            raise ValidationError(
                _(
                    "The agenda of “{title}” has no items yet, so there is nothing to approve. "
                    "Approve it once the facilitator has added the steps."
                ).format(title=meeting.title)
            )
        mine = select(AgendaApproval).filter_by(meeting_id=meeting_id, account_id=actor.account_id)
        # Approving twice keeps the first time: that is when the leader read it.
        if s.scalar(mine) is None:
            s.add(AgendaApproval(meeting_id=meeting_id, account_id=actor.account_id))
            s.flush()
            _record(s, actor, meeting, "agenda_approved")
        state = _status(s, meeting)
        if state.approvers and not state.waiting_for:
            _set(s, actor, meeting, AgendaStatus.APPROVED)
            state = _status(s, meeting)
        return state


def withdraw_approval(db: Database, actor: Actor, meeting_id: int) -> None:
    """Take back the leader's approval; the agenda is a draft again (harmless if none)."""
    require_role(actor, Role.LEADER)
    with db.write() as s:
        meeting = _lock(s, meeting_id)
        _not_held_yet(meeting)
        mine = delete(AgendaApproval).filter_by(meeting_id=meeting_id, account_id=actor.account_id)
        if _deleted(s, mine):
            _record(s, actor, meeting, "agenda_approval_withdrawn")
            _set(s, actor, meeting, AgendaStatus.DRAFT)


def _not_held_yet(meeting: Meeting) -> None:
    """An agenda is approved before its meeting; once the meeting has closed, approving
    it (or taking an approval back) would rewrite what the record says was agreed."""
    if meeting.status is MeetingStatus.CLOSED:
        raise NotAllowedNow(
            _(
                "“{title}” has been held and closed: its agenda's approvals stay as they "
                "were. Approve the agenda of the next meeting instead."
            ).format(title=meeting.title)
        )


def approval_status(db: Database, actor: Actor, meeting_id: int) -> ApprovalStatus:
    """Who has approved the meeting's agenda, who has not yet, and its status."""
    with db.read() as s:
        return _status(s, membership.member_meeting(s, actor, meeting_id))


def status_in(s: Session, meeting: Meeting) -> ApprovalStatus:
    """`approval_status` inside a read that has already checked the actor's membership."""
    return _status(s, meeting)


def reopen(session: Session, meeting: Meeting, actor: Actor) -> None:
    """Clear the approvals and set the agenda to draft; agenda.py calls it on every change."""
    meeting = _lock(session, meeting.id)
    # An approval covers the agenda as it was read, so even partial ones no longer count.
    cleared = _deleted(session, delete(AgendaApproval).filter_by(meeting_id=meeting.id))
    if cleared:
        _record(session, actor, meeting, "agenda_approvals_cleared", {"count": cleared})
    _set(session, actor, meeting, AgendaStatus.DRAFT)


def _lock(s: Session, meeting_id: int) -> Meeting:
    # One approval, withdrawal or change at a time per meeting, so two last approvals
    # racing each other cannot both miss that everyone has approved.
    query = select(Meeting).where(Meeting.id == meeting_id).with_for_update()
    s.scalars(query.execution_options(populate_existing=True)).all()
    return require(s, Meeting, meeting_id, N_("meeting"))


def _member(s: Session, actor: Actor, meeting: Meeting) -> Account | None:
    account = s.get(Account, actor.account_id) if actor.account_id is not None else None
    if actor.is_facilitator:
        return account
    group = (
        s.get(Stakeholder, account.stakeholder_id) if account and account.stakeholder_id else None
    )
    if group is None or group.initiative_id != meeting.initiative_id:
        raise PermissionDenied(
            _(
                "Your account does not speak for a stakeholder group of this initiative. Ask a "
                "facilitator to link your account to your group, then try again."
            )
        )
    return account


def _status(s: Session, meeting: Meeting) -> ApprovalStatus:
    leaders = (
        select(Account.id, Account.display_name)
        .join(Stakeholder, Stakeholder.id == Account.stakeholder_id)
        .where(
            Account.role == Role.LEADER,
            Account.active.is_(True),
            Stakeholder.initiative_id == meeting.initiative_id,
        )
        .order_by(Account.display_name)
    )
    given = (
        select(
            AgendaApproval.account_id,
            Account.display_name,
            func.coalesce(Stakeholder.name, ""),
            AgendaApproval.approved_at,
        )
        .join(Account, Account.id == AgendaApproval.account_id)
        .outerjoin(Stakeholder, Stakeholder.id == Account.stakeholder_id)
        .where(AgendaApproval.meeting_id == meeting.id)
        .order_by(AgendaApproval.approved_at, AgendaApproval.id)
    )
    rows = s.execute(given).all()
    done = {row[0] for row in rows}
    waiting = [name for account_id, name in s.execute(leaders) if account_id not in done]
    # At the meeting's own hour, as its start is given: a Chicago leader's approval at
    # 16:41 read "22:41", the server's UTC (a helper's walk).
    zone = meeting.time_zone
    approvers = [
        Approver(name, group, in_its_zone(when, zone) or when, aid)
        for aid, name, group, when in rows
    ]
    approved = meeting.agenda_status is AgendaStatus.APPROVED
    return ApprovalStatus(approved, approvers, waiting, meeting.agenda_status)


def _set(s: Session, actor: Actor, meeting: Meeting, status: AgendaStatus) -> None:
    if meeting.agenda_status is status:
        return
    change = {"from": meeting.agenda_status.value, "to": status.value}
    meeting.agenda_status = status
    _record(s, actor, meeting, "agenda_status", change)


def _record(
    s: Session, actor: Actor, meeting: Meeting, action: str, detail: dict | None = None
) -> None:
    audit.record(
        s,
        actor,
        audit.Change(
            entity="meeting",
            entity_id=meeting.id,
            action=action,
            detail=detail,
            initiative_id=meeting.initiative_id,
        ),
    )


def _deleted(session: Session, statement: Delete) -> int:
    """Run a DELETE; how many rows it removed. A DELETE's result is a CursorResult, which
    SQLAlchemy 2.1's Session.execute no longer says in its return type."""
    return cast(CursorResult, session.execute(statement)).rowcount
