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
from datetime import UTC, datetime, timedelta

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


def _default_meeting(own: list[Meeting], now: datetime | None = None) -> int | None:
    """The meeting the room is at: the one live now, else the one nearest in time, held or
    to come. A meeting just held stays while it is nearer than the next, so the Thought
    Leader Team reads its results the day after; the next takes over as it nears. Not the
    newest made: a follow-up added for next month moved every leader and scribe who had
    not picked one onto its empty agenda; nor simply the next to be held: closing a
    meeting moved everyone, its facilitator's console too, onto the follow-up."""
    live = [m for m in own if m.status is MeetingStatus.LIVE]
    if live:
        return live[0].id
    if not own:
        return None
    moment = now or datetime.now(UTC)
    return min(own, key=lambda m: _distance(m, moment)).id


def _distance(meeting: Meeting, now: datetime) -> tuple[bool, timedelta, bool, int]:
    """How far `meeting` is from `now`: when it closed, else when it is planned (a meeting
    closed before closing was recorded: its planned date). Undated is farthest; at equal
    distance one to come before one held, then in the order they were made."""
    held = meeting.status is MeetingStatus.CLOSED
    when = (meeting.closed_at if held else None) or meeting.starts_at
    gap = abs(when - now) if when is not None else timedelta.max
    return (when is None, gap, held, meeting.id)
