"""The survey opens, closes, asks chosen questions, and becomes feedback after the meeting."""

import pytest

from services.core.errors import NotAllowedNow, PermissionDenied, ValidationError
from services.core.vocab import SurveyKind
from services.prepare import survey_settings, surveys
from services.room import room_control
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # JSON questions; dates


def test_a_closed_survey_keeps_earlier_answers_and_refuses_changes(db):
    room = build_room(db)
    surveys.submit_survey(db, "code-0", "pre", surveys.SurveyFields(top_issues="Slow response"))
    survey_settings.set_survey_open(db, room.facilitator, room.initiative_id, False)
    with pytest.raises(NotAllowedNow, match="survey has closed"):
        surveys.submit_survey(
            db, "code-0", "pre", surveys.SurveyFields(top_issues="Changed my mind")
        )
    answers = surveys.get_response(db, "code-0", "pre")
    assert answers is not None and answers.top_issues == "Slow response"
    assert surveys.survey_stage(db, "code-0") is None


def test_feedback_opens_only_once_the_meeting_has_closed(db):
    room = build_room(db)
    assert surveys.survey_stage(db, "code-1") is SurveyKind.PRE
    with pytest.raises(NotAllowedNow, match="opens once the meeting has closed"):
        surveys.submit_survey(
            db, "code-1", "post", surveys.SurveyFields(what_worked="The listening pairs")
        )
    room_control.close_meeting(db, room.facilitator, room.meeting_id)
    assert surveys.survey_stage(db, "code-1") is SurveyKind.POST
    saved = surveys.submit_survey(
        db, "code-1", "post", surveys.SurveyFields(what_worked="The listening pairs")
    )
    assert saved.what_worked == "The listening pairs"


def test_demographic_answers_must_answer_the_questions_asked(db):
    room = build_room(db)
    survey_settings.set_demographic_questions(
        db, room.facilitator, room.initiative_id, ["Age range", "Neighbourhood", "  "]
    )
    saved = surveys.submit_survey(
        db,
        "code-2",
        "pre",
        surveys.SurveyFields(goals="Trust", demographics={"Age range": "25-34"}),
    )
    assert saved.demographics == {"Age range": "25-34"}
    with pytest.raises(ValidationError, match="not one of this survey's questions"):
        surveys.submit_survey(
            db,
            "code-2",
            "pre",
            surveys.SurveyFields(goals="Trust", demographics={"Income": "high"}),
        )


def test_question_lists_are_short_distinct_and_the_facilitators(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="more than 8"):
        survey_settings.set_demographic_questions(
            db, room.facilitator, room.initiative_id, [f"Q{n}" for n in range(9)]
        )
    with pytest.raises(ValidationError, match="the same"):
        survey_settings.set_demographic_questions(
            db, room.facilitator, room.initiative_id, ["A", "a"]
        )
    with pytest.raises(PermissionDenied):
        survey_settings.set_survey_open(db, room.leader, room.initiative_id, False)
