"""Each table's rating of an option, who may give it, and the means across tables."""

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from db.models import Meeting, MeetingTable, OptionRating
from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import NotFound, PermissionDenied, ValidationError
from services.solve import option_ratings, options
from tests.factories import build_room

# On Postgres too: one rating per person (integrity retry); avg() types differ.
pytestmark = pytest.mark.both_databases


def _other_meeting(db, room):
    with db.write() as s:
        meeting = Meeting(initiative_id=room.initiative_id, title="Second", code="second")
        s.add(meeting)
        s.flush()
        table = MeetingTable(meeting_id=meeting.id, number=1)
        s.add(table)
        s.flush()
        return meeting.id, table.id


def test_a_table_rates_once_and_rating_again_replaces_it(db):
    room = build_room(db)
    option = options.create_option(
        db, room.facilitator, room.meeting_id, options.OptionFields(title="X")
    )
    first = option_ratings.rate_option(
        db,
        room.scribe1,
        option.id,
        room.table1_id,
        option_ratings.RatingFields(impact=2, feasibility=5),
    )
    again = option_ratings.rate_option(
        db,
        room.scribe1,
        option.id,
        room.table1_id,
        option_ratings.RatingFields(impact=4, feasibility=3),
    )
    assert again.id == first.id
    assert (again.impact, again.feasibility) == (4, 3)
    assert [e.action for e in history(db, SYSTEM, "option", option.id)] == [
        "created",
        "rated",
        "rated",
    ]


def test_a_scribe_may_not_rate_for_another_table_and_is_told_both(db):
    room = build_room(db)
    option = options.create_option(
        db, room.facilitator, room.meeting_id, options.OptionFields(title="X")
    )
    with pytest.raises(
        PermissionDenied, match="cannot rate options for table 2; you are the scribe for table 1"
    ):
        option_ratings.rate_option(
            db,
            room.scribe1,
            option.id,
            room.table2_id,
            option_ratings.RatingFields(impact=3, feasibility=3),
        )


def test_a_scribe_without_a_table_here_may_not_rate(db):
    room = build_room(db)
    other_id, other_table = _other_meeting(db, room)
    option = options.create_option(db, room.facilitator, other_id, options.OptionFields(title="X"))
    with pytest.raises(
        PermissionDenied,
        match="cannot rate options for table 1; you are not the scribe for any table",
    ):
        option_ratings.rate_option(
            db,
            room.scribe1,
            option.id,
            other_table,
            option_ratings.RatingFields(impact=3, feasibility=3),
        )


def test_a_facilitator_may_rate_for_any_table(db):
    room = build_room(db)
    option = options.create_option(
        db, room.facilitator, room.meeting_id, options.OptionFields(title="X")
    )
    assert (
        option_ratings.rate_option(
            db,
            room.facilitator,
            option.id,
            room.table2_id,
            option_ratings.RatingFields(impact=1, feasibility=1),
        ).table_id
        == room.table2_id
    )


def test_rating_refuses_a_table_of_another_meeting_bad_values_and_leaders(db):
    room = build_room(db)
    _, other_table = _other_meeting(db, room)
    option = options.create_option(
        db, room.facilitator, room.meeting_id, options.OptionFields(title="X")
    )
    with pytest.raises(ValidationError, match="table 1 is not at this option's meeting"):
        option_ratings.rate_option(
            db,
            room.facilitator,
            option.id,
            other_table,
            option_ratings.RatingFields(impact=3, feasibility=3),
        )
    with pytest.raises(ValidationError, match="Feasibility must be between 1 and 5"):
        option_ratings.rate_option(
            db,
            room.facilitator,
            option.id,
            room.table1_id,
            option_ratings.RatingFields(impact=3, feasibility=9),
        )
    with pytest.raises(NotFound, match="No table with id 999"):
        option_ratings.rate_option(
            db,
            room.facilitator,
            option.id,
            999,
            option_ratings.RatingFields(impact=3, feasibility=3),
        )
    with pytest.raises(PermissionDenied):
        option_ratings.rate_option(
            db,
            room.leader,
            option.id,
            room.table1_id,
            option_ratings.RatingFields(impact=3, feasibility=3),
        )


def test_summary_gives_means_and_counts_in_one_query(db):
    room = build_room(db)
    rated = options.create_option(
        db, room.facilitator, room.meeting_id, options.OptionFields(title="Rated")
    )
    unrated = options.create_option(
        db, room.facilitator, room.meeting_id, options.OptionFields(title="Unrated")
    )
    option_ratings.rate_option(
        db,
        room.scribe1,
        rated.id,
        room.table1_id,
        option_ratings.RatingFields(impact=4, feasibility=2),
    )
    option_ratings.rate_option(
        db,
        room.scribe2,
        rated.id,
        room.table2_id,
        option_ratings.RatingFields(impact=5, feasibility=3),
    )
    statements = []

    def listener(_conn, _cursor, statement, *_rest):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        summary = option_ratings.ratings_summary(db, room.facilitator, room.meeting_id)
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    assert [(r.option_id, r.mean_impact, r.mean_feasibility, r.ratings) for r in summary] == [
        (rated.id, 4.5, 2.5, 2),
        (unrated.id, None, None, 0),
    ]
    assert len([q for q in statements if q.lstrip().upper().startswith("SELECT")]) == 1


def test_a_rating_racing_another_for_the_same_table_updates_it(db, monkeypatch):
    room = build_room(db)
    option = options.create_option(
        db, room.facilitator, room.meeting_id, options.OptionFields(title="X")
    )
    first = option_ratings.rate_option(
        db,
        room.scribe1,
        option.id,
        room.table1_id,
        option_ratings.RatingFields(impact=1, feasibility=1),
    )
    real = Session.scalar
    missed = []

    def scalar(self, statement, *args, **kwargs):
        # The look-up misses the row, as when another tap commits just after it.
        entity = statement.column_descriptions[0]["entity"]
        if entity is OptionRating and not missed:
            missed.append(True)
            return None
        return real(self, statement, *args, **kwargs)

    monkeypatch.setattr(Session, "scalar", scalar)
    again = option_ratings.rate_option(
        db,
        room.scribe1,
        option.id,
        room.table1_id,
        option_ratings.RatingFields(impact=5, feasibility=4),
    )
    assert missed
    assert (again.id, again.impact, again.feasibility) == (first.id, 5, 4)
