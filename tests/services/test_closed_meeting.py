"""A closed meeting takes no more input from its tables or phones; its feedback form opens.

Each path a scribe or a voter writes through is tried after "Close the meeting" and must
be refused in plain words, with nothing stored. A facilitator may still tidy the record.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from db.models import (
    Conflict,
    ConflictParty,
    Idea,
    ListeningNote,
    Option,
    OptionRating,
    SurveyResponse,
    Vote,
)
from db.models.enums import Choice, MeetingStatus, RoundStatus, SurveyKind, VoteMode
from services.converge import voting_ballots, voting_rounds
from services.converge.voting_items import round_items
from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import NotAllowedNow
from services.core.scope import MEETING_CLOSED
from services.prepare import surveys
from services.resolve import conflict_parties, conflicts
from services.room import ideas, notes, room_control
from services.solve import option_citations, option_ratings, options
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # times compared; scope checked in SQL

CLOSED = "This meeting has closed"


def _round(db, room, mode=VoteMode.DOTS):
    made = [
        ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text=f"idea {i}"))
        for i in range(3)
    ]
    rnd = voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(title="Vote", mode=mode, idea_ids=[i.id for i in made]),
    )
    voting_rounds.open_round(db, room.facilitator, rnd.id)
    return rnd, [i.id for i in round_items(db, SYSTEM, rnd.id)]


def _count(db, model) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def _close(db, room) -> None:
    room_control.close_meeting(db, room.facilitator, room.meeting_id)


def test_closing_the_meeting_closes_a_round_left_open_and_keeps_its_votes(db):
    room = build_room(db)
    rnd, items = _round(db, room)
    voting_ballots.set_dots(db, "code-0", items[0], 2)
    state = room_control.close_meeting(db, room.facilitator, room.meeting_id)
    assert (state.status, state.input_open) == (MeetingStatus.CLOSED, False)
    closed = voting_rounds.get_round(db, SYSTEM, rnd.id)
    assert closed.status is RoundStatus.CLOSED and closed.closed_at is not None
    assert [e.action for e in history(db, SYSTEM, "voting_round", rnd.id)][-1] == "closed"
    assert _count(db, Vote) == 1
    # The phone's list of open ballots is empty at once.
    assert voting_ballots.open_ballots(db, "code-0") == []


@pytest.mark.parametrize("mode", [VoteMode.DOTS, VoteMode.AGREE_DISAGREE])
def test_a_phone_tap_after_the_meeting_closed_is_refused_in_plain_words(db, mode):
    room = build_room(db)
    _rnd, items = _round(db, room, mode)
    _close(db, room)
    with pytest.raises(NotAllowedNow, match=CLOSED) as refused:
        if mode is VoteMode.DOTS:
            voting_ballots.set_dots(db, "code-0", items[0], 1)
        else:
            voting_ballots.choose(db, "code-0", items[0], Choice.AGREE)
    assert refused.value.message == MEETING_CLOSED
    assert _count(db, Vote) == 0


def test_no_round_opens_in_a_closed_meeting(db):
    room = build_room(db)
    made = ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="An idea"))
    rnd = voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(title="Late vote", mode=VoteMode.DOTS, idea_ids=[made.id]),
    )
    _close(db, room)
    with pytest.raises(NotAllowedNow, match="meeting has closed, so no vote can open"):
        voting_rounds.open_round(db, room.facilitator, rnd.id)
    # Reopened, the room may vote again; closing once more closes that round too.
    room_control.reopen_meeting(db, room.facilitator, room.meeting_id)
    voting_rounds.open_round(db, room.facilitator, rnd.id)
    _close(db, room)
    assert voting_rounds.get_round(db, SYSTEM, rnd.id).status is RoundStatus.CLOSED


def test_a_scribe_can_add_change_or_delete_no_note_or_idea_once_closed(db):
    room = build_room(db)
    note = notes.add_note(
        db, room.scribe1, room.table1_id, notes.NoteFields(said="Said before the end")
    )
    idea = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Idea before the end")
    )
    _close(db, room)
    refusals = [
        lambda: notes.add_note(
            db, room.scribe1, room.table1_id, notes.NoteFields(said="Said after")
        ),
        lambda: notes.update_note(
            db, room.scribe1, note.id, notes.NoteFields(said="Changed after")
        ),
        lambda: notes.delete_note(db, room.scribe1, note.id),
        lambda: ideas.add_idea(
            db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Idea after")
        ),
        lambda: ideas.update_idea(
            db, room.scribe1, idea.id, ideas.IdeaFields(text="Changed after")
        ),
    ]
    for call in refusals:
        with pytest.raises(NotAllowedNow) as refused:
            call()
        assert refused.value.message == MEETING_CLOSED
    assert (_count(db, ListeningNote), _count(db, Idea)) == (1, 1)
    assert notes.list_notes(db, room.facilitator, room.meeting_id)[0].said == "Said before the end"


def test_a_scribe_can_write_up_rate_or_cite_no_option_once_closed(db):
    room = build_room(db)
    option = options.create_option(
        db, room.scribe1, room.meeting_id, options.OptionFields(title="Co-responders")
    )
    _close(db, room)
    refusals = [
        lambda: options.create_option(
            db, room.scribe1, room.meeting_id, options.OptionFields(title="After")
        ),
        lambda: options.update_option(
            db,
            room.scribe1,
            option.id,
            options.OptionFields(
                title="Changed",
                description="",
                delivered_by="",
                impact=3,
                feasibility=3,
                cost_band="medium",
                risks="",
                idea_id=None,
                theme_id=None,
            ),
        ),
        lambda: option_ratings.rate_option(
            db,
            room.scribe1,
            option.id,
            room.table1_id,
            option_ratings.RatingFields(impact=4, feasibility=4),
        ),
        lambda: option_citations.cite(db, room.scribe1, option.id, []),
    ]
    for call in refusals:
        with pytest.raises(NotAllowedNow, match=CLOSED):
            call()
    assert (_count(db, Option), _count(db, OptionRating)) == (1, 0)
    assert options.list_options(db, room.facilitator, room.meeting_id)[0].title == "Co-responders"


def test_a_scribe_can_log_or_move_no_conflict_once_closed(db):
    room = build_room(db)
    conflict = conflicts.create_conflict(
        db,
        room.scribe1,
        room.meeting_id,
        conflicts.ConflictFields(issue="Who answers the calls?"),
        table_id=room.table1_id,
    )
    conflict_parties.set_party(
        db,
        room.scribe1,
        conflict.id,
        conflict_parties.PartyFields(
            stakeholder_id=room.police_id, position="Us", interests="Safety"
        ),
    )
    _close(db, room)
    refusals = [
        lambda: conflicts.create_conflict(
            db,
            room.scribe1,
            room.meeting_id,
            conflicts.ConflictFields(issue="After"),
            table_id=room.table1_id,
        ),
        lambda: conflicts.update_conflict(
            db,
            room.scribe1,
            conflict.id,
            conflicts.ConflictFields(issue="After", options="", owner="", confidential=False),
        ),
        lambda: conflicts.set_status(
            db, room.scribe1, conflict.id, conflicts.StatusFields(status="exploring")
        ),
        lambda: conflict_parties.set_party(
            db,
            room.scribe1,
            conflict.id,
            conflict_parties.PartyFields(
                stakeholder_id=room.residents_id, position="Them", interests=""
            ),
        ),
        lambda: conflict_parties.remove_party(db, room.scribe1, conflict.id, room.police_id),
    ]
    for call in refusals:
        with pytest.raises(NotAllowedNow, match=CLOSED):
            call()
    assert (_count(db, Conflict), _count(db, ConflictParty)) == (1, 1)
    (kept,) = conflicts.list_conflicts(db, room.facilitator, room.meeting_id)
    assert (kept.issue, kept.status.value) == ("Who answers the calls?", "open")


def test_the_facilitator_may_still_tidy_the_record_after_closing(db):
    room = build_room(db)
    note = notes.add_note(db, room.scribe1, room.table1_id, notes.NoteFields(said="Said"))
    option = options.create_option(
        db, room.scribe1, room.meeting_id, options.OptionFields(title="Option")
    )
    _close(db, room)
    notes.update_note(db, room.facilitator, note.id, notes.NoteFields(said="Said, typo fixed"))
    options.update_option(
        db,
        room.facilitator,
        option.id,
        options.OptionFields(
            title="Option, renamed",
            description="",
            delivered_by="",
            impact=3,
            feasibility=3,
            cost_band="medium",
            risks="",
            idea_id=None,
            theme_id=None,
        ),
    )
    conflicts.create_conflict(
        db, room.facilitator, room.meeting_id, conflicts.ConflictFields(issue="Raised at the door")
    )
    assert notes.list_notes(db, room.facilitator, room.meeting_id)[0].said == "Said, typo fixed"


def test_the_feedback_form_opens_when_the_meeting_closes_and_takes_answers(db):
    room = build_room(db)
    with pytest.raises(NotAllowedNow, match="opens once the meeting has closed"):
        surveys.submit_survey(
            db, "code-1", SurveyKind.POST, surveys.SurveyFields(what_worked="Before the end")
        )
    _close(db, room)
    assert surveys.survey_stage(db, "code-1") is SurveyKind.POST
    surveys.submit_survey(
        db, "code-1", SurveyKind.POST, surveys.SurveyFields(what_worked="Being heard")
    )
    saved = surveys.get_response(db, "code-1", SurveyKind.POST)
    assert saved is not None and saved.what_worked == "Being heard"
    assert _count(db, SurveyResponse) == 1
