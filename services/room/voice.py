"""Voice balance: does each group's share of what is said match its share of the room?"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Idea, ListeningNote, Meeting, MeetingTable, Participant, Stakeholder
from i18n import N_
from services.core import membership
from services.core.actors import Actor
from services.core.roster_scope import PRESENT
from services.core.validation import require

UNDER_HEARD_RATIO = 0.5
"""A group is under-heard below this fraction of its fair share (its share of the people)."""

MIN_CONTRIBUTIONS = 5
"""Below this many attributed notes and ideas it is too early to judge anyone under-heard."""


@dataclass(frozen=True)
class VoiceShare:
    """One group's share of the people in the room against its share of what was said."""

    stakeholder_id: int
    name: str
    people: int
    people_share: float
    notes: int
    ideas: int
    contributions: int
    contribution_share: float
    ratio: float | None
    under_heard: bool


@dataclass(frozen=True)
class VoiceBalance:
    """Every group's share, with the totals the view needs to explain them."""

    shares: tuple[VoiceShare, ...]
    contributions: int
    unattributed: int
    too_early: bool
    counted_roster: bool


def voice_balance(db: Database, actor: Actor, meeting_id: int) -> list[VoiceShare]:
    """The groups, most under-heard first (`voice_summary` adds the totals)."""
    with db.read() as s:
        membership.require_meeting_member(s, actor, meeting_id)
        return list(summary_in(s, meeting_id).shares)


def voice_summary(db: Database, actor: Actor, meeting_id: int) -> VoiceBalance:
    """Groups by ratio of voice to presence, plus totals and whether it is too early to judge."""
    with db.read() as s:
        membership.require_meeting_member(s, actor, meeting_id)
        return summary_in(s, meeting_id)


def summary_in(s: Session, meeting_id: int) -> VoiceBalance:
    """`voice_summary` inside a read the caller already holds."""
    meeting = require(s, Meeting, meeting_id, N_("meeting"))
    seated_here = Participant.table_id.in_(
        select(MeetingTable.id).where(MeetingTable.meeting_id == meeting_id)
    )
    groups = s.execute(
        select(
            Stakeholder.id,
            Stakeholder.name,
            func.count(Participant.id),
            func.coalesce(func.sum(case((seated_here, 1), else_=0)), 0),
        )
        # People marked absent are not in the room: they are no share of it.
        .outerjoin(
            Participant,
            and_(Participant.stakeholder_id == Stakeholder.id, PRESENT),
        )
        .where(Stakeholder.initiative_id == meeting.initiative_id)
        .group_by(Stakeholder.id, Stakeholder.name)
    ).all()
    notes = Counter(_by_group(s, ListeningNote, meeting_id))
    ideas = Counter(_by_group(s, Idea, meeting_id))
    # Before anyone is seated the roster is the best guess at who will be in the room.
    roster = not any(seated for *_, seated in groups)
    people = {gid: int(n if roster else seated) for gid, _, n, seated in groups}
    unattributed = notes.pop(None, 0) + ideas.pop(None, 0)
    said = sum(notes.values()) + sum(ideas.values())
    present = sum(people.values())
    too_early = said < MIN_CONTRIBUTIONS
    shares = []
    for gid, name, *_ in groups:
        if not people[gid] and not notes[gid] + ideas[gid]:
            continue
        people_share = people[gid] / present if present else 0.0
        voice = notes[gid] + ideas[gid]
        voice_share = voice / said if said else 0.0
        ratio = voice_share / people_share if people_share else None
        quiet = bool(people[gid]) and voice_share < UNDER_HEARD_RATIO * people_share
        shares.append(
            VoiceShare(
                gid,
                name,
                people[gid],
                people_share,
                notes[gid],
                ideas[gid],
                voice,
                voice_share,
                ratio,
                quiet and not too_early,
            )
        )
    shares.sort(key=lambda v: (v.ratio is None, v.ratio or 0.0, v.name))
    return VoiceBalance(tuple(shares), said, unattributed, too_early, roster)


def _by_group(
    s: Session, model: type[ListeningNote] | type[Idea], meeting_id: int
) -> dict[int | None, int]:
    query = (
        select(model.stakeholder_id, func.count())
        .where(model.meeting_id == meeting_id)
        .group_by(model.stakeholder_id)
    )
    return {gid: n for gid, n in s.execute(query)}
