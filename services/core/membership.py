"""Who belongs to which initiative, and the refusal when someone reads outside their own.

The rule, decided for issue 13 ("who sees what"):

- A facilitator belongs to every initiative: they set them all up and run their rooms.
- A Thought Leader Team member belongs to the initiative of the stakeholder group they
  speak for (Account.stakeholder_id → Stakeholder.initiative_id). A leader with no group
  belongs to none until a facilitator gives them one.
- A table scribe belongs to every initiative with a meeting where they scribe a table
  (MeetingTable.scribe_account_id), archived meetings included, so what they wrote once
  stays theirs to read.

Every read a leader or a scribe reaches with an initiative or a meeting id checks this in
its own read transaction (`require_member`, `require_meeting_member`): the ids a page
holds come from the browser (a remembered choice, a link), so the page alone is no guard.
Membership is looked up each time, never cached: a leader moved to another group, or a
scribe given a table, sees the change on their next click.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Exists, exists, literal, select
from sqlalchemy.orm import Session, aliased

from db.models import Account, Meeting, MeetingTable, Stakeholder
from db.models.enums import Role
from i18n import N_, _
from services.core.actors import Actor
from services.core.errors import PermissionDenied
from services.core.validation import require

_WHY = {
    Role.LEADER: N_(
        "a Thought Leader Team member sees only the initiative of the group they speak for"
    ),
    Role.SCRIBE: N_("a table scribe sees only the initiatives where they scribe a table"),
}


def member_initiative_ids(session: Session, actor: Actor) -> set[int] | None:
    """The ids of the initiatives the actor belongs to; None means every one (facilitators)."""
    if actor.is_facilitator:
        return None
    if actor.account_id is None:
        return set()
    if actor.role is Role.LEADER:
        query = (
            select(Stakeholder.initiative_id)
            .join(Account, Account.stakeholder_id == Stakeholder.id)
            .where(Account.id == actor.account_id)
        )
    else:
        query = (
            select(Meeting.initiative_id)
            .join(MeetingTable, MeetingTable.meeting_id == Meeting.id)
            .where(MeetingTable.scribe_account_id == actor.account_id)
            .distinct()
        )
    return set(session.scalars(query))


def is_member(session: Session, actor: Actor, initiative_id: int) -> bool:
    """Whether the actor belongs to the initiative (one small query; none for facilitators)."""
    if actor.is_facilitator:
        return True
    return bool(session.scalar(select(_belongs(actor, literal(initiative_id)))))


def require_member(session: Session, actor: Actor, initiative_id: int) -> None:
    """Refuse, in plain words, unless the actor belongs to the initiative."""
    if not is_member(session, actor, initiative_id):
        raise PermissionDenied(
            _(
                "This initiative is not one of yours: {why}. Pick one of your "
                "own in the sidebar, or ask a facilitator to add you to this one."
            ).format(why=_(_WHY[actor.role]))
        )


def require_meeting_member(session: Session, actor: Actor, meeting_id: int) -> None:
    """Refuse, in plain words, unless the actor belongs to the meeting's initiative.

    One query for a leader or a scribe (a meeting that does not exist is refused the same
    way), none for a facilitator: the reads they make on every refresh stay as they were.
    """
    if actor.is_facilitator:
        return
    target = aliased(Meeting)  # not the scribe's meeting in `_belongs`: another row
    of_meeting = select(target.initiative_id).where(target.id == meeting_id).scalar_subquery()
    if not session.scalar(select(_belongs(actor, of_meeting))):
        raise PermissionDenied(
            _(
                "This meeting belongs to an initiative that is not one of yours: "
                "{why}. Pick one of your own meetings in the sidebar, or ask a "
                "facilitator to add you."
            ).format(why=_(_WHY[actor.role]))
        )


def member_meeting(session: Session, actor: Actor, meeting_id: int) -> Meeting:
    """The meeting, if it exists and the actor belongs to its initiative."""
    meeting = require(session, Meeting, meeting_id, N_("meeting"))
    require_member(session, actor, meeting.initiative_id)
    return meeting


def _belongs(actor: Actor, initiative_id: ColumnElement[int]) -> Exists:
    """EXISTS: the (leader or scribe) actor belongs to the initiative `initiative_id` names."""
    if actor.role is Role.LEADER:
        return exists().where(
            Account.id == actor.account_id,
            Account.stakeholder_id == Stakeholder.id,
            Stakeholder.initiative_id == initiative_id,
        )
    return exists().where(
        MeetingTable.scribe_account_id == actor.account_id,
        MeetingTable.meeting_id == Meeting.id,
        Meeting.initiative_id == initiative_id,
    )
