"""The survey page's read model: one person's form, by their code, and nobody else's answers."""

import pytest

from db.models import Initiative, Meeting
from db.models.enums import MeetingStatus, SurveyKind
from services.core.errors import NotFound
from services.prepare import survey_screen, surveys
from services.prepare.survey_screen import SurveyAnswers
from tests.factories import build_room

SAFE = "I feel safe"


def _ask(db, room, statements=(SAFE,), about=("area",), survey_open=True):
    with db.write() as s:
        initiative = s.get_one(Initiative, room.initiative_id)
        initiative.trust_statements = list(statements)
        initiative.demographic_questions = list(about)
        initiative.survey_open = survey_open


def test_before_the_meeting_the_survey_asks_its_questions_with_nothing_answered(db):
    room = build_room(db)
    _ask(db, room)
    screen = survey_screen.read(db, " code-0 ")
    assert (screen.name, screen.code, screen.initiative_name) == (
        "P0",
        "code-0",
        "Test City Initiative",
    )
    assert screen.stage is SurveyKind.PRE and not screen.after
    assert [f for f, _ in screen.questions] == ["top_issues", "solutions", "goals"]
    assert [i.wording for i in screen.trust] == [SAFE]
    assert screen.about_you == ("area",)
    assert screen.earlier is None and screen.earlier_text("goals") == ""


def test_it_shows_the_persons_own_earlier_answers_and_not_another_persons(db):
    room = build_room(db)
    _ask(db, room)
    surveys.submit_survey(
        db, "code-0", "pre", surveys.SurveyFields(goals="Be heard", trust={SAFE: 4})
    )
    surveys.submit_survey(db, "code-1", "pre", surveys.SurveyFields(goals="Someone else's"))
    mine = survey_screen.read(db, "code-0")
    assert mine.earlier_text("goals") == "Be heard"
    assert mine.earlier is not None and mine.earlier.trust == {SAFE: 4}
    assert survey_screen.read(db, "code-2").earlier is None


def test_after_a_closed_meeting_it_is_the_feedback_form_without_the_questions_about_you(db):
    room = build_room(db)
    _ask(db, room)
    surveys.submit_survey(db, "code-0", "pre", surveys.SurveyFields(goals="Be heard"))
    _ask(db, room, survey_open=False)
    with db.write() as s:
        s.get_one(Meeting, room.meeting_id).status = MeetingStatus.CLOSED
    screen = survey_screen.read(db, "code-0")
    assert screen.after
    assert [f for f, _ in screen.questions] == ["what_worked", "what_to_change"]
    assert screen.about_you == ()
    # What was said before the meeting is not carried over as the feedback.
    assert screen.earlier is None


def test_a_closed_survey_has_no_stage_and_an_unknown_code_is_refused_in_words(db):
    room = build_room(db)
    _ask(db, room, survey_open=False)
    assert survey_screen.read(db, "code-0").stage is None
    with pytest.raises(NotFound, match="This survey link is not valid"):
        survey_screen.read(db, "no-such-code")


def test_what_the_form_sent_is_saved_for_the_stage_the_screen_showed(db):
    room = build_room(db)
    _ask(db, room)
    screen = survey_screen.read(db, "code-0")
    sent = SurveyAnswers(
        texts=(("top_issues", "Slow response"), ("solutions", ""), ("goals", "")),
        trust=((SAFE, None),),
        about_you=(("area", "  "),),
    )
    survey_screen.submit(db, screen, sent)
    saved = survey_screen.read(db, "code-0").earlier
    assert saved is not None
    assert (saved.top_issues, saved.trust, saved.demographics) == ("Slow response", {}, {})
