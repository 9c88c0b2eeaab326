"""The library programmes an option cites: replaced as a set, and kept when one is deleted."""

import pytest

from services.core.actors import SYSTEM
from services.core.errors import NotFound, PermissionDenied
from services.solve import best_practices, option_citations, options
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # citations inserted in bulk


def _practice(db, room, name):
    return best_practices.create_best_practice(
        db,
        room.facilitator,
        best_practices.BestPracticeFields(name=name, city="City", model="other", summary="S."),
    )


def test_cite_replaces_the_whole_set_of_citations(db):
    room = build_room(db)
    star, cahoots = _practice(db, room, "STAR"), _practice(db, room, "CAHOOTS")
    option = options.create_option(
        db,
        room.facilitator,
        room.meeting_id,
        options.OptionFields(title="X"),
        best_practice_ids=[star.id],
    )
    cited = option_citations.cite(db, room.scribe1, option.id, [cahoots.id])
    assert [p.name for p in cited] == ["CAHOOTS"]
    assert [p.name for p in option_citations.citations(db, SYSTEM, option.id)] == ["CAHOOTS"]
    option_citations.cite(db, room.facilitator, option.id, [])
    assert option_citations.citations(db, SYSTEM, option.id) == []
    with pytest.raises(NotFound, match="No option with id 999"):
        option_citations.cite(db, room.facilitator, 999, [])
    with pytest.raises(PermissionDenied):
        option_citations.cite(db, room.leader, option.id, [])


def test_deleting_a_cited_programme_removes_only_the_citation(db):
    room = build_room(db)
    star = _practice(db, room, "STAR")
    option = options.create_option(
        db,
        room.facilitator,
        room.meeting_id,
        options.OptionFields(title="X"),
        best_practice_ids=[star.id],
    )
    best_practices.delete_best_practice(db, room.facilitator, star.id)
    assert option_citations.citations(db, SYSTEM, option.id) == []
    assert len(options.list_options(db, room.facilitator, room.meeting_id)) == 1
