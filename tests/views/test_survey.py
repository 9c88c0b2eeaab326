"""The survey's ratings through the real app: nothing chosen for the person, skips kept as
no answer, and their own earlier answers shown again."""

from __future__ import annotations

import pytest

from db.models import Initiative, SurveyResponse
from services.prepare import surveys
from services.prepare.trust_items import PROCEDURAL_JUSTICE
from services.room import room_control
from tests.views.helpers import by_label, click, texts

SAFE = "I feel safe in my neighbourhood"
HEARD = "The police listen to people like me"
WORDS = [
    "1 Strongly disagree",
    "2 Disagree",
    "3 Neither agree nor disagree",
    "4 Agree",
    "5 Strongly agree",
    "Prefer not to say",
]


def _saved(db, kind: str) -> SurveyResponse:
    """code-0's answers to the `kind` survey, which the test has just sent."""
    response = surveys.get_response(db, "code-0", kind)
    assert response is not None, f"no {kind} answers were saved"
    return response


@pytest.fixture
def survey(room_app, db):
    with db.write() as s:
        s.get_one(Initiative, room_app.room.initiative_id).trust_statements = [SAFE, HEARD]

    def open_survey():
        return room_app(query={"code": "code-0"}).run().switch_page("views/survey.py").run()

    return open_survey


def test_no_rating_is_chosen_and_every_choice_carries_its_words(survey):
    at = survey()
    assert not at.exception
    assert [r.label for r in at.radio] == [SAFE, HEARD]
    for rating in at.radio:
        assert rating.value is None
        assert rating.options == WORDS
    assert not at.slider


def test_ratings_left_blank_or_declined_are_stored_as_no_answer_never_3(survey, db):
    at = survey()
    by_label(at.radio, HEARD).set_value("Prefer not to say")
    by_label(at.text_area, "The top issues for you").input("Waiting an hour for help")
    at = click(at, "Send my answers")
    assert "Saved. You can change your answers until the survey closes." in texts(at)
    saved = _saved(db, "pre")
    assert (saved.top_issues, saved.trust) == ("Waiting an hour for help", {})


def test_someone_coming_back_sees_their_own_answers_chosen_and_can_take_one_back(survey, db):
    at = survey()
    by_label(at.radio, SAFE).set_value(2)
    by_label(at.radio, HEARD).set_value(5)
    click(at, "Send my answers")
    assert _saved(db, "pre").trust == {SAFE: 2, HEARD: 5}

    at = survey()
    assert [r.value for r in at.radio] == [2, 5]
    by_label(at.radio, HEARD).set_value("Prefer not to say")
    click(at, "Send my answers")
    assert _saved(db, "pre").trust == {SAFE: 2}


def test_the_feedback_form_asks_the_same_statements_with_nothing_chosen(survey, room_app, db):
    room = room_app.room
    surveys.submit_survey(db, "code-0", "pre", surveys.SurveyFields(trust={SAFE: 4}))
    room_control.start_meeting(db, room.facilitator, room.meeting_id)
    room_control.close_meeting(db, room.facilitator, room.meeting_id)
    at = survey()
    assert [t.value for t in at.title] == ["How did it go?"]
    # The answer before the meeting is not carried over as the answer after it.
    assert [(r.label, r.value) for r in at.radio] == [(SAFE, None), (HEARD, None)]
    by_label(at.radio, SAFE).set_value(5)
    click(at, "Send my answers")
    assert _saved(db, "post").trust == {SAFE: 5}


def test_the_person_is_told_who_sees_their_answers_before_the_first_question(survey):
    at = survey()
    promise = "Your answers are never shown with your name; groups of fewer than 5 are not shown."
    assert [i.value for i in at.info] == [promise]
    kinds = [e.type for e in at.main.children.values()]
    assert kinds.index("info") < kinds.index("form")


def test_a_published_how_often_question_carries_its_own_words(survey, room_app, db):
    respect = PROCEDURAL_JUSTICE[0]
    with db.write() as s:
        s.get_one(Initiative, room_app.room.initiative_id).trust_statements = [
            SAFE,
            respect.wording,
        ]
    at = survey()
    # The label is Markdown with the words escaped (a person's text is always text).
    # Its name is the words, plain: no escaping backslash for a screen reader to read out.
    question = by_label(at.radio, respect.wording)
    assert question.value is None
    assert question.options == [
        "1 Not at all often", "2 Not very often", "3 Often", "4 Very often", "Prefer not to say"
    ]  # fmt: skip
    question.set_value(3)
    click(at, "Send my answers")
    assert _saved(db, "pre").trust == {respect.key: 3}
