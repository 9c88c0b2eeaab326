"""A participant's ballot: dots within the budget, agree/disagree/pass, and a frozen close."""

import random
import threading

import pytest
from sqlalchemy import event, select

from db.models import Ballot, Initiative, Participant, Stakeholder, Vote, VotingRound
from db.models.enums import Choice, StakeholderCategory, VoteMode
from services.converge import voting_ballots, voting_items, voting_rounds
from services.converge.voting_items import round_items
from services.core.actors import SYSTEM
from services.core.errors import NotAllowedNow, NotFound, PermissionDenied, ValidationError
from services.room import ideas
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # budgets under row locks; integrity retry


def _open_round(db, room, mode=VoteMode.DOTS, n=4, budget=5, max_per_item=3, opened=True):
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
            title="Vote", mode=mode, budget=budget, max_per_item=max_per_item, idea_ids=idea_ids
        ),
    )
    if opened:
        voting_rounds.open_round(db, room.facilitator, rnd.id)
    return rnd, [i.id for i in round_items(db, SYSTEM, rnd.id)]


def _stored(db, round_id, participant_id):
    with db.read() as s:
        row = s.scalar(
            select(Ballot).where(
                Ballot.round_id == round_id, Ballot.participant_id == participant_id
            )
        )
        dots = s.scalars(select(Vote.dots).where(Vote.participant_id == participant_id)).all()
        return (row.dots_used if row else None), sum(dots)


def test_places_dots_and_shows_what_is_left(db):
    room = build_room(db)
    rnd, items = _open_round(db, room)
    voting_ballots.set_dots(db, "code-0", items[0], 3)
    view = voting_ballots.set_dots(db, "code-0", items[1], 1)
    assert (view.budget, view.dots_used, view.remaining) == (5, 4, 1)
    assert [(line.item_id, line.dots) for line in view.items] == [
        (items[0], 3),
        (items[1], 1),
        (items[2], 0),
        (items[3], 0),
    ]
    assert _stored(db, rnd.id, room.participant_ids[0]) == (4, 4)
    assert voting_ballots.ballot(db, " code-0 ", rnd.id) == view


def test_setting_dots_replaces_the_number_on_that_item(db):
    room = build_room(db)
    rnd, items = _open_round(db, room)
    voting_ballots.set_dots(db, "code-0", items[0], 3)
    assert voting_ballots.set_dots(db, "code-0", items[0], 1).dots_used == 1
    assert _stored(db, rnd.id, room.participant_ids[0]) == (1, 1)


def test_zero_dots_takes_the_vote_away(db):
    room = build_room(db)
    rnd, items = _open_round(db, room)
    voting_ballots.set_dots(db, "code-0", items[0], 2)
    assert voting_ballots.set_dots(db, "code-0", items[0], 0).remaining == 5
    with db.read() as s:
        assert s.scalars(select(Vote)).all() == []
    assert _stored(db, rnd.id, room.participant_ids[0]) == (0, 0)


def test_refuses_dots_past_the_budget_and_says_how_many_are_left(db):
    room = build_room(db)
    rnd, items = _open_round(db, room)
    voting_ballots.set_dots(db, "code-0", items[0], 3)
    voting_ballots.set_dots(db, "code-0", items[1], 1)
    with pytest.raises(ValidationError) as caught:
        voting_ballots.set_dots(db, "code-0", items[2], 2)
    assert caught.value.message == "You have 1 dot left; take a dot off another idea first."
    voting_ballots.set_dots(db, "code-0", items[2], 1)
    with pytest.raises(ValidationError, match="You have 0 dots left"):
        voting_ballots.set_dots(db, "code-0", items[3], 1)
    assert _stored(db, rnd.id, room.participant_ids[0]) == (5, 5)


@pytest.mark.parametrize("dots", [-1, 4])
def test_refuses_more_than_the_per_item_limit_or_fewer_than_none(db, dots):
    room = build_room(db)
    _, items = _open_round(db, room)
    with pytest.raises(ValidationError, match="Dots on one item must be between 0 and 3"):
        voting_ballots.set_dots(db, "code-0", items[0], dots)


def test_voters_each_have_their_own_budget(db):
    room = build_room(db)
    _, items = _open_round(db, room)
    voting_ballots.set_dots(db, "code-0", items[0], 3)
    assert voting_ballots.set_dots(db, "code-1", items[0], 3).remaining == 2


def test_a_closed_round_refuses_every_vote_but_still_shows_the_ballot(db):
    room = build_room(db)
    rnd, items = _open_round(db, room)
    voting_ballots.set_dots(db, "code-0", items[0], 2)
    voting_rounds.close_round(db, room.facilitator, rnd.id)
    for dots in (0, 1):
        with pytest.raises(NotAllowedNow) as caught:
            voting_ballots.set_dots(db, "code-0", items[0], dots)
        assert caught.value.message.startswith("Voting in this round has closed.")
    assert voting_ballots.ballot(db, "code-0", rnd.id).dots_used == 2


