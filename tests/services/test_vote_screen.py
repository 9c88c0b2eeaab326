"""The phone ballot's read model: the voter's own open ballots, each with its room's timer,
and where the badge leads when no vote is open."""

import pytest

from db.models import Initiative
from db.models.enums import SurveyKind, VoteMode
from services.converge import vote_screen, voting_ballots, voting_rounds
from services.converge.voting_items import round_items
from services.core.actors import SYSTEM
from services.core.errors import NotFound
from services.room import ideas, notes, room_control
from services.translations import translate
from tests.factories import build_elsewhere, build_room
from tests.services.test_voting_ballots import _statements


def _open_round(db, room, title="Vote", mode=VoteMode.DOTS):
    idea_ids = [
        ideas.add_idea(
            db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text=f"{title} {i}")
        ).id
        for i in range(2)
    ]
    rnd = voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(title=title, mode=mode, budget=3, max_per_item=2, idea_ids=idea_ids),
    )
    voting_rounds.open_round(db, room.facilitator, rnd.id)
    return rnd, [i.id for i in round_items(db, SYSTEM, rnd.id)]


def _newest_idea(db, room) -> int:
    return ideas.list_ideas(db, room.meeting_id, actor=room.facilitator)[-1].id


def test_the_voter_sees_each_open_round_with_their_own_votes_and_the_rooms_timer(db):
    room = build_room(db)
    first, items = _open_round(db, room, "First")
    second, _ = _open_round(db, room, "Second", VoteMode.AGREE_DISAGREE)
    voting_ballots.set_dots(db, "code-0", items[0], 2)
    voting_ballots.set_dots(db, "code-1", items[1], 1)
    room_control.start_timer(db, room.facilitator, room.meeting_id, 5)
    screen = vote_screen.read(db, " code-0 ")
    assert (screen.name, screen.code) == ("P0", "code-0")
    assert screen.round_ids == (first.id, second.id)
    assert screen.round_ids == voting_ballots.open_round_ids(db, "code-0")
    mine = screen.ballots[0].ballot
    assert [line.dots for line in mine.items] == [2, 0]
    assert mine == voting_ballots.ballot(db, "code-0", first.id)
    assert all(b.room.timer_ends_at is not None for b in screen.ballots)
    assert screen.stage is None


def test_no_open_round_leads_to_the_survey_while_it_is_open(db):
    room = build_room(db)
    _open_round(db, room)  # another initiative's voter sees none of it
    other = build_elsewhere(db)
    with db.write() as s:
        s.get_one(Initiative, other.initiative_id).survey_open = True
    screen = vote_screen.read(db, "z")
    assert (screen.ballots, screen.stage) == ((), SurveyKind.PRE)
    with db.write() as s:
        s.get_one(Initiative, other.initiative_id).survey_open = False
    assert vote_screen.read(db, "z").stage is None


def test_once_the_meeting_has_closed_it_leads_to_the_feedback_form(db):
    room = build_room(db)
    _open_round(db, room)
    room_control.close_meeting(db, room.facilitator, room.meeting_id)
    screen = vote_screen.read(db, "code-3")
    assert (screen.ballots, screen.stage) == ((), SurveyKind.POST)


def test_an_unknown_code_is_refused_in_words(db):
    build_room(db)
    with pytest.raises(NotFound, match="This voting link is not valid"):
        vote_screen.read(db, "nobody")


def test_the_record_is_frozen(db):
    build_room(db)
    screen = vote_screen.read(db, "code-0")
    with pytest.raises(AttributeError):
        # The very assignment a frozen record refuses, which pyright rightly flags as well.
        screen.name = "someone else"  # pyright: ignore[reportAttributeAccessIssue]


@pytest.mark.both_databases
def test_the_phones_check_sees_what_the_page_would_show_change(db):
    """The five-second check compares `what_shows` with the page drawn: a round opening,
    the survey opening, and the meeting closing (no round opens, yet the page turns into
    the thank-you) each differ from it, and the page read afresh shows it."""
    room = build_room(db)
    drawn = vote_screen.read(db, "code-0")
    assert vote_screen.what_shows(db, "code-0") == drawn.shows == ((), SurveyKind.PRE, ())
    with db.write() as s:
        s.get_one(Initiative, room.initiative_id).survey_open = False
    assert vote_screen.what_shows(db, "code-0") == ((), None, ()) != drawn.shows
    rnd, _ = _open_round(db, room)
    drawn = vote_screen.read(db, "code-0")
    # While a round is open, every phone's check is one query.
    now, ran = _statements(db, lambda: vote_screen.what_shows(db, "code-0"))
    selects = [q for q in ran if q.lstrip().upper().startswith("SELECT")]
    assert now == drawn.shows and now[:2] == ((rnd.id,), None) and len(selects) == 1, ran
    room_control.close_meeting(db, room.facilitator, room.meeting_id)
    now = vote_screen.what_shows(db, "code-0")
    assert now == ((), SurveyKind.POST, ()) != drawn.shows
    assert vote_screen.read(db, "code-0").shows == now
    with pytest.raises(NotFound):
        vote_screen.what_shows(db, "no-such-code")


@pytest.mark.both_databases  # a correlated subquery in the check's one statement
def test_a_translation_saved_mid_round_changes_what_the_phones_check_sees(db):
    """A bilingual scribe translates the round's ideas after it opened: the Spanish phones
    drawn before must redraw (the check compared only the rounds, so they kept "no Spanish
    translation yet" until reloaded). Removing it, or its round's title translated, too;
    a note translated, or an idea added and translated, elsewhere in the room redraws no
    ballot."""
    room = build_room(db)
    rnd, _items = _open_round(db, room)
    idea_id = ideas.list_ideas(db, room.meeting_id, actor=room.facilitator)[0].id
    drawn = vote_screen.read(db, "code-0")
    assert vote_screen.what_shows(db, "code-0") == drawn.shows
    spanish = translate.Translation(
        kind="idea", entity_id=idea_id, text="Votar 0", source_language="en"
    )
    translate.translate_all(db, room.facilitator, [spanish])
    assert vote_screen.what_shows(db, "code-0") != drawn.shows
    drawn = vote_screen.read(db, "code-0")
    assert vote_screen.what_shows(db, "code-0") == drawn.shows
    removed = translate.Translation(kind="idea", entity_id=idea_id, text="", source_language="en")
    translate.translate_all(db, room.facilitator, [removed])
    assert vote_screen.what_shows(db, "code-0") != drawn.shows
    drawn = vote_screen.read(db, "code-0")
    title = translate.Translation(
        kind="voting_round", entity_id=rnd.id, text="Votación", field="title"
    )
    translate.translate_all(db, room.facilitator, [title])
    assert vote_screen.what_shows(db, "code-0") != drawn.shows
    drawn = vote_screen.read(db, "code-0")
    note = notes.add_note(db, room.facilitator, room.table1_id, notes.NoteFields(said="Hola"))
    said = translate.Translation(
        kind="listening_note", entity_id=note.id, text="Hello", field="said"
    )
    translate.translate_all(db, room.facilitator, [said])
    assert vote_screen.what_shows(db, "code-0") == drawn.shows
    # Nor does an idea a table adds while the round is open (its written language is
    # recorded): 50 phones redrew whole for each one (CI took a fifth more CPU).
    ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Otra idea"))
    translate.translate_all(
        db,
        room.facilitator,
        [translate.Translation(kind="idea", entity_id=_newest_idea(db, room), text="Another")],
    )
    assert vote_screen.what_shows(db, "code-0") == drawn.shows
