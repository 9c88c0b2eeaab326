"""Late notes: a step may let scribes keep saving after input closes; such saves are marked late.

A table is often mid-sentence when the facilitator closes input. Rather than reopening input
for the whole room (phones too), the facilitator allows late notes for the step: scribes'
notes and ideas for it still land, marked late so everyone reading them knows.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from db.database import Database
from db.models import AgendaItem, Meeting
from db.models.enums import MeetingStatus, Role
from i18n import N_, _
from services.core import audit, membership
from services.core.actors import Actor, require_role
from services.core.errors import NotAllowedNow
from services.core.scope import require_open_meeting
from services.core.validation import require
from services.room.room_control import RoomState

CLOSED_MESSAGE = N_(
    "Input is closed. Your text is kept here; ask the facilitator to allow late notes "
    "or reopen input."
)


def saved_late(session: Session, meeting: Meeting) -> bool:
    """Whether a scribe's save now is late: False while input is open, True when input is
    closed but the current step allows late notes; otherwise refused, saying what to do."""
    require_open_meeting(meeting)
    if meeting.input_open:
        return False
    step = session.get(AgendaItem, meeting.current_item_id) if meeting.current_item_id else None
    if step is not None and step.late_notes:
        return True
    raise NotAllowedNow(_(CLOSED_MESSAGE))


def allow_late_notes(db: Database, actor: Actor, item_id: int, allowed: bool) -> AgendaItem:
    """Let scribes save notes and ideas for this step after input closes (or stop them)."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        item = require(s, AgendaItem, item_id, N_("agenda item"))
        meeting = membership.member_meeting(s, actor, item.meeting_id)
        if item.late_notes != allowed:
            item.late_notes = allowed
            action = "late notes allowed" if allowed else "late notes stopped"
            detail = {"title": item.title, "position": item.position}
            audit.record(
                s,
                actor,
                audit.Change(
                    entity="agenda_item",
                    entity_id=item.id,
                    action=action,
                    detail=detail,
                    initiative_id=meeting.initiative_id,
                ),
            )
        return item


OPEN, LATE, CLOSED, OVER = "open", "late", "closed", "over"


def input_gate(state: RoomState, facilitator: bool = False) -> str:
    """Whether a save from a table lands now: OPEN, LATE (input closed, the step allows late
    notes), CLOSED or OVER (the meeting is closed). The rule of `saved_late`, for screens."""
    if facilitator:
        return OPEN
    if state.status is MeetingStatus.CLOSED:
        return OVER
    if state.input_open:
        return OPEN
    return LATE if state.current is not None and state.current.late_notes else CLOSED
