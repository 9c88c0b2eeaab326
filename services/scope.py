"""Who may write at which table, whether the room takes input, and double-tap-safe inserts."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Meeting, MeetingTable, Stakeholder
from db.models.enums import MeetingStatus, Role
from services.actors import Actor, require_role
from services.errors import NotAllowedNow, PermissionDenied, ValidationError
from services.validation import optional_text, require

KEY_MAX = 64

T = TypeVar("T")


def check_table_access(
    session: Session, actor: Actor, table_id: int | None, doing: str | None = None
) -> MeetingTable:
    """The table, if the actor may write there: facilitators anywhere, scribes at their own.

    `doing` names what was refused ("rate options") where the request is not the table's page.
    """
    require_role(actor, Role.FACILITATOR, Role.SCRIBE)
    table = require(session, MeetingTable, table_id, "table")
    if actor.is_facilitator or table.scribe_account_id == actor.account_id:
        return table
    own = session.scalar(
        select(MeetingTable.number).where(
            MeetingTable.meeting_id == table.meeting_id,
            MeetingTable.scribe_account_id == actor.account_id,
        )
    )
    where = f"table {table.number}"
    refused = f"This is {where}'s page" if doing is None else f"You cannot {doing} for {where}"
    if own is None:
        raise PermissionDenied(
            f"{refused}; you are not the scribe for any table in this meeting. "
            "Ask the facilitator to assign you a table."
        )
    raise PermissionDenied(
        f"{refused}; you are the scribe for table {own}. Open your own table's link."
    )


def check_table_access_for(db: Database, actor: Actor, table_id: int | None) -> MeetingTable | None:
    """For a page: the table the actor may work at, or None for every table (facilitators)."""
    require_role(actor, Role.FACILITATOR, Role.SCRIBE)
    if table_id is None:
        if not actor.is_facilitator:
            raise PermissionDenied(
                "A scribe works on their own table's page, not every table's. "
                "Open your own table's link."
            )
        return None
    with db.read() as s:
        return check_table_access(s, actor, table_id)


MEETING_CLOSED = "This meeting has closed, so nothing more can be sent. Thank you for taking part."


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
    raise NotAllowedNow(MEETING_CLOSED)


def require_input_open(meeting: Meeting) -> None:
    """Refuse when the meeting is over or the facilitator has closed input."""
    require_open_meeting(meeting)
    if not meeting.input_open:
        raise NotAllowedNow("Input is closed for this step. Wait for the facilitator to open it.")


def require_stakeholder(
    session: Session, stakeholder_id: int | None, initiative_id: int
) -> int | None:
    """The id of a group of this initiative, or None when no group was picked."""
    if stakeholder_id is None:
        return None
    group = require(session, Stakeholder, stakeholder_id, "stakeholder group")
    if group.initiative_id != initiative_id:
        raise ValidationError(
            f"{group.name} is a group of another initiative. Pick one of this meeting's groups."
        )
    return group.id


def clean_key(value: str | None) -> str | None:
    """The page's key for one tap of Save, trimmed; None when the page sent none."""
    return optional_text(value, "Submission key", KEY_MAX) or None


def insert_once(session: Session, row: T, model: type[T], meeting_id: int, key: str | None) -> T:
    """Insert `row`, or return the row an earlier tap with the same key already saved.

    The look-up catches the ordinary double tap; the savepoint catches two taps racing
    past it, so the unique constraint's refusal leaves the caller's transaction usable.
    """
    if key is not None:
        earlier = _by_key(session, model, meeting_id, key)
        if earlier is not None:
            return earlier
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        earlier = _by_key(session, model, meeting_id, key) if key is not None else None
        if earlier is None:
            raise
        return earlier
    return row


def _by_key(session: Session, model: Any, meeting_id: int, key: str) -> Any:
    return session.scalar(
        select(model).where(model.meeting_id == meeting_id, model.submission_key == key)
    )
