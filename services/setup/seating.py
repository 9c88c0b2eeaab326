"""Who sits where now: people per table, and the table with room for one more person."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import MeetingTable, Participant


def people_per_table(
    s: Session, meeting_id: int, stakeholder_id: int | None = None
) -> dict[int, int]:
    """Table id -> how many people present sit there (of one group when it is given).

    People marked absent are out of the count: their seat is free for someone else.
    """
    query = (
        select(Participant.table_id, func.count())
        .join(MeetingTable, MeetingTable.id == Participant.table_id)
        .where(MeetingTable.meeting_id == meeting_id, Participant.absent.is_(False))
        .group_by(Participant.table_id)
    )
    if stakeholder_id is not None:
        query = query.where(Participant.stakeholder_id == stakeholder_id)
    # The join leaves out the unseated (no table_id); the test only tells the type checker.
    return {table_id: count for table_id, count in s.execute(query) if table_id is not None}


def table_with_room(s: Session, meeting_id: int, stakeholder_id: int) -> MeetingTable | None:
    """The meeting's table with the fewest people; among those, the one where this group is
    least represented; then the lowest number. None when the meeting has no tables."""
    tables = s.scalars(
        select(MeetingTable)
        .where(MeetingTable.meeting_id == meeting_id)
        .order_by(MeetingTable.number)
    )
    everyone = people_per_table(s, meeting_id)
    same_group = people_per_table(s, meeting_id, stakeholder_id)
    return min(
        tables,
        key=lambda t: (everyone.get(t.id, 0), same_group.get(t.id, 0), t.number),
        default=None,
    )
