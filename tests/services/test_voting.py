"""The voting facade: pages reach rounds, ballots and results through one module."""

from db.models.enums import VoteMode
from services import ideas, voting
from tests.factories import build_room


def test_a_round_runs_end_to_end_through_the_facade(db):
    room = build_room(db)
    idea = ideas.add_idea(db, room.scribe1, room.table1_id, "Co-responders")
    rnd = voting.create_round(
        db, room.facilitator, room.meeting_id, "Vote", VoteMode.DOTS, idea_ids=[idea.id]
    )
    voting.open_round(db, room.facilitator, rnd.id)
    (item,) = voting.round_items(db, rnd.id)
    voting.set_dots(db, "code-0", item.id, 2)
    view = voting.ballot(db, "code-0", rnd.id)
    assert (view.remaining, [(i.text, i.dots) for i in view.items]) == (
        3,
        [("Co-responders", 2)],
    )
    (total,) = voting.totals(db, rnd.id)
    assert (total.text, total.dots, total.voters) == ("Co-responders", 2, 1)
    assert voting.common_ground(db, rnd.id)[0].item_id == item.id
    assert [r.id for r in voting.list_rounds(db, room.meeting_id)] == [rnd.id]
