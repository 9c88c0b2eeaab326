"""Results stay off the projector until the facilitator reveals them; meanwhile the room
sees how many of the people expected have voted."""

import pytest
from sqlalchemy import update

from db.models import Participant
from db.models.enums import RoundStatus, VoteMode
from services.converge import voting_ballots, voting_reveal, voting_rounds
from services.converge.voting_items import round_items
from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import NotAllowedNow, PermissionDenied
from services.room import ideas
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # count(distinct ...)


def _on_screen(db, room) -> voting_reveal.RoundOnScreen:
    """The round on the room's screen, which the test expects there to be."""
    shown = voting_reveal.round_on_screen(db, SYSTEM, room.meeting_id)
    assert shown is not None, "no round on the screen"
    return shown


def _open_round(db, room, title="Round"):
    idea_ids = [
        ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text=t)).id
        for t in ("a", "b")
    ]
    rnd = voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(title=title, mode=VoteMode.DOTS, idea_ids=idea_ids),
    )
    voting_rounds.open_round(db, room.facilitator, rnd.id)
    return rnd.id, [i.id for i in round_items(db, SYSTEM, rnd.id)]


def test_the_turnout_counts_people_who_voted_out_of_those_expected(db):
    room = build_room(db)  # four participants, none absent
    round_id, (a, b) = _open_round(db, room)
    assert voting_reveal.turnout(db, room.facilitator, round_id).words() == "0 of 4 have voted"
    assert (
        voting_reveal.turnout(db, room.facilitator, round_id).words(closed=True) == "0 of 4 voted"
    )
    voting_ballots.set_dots(db, "code-0", a, 2)
    voting_ballots.set_dots(db, "code-0", b, 1)  # one person, two items: one voter
    voting_ballots.set_dots(db, "code-1", a, 1)
    assert voting_reveal.turnout(db, room.facilitator, round_id) == voting_reveal.Turnout(2, 4)
    voting_ballots.set_dots(db, "code-1", a, 0)  # taking the dot back un-votes them
    assert voting_reveal.turnout(db, room.facilitator, round_id).voted == 1


def test_people_marked_absent_are_not_expected_unless_they_voted(db):
    room = build_room(db)
    round_id, (a, _) = _open_round(db, room)
    voting_ballots.set_dots(db, "code-3", a, 1)
    with db.write() as s:
        s.execute(
            update(Participant)
            .where(Participant.code.in_(["code-2", "code-3"]))
            .values(absent=True)
        )
    # code-2 is away; code-3 was marked away but has voted, so is evidently in the room.
    assert voting_reveal.turnout(db, room.facilitator, round_id) == voting_reveal.Turnout(1, 3)


def test_results_show_only_once_the_round_is_closed_and_revealed(db):
    room = build_room(db)
    round_id, _ = _open_round(db, room, "First")
    shown = _on_screen(db, room)
    assert (shown.round_id, shown.status, shown.shows_results) == (
        round_id,
        RoundStatus.OPEN,
        False,
    )
    with pytest.raises(NotAllowedNow, match="close voting first"):
        voting_reveal.reveal_results(db, room.facilitator, round_id)
    voting_rounds.close_round(db, room.facilitator, round_id)
    assert not _on_screen(db, room).shows_results
    voting_reveal.reveal_results(db, room.facilitator, round_id)
    assert _on_screen(db, room).shows_results
    voting_reveal.hide_results(db, room.facilitator, round_id)
    assert not _on_screen(db, room).shows_results
    actions = [e.action for e in history(db, SYSTEM, "voting_round", round_id)]
    assert actions[-2:] == ["results revealed", "results hidden"]


def test_revealing_twice_is_recorded_once(db):
    room = build_room(db)
    round_id, _ = _open_round(db, room)
    voting_rounds.close_round(db, room.facilitator, round_id)
    voting_reveal.reveal_results(db, room.facilitator, round_id)
    voting_reveal.reveal_results(db, room.facilitator, round_id)
    actions = [e.action for e in history(db, SYSTEM, "voting_round", round_id)]
    assert actions.count("results revealed") == 1


def test_a_new_open_round_takes_the_screen_from_a_revealed_one(db):
    room = build_room(db)
    first, _ = _open_round(db, room, "First")
    voting_rounds.close_round(db, room.facilitator, first)
    voting_reveal.reveal_results(db, room.facilitator, first)
    second, _ = _open_round(db, room, "Second")
    shown = _on_screen(db, room)
    assert (shown.round_id, shown.title, shown.shows_results) == (second, "Second", False)


def test_no_round_on_screen_before_any_opens(db):
    room = build_room(db)
    assert voting_reveal.round_on_screen(db, SYSTEM, room.meeting_id) is None


def test_only_a_facilitator_reveals_or_hides(db):
    room = build_room(db)
    round_id, _ = _open_round(db, room)
    voting_rounds.close_round(db, room.facilitator, round_id)
    for who in (room.scribe1, room.leader):
        for act in (voting_reveal.reveal_results, voting_reveal.hide_results):
            with pytest.raises(PermissionDenied):
                act(db, who, round_id)
    assert not _on_screen(db, room).revealed
