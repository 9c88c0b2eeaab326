"""Converge's read model: every round with what it shows, and the ballot's choices, per role."""

import pytest

import i18n
from db.models import AuditEntry
from db.models.enums import RoundStatus, VoteMode
from services.converge import converge_screen, tallies, voting_ballots, voting_rounds
from services.converge.voting_items import round_items
from services.core.actors import SYSTEM
from services.core.errors import PermissionDenied
from services.room import ideas, room_control, themes
from services.translations import translate
from tests.factories import build_elsewhere, build_room


@pytest.fixture
def setup(db):
    room = build_room(db)
    fac = room.facilitator
    shown = [
        ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text=t)).id
        for t in ("Lights", "Buses")
    ]
    ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="A name", confidential=True)
    )
    hidden = ideas.add_idea(
        db, room.scribe2, ideas.NewIdea(table_id=room.table2_id, text="Off topic")
    ).id
    ideas.hide_idea(db, fac, hidden)
    themes.create_theme(db, fac, room.meeting_id, "transport")
    themes.create_theme(db, fac, room.meeting_id, "Safety")
    closed = voting_rounds.create_round(
        db, fac, room.meeting_id, voting_rounds.NewRound(title="First", mode="dots", idea_ids=shown)
    )
    voting_rounds.open_round(db, fac, closed.id)
    first_item = round_items(db, SYSTEM, closed.id)[0].id
    voting_ballots.set_dots(db, "code-0", first_item, 2)
    voting_rounds.close_round(db, fac, closed.id)
    live = voting_rounds.create_round(
        db,
        fac,
        room.meeting_id,
        voting_rounds.NewRound(title="Second", mode="dots", idea_ids=shown),
    )
    voting_rounds.open_round(db, fac, live.id)
    voting_rounds.create_round(
        db,
        fac,
        room.meeting_id,
        voting_rounds.NewRound(title="Third", mode=VoteMode.AGREE_DISAGREE, idea_ids=shown),
    )
    with db.write() as s:
        s.add(
            AuditEntry(
                initiative_id=room.initiative_id,
                actor="fac",
                entity="voting_round",
                entity_id=closed.id,
                action="imported",
                detail={"attribution": "Pol.is, CC BY 4.0"},
            )
        )
    return room, closed.id


def test_a_facilitator_sees_every_round_newest_first_with_what_each_shows(db, setup):
    room, closed_id = setup
    screen = converge_screen.read(db, room.facilitator, room.meeting_id)
    assert screen.facilitating
    third, second, first = screen.rounds
    assert [r.title for r in screen.rounds] == ["Third", "Second", "First"]
    assert (third.status, third.turnout, third.results) == (RoundStatus.DRAFT, None, None)
    assert second.is_open and second.turnout is not None
    assert second.turnout.words() == "0 of 4 have voted"
    assert second.results is not None and second.credit is None
    assert first.is_closed and first.turnout is None and not first.revealed
    assert first.results == tallies.results(db, SYSTEM, closed_id)
    assert first.credit == "Pol.is, CC BY 4.0"


def test_the_ballot_offers_only_what_the_room_may_see(db, setup):
    room, _closed_id = setup
    ballot = converge_screen.read(db, room.facilitator, room.meeting_id).ballot
    assert ballot is not None
    assert [i.text for i in ballot.ideas] == ["Lights", "Buses"]
    assert [t.name for t in ballot.themes] == ["Safety", "transport"]


def test_a_leader_sees_the_rounds_and_their_results_but_no_ballot(db, setup):
    room, closed_id = setup
    screen = converge_screen.read(db, room.leader, room.meeting_id)
    assert not screen.facilitating and screen.ballot is None
    assert [r.title for r in screen.rounds] == ["Third", "Second", "First"]
    assert screen.rounds[2].results == tallies.results(db, SYSTEM, closed_id)


def test_scribes_of_either_table_are_refused(db, setup):
    room, _closed_id = setup
    for scribe in (room.scribe1, room.scribe2):
        with pytest.raises(PermissionDenied):
            converge_screen.read(db, scribe, room.meeting_id)


def test_a_leader_cannot_read_another_initiatives_meeting(db, setup):
    room, _closed_id = setup
    elsewhere = build_elsewhere(db)
    with pytest.raises(PermissionDenied):
        converge_screen.read(db, room.leader, elsewhere.meeting_id)


def test_the_ballot_s_choices_are_read_only_when_the_form_is_drawn_or_no_round_exists(db):
    room = build_room(db)
    idea = ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Lights"))
    # No round: the form is open at first, so its choices are read all the same.
    assert converge_screen.read(db, room.facilitator, room.meeting_id, ballot_wanted=False).ballot
    first = voting_rounds.NewRound(title="First", mode="dots", idea_ids=[idea.id])
    voting_rounds.create_round(db, room.facilitator, room.meeting_id, first)
    shut = converge_screen.read(db, room.facilitator, room.meeting_id, ballot_wanted=False)
    assert shut.ballot is None and shut.facilitating
    assert converge_screen.read(db, room.facilitator, room.meeting_id).ballot is not None


def test_it_says_whether_the_room_is_on_the_voting_step_where_the_projector_shows_it(db):
    """Converge said "the projector shows this" while the room was on its ideas step and
    the projector showed the ideas (found walking a fresh install)."""
    room = build_room(db)
    fac = room.facilitator
    assert not converge_screen.read(db, fac, room.meeting_id).on_the_projector  # not started
    room_control.start_meeting(db, fac, room.meeting_id)
    room_control.move_step(db, fac, room.meeting_id, 1)  # Ideas
    assert not converge_screen.read(db, fac, room.meeting_id).on_the_projector
    room_control.move_step(db, fac, room.meeting_id, 1)  # Vote
    assert converge_screen.read(db, room.leader, room.meeting_id).on_the_projector


def test_the_ballots_choices_are_named_as_the_facilitator_reads_them_and_said_which(db):
    room = build_room(db)
    with i18n.using("es"):
        spanish = ideas.add_idea(
            db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Más alumbrado")
        )
        ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Buses"))
        themes.create_theme(db, room.facilitator, room.meeting_id, "Seguridad")
    entry = translate.Translation(kind="idea", entity_id=spanish.id, text="More street lights")
    translate.translate(db, room.facilitator, entry)
    with i18n.using("en"):
        ballot = converge_screen.read(db, room.facilitator, room.meeting_id).ballot
    assert ballot is not None
    assert [(i.text, i.mark) for i in ballot.ideas] == [
        ("More street lights", "Translated from Spanish"),
        ("Buses", "No English translation yet"),
    ]
    assert [t.name for t in ballot.themes] == ["Seguridad (No English translation yet)"]
    with i18n.using("es"):
        ballot = converge_screen.read(db, room.facilitator, room.meeting_id).ballot
    assert ballot is not None
    assert [(i.text, i.mark) for i in ballot.ideas] == [("Más alumbrado", ""), ("Buses", "")]
