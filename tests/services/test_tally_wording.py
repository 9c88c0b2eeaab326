"""What the room is told about each item: strongest common ground first, and "groups differ"
only where groups with enough voters are really far apart."""

from db.models.enums import Choice, VoteMode
from services.converge import tallies, voting_ballots, voting_rounds
from services.converge.tallies import GroupShare
from services.converge.voting_items import round_items
from services.core.actors import SYSTEM
from services.room import ideas
from tests.factories import build_crowd


def _agree_round(db, crowd, n):
    scribe, table_id = crowd.scribes[0]
    idea_ids = [
        ideas.add_idea(db, scribe, ideas.NewIdea(table_id=table_id, text=f"idea {i}")).id
        for i in range(n)
    ]
    rnd = voting_rounds.create_round(
        db,
        crowd.facilitator,
        crowd.meeting_id,
        voting_rounds.NewRound(
            title="Vote", mode=VoteMode.AGREE_DISAGREE, budget=5, max_per_item=3, idea_ids=idea_ids
        ),
    )
    voting_rounds.open_round(db, crowd.facilitator, rnd.id)
    return rnd.id, [i.id for i in round_items(db, SYSTEM, rnd.id)]


def _groups(crowd):
    """The crowd's codes by group: build_crowd deals people to Police, Residents, Youth."""
    return [crowd.codes[g::3] for g in range(3)]


def test_groups_differ_only_where_groups_with_enough_voters_are_far_apart(db):
    crowd = build_crowd(db, tables=3, voters=30)  # ten voters in each of three groups
    round_id, (shared, split, thin) = _agree_round(db, crowd, 3)
    police, residents, youth = _groups(crowd)
    for group in (police, residents, youth):
        for code in group[:8]:  # 8 of 10 in every group agree
            voting_ballots.choose(db, code, shared, Choice.AGREE)
    for code in police[:9]:  # police 9 of 9 agree; residents 1 of 9
        voting_ballots.choose(db, code, split, Choice.AGREE)
    for code in residents[:9]:
        voting_ballots.choose(
            db, code, split, Choice.AGREE if code == residents[0] else Choice.DISAGREE
        )
    # A gap of 100 points, but between two groups of two voters: too few to tell.
    for code, choice in [(police[0], Choice.AGREE), (police[1], Choice.AGREE)]:
        voting_ballots.choose(db, code, thin, choice)
    for code in residents[:2]:
        voting_ballots.choose(db, code, thin, Choice.DISAGREE)

    rows = {r.item_id: r for r in tallies.common_ground(db, SYSTEM, round_id)}
    assert tallies.common_ground(db, SYSTEM, round_id)[0].item_id == shared
    assert (rows[shared].divides, rows[split].divides, rows[thin].divides) == (False, True, False)
    assert rows[thin].spread == 1.0  # the raw gap is still there for the tables
    ranking = tallies.common_ground(db, SYSTEM, round_id)
    words = [tallies.verdict(r, place) for place, r in enumerate(ranking, 1)]
    assert words[0] == "strongest common ground"
    assert words[[r.item_id for r in ranking].index(split)] == "groups differ (89-point gap)"
    assert words[[r.item_id for r in ranking].index(thin)] == ""


def test_the_gap_counts_only_groups_with_three_voters_or_more():
    big = [GroupShare(1, "A", 9, 10, 0.9), GroupShare(2, "B", 4, 10, 0.4)]
    assert tallies.real_gap(big) == 0.5 and tallies.differs(big)
    small = [GroupShare(1, "A", 2, 2, 1.0), GroupShare(2, "B", 0, 10, 0.0)]
    assert tallies.differs([GroupShare(1, "A", 3, 3, 1.0), GroupShare(2, "B", 0, 10, 0.0)])
    assert not tallies.differs(small)
    near = [GroupShare(1, "A", 9, 10, 0.9), GroupShare(2, "B", 5, 10, 0.5)]
    assert not tallies.differs(near)


def test_an_unbacked_first_item_is_not_called_common_ground():
    nobody = tallies.CommonGround(1, "x", 0.25, (GroupShare(1, "A", 0, 6, 0.0),), 0.0, False)
    assert tallies.verdict(nobody, 1) == ""
    some = tallies.CommonGround(1, "x", 0.5, (GroupShare(1, "A", 3, 6, 0.5),), 0.0, False)
    assert (tallies.verdict(some, 1), tallies.verdict(some, 2)) == ("strongest common ground", "")


def test_the_rule_is_said_in_words():
    assert tallies.THRESHOLD_WORDS == (
        "“Groups differ” means one group's support is at least 50 points above another's, "
        "counting groups with 3 or more voters."
    )
