"""Merging duplicate ideas: the duplicates stay on record and their votes follow them."""

import pytest
from sqlalchemy import select

from db.models import Ballot, Idea, Meeting, Vote
from db.models.enums import Choice, IdeaStatus, VoteMode
from services.converge import voting_ballots, voting_rounds
from services.converge.voting_items import round_items
from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import NotFound, PermissionDenied, ValidationError
from services.room import idea_merge, ideas
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # votes moved under row locks; sums


def _ideas(db, room, *texts):
    return [
        ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text=t)).id
        for t in texts
    ]


def _round(db, room, idea_ids, mode=VoteMode.DOTS):
    rnd = voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(
            title="Vote", mode=mode, budget=5, max_per_item=3, idea_ids=idea_ids
        ),
    )
    voting_rounds.open_round(db, room.facilitator, rnd.id)
    return rnd.id, {i.idea_id: i.id for i in round_items(db, SYSTEM, rnd.id)}


def _votes(db, round_id):
    with db.read() as s:
        votes = s.scalars(select(Vote).where(Vote.round_id == round_id)).all()
        return {(v.round_item_id, v.participant_id): v for v in votes}


def _votes_on(db, round_id, item_id):
    return {p: v.dots for (i, p), v in _votes(db, round_id).items() if i == item_id}


def _dots_used(db, round_id, participant_id):
    with db.read() as s:
        return s.scalar(
            select(Ballot.dots_used).where(
                Ballot.round_id == round_id, Ballot.participant_id == participant_id
            )
        )


def test_duplicates_are_marked_merged_and_keep_their_text(db):
    room = build_room(db)
    keep, dup1, dup2 = _ideas(db, room, "Co-responders", "Send counsellors", "Mental health team")
    survivor = idea_merge.merge_ideas(db, room.facilitator, keep, [dup1, dup2, dup1])
    assert survivor.id == keep
    with db.read() as s:
        rows = {i.id: i for i in s.scalars(select(Idea))}
    assert (rows[dup1].status, rows[dup1].merged_into_id) == (IdeaStatus.MERGED, keep)
    assert (rows[dup2].text, rows[dup2].merged_into_id) == ("Mental health team", keep)
    assert [i.id for i in ideas.list_ideas(db, room.meeting_id, actor=SYSTEM)] == [keep]
    assert history(db, SYSTEM, "idea", keep)[-1].action == "absorbed"
    assert history(db, SYSTEM, "idea", keep)[-1].detail["duplicates"] == [dup1, dup2]
    assert [e.action for e in history(db, SYSTEM, "idea", dup1)] == ["created", "merged"]


def test_a_duplicates_votes_move_onto_the_survivors_item(db):
    room = build_room(db)
    keep, dup = _ideas(db, room, "keep", "dup")
    round_id, item = _round(db, room, [keep, dup])
    voting_ballots.set_dots(db, "code-0", item[dup], 2)
    idea_merge.merge_ideas(db, room.facilitator, keep, [dup])
    votes = _votes(db, round_id)
    moved = votes[item[keep], room.participant_ids[0]]
    assert (moved.dots, moved.moved_from_idea_id) == (2, dup)
    assert [i.idea_id for i in round_items(db, SYSTEM, round_id)] == [keep]
    assert _dots_used(db, round_id, room.participant_ids[0]) == 2


def test_the_survivor_joins_a_ballot_that_had_only_the_duplicate(db):
    room = build_room(db)
    keep, dup = _ideas(db, room, "keep", "dup")
    round_id, item = _round(db, room, [dup])
    voting_ballots.set_dots(db, "code-1", item[dup], 1)
    idea_merge.merge_ideas(db, room.facilitator, keep, [dup])
    (line,) = round_items(db, SYSTEM, round_id)
    assert (line.idea_id, line.text) == (keep, "keep")
    assert _votes_on(db, round_id, line.id) == {room.participant_ids[1]: 1}


def test_dots_of_a_voter_who_backed_both_add_up_to_the_limit_and_the_rest_come_back(db):
    room = build_room(db)
    keep, dup = _ideas(db, room, "keep", "dup")
    round_id, item = _round(db, room, [keep, dup])
    p0, p1 = room.participant_ids[:2]
    voting_ballots.set_dots(db, "code-0", item[keep], 2)
    voting_ballots.set_dots(db, "code-0", item[dup], 2)
    voting_ballots.set_dots(db, "code-1", item[keep], 1)
    voting_ballots.set_dots(db, "code-1", item[dup], 1)
    idea_merge.merge_ideas(db, room.facilitator, keep, [dup])
    assert _votes_on(db, round_id, item[keep]) == {p0: 3, p1: 2}
    assert _votes(db, round_id)[item[keep], p0].moved_from_idea_id == dup
    assert (_dots_used(db, round_id, p0), _dots_used(db, round_id, p1)) == (3, 2)
    assert voting_ballots.ballot(db, "code-0", round_id).remaining == 2


