"""Table activity: which tables are working in the last minutes and which have gone quiet."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event

from db.models import Idea, ListeningNote, MeetingTable, RoundItem, Vote, VotingRound
from db.models.enums import RoundStatus, VoteMode
from services.core.errors import NotFound, PermissionDenied, ValidationError
from services.room.activity import activity_by_table
from tests.factories import build_elsewhere, build_room

pytestmark = pytest.mark.both_databases  # time windows compared and summed in SQL

NOW = datetime(2025, 3, 1, 19, 0, tzinfo=UTC)


def ago(minutes):
    return NOW - timedelta(minutes=minutes)


def _round(s, meeting_id, idea_ids):
    rnd = VotingRound(
        meeting_id=meeting_id, title="Vote", mode=VoteMode.AGREE_DISAGREE, status=RoundStatus.OPEN
    )
    s.add(rnd)
    s.flush()
    items = [RoundItem(round_id=rnd.id, idea_id=i) for i in idea_ids]
    s.add_all(items)
    s.flush()
    return rnd, items


def _vote(s, rnd, item, participant_id, when):
    s.add(
        Vote(
            round_id=rnd.id,
            round_item_id=item.id,
            participant_id=participant_id,
            choice="agree",
            created_at=when,
            updated_at=when,
        )
    )


def _busy_room(db):
    """Table 1 busy in the last five minutes; table 2 active only 20 minutes ago; table 3 new."""
    room = build_room(db)
    t1, t2 = room.table1_id, room.table2_id
    with db.write() as s:
        s.add(MeetingTable(meeting_id=room.meeting_id, number=3))
        for table, said, when in [(t1, "a", 1), (t1, "b", 4), (t1, "old", 10), (t2, "c", 20)]:
            s.add(
                ListeningNote(
                    meeting_id=room.meeting_id, table_id=table, said=said, created_at=ago(when)
                )
            )
        ideas = [
            Idea(meeting_id=room.meeting_id, table_id=t1, text="i1", created_at=ago(2)),
            Idea(meeting_id=room.meeting_id, table_id=t2, text="i2", created_at=ago(25)),
            # An imported idea belongs to no table and must not count for any.
            Idea(meeting_id=room.meeting_id, table_id=None, text="i3", created_at=ago(1)),
        ]
        s.add_all(ideas)
        s.flush()
        rnd, items = _round(s, room.meeting_id, [i.id for i in ideas])
        p0, p1, p2, _ = room.participant_ids  # p0, p1 at table 1; p2 at table 2
        _vote(s, rnd, items[0], p0, ago(0.5))
        _vote(s, rnd, items[1], p0, ago(3))
        _vote(s, rnd, items[0], p1, ago(4.5))
        _vote(s, rnd, items[0], p2, ago(6))
    return room


def test_counts_each_tables_notes_ideas_and_votes_inside_the_window(db):
    room = _busy_room(db)
    rows = activity_by_table(db, room.facilitator, room.meeting_id, 5, NOW)
    assert [(r.number, r.scribe_name, r.notes, r.ideas, r.votes, r.silent) for r in rows] == [
        (1, "S1", 2, 1, 3, False),
        (2, "S2", 0, 0, 0, True),
        (3, None, 0, 0, 0, True),
    ]
    assert [r.last_activity for r in rows] == [ago(0.5), ago(6), None]
    assert rows[0].table_id == room.table1_id


def test_a_wider_window_takes_in_older_activity(db):
    room = _busy_room(db)
    rows = activity_by_table(db, room.facilitator, room.meeting_id, 30, NOW)
    assert [(r.number, r.notes, r.ideas, r.votes, r.silent) for r in rows] == [
        (1, 3, 1, 3, False),
        (2, 1, 1, 1, False),
        (3, 0, 0, 0, True),
    ]


def test_nothing_after_now_counts(db):
    room = _busy_room(db)
    rows = activity_by_table(db, room.facilitator, room.meeting_id, 10, ago(15))
    assert [(r.notes, r.ideas, r.votes, r.last_activity) for r in rows[:2]] == [
        (0, 0, 0, None),
        (1, 0, 0, ago(20)),
    ]


def test_votes_in_another_meetings_round_do_not_count_for_this_room(db):
    room = build_room(db)
    elsewhere = build_elsewhere(db)
    with db.write() as s:
        idea = Idea(meeting_id=elsewhere.meeting_id, text="away")
        s.add(idea)
        s.flush()
        rnd, (item,) = _round(s, elsewhere.meeting_id, [idea.id])
        _vote(s, rnd, item, room.participant_ids[0], ago(1))
    rows = activity_by_table(db, room.facilitator, room.meeting_id, 5, NOW)
    assert [(r.votes, r.silent) for r in rows] == [(0, True), (0, True)]


def test_the_room_view_costs_four_grouped_queries_however_many_tables(db):
    room = _busy_room(db)
    with db.write() as s:
        s.add_all(MeetingTable(meeting_id=room.meeting_id, number=n) for n in range(4, 11))
    statements = []

    def listener(_conn, _cursor, statement, *_rest):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        rows = activity_by_table(db, room.facilitator, room.meeting_id, 5, NOW)
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    assert len(rows) == 10
    assert len([q for q in statements if q.lstrip().upper().startswith("SELECT")]) == 4


def test_an_unknown_meeting_is_named_in_the_message(db):
    room = build_room(db)
    with pytest.raises(NotFound, match="No meeting with id 999"):
        activity_by_table(db, room.facilitator, 999)


def test_a_window_of_no_minutes_is_refused(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="between 1 and 240"):
        activity_by_table(db, room.facilitator, room.meeting_id, 0)


def test_only_a_facilitator_sees_the_tables_activity(db):
    room = build_room(db)
    for who in (room.scribe1, room.leader):
        with pytest.raises(PermissionDenied, match="Only a facilitator"):
            activity_by_table(db, who, room.meeting_id)
