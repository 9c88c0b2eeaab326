"""Interviews: notes from key participants, with confidential ones kept from leaders."""

from datetime import date, datetime

import pytest

from db.models import Initiative, Participant, Stakeholder
from db.models.enums import StakeholderCategory
from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import NotFound, PermissionDenied, ValidationError
from services.prepare import interviews
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # audit details are JSON


def _add(db, room, interviewee="Chief Lee", notes="Wants faster triage", **extra):
    return interviews.create_interview(
        db,
        room.facilitator,
        room.initiative_id,
        interviews.InterviewFields(interviewee=interviewee, notes=notes, **extra),
    )


def test_records_an_interview_and_audits_it(db):
    room = build_room(db)
    made = _add(
        db,
        room,
        " Chief Lee ",
        " Wants faster triage ",
        interviewer=" Fac ",
        held_on=date(2031, 2, 1),
        themes="Triage",
        participant_id=room.participant_ids[0],
        confidential=True,
    )
    assert (made.interviewee, made.notes, made.interviewer) == (
        "Chief Lee",
        "Wants faster triage",
        "Fac",
    )
    assert (made.held_on, made.themes, made.participant_id, made.confidential) == (
        date(2031, 2, 1),
        "Triage",
        room.participant_ids[0],
        True,
    )
    assert [e.action for e in history(db, SYSTEM, "interview", made.id)] == ["created"]


def test_keeps_only_the_day_of_a_datetime(db):
    room = build_room(db)
    made = _add(db, room, held_on=datetime(2031, 2, 1, 15, 30))
    assert type(made.held_on) is date
    assert made.held_on == date(2031, 2, 1)


def test_refuses_an_empty_interviewee_or_empty_notes(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Interviewee is empty"):
        _add(db, room, interviewee=" ")
    with pytest.raises(ValidationError, match="Interview notes is empty"):
        _add(db, room, notes="")


def test_allows_long_notes_up_to_the_long_limit(db):
    room = build_room(db)
    assert len(_add(db, room, notes="n" * 20_000).notes) == 20_000
    with pytest.raises(ValidationError, match="Interview notes is 20,001 characters"):
        _add(db, room, notes="n" * 20_001)


def test_refuses_over_long_interviewer_and_themes(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Interviewer is 201 characters"):
        _add(db, room, interviewer="i" * 201)
    with pytest.raises(ValidationError, match="Themes is 2,001 characters"):
        _add(db, room, themes="t" * 2001)


def test_refuses_a_participant_of_another_initiative(db):
    room = build_room(db)
    with db.write() as s:
        other = Initiative(name="Elsewhere")
        s.add(other)
        s.flush()
        group = Stakeholder(initiative_id=other.id, name="Y", category=StakeholderCategory.YOUTH)
        s.add(group)
        s.flush()
        stranger = Participant(
            initiative_id=other.id, stakeholder_id=group.id, name="Sam", code="sam"
        )
        s.add(stranger)
    with pytest.raises(ValidationError, match="Sam is a participant of another initiative"):
        _add(db, room, participant_id=stranger.id)


def test_names_an_unknown_initiative_participant_or_interview(db):
    room = build_room(db)
    with pytest.raises(NotFound, match="No initiative with id 999"):
        interviews.create_interview(
            db, room.facilitator, 999, interviews.InterviewFields(interviewee="A", notes="B")
        )
    with pytest.raises(NotFound, match="No participant with id 999"):
        _add(db, room, participant_id=999)
    with pytest.raises(NotFound, match="No interview with id 999"):
        interviews.delete_interview(db, room.facilitator, 999)


def test_only_a_facilitator_may_write_interviews(db):
    room = build_room(db)
    made = _add(db, room)
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        interviews.create_interview(
            db,
            room.leader,
            room.initiative_id,
            interviews.InterviewFields(interviewee="A", notes="B"),
        )
    with pytest.raises(PermissionDenied):
        interviews.update_interview(
            db,
            room.leader,
            made.id,
            interviews.InterviewFields(
                interviewee="A",
                notes="B",
                interviewer="",
                held_on=None,
                themes="",
                participant_id=None,
                confidential=False,
            ),
        )
    with pytest.raises(PermissionDenied):
        interviews.delete_interview(db, room.scribe1, made.id)


def test_updates_an_interview(db):
    room = build_room(db)
    made = _add(db, room)
    changed = interviews.update_interview(
        db,
        room.facilitator,
        made.id,
        interviews.InterviewFields(
            interviewee="Mayor Diaz",
            notes="Budget worries",
            interviewer="Ana",
            held_on=date(2031, 1, 5),
            themes="Budget",
            participant_id=room.participant_ids[1],
            confidential=True,
        ),
    )
    assert (changed.interviewee, changed.notes, changed.participant_id, changed.confidential) == (
        "Mayor Diaz",
        "Budget worries",
        room.participant_ids[1],
        True,
    )
    assert [e.action for e in history(db, SYSTEM, "interview", made.id)] == ["created", "updated"]


def test_deletes_an_interview(db):
    room = build_room(db)
    made = _add(db, room)
    interviews.delete_interview(db, room.facilitator, made.id)
    assert interviews.list_interviews(db, room.facilitator, room.initiative_id) == []
    assert [e.action for e in history(db, SYSTEM, "interview", made.id)] == ["created", "deleted"]


def test_lists_latest_first_with_undated_last_and_hides_confidential_from_leaders(db):
    room = build_room(db)
    old = _add(db, room, "Old", held_on=date(2030, 1, 1))
    secret = _add(db, room, "Secret", held_on=date(2031, 1, 1), confidential=True)
    undated = _add(db, room, "Undated")
    seen = [i.id for i in interviews.list_interviews(db, room.facilitator, room.initiative_id)]
    assert seen == [secret.id, old.id, undated.id]
    seen = [i.id for i in interviews.list_interviews(db, room.leader, room.initiative_id)]
    assert seen == [old.id, undated.id]


def test_scribes_may_not_read_interviews(db):
    room = build_room(db)
    with pytest.raises(PermissionDenied, match="Only a facilitator or a Thought Leader"):
        interviews.list_interviews(db, room.scribe1, room.initiative_id)
