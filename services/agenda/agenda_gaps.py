"""Who has not approved the agenda yet: what a facilitator weighs before running it anyway."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Account, AgendaApproval, Meeting, Stakeholder
from db.models.enums import AgendaStatus, Role
from services.core import membership
from services.core.actors import Actor


@dataclass(frozen=True)
class Waiting:
    """A Thought Leader Team member who has not approved, and the group they speak for."""

    name: str
    group: str


@dataclass(frozen=True)
class ApprovalGaps:
    """An agenda not approved: who is still to approve, groups with nobody to, who did."""

    waiting: list[Waiting]
    groups_without_leader: list[str]
    approved_by: list[str]

    def audit_detail(self) -> dict:
        """What the audit keeps of the gaps when a meeting starts regardless."""
        return {
            "agenda_approved": False,
            "not_approved_by": [f"{w.name} ({w.group})" for w in self.waiting],
            "groups_without_leader": self.groups_without_leader,
            "approved_by": self.approved_by,
        }


def approval_gaps(db: Database, actor: Actor, meeting_id: int) -> ApprovalGaps | None:
    """The gaps in the agenda's approval, or None once the Thought Leader Team approved it."""
    with db.read() as s:
        return gaps_in(s, membership.member_meeting(s, actor, meeting_id))


def gaps_in(s: Session, meeting: Meeting) -> ApprovalGaps | None:
    """`approval_gaps` inside a transaction the caller holds (starting a meeting audits it)."""
    if meeting.agenda_status is AgendaStatus.APPROVED:
        return None
    given = set(s.scalars(select(AgendaApproval.account_id).filter_by(meeting_id=meeting.id)))
    # The same team agenda_review counts: active leaders speaking for a group of the initiative.
    team = s.execute(
        select(Account.id, Account.display_name, Stakeholder.id, Stakeholder.name)
        .join(Stakeholder, Stakeholder.id == Account.stakeholder_id)
        .where(
            Account.role == Role.LEADER,
            Account.active.is_(True),
            Stakeholder.initiative_id == meeting.initiative_id,
        )
        .order_by(Stakeholder.name, Account.display_name)
    ).all()
    led = {group_id for _, _, group_id, _ in team}
    majors = s.scalars(
        select(Stakeholder.name)
        .where(
            Stakeholder.initiative_id == meeting.initiative_id,
            Stakeholder.is_major.is_(True),
            Stakeholder.retired.is_(False),
            Stakeholder.id.not_in(led),
        )
        .order_by(Stakeholder.name)
    )
    return ApprovalGaps(
        waiting=[Waiting(name, group) for aid, name, _, group in team if aid not in given],
        groups_without_leader=list(majors),
        approved_by=[name for aid, name, _, _ in team if aid in given],
    )
