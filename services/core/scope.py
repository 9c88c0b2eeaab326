"""Who may write at which table, and whether the room takes input."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Meeting, MeetingTable, Stakeholder
from db.models.enums import MeetingStatus, Role
from i18n import N_, _
from services.core.actors import Actor, require_role
from services.core.errors import NotAllowedNow, PermissionDenied, ValidationError
from services.core.validation import require


def check_table_access(
    session: Session, actor: Actor, table_id: int | None, doing: str | None = None
) -> MeetingTable:
    """The table, if the actor may write there: facilitators anywhere, scribes at their own.

    `doing` names what was refused ("rate options") where the request is not the table's page.
    """
    require_role(actor, Role.FACILITATOR, Role.SCRIBE)
    table = require(session, MeetingTable, table_id, N_("table"))
    if actor.is_facilitator or table.scribe_account_id == actor.account_id:
        return table
    own = session.scalar(
        select(MeetingTable.number).where(
            MeetingTable.meeting_id == table.meeting_id,
            MeetingTable.scribe_account_id == actor.account_id,
        )
    )
    refused = (
        _("This is table {number}'s page").format(number=table.number)
        if doing is None
        else _("You cannot {doing} for table {number}").format(doing=_(doing), number=table.number)
    )
    if own is None:
        raise PermissionDenied(
            _(
                "{refused}; you are not the scribe for any table in this meeting. Ask the "
                "facilitator to assign you a table."
            ).format(refused=refused)
        )
    raise PermissionDenied(
        _("{refused}; you are the scribe for table {own}. Open your own table's link.").format(
            refused=refused, own=own
        )
    )


def check_table_access_for(db: Database, actor: Actor, table_id: int | None) -> MeetingTable | None:
    """For a page: the table the actor may work at, or None for every table (facilitators)."""
    require_role(actor, Role.FACILITATOR, Role.SCRIBE)
    if table_id is None:
        if not actor.is_facilitator:
            raise PermissionDenied(
                _(
                    "A scribe works on their own table's page, not every table's. Open your own "
                    "table's link."
                )
            )
        return None
    with db.read() as s:
        return check_table_access(s, actor, table_id)


MEETING_CLOSED = N_(
    "This meeting has closed, so nothing more can be sent. Thank you for taking part."
)


def room_is_open(meeting: Meeting) -> bool:
    """Whether the room still takes input at all: not once the meeting has closed."""
    return meeting.status is not MeetingStatus.CLOSED


def require_open_meeting(meeting: Meeting, actor: Actor | None = None) -> None:
    """Refuse a table's or a phone's input once the meeting has closed.

    A facilitator (`actor`) may still tidy the record after the meeting; scribes and
    voters (no actor: a badge's code) may not add to it.
    """
    if room_is_open(meeting) or (actor is not None and actor.is_facilitator):
        return
    raise NotAllowedNow(_(MEETING_CLOSED))


def require_input_open(meeting: Meeting) -> None:
    """Refuse when the meeting is over or the facilitator has closed input."""
    require_open_meeting(meeting)
    if not meeting.input_open:
        raise NotAllowedNow(
            _("Input is closed for this step. Wait for the facilitator to open it.")
        )


def require_stakeholder(
    session: Session, stakeholder_id: int | None, initiative_id: int
) -> int | None:
    """The id of a group of this initiative, or None when no group was picked."""
    if stakeholder_id is None:
        return None
    group = require(session, Stakeholder, stakeholder_id, N_("stakeholder group"))
    if group.initiative_id != initiative_id:
        raise ValidationError(
            _("{name} is a group of another initiative. Pick one of this meeting's groups.").format(
                name=group.name
            )
        )
    return group.id
