"""Which initiative and meeting a signed-in person works on: their choice, else the default.

The choice comes from the browser (the sidebar picker, a remembered cookie), so it is
only a wish: it holds while it names an initiative and meeting of theirs that is not
archived, and anything else (archived, deleted, not theirs, garbage) falls back quietly
to the default: the newest initiative they belong to and the meeting its room is at (the
live one, else the next to be held, else the last held). For a scribe the initiative is
that of the newest meeting where they scribe a table: with two
rooms running at once, the newest initiative would be the other room's for half of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from db.database import Database
from db.models import Initiative, Meeting
from services.core.actors import Actor
from services.core.vocab import MeetingStatus, Role
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
        meeting_id = _default_meeting(own)
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


def _default_meeting(own: list[Meeting]) -> int | None:
    """The meeting the room is at: the one live now, else the next to be held (the first
    not closed, by its date, undated last), else the last held. Not the newest made: a
    facilitator adding next month's follow-up moved every leader and scribe who had not
    picked one onto its empty agenda."""
    live = [m for m in own if m.status is MeetingStatus.LIVE]
    if live:
        return live[0].id
    to_come = [m for m in own if m.status is not MeetingStatus.CLOSED]
    if to_come:
        return min(to_come, key=_when_held).id
    return own[0].id if own else None


def _when_held(meeting: Meeting) -> tuple[bool, datetime, int]:
    """Dated before undated, earlier first, then in the order they were made."""
    return (
        meeting.starts_at is None,
        meeting.starts_at or datetime.max.replace(tzinfo=UTC),
        meeting.id,
    )
