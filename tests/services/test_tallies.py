"""Round results: totals, counts per group, and the common-ground score that bridges groups."""

import math
import random
from collections import defaultdict
from fractions import Fraction

import pytest
from sqlalchemy import select

import i18n
from db.models import Participant, Stakeholder
from db.models.enums import Choice, StakeholderCategory, VoteMode
from services.converge import tallies, voting_ballots, voting_rounds
from services.converge.voting_items import round_items
from services.core.actors import SYSTEM
from services.core.errors import NotFound, PermissionDenied
from services.room import ideas
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # sum(case ...) aggregates


def _round(db, room, mode, n):
    idea_ids = [
        ideas.add_idea(
            db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text=f"idea {i}")
        ).id
        for i in range(n)
    ]
    rnd = voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(
            title="Vote", mode=mode, budget=5, max_per_item=3, idea_ids=idea_ids
        ),
    )
    voting_rounds.open_round(db, room.facilitator, rnd.id)
    return rnd.id, [i.id for i in round_items(db, SYSTEM, rnd.id)]


def _dot_round(db, room):
    """P0 police 3 on A and 2 on B; P1 residents 2 on A, 1 on C; P2 police 1 on B."""
    round_id, (a, b, c, d) = _round(db, room, VoteMode.DOTS, 4)
    for code, item, dots in [
        ("code-0", a, 3),
        ("code-0", b, 2),
        ("code-1", a, 2),
        ("code-1", c, 1),
        ("code-2", b, 1),
    ]:
        voting_ballots.set_dots(db, code, item, dots)
    return round_id, (a, b, c, d)


def test_totals_count_dots_and_voters_per_item(db):
    room = build_room(db)
    round_id, (a, b, c, d) = _dot_round(db, room)
    rows = {t.item_id: (t.text, t.dots, t.voters) for t in tallies.totals(db, SYSTEM, round_id)}
    assert rows == {
        a: ("idea 0", 5, 2),
        b: ("idea 1", 3, 2),
        c: ("idea 2", 1, 1),
        d: ("idea 3", 0, 0),
    }


def test_counts_each_group_that_voted_on_every_item(db):
    room = build_room(db)
    round_id, (a, _, _, d) = _dot_round(db, room)
    rows = {r.item_id: r for r in tallies.by_group(db, SYSTEM, round_id)}
    assert [(g.group, g.counts.dots, g.counts.voters) for g in rows[a].groups] == [
        ("Police", 3, 1),
        ("Residents", 2, 1),
    ]
    assert [(g.group, g.counts.voters) for g in rows[d].groups] == [("Police", 0), ("Residents", 0)]


def test_common_ground_ranks_items_every_group_backs_first(db):
    room = build_room(db)
    round_id, (a, b, c, d) = _dot_round(db, room)
    rows = tallies.common_ground(db, SYSTEM, round_id)
    assert [r.item_id for r in rows] == [a, b, c, d]
    assert [r.score for r in rows] == pytest.approx([1 / 3, 1 / 4, 1 / 6, 1 / 12])
    first = rows[0]
    assert [(g.group, g.supporters, g.voters, g.share) for g in first.groups] == [
        ("Police", 1, 2, 0.5),
        ("Residents", 1, 1, 1.0),
    ]
    # Gaps of one or two voters per group are chance, not a difference between groups.
    assert [(r.spread, r.divides) for r in rows] == [
        (0.5, False),
        (1.0, False),
        (1.0, False),
        (0.0, False),
    ]


def test_agree_mode_counts_only_those_who_voted_on_the_item(db):
    room = build_room(db)
    round_id, (x, y, z) = _round(db, room, VoteMode.AGREE_DISAGREE, 3)
    for code, item, choice in [
        ("code-0", x, Choice.AGREE),
        ("code-1", x, Choice.AGREE),
        ("code-2", x, Choice.PASS),
        ("code-0", y, Choice.DISAGREE),
        ("code-3", y, Choice.DISAGREE),
        ("code-0", z, Choice.AGREE),
    ]:
        voting_ballots.choose(db, code, item, choice)
    rows = {r.item_id: r for r in tallies.common_ground(db, SYSTEM, round_id)}
    assert rows[x].score == pytest.approx(2 / 4 * 2 / 3)
    assert rows[y].score == pytest.approx(1 / 3 * 1 / 3)
    assert [(g.voters, g.share) for g in rows[z].groups] == [(1, 1.0), (0, None)]
    assert (rows[z].score, rows[z].spread, rows[z].divides) == (pytest.approx(1 / 3), 0.0, False)
    totals = {t.item_id: t for t in tallies.totals(db, SYSTEM, round_id)}
    assert (totals[x].agree, totals[x].passed, totals[x].voters) == (2, 1, 3)
    assert (totals[y].disagree, totals[y].dots) == (2, 0)


def test_the_score_is_the_product_of_smoothed_group_shares():
    assert tallies.score([]) == 1
    assert tallies.score([(0, 0)]) == pytest.approx(1 / 2)
    assert tallies.score([(3, 3), (0, 4)]) == pytest.approx(4 / 5 * 1 / 6)
    rng = random.Random(7)
    for _ in range(200):
        counts = [(a, a + rng.randint(0, 9)) for a in (rng.randint(0, 9) for _ in range(4))]
        expected = math.prod(Fraction(a + 1, n + 2) for a, n in counts)
        assert tallies.score(counts) == pytest.approx(float(expected))