def test_a_closed_agree_round_refuses_choices(db):
    room = build_room(db)
    rnd, items = _open_round(db, room, VoteMode.AGREE_DISAGREE)
    voting_rounds.close_round(db, room.facilitator, rnd.id)
    with pytest.raises(NotAllowedNow, match="Voting in this round has closed"):
        voting_ballots.choose(db, "code-0", items[0], Choice.AGREE)


def test_a_draft_round_refuses_votes(db):
    room = build_room(db)
    _, items = _open_round(db, room, opened=False)
    with pytest.raises(NotAllowedNow, match="has not opened yet"):
        voting_ballots.set_dots(db, "code-0", items[0], 1)


def test_records_and_replaces_an_agree_disagree_or_pass(db):
    room = build_room(db)
    _, items = _open_round(db, room, VoteMode.AGREE_DISAGREE, n=2)
    voting_ballots.choose(db, "code-0", items[0], Choice.AGREE)
    view = voting_ballots.choose(db, "code-0", items[0], "pass")
    assert [(line.choice, line.dots) for line in view.items] == [(Choice.PASS, 0), (None, 0)]
    assert (view.budget, view.remaining) == (0, 0)
    with db.read() as s:
        assert len(s.scalars(select(Vote)).all()) == 1


def test_refuses_a_choice_that_is_not_one(db):
    room = build_room(db)
    _, items = _open_round(db, room, VoteMode.AGREE_DISAGREE)
    with pytest.raises(ValidationError, match="“maybe” is not agree, disagree or pass"):
        voting_ballots.choose(db, "code-0", items[0], "maybe")


def test_refuses_the_wrong_kind_of_vote_for_the_round(db):
    room = build_room(db)
    _, dot_items = _open_round(db, room)
    _, agree_items = _open_round(db, room, VoteMode.AGREE_DISAGREE)
    with pytest.raises(ValidationError, match="dot voting; place dots instead"):
        voting_ballots.choose(db, "code-0", dot_items[0], Choice.AGREE)
    with pytest.raises(ValidationError, match="choose one instead of placing dots"):
        voting_ballots.set_dots(db, "code-0", agree_items[0], 1)


def test_an_unknown_code_is_sent_to_the_badge(db):
    room = build_room(db)
    rnd, items = _open_round(db, room)
    with pytest.raises(NotFound, match="Check the link on your badge"):
        voting_ballots.set_dots(db, "nope", items[0], 1)
    with pytest.raises(NotFound, match="Check the link on your badge"):
        voting_ballots.ballot(db, "", rnd.id)


def test_a_code_of_another_initiative_is_refused(db):
    room = build_room(db)
    rnd, items = _open_round(db, room)
    with db.write() as s:
        other = Initiative(name="Elsewhere")
        s.add(other)
        s.flush()
        group = Stakeholder(
            initiative_id=other.id, name="Youth", category=StakeholderCategory.YOUTH
        )
        s.add(group)
        s.flush()
        s.add(
            Participant(initiative_id=other.id, stakeholder_id=group.id, name="Far", code="far-1")
        )
    with pytest.raises(PermissionDenied, match="different initiative"):
        voting_ballots.set_dots(db, "far-1", items[0], 1)
    with pytest.raises(PermissionDenied, match="different initiative"):
        voting_ballots.ballot(db, "far-1", rnd.id)


def test_unknown_items_and_rounds_are_named(db):
    build_room(db)
    with pytest.raises(NotFound, match="No ballot item with id 999"):
        voting_ballots.set_dots(db, "code-0", 999, 1)
    with pytest.raises(NotFound, match="No voting round with id 999"):
        voting_ballots.ballot(db, "code-0", 999)


def _statements(db, call):
    """What `call` returns, and the SQL it ran."""
    ran = []
    listen = lambda *args: ran.append(args[2])  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listen)
    try:
        return call(), ran
    finally:
        event.remove(db.engine, "before_cursor_execute", listen)


def test_a_tap_names_the_rows_as_the_phone_drew_them_and_counts_the_votes_afresh(db):
    room = build_room(db)
    rnd, items = _open_round(db, room)
    drawn = voting_ballots.ballot(db, "code-0", rnd.id)
    view, ran = _statements(db, lambda: voting_ballots.set_dots(db, "code-0", items[1], 2, drawn))
    assert view == voting_ballots.ballot(db, "code-0", rnd.id)
    assert [(line.text, line.dots) for line in view.items] == [
        ("idea 0", 0),
        ("idea 1", 2),
        ("idea 2", 0),
        ("idea 3", 0),
    ]
    # The room's most frequent request reads neither the items nor their translations again,
    # and finds the voter, the round and its meeting in one query.
    assert not [q for q in ran if "FROM round_item" in q or "content_translation" in q]
    assert len([q for q in ran if q.startswith("SELECT")]) == 3  # voter+round, ballot, votes
    refused, ran = _statements(db, lambda: voting_ballots.ballot(db, "code-0", rnd.id, drawn))
    assert refused == view
    assert not [q for q in ran if "FROM round_item" in q or "content_translation" in q]
    choices, _ = _open_round(db, room, mode=VoteMode.AGREE_DISAGREE, n=2)
    drawn = voting_ballots.ballot(db, "code-0", choices.id)
    item = drawn.items[0].item_id
    view, ran = _statements(db, lambda: voting_ballots.choose(db, "code-0", item, "agree", drawn))
    assert view == voting_ballots.ballot(db, "code-0", choices.id)
    assert not [q for q in ran if "content_translation" in q]


