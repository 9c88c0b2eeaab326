"""Options: writing them up, linking them to an idea or theme, and deleting them."""

import pytest
from sqlalchemy import select

from db.models import Idea, Meeting, MeetingTable, OptionRating, Theme, option_citation
from db.models.enums import CostBand
from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import NotFound, PermissionDenied, ValidationError
from services.solve import best_practices, option_citations, option_ratings, options
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # citations inserted in bulk; ratings averaged


def _practice(db, room, name):
    return best_practices.create_best_practice(
        db,
        room.facilitator,
        best_practices.BestPracticeFields(name=name, city="City", model="other", summary="S."),
    )


def _idea_and_theme(db, meeting_id):
    with db.write() as s:
        theme = Theme(meeting_id=meeting_id, name="Faster help")
        s.add(theme)
        s.flush()
        idea = Idea(meeting_id=meeting_id, text="Send clinicians", theme_id=theme.id)
        s.add(idea)
        s.flush()
        return idea.id, theme.id


def _other_meeting(db, room):
    with db.write() as s:
        meeting = Meeting(initiative_id=room.initiative_id, title="Second", code="second")
        s.add(meeting)
        s.flush()
        table = MeetingTable(meeting_id=meeting.id, number=1)
        s.add(table)
        s.flush()
        return meeting.id, table.id


def test_creates_an_option_with_links_and_citations(db):
    room = build_room(db)
    idea_id, theme_id = _idea_and_theme(db, room.meeting_id)
    star, cahoots = _practice(db, room, "STAR"), _practice(db, room, "CAHOOTS")
    option = options.create_option(
        db,
        room.scribe1,
        room.meeting_id,
        options.OptionFields(
            title=" Civilian crisis team ",
            impact=5,
            feasibility=2,
            cost_band="high",
            idea_id=idea_id,
            theme_id=theme_id,
        ),
        best_practice_ids=[star.id, cahoots.id],
    )
    assert (option.title, option.impact, option.cost_band) == (
        "Civilian crisis team",
        5,
        CostBand.HIGH,
    )
    assert [p.name for p in option_citations.citations(db, SYSTEM, option.id)] == [
        "CAHOOTS",
        "STAR",
    ]
    assert [o.id for o in options.list_options(db, room.facilitator, room.meeting_id)] == [
        option.id
    ]
    entries = history(db, SYSTEM, "option", option.id)
    assert [(e.action, e.initiative_id) for e in entries] == [("created", room.initiative_id)]


@pytest.mark.parametrize(("impact", "feasibility"), [(0, 3), (6, 3), (3, 0), (3, 6)])
def test_refuses_impact_or_feasibility_outside_one_to_five(db, impact, feasibility):
    room = build_room(db)
    with pytest.raises(ValidationError, match="must be between 1 and 5"):
        options.create_option(
            db,
            room.facilitator,
            room.meeting_id,
            options.OptionFields(title="X", impact=impact, feasibility=feasibility),
        )


def test_refuses_an_empty_title_and_an_unknown_cost_band(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Option title is empty"):
        options.create_option(
            db, room.facilitator, room.meeting_id, options.OptionFields(title="  ")
        )
    with pytest.raises(ValidationError, match="not a cost band"):
        options.create_option(
            db, room.facilitator, room.meeting_id, options.OptionFields(title="X", cost_band="free")
        )


def test_refuses_an_idea_or_theme_from_another_meeting(db):
    room = build_room(db)
    other_id, _ = _other_meeting(db, room)
    idea_id, theme_id = _idea_and_theme(db, other_id)
    with pytest.raises(ValidationError, match="That idea belongs to another meeting"):
        options.create_option(
            db, room.facilitator, room.meeting_id, options.OptionFields(title="X", idea_id=idea_id)
        )
    with pytest.raises(ValidationError, match="That theme belongs to another meeting"):
        options.create_option(
            db,
            room.facilitator,
            room.meeting_id,
            options.OptionFields(title="X", theme_id=theme_id),
        )


def test_refuses_unknown_meeting_idea_or_best_practice(db):
    room = build_room(db)
    with pytest.raises(NotFound, match="No meeting with id 999"):
        options.create_option(db, room.facilitator, 999, options.OptionFields(title="X"))
    with pytest.raises(NotFound, match="No idea with id 999"):
        options.create_option(
            db, room.facilitator, room.meeting_id, options.OptionFields(title="X", idea_id=999)
        )
    with pytest.raises(NotFound, match="No best practice with id 998, 999"):
        options.create_option(
            db,
            room.facilitator,
            room.meeting_id,
            options.OptionFields(title="X"),
            best_practice_ids=[999, 998],
        )
    assert options.list_options(db, room.facilitator, room.meeting_id) == []


def test_a_leader_may_not_write_options(db):
    room = build_room(db)
    with pytest.raises(PermissionDenied, match="Only a facilitator or a table scribe"):
        options.create_option(db, room.leader, room.meeting_id, options.OptionFields(title="X"))


def test_updates_an_option(db):
    room = build_room(db)
    option = options.create_option(
        db, room.facilitator, room.meeting_id, options.OptionFields(title="X")
    )
    updated = options.update_option(
        db,
        room.scribe2,
        option.id,
        options.OptionFields(
            title="Y",
            description="How",
            delivered_by="City",
            impact=4,
            feasibility=4,
            cost_band="low",
            risks="Cost overrun",
            idea_id=None,
            theme_id=None,
        ),
    )
    assert (updated.title, updated.cost_band, updated.risks) == ("Y", CostBand.LOW, "Cost overrun")
    assert [e.action for e in history(db, SYSTEM, "option", option.id)] == ["created", "updated"]


def test_only_a_facilitator_may_delete_and_deleting_drops_ratings_and_citations(db):
    room = build_room(db)
    star = _practice(db, room, "STAR")
    option = options.create_option(
        db,
        room.facilitator,
        room.meeting_id,
        options.OptionFields(title="X"),
        best_practice_ids=[star.id],
    )
    option_ratings.rate_option(
        db,
        room.scribe1,
        option.id,
        room.table1_id,
        option_ratings.RatingFields(impact=4, feasibility=4),
    )
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        options.delete_option(db, room.scribe1, option.id)
    options.delete_option(db, room.facilitator, option.id)
    assert options.list_options(db, room.facilitator, room.meeting_id) == []
    with db.read() as s:
        assert s.scalars(select(OptionRating)).all() == []
        assert s.scalars(select(option_citation.c.option_id)).all() == []
    assert [p.name for p in best_practices.list_best_practices(db)] == ["STAR"]
