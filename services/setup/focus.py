"""Which initiative and meeting a signed-in person works on: their choice, else the newest.

The choice comes from the browser (the sidebar picker, a remembered cookie), so it is
only a wish: it holds while it names an initiative and meeting of theirs that is not
archived, and anything else (archived, deleted, not theirs, garbage) falls back quietly
to the default: the newest initiative they belong to and its newest meeting. For a scribe
the default is the newest meeting where they scribe a table, and its initiative: with two
rooms running at once, the newest initiative would be the other room's for half of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.database import Database
from db.models import Initiative, Meeting
from services.core.actors import Actor
from services.core.vocab import Role
from services.setup import initiatives, meetings


@dataclass(frozen=True)
class Focus:
    """What the person works on, and what else they could pick."""

    initiatives: list[Initiative]
    """Every initiative of theirs that is not archived, by name."""
    meetings: list[Meeting]
    """The chosen initiative's meetings they may work on, newest first."""
    initiative_id: int | None
    meeting_id: int | None


def resolve(
    db: Database, actor: Actor, initiative_id: int | None = None, meeting_id: int | None = None
) -> Focus:
    """The initiative and meeting in focus for a wished-for pair (either may be None)."""
    choices = initiatives.initiatives_for(db, actor)
    ids = {i.id for i in choices}
    if initiative_id not in ids:
        initiative_id = _default_initiative(db, actor, choices)
    if initiative_id is None:
        return Focus(choices, [], None, None)
    own = meetings.meetings_for(db, actor, initiative_id)
    if meeting_id not in {m.id for m in own}:
        meeting_id = _default_meeting(actor, own)
    return Focus(choices, own, initiative_id, meeting_id)


def _default_initiative(db: Database, actor: Actor, choices: list[Initiative]) -> int | None:
    if not choices:
        return None
    if actor.role is Role.SCRIBE:
        newest = max(
            (m for i in choices for m in meetings.meetings_for(db, actor, i.id)),
            key=lambda m: m.id,
            default=None,
        )
        if newest is not None:
            return newest.initiative_id
    return max(i.id for i in choices)


def _default_meeting(actor: Actor, own: list[Meeting]) -> int | None:
    if not own:
        return None
    if actor.role is Role.SCRIBE:
        return max(m.id for m in own)
    return own[0].id
