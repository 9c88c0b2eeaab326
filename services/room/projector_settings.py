"""How the projector behaves, set from the console: whether its pages turn or are held,
and the language it speaks.

Held (WCAG 2.2.2 Pause, Stop, Hide): the ideas wall, the results and the charter stay on
the page they showed when the facilitator held them, for as long as it takes the room to
read it; turning again, they follow the clock as before, as every projector of the room
does. Kept on the meeting, so every projector and every server sees the same.
"""

from __future__ import annotations

import i18n
from db.database import Database
from db.models import utcnow
from db.models.enums import Role
from i18n import ENGLISH, N_, SPANISH, _
from services.core import membership
from services.core.actors import Actor, require_role
from services.core.errors import ValidationError
from services.room import room_control
from services.room.room_control import RoomState

BROWSERS = ""
"""The projector speaks the language its browser asks for (the default)."""
BOTH = "both"
"""English and Spanish side by side, each part marked with its language."""
PROJECTOR_LANGUAGES = {
    BROWSERS: N_("The projector browser's own language"),
    ENGLISH: N_("English only"),
    SPANISH: N_("Spanish only"),
    BOTH: N_("English and Spanish side by side"),
}
"""Each choice, as the console names it (translated where shown). Not "English" alone:
that msgid is a language's name inside a sentence, lower case in Spanish ("inglés")."""


def projector_languages(setting: str) -> tuple[str, ...]:
    """The languages a projector set to `setting` speaks, the one it names things in first
    (the ranked ideas, the room's question) leading: its own choice, both (English first),
    or, unset, the language its browser asked for."""
    if setting == BOTH:
        return (ENGLISH, SPANISH)
    if setting in (ENGLISH, SPANISH):
        return (setting,)
    return (i18n.current(),)


def hold_pages(db: Database, actor: Actor, meeting_id: int, held: bool) -> RoomState:
    """Hold the projector's pages where they are (`held`), or let them turn again."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        meeting = membership.member_meeting(s, actor, meeting_id)
        if (meeting.pages_held_at is not None) != held:  # a second tap changes nothing
            meeting.pages_held_at = utcnow() if held else None
            action = "projector pages held" if held else "projector pages turning"
            room_control.record_change(s, actor, meeting, action, {})
        return room_control.state_in(s, meeting)


def set_language(db: Database, actor: Actor, meeting_id: int, language: str) -> RoomState:
    """The projector speaks `language` (a key of PROJECTOR_LANGUAGES) from its next refresh."""
    require_role(actor, Role.FACILITATOR)
    if language not in PROJECTOR_LANGUAGES:
        raise ValidationError(
            _("The projector speaks English, Spanish, or both side by side. Pick one of those.")
        )
    with db.write() as s:
        meeting = membership.member_meeting(s, actor, meeting_id)
        if meeting.projector_language != language:
            was, meeting.projector_language = meeting.projector_language, language
            room_control.record_change(
                s, actor, meeting, "projector language", {"from": was, "to": language}
            )
        return room_control.state_in(s, meeting)
