"""How the projector behaves, set from the console: whether its pages turn or are held.

Held (WCAG 2.2.2 Pause, Stop, Hide): the ideas wall, the results and the charter stay on
the page they showed when the facilitator held them, for as long as it takes the room to
read it; turning again, they follow the clock as before, as every projector of the room
does. Kept on the meeting, so every projector and every server sees the same.
"""

from __future__ import annotations

from db.database import Database
from db.models import utcnow
from db.models.enums import Role
from services.core import audit, membership
from services.core.actors import Actor, require_role
from services.room import room_control
from services.room.room_control import RoomState


def hold_pages(db: Database, actor: Actor, meeting_id: int, held: bool) -> RoomState:
    """Hold the projector's pages where they are (`held`), or let them turn again."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        meeting = membership.member_meeting(s, actor, meeting_id)
        if (meeting.pages_held_at is not None) != held:  # a second tap changes nothing
            meeting.pages_held_at = utcnow() if held else None
            audit.record(
                s,
                actor,
                audit.Change(
                    entity="meeting",
                    entity_id=meeting.id,
                    action="projector pages held" if held else "projector pages turning",
                    detail={},
                    initiative_id=meeting.initiative_id,
                ),
            )
        return room_control.state_in(s, meeting)
