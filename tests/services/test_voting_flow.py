"""A round from opening to results, across the voting modules, as the room runs it."""

import pytest

from db.models.enums import VoteMode
from services.converge import tallies, voting_ballots, voting_items, voting_rounds
from services.core.actors import SYSTEM
from services.room import ideas
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # row locks and tallies


def test_a_round_runs_from_ballot_to_common_ground_ranking(db):
    room = build_room(db)
    idea = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Co-responders")
    )
    rnd = voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(title="Vote", mode=VoteMode.DOTS, idea_ids=[idea.id]),
    )
    voting_rounds.open_round(db, room.facilitator, rnd.id)
    (item,) = voting_items.round_items(db, SYSTEM, rnd.id)
    voting_ballots.set_dots(db, "code-0", item.id, 2)
    view = voting_ballots.ballot(db, "code-0", rnd.id)
    assert (view.remaining, [(i.text, i.dots) for i in view.items]) == (
        3,
        [("Co-responders", 2)],
    )
    (total,) = tallies.totals(db, SYSTEM, rnd.id)
    assert (total.text, total.dots, total.voters) == ("Co-responders", 2, 1)
    assert tallies.common_ground(db, SYSTEM, rnd.id)[0].item_id == item.id
    assert [r.id for r in voting_rounds.list_rounds(db, room.facilitator, room.meeting_id)] == [
        rnd.id
    ]
