"""Which tables are working and which have gone quiet, for the facilitator's room view."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import (
    Account,
    Idea,
    ListeningNote,
    Meeting,
    MeetingTable,
    Participant,
    Vote,
    VotingRound,
    utcnow,
)
from db.models.enums import Role
from i18n import N_
from services.core.actors import Actor, require_role
from services.core.validation import in_range, require

WINDOW_MAX = 240


@dataclass(frozen=True)
class TableActivity:
    """What one table did in the last few minutes, and when it last did anything."""

    table_id: int
    number: int
    scribe_name: str | None
    notes: int
    ideas: int
    votes: int
    last_activity: datetime | None
    silent: bool


def activity_by_table(
    db: Database,
    actor: Actor,
    meeting_id: int,
    window_minutes: int = 5,
    now: datetime | None = None,
) -> list[TableActivity]:
    """Every table of the meeting, by number, with its notes, ideas and votes in the window."""
    require_role(actor, Role.FACILITATOR)
    in_range(window_minutes, N_("Activity window (minutes)"), 1, WINDOW_MAX)
    end = now or utcnow()
    start = end - timedelta(minutes=window_minutes)
    with db.read() as s:
        tables = s.execute(
            select(MeetingTable.id, MeetingTable.number, Account.display_name)
            .outerjoin(Account, Account.id == MeetingTable.scribe_account_id)
            .where(MeetingTable.meeting_id == meeting_id)
            .order_by(MeetingTable.number)
        ).all()
        if not tables:
            require(s, Meeting, meeting_id, N_("meeting"))
            return []
        notes = _per_table(
            s,
            _Counted(
                source=ListeningNote,
                table_col=ListeningNote.table_id,
                time_col=ListeningNote.created_at,
                scope=ListeningNote.meeting_id == meeting_id,
            ),
            start,
            end,
        )
        ideas = _per_table(
            s,
            _Counted(
                source=Idea,
                table_col=Idea.table_id,
                time_col=Idea.created_at,
                scope=Idea.meeting_id == meeting_id,
            ),
            start,
            end,
        )
        # A voter counts for the table they sit at now; the round must be this meeting's.
        votes = _per_table(
            s,
            _Counted(
                source=Vote,
                table_col=Participant.table_id,
                time_col=Vote.updated_at,
                scope=VotingRound.meeting_id == meeting_id,
                joins=(
                    (Participant, Participant.id == Vote.participant_id),
                    (VotingRound, VotingRound.id == Vote.round_id),
                ),
            ),
            start,
            end,
        )
    result = []
    for table_id, number, scribe in tables:
        counts = [c.get(table_id, (0, None)) for c in (notes, ideas, votes)]
        seen = [last for _, last in counts if last is not None]
        n, i, v = (count for count, _ in counts)
        result.append(
            TableActivity(
                table_id, number, scribe, n, i, v, max(seen, default=None), n + i + v == 0
            )
        )
    return result


@dataclass(frozen=True, slots=True, kw_only=True)
class _Counted:
    """What `_per_table` counts: rows of `source` within `scope`, by table and time."""

    source: Any
    table_col: Any
    time_col: Any
    scope: Any
    joins: tuple[tuple[Any, Any], ...] = ()


def _per_table(
    s: Session, what: _Counted, start: datetime, end: datetime
) -> dict[int, tuple[int, datetime | None]]:
    """Per table: rows inside (start, end] and the latest time at or before `end`."""
    table_col, time_col = what.table_col, what.time_col
    in_window = func.sum(case((time_col > start, 1), else_=0))
    query = select(table_col, in_window, func.max(time_col)).select_from(what.source)
    for model, on in what.joins:
        query = query.join(model, on)
    query = query.where(what.scope, table_col.is_not(None), time_col <= end).group_by(table_col)
    return {table_id: (int(n), last) for table_id, n, last in s.execute(query)}
