"""Codes as people type them: any case, with or without the dash, for new codes; older
codes exactly as stored. Every look-up (roster, meeting, survey, ballot) follows one rule."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.models import Meeting, Participant, Vote
from services.converge import voting_ballots, voting_rounds
from services.core import codes
from services.core.vocab import SurveyKind, VoteMode
from services.prepare import surveys
from services.setup import meetings, participants
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # codes matched in any case

NEW = "K7QM4TPX"
OLD = "aB3-_xYz12345678"
TYPED_NEW = ["k7qm 4tpx", "k7qm-4tpx", "K7QM-4TPX", " K7QM4TPX ", "k7Qm4tPx"]


def _codes(db, room, person: str = NEW, meeting: str = NEW):
    """Give the room's first participant and its meeting the codes `person` and `meeting`."""
    with db.write() as s:
        s.get_one(Participant, room.participant_ids[0]).code = person
        s.get_one(Meeting, room.meeting_id).code = meeting


def _person_id(db, typed: str) -> int | None:
    """The id of the participant `typed` finds, or None."""
    found = participants.participant_by_code(db, typed)
    return found.id if found is not None else None


def _meeting_id(db, typed: str) -> int | None:
    """The id of the meeting `typed` finds, or None."""
    found = meetings.meeting_by_code(db, typed)
    return found.id if found is not None else None


def test_new_roster_and_meeting_codes_are_new_style(db):
    room = build_room(db)
    person = participants.create_participant(
        db,
        room.facilitator,
        room.initiative_id,
        participants.ParticipantFields(name="Ana", stakeholder_id=room.police_id),
    )
    meeting = meetings.create_meeting(
        db, room.facilitator, room.initiative_id, meetings.MeetingFields(title="Second")
    )
    assert codes.is_new_style(person.code) and codes.is_new_style(meeting.code)
    assert _person_id(db, codes.display_code(person.code).lower()) == person.id
    assert _meeting_id(db, codes.display_code(meeting.code).lower()) == meeting.id


@pytest.mark.parametrize("typed", TYPED_NEW)
def test_a_new_code_is_found_however_it_is_typed(db, typed):
    room = build_room(db)
    _codes(db, room)
    assert _person_id(db, typed) == room.participant_ids[0]
    assert _meeting_id(db, typed) == room.meeting_id


@pytest.mark.parametrize("typed", ["K7QM4TPZ", "K7QM-4TP", "K7QM4TPXX", "K7QM-4TP0"])
def test_a_new_code_with_a_wrong_or_missing_symbol_finds_nothing(db, typed):
    room = build_room(db)
    _codes(db, room)
    assert participants.participant_by_code(db, typed) is None
    assert meetings.meeting_by_code(db, typed) is None


def test_an_older_code_works_exactly_as_before(db):
    room = build_room(db)
    _codes(db, room, person=OLD, meeting="Zq-_9meetingCode")
    assert _person_id(db, OLD) == room.participant_ids[0]
    assert _person_id(db, f" {OLD}\n") == room.participant_ids[0]
    assert _meeting_id(db, "Zq-_9meetingCode") == room.meeting_id


@pytest.mark.parametrize(
    "typed", [OLD.upper(), OLD.lower(), OLD.replace("-", ""), "aB3 _xYz12345678"]
)
def test_an_older_code_is_not_matched_in_another_case_or_without_its_dash(db, typed):
    room = build_room(db)
    _codes(db, room, person=OLD, meeting=OLD)
    assert participants.participant_by_code(db, typed) is None
    assert meetings.meeting_by_code(db, typed) is None


def test_a_personal_code_is_no_meeting_code_however_typed(db):
    room = build_room(db)
    _codes(db, room, person=NEW, meeting="M3ETC0DE")
    assert meetings.meeting_by_code(db, "k7qm-4tpx") is None
    assert participants.participant_by_code(db, "m3et-c0de") is None


def test_a_survey_is_answered_with_a_typed_lower_case_dashed_code(db):
    room = build_room(db)
    _codes(db, room)
    saved = surveys.submit_survey(
        db, "k7qm-4tpx", "pre", surveys.SurveyFields(top_issues="Parking", trust={})
    )
    assert saved.participant_id == room.participant_ids[0]
    answers = surveys.get_response(db, "K7QM 4TPX", SurveyKind.PRE)
    assert answers is not None and answers.top_issues == "Parking"
    assert surveys.survey_stage(db, "k7qm4tpx") is SurveyKind.PRE


def test_a_vote_is_cast_with_a_typed_lower_case_dashed_code(db):
    from services.room import ideas

    room = build_room(db)
    _codes(db, room)
    idea = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="More lights")
    )
    rnd = voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(
            title="Vote", mode=VoteMode.DOTS, budget=3, max_per_item=3, idea_ids=[idea.id]
        ),
    )
    voting_rounds.open_round(db, room.facilitator, rnd.id)
    [ballot] = voting_ballots.open_ballots(db, "k7qm-4tpx")
    [item_id] = [row.item_id for row in ballot.items]
    voting_ballots.set_dots(db, "k7qm-4tpx", item_id, 2)
    assert voting_ballots.ballot(db, NEW, rnd.id).remaining == 1
    with db.read() as s:
        voters = s.scalars(select(Vote.participant_id).where(Vote.dots == 2)).all()
    assert voters == [room.participant_ids[0]]