def test_the_spread_ignores_groups_without_voters():
    assert tallies.spread([0.2, None, 0.9]) == pytest.approx(0.7)
    assert tallies.spread([0.4, None]) == 0.0


def test_common_ground_matches_a_count_made_from_the_raw_votes(db):
    room = build_room(db)
    with db.write() as s:
        youth = Stakeholder(
            initiative_id=room.initiative_id, name="Youth", category=StakeholderCategory.YOUTH
        )
        s.add(youth)
        s.flush()
        groups = [room.police_id, room.residents_id, youth.id]
        s.add_all(
            Participant(
                initiative_id=room.initiative_id,
                stakeholder_id=groups[i % 3],
                name=f"Extra {i}",
                code=f"extra-{i}",
            )
            for i in range(12)
        )
    round_id, items = _round(db, room, VoteMode.DOTS, 5)
    rng = random.Random(11)
    for i in range(12):
        for item in rng.sample(items, rng.randint(0, 3)):
            voting_ballots.set_dots(db, f"extra-{i}", item, 1)
    with db.read() as s:
        group_of = dict(s.execute(select(Participant.id, Participant.stakeholder_id)).all())
    votes = tallies.list_votes(db, room.facilitator, round_id)
    assert votes
    voters = defaultdict(set)
    backers = defaultdict(set)
    for v in votes:
        voters[group_of[v.participant_id]].add(v.participant_id)
        backers[v.round_item_id, group_of[v.participant_id]].add(v.participant_id)
    expected = {
        item: math.prod(Fraction(len(backers[item, g]) + 1, len(voters[g]) + 2) for g in voters)
        for item in items
    }
    rows = tallies.common_ground(db, SYSTEM, round_id)
    assert {r.item_id: r.score for r in rows} == pytest.approx(
        {k: float(v) for k, v in expected.items()}
    )
    assert [r.score for r in rows] == sorted((r.score for r in rows), reverse=True)


def test_only_a_facilitator_sees_who_voted_how(db):
    room = build_room(db)
    round_id, _ = _dot_round(db, room)
    assert len(tallies.list_votes(db, room.facilitator, round_id)) == 5
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        tallies.list_votes(db, room.leader, round_id)


def test_an_unknown_round_is_named(db):
    room = build_room(db)
    for call in (tallies.totals, tallies.by_group, tallies.common_ground):
        with pytest.raises(NotFound, match="No voting round with id 999"):
            call(db, SYSTEM, 999)
    with pytest.raises(NotFound, match="No voting round with id 999"):
        tallies.list_votes(db, room.facilitator, 999)


def test_results_gathers_every_view_of_a_round_with_each_groups_voters(db):
    room = build_room(db)
    made = [
        ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text=t))
        for t in ("A", "B")
    ]
    rnd = voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(title="R", mode=VoteMode.DOTS, idea_ids=[i.id for i in made]),
    )
    voting_rounds.open_round(db, room.facilitator, rnd.id)
    first, second = round_items(db, SYSTEM, rnd.id)
    voting_ballots.set_dots(db, "code-0", first.id, 2)  # police
    voting_ballots.set_dots(db, "code-2", second.id, 1)  # police
    voting_ballots.set_dots(db, "code-1", first.id, 1)  # residents
    results = tallies.results(db, SYSTEM, rnd.id)
    assert results.group_voters == {room.police_id: 2, room.residents_id: 1}
    assert results.totals == tallies.totals(db, SYSTEM, rnd.id)
    assert results.ranking == tallies.common_ground(db, SYSTEM, rnd.id)
    assert [t.dots for t in results.totals] == [3, 1]
    # Dots: a group's share is out of everyone in it who voted in the round.
    top = results.ranking[0]
    assert {g.group: (g.supporters, g.voters) for g in top.groups} == {
        "Police": (1, 2),
        "Residents": (1, 1),
    }


def test_a_read_counting_once_counts_each_round_once_per_language(db):
    from sqlalchemy import event

    from services.converge.voting_counts import count_round, counting_once
    from services.translations import translate

    room = build_room(db)
    round_id, (a, *_rest) = _dot_round(db, room)
    idea_id = round_items(db, SYSTEM, round_id)[0].idea_id
    assert idea_id is not None
    translate.translate(
        db,
        room.facilitator,
        translate.Translation(kind="idea", entity_id=idea_id, text="idea cero"),
    )
    ran = []
    listen = lambda *args: ran.append(args[2])  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listen)
    try:
        with db.read() as s:
            counting_once(s)
            first = count_round(s, round_id)
            once = len(ran)
            assert count_round(s, round_id) is first
            assert len(ran) == once  # the second count read nothing
            with i18n.using("es"):
                spanish = count_round(s, round_id)
            with i18n.using("en"):
                assert count_round(s, round_id) is first
        with db.read() as s:  # a read that did not ask counts afresh
            again = count_round(s, round_id)
    finally:
        event.remove(db.engine, "before_cursor_execute", listen)
    assert first[0][0].text == "idea 0"
    assert spanish[0][0].text == "idea cero"
    assert again == first and again is not first
    assert first[0][0].item_id == a