def test_a_tap_reads_the_names_again_unless_drawn_from_its_round_while_open(db):
    room = build_room(db)
    first, _ = _open_round(db, room)
    _, second_items = _open_round(db, room)
    drawn_elsewhere = voting_ballots.ballot(db, "code-0", first.id)
    view = voting_ballots.set_dots(db, "code-0", second_items[0], 1, drawn_elsewhere)
    assert [line.item_id for line in view.items] == second_items
    draft, _ = _open_round(db, room, opened=False)
    with db.read() as s:
        drawn_as_draft = voting_items.ballot_view(
            s, s.get_one(VotingRound, draft.id), room.participant_ids[0]
        )
    voting_rounds.open_round(db, room.facilitator, draft.id)
    (_, ran) = _statements(
        db,
        lambda: voting_ballots.set_dots(
            db, "code-0", drawn_as_draft.items[0].item_id, 1, drawn_as_draft
        ),
    )
    assert [q for q in ran if "FROM round_item" in q]


def test_two_phones_with_one_code_never_spend_past_the_budget(db):
    room = build_room(db)
    rnd, items = _open_round(db, room, n=4, budget=5, max_per_item=3)
    failures, spent = [], []
    start = threading.Barrier(8)

    def phone(seed):
        rng = random.Random(seed)
        start.wait()
        for _ in range(30):
            try:
                view = voting_ballots.set_dots(db, "code-0", rng.choice(items), rng.randint(0, 3))
                spent.append(view.dots_used)
            except ValidationError as exc:
                if "left; take a dot off" not in exc.message:
                    failures.append(exc)
            except Exception as exc:
                failures.append(exc)

    threads = [threading.Thread(target=phone, args=(seed,)) for seed in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    assert len(spent) > 8
    assert max(spent) <= 5
    used, voted = _stored(db, rnd.id, room.participant_ids[0])
    assert used == voted <= 5
    with db.read() as s:
        assert len(s.scalars(select(Ballot)).all()) == 1


def test_open_ballots_lists_only_the_rounds_open_now_in_the_voters_initiative(db):
    room = build_room(db)
    idea = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Civilian crisis team")
    )
    draft = voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(title="Not yet", mode=VoteMode.DOTS, idea_ids=[idea.id]),
    )
    live = voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(title="Now", mode=VoteMode.DOTS, idea_ids=[idea.id]),
    )
    voting_rounds.open_round(db, room.facilitator, live.id)
    assert [b.title for b in voting_ballots.open_ballots(db, "code-0")] == ["Now"]
    voting_rounds.close_round(db, room.facilitator, live.id)
    assert voting_ballots.open_ballots(db, "code-0") == []
    assert draft.id != live.id


def test_open_ballots_refuses_an_unknown_code(db):
    build_room(db)
    with pytest.raises(NotFound, match="badge"):
        voting_ballots.open_ballots(db, "no-such-code")


def test_open_round_ids_name_exactly_the_rounds_open_ballots_shows(db):
    room = build_room(db)
    idea = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Civilian crisis team")
    )
    rounds = [
        voting_rounds.create_round(
            db,
            room.facilitator,
            room.meeting_id,
            voting_rounds.NewRound(title=title, mode=VoteMode.DOTS, idea_ids=[idea.id]),
        )
        for title in ("First", "Second", "Draft")
    ]
    for rnd in rounds[:2]:
        voting_rounds.open_round(db, room.facilitator, rnd.id)
    shown = tuple(b.round_id for b in voting_ballots.open_ballots(db, "code-0"))
    assert voting_ballots.open_round_ids(db, "code-0") == shown == (rounds[0].id, rounds[1].id)
    voting_rounds.close_round(db, room.facilitator, rounds[0].id)
    found, ran = _statements(db, lambda: voting_ballots.open_round_ids(db, "code-0"))
    assert found == (rounds[1].id,)
    # Every phone asks every five seconds: one query (and its BEGIN on SQLite).
    assert len([q for q in ran if q.startswith("SELECT")]) == 1
    with pytest.raises(NotFound, match="badge"):
        voting_ballots.open_round_ids(db, "no-such-code")
    with pytest.raises(NotFound, match="badge"):
        voting_ballots.open_round_ids(db, "\x00")
    voting_rounds.close_round(db, room.facilitator, rounds[1].id)
    assert voting_ballots.open_round_ids(db, "code-0") == ()