def test_an_agree_disagree_voter_who_voted_on_both_keeps_the_survivors_choice(db):
    room = build_room(db)
    keep, dup = _ideas(db, room, "keep", "dup")
    round_id, item = _round(db, room, [keep, dup], VoteMode.AGREE_DISAGREE)
    p0, p1 = room.participant_ids[:2]
    voting_ballots.choose(db, "code-0", item[keep], Choice.AGREE)
    voting_ballots.choose(db, "code-0", item[dup], Choice.DISAGREE)
    voting_ballots.choose(db, "code-1", item[dup], Choice.PASS)
    idea_merge.merge_ideas(db, room.facilitator, keep, [dup])
    votes = _votes(db, round_id)
    assert {p: v.choice for (_, p), v in votes.items()} == {p0: Choice.AGREE, p1: Choice.PASS}
    assert votes[item[keep], p0].moved_from_idea_id is None
    assert votes[item[keep], p1].moved_from_idea_id == dup


def test_votes_move_in_every_round_including_closed_ones(db):
    room = build_room(db)
    keep, dup = _ideas(db, room, "keep", "dup")
    first, item1 = _round(db, room, [keep, dup])
    voting_ballots.set_dots(db, "code-0", item1[dup], 1)
    voting_rounds.close_round(db, room.facilitator, first)
    second, item2 = _round(db, room, [dup])
    voting_ballots.set_dots(db, "code-2", item2[dup], 3)
    idea_merge.merge_ideas(db, room.facilitator, keep, [dup])
    assert _votes_on(db, first, item1[keep]) == {room.participant_ids[0]: 1}
    (line,) = round_items(db, SYSTEM, second)
    assert _votes_on(db, second, line.id) == {room.participant_ids[2]: 3}


def test_ideas_merged_into_a_duplicate_follow_it_to_the_survivor(db):
    room = build_room(db)
    keep, dup, older = _ideas(db, room, "keep", "dup", "older")
    idea_merge.merge_ideas(db, room.facilitator, dup, [older])
    idea_merge.merge_ideas(db, room.facilitator, keep, [dup])
    with db.read() as s:
        assert s.get_one(Idea, older).merged_into_id == keep


def test_refuses_to_merge_an_idea_into_itself(db):
    room = build_room(db)
    (keep,) = _ideas(db, room, "keep")
    with pytest.raises(ValidationError, match="cannot be merged into itself"):
        idea_merge.merge_ideas(db, room.facilitator, keep, [keep])


def test_refuses_to_merge_across_meetings(db):
    room = build_room(db)
    (keep,) = _ideas(db, room, "keep")
    with db.write() as s:
        other = Meeting(initiative_id=room.initiative_id, title="Other", code="other-code")
        s.add(other)
        s.flush()
        other_id = other.id
    far = ideas.add_idea(
        db, room.facilitator, ideas.NewIdea(table_id=None, text="far", meeting_id=other_id)
    )
    with pytest.raises(ValidationError, match=f"Idea #{far.id} belongs to another meeting"):
        idea_merge.merge_ideas(db, room.facilitator, keep, [far.id])


def test_refuses_an_already_merged_duplicate_or_survivor(db):
    room = build_room(db)
    keep, dup, other = _ideas(db, room, "keep", "dup", "other")
    idea_merge.merge_ideas(db, room.facilitator, keep, [dup])
    with pytest.raises(ValidationError, match=f"#{dup} was already merged into idea #{keep}"):
        idea_merge.merge_ideas(db, room.facilitator, other, [dup])
    with pytest.raises(ValidationError, match=f"Merge into idea #{keep} instead"):
        idea_merge.merge_ideas(db, room.facilitator, dup, [other])


def test_refuses_an_empty_merge_and_unknown_ideas(db):
    room = build_room(db)
    (keep,) = _ideas(db, room, "keep")
    with pytest.raises(ValidationError, match="Pick at least one idea"):
        idea_merge.merge_ideas(db, room.facilitator, keep, [])
    with pytest.raises(NotFound, match="No idea with id 999"):
        idea_merge.merge_ideas(db, room.facilitator, keep, [999])
    with pytest.raises(NotFound, match="No idea with id 999"):
        idea_merge.merge_ideas(db, room.facilitator, 999, [keep])


def test_only_a_facilitator_merges(db):
    room = build_room(db)
    keep, dup = _ideas(db, room, "keep", "dup")
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        idea_merge.merge_ideas(db, room.scribe1, keep, [dup])
