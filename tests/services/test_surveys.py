"""Surveys: participants answer through their personal code; facilitators and leaders read."""

import pytest
from sqlalchemy import event, insert, select

from db.models import AuditEntry, Initiative, Meeting, SurveyResponse
from db.models.enums import MeetingStatus, SurveyKind
from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import NotFound, PermissionDenied, ValidationError
from services.prepare import survey_settings, surveys
from services.prepare.trust_items import NEIGHBOURHOOD, PROCEDURAL_JUSTICE, STANDARD_ITEMS
from services.review import trust_pulse
from tests.factories import build_room

# On Postgres too: insert-or-find under a unique constraint; JSON answers; a race.
pytestmark = pytest.mark.both_databases

SAFE, HEARD = "I feel safe", "Police listen"


def _room(db):
    """A room whose survey asks two trust statements and a few demographic questions,
    and whose meeting has closed, so the feedback form is open too."""
    room = build_room(db)
    with db.write() as s:
        initiative = s.get_one(Initiative, room.initiative_id)
        initiative.trust_statements = [SAFE, HEARD]
        initiative.demographic_questions = ["age", "area", "languages", "a"]
        s.get_one(Meeting, room.meeting_id).status = MeetingStatus.CLOSED
    return room


def test_saves_a_pre_survey_by_personal_code_and_audits_it_without_the_answers(db):
    room = _room(db)
    saved = surveys.submit_survey(
        db,
        " code-0 ",
        "pre",
        surveys.SurveyFields(
            top_issues=" Slow response ",
            goals="Be heard",
            trust={SAFE: 2, HEARD: 4},
            demographics={"age": 34, "area": "North"},
        ),
    )
    assert (saved.participant_id, saved.kind) == (room.participant_ids[0], SurveyKind.PRE)
    assert (saved.top_issues, saved.goals, saved.solutions) == ("Slow response", "Be heard", "")
    assert saved.trust == {SAFE: 2, HEARD: 4}
    assert saved.demographics == {"age": 34, "area": "North"}
    entries = history(db, SYSTEM, "survey_response", saved.id)
    assert [(e.action, e.actor, e.account_id) for e in entries] == [("submitted", "P0", None)]
    assert entries[0].detail == {"kind": "pre", "participant_id": room.participant_ids[0]}


def test_a_second_submission_updates_the_same_response(db):
    room = _room(db)
    first = surveys.submit_survey(
        db, "code-1", "pre", surveys.SurveyFields(top_issues="A", trust={SAFE: 1})
    )
    second = surveys.submit_survey(
        db, "code-1", SurveyKind.PRE, surveys.SurveyFields(solutions="B")
    )
    assert second.id == first.id
    assert (second.top_issues, second.solutions, second.trust) == ("", "B", {})
    assert second.submitted_at == first.submitted_at
    assert second.updated_at > first.updated_at
    assert second.updated_at.tzinfo is not None
    assert len(surveys.list_responses(db, room.facilitator, room.initiative_id)) == 1
    assert [e.action for e in history(db, SYSTEM, "survey_response", first.id)] == [
        "submitted",
        "resubmitted",
    ]


def test_pre_and_post_are_separate_responses(db):
    room = _room(db)
    pre = surveys.submit_survey(db, "code-2", "pre", surveys.SurveyFields(top_issues="A"))
    post = surveys.submit_survey(
        db, "code-2", "post", surveys.SurveyFields(what_worked="Tables", what_to_change="Time")
    )
    assert pre.id != post.id
    answers = surveys.get_response(db, "code-2", "post")
    assert answers is not None and answers.what_to_change == "Time"
    listed = surveys.list_responses(db, room.facilitator, room.initiative_id, "post")
    assert [r.id for r in listed] == [post.id]


@pytest.mark.parametrize("code", ["unknown", "", "   "])
def test_an_unknown_code_points_the_participant_to_their_badge(db, code):
    _room(db)
    with pytest.raises(NotFound, match="QR code on your badge"):
        surveys.submit_survey(db, code, "pre", surveys.SurveyFields(top_issues="A"))
    with pytest.raises(NotFound, match="QR code on your badge"):
        surveys.get_response(db, code, "pre")


def test_get_response_is_none_before_the_participant_answers(db):
    _room(db)
    assert surveys.get_response(db, "code-3", "pre") is None


def test_refuses_an_empty_survey(db):
    _room(db)
    with pytest.raises(ValidationError, match="The survey is empty"):
        surveys.submit_survey(
            db,
            "code-0",
            "pre",
            surveys.SurveyFields(top_issues="  ", trust={}, demographics={"a": 1}),
        )


def test_trust_alone_is_enough(db):
    _room(db)
    assert surveys.submit_survey(
        db, "code-0", "post", surveys.SurveyFields(trust={HEARD: 5})
    ).trust == {HEARD: 5}


def test_a_skipped_rating_is_stored_as_no_answer_never_as_the_middle(db):
    _room(db)
    saved = surveys.submit_survey(
        db, "code-0", "pre", surveys.SurveyFields(trust={SAFE: None, HEARD: 2})
    )
    assert saved.trust == {HEARD: 2}
    answers = surveys.get_response(db, "code-0", "pre")
    assert answers is not None and answers.trust == {HEARD: 2}


def test_skipping_a_rating_answered_before_takes_the_answer_back(db):
    _room(db)
    surveys.submit_survey(db, "code-1", "post", surveys.SurveyFields(trust={SAFE: 5, HEARD: 1}))
    surveys.submit_survey(
        db,
        "code-1",
        "post",
        surveys.SurveyFields(what_worked="Tables", trust={SAFE: None, HEARD: 1}),
    )
    answers = surveys.get_response(db, "code-1", "post")
    assert answers is not None and answers.trust == {HEARD: 1}


def test_a_survey_with_every_rating_skipped_and_no_words_is_empty(db):
    _room(db)
    with pytest.raises(ValidationError, match="The survey is empty"):
        surveys.submit_survey(
            db, "code-2", "pre", surveys.SurveyFields(trust={SAFE: None, HEARD: None})
        )
    assert surveys.get_response(db, "code-2", "pre") is None


def test_refuses_an_unknown_survey_kind(db):
    _room(db)
    with pytest.raises(ValidationError, match="“during” is not a survey"):
        surveys.submit_survey(db, "code-0", "during", surveys.SurveyFields(goals="A"))


@pytest.mark.parametrize("score", [0, 6])
def test_refuses_a_trust_answer_outside_one_to_five(db, score):
    _room(db)
    with pytest.raises(ValidationError, match="must be between 1 and 5"):
        surveys.submit_survey(db, "code-0", "pre", surveys.SurveyFields(trust={SAFE: score}))


@pytest.mark.parametrize("score", [True, 2.5, "3"])
def test_refuses_a_trust_answer_that_is_not_a_whole_number(db, score):
    _room(db)
    with pytest.raises(ValidationError, match="must be a whole number 1 to 5"):
        surveys.submit_survey(db, "code-0", "pre", surveys.SurveyFields(trust={SAFE: score}))


def test_refuses_a_trust_statement_the_initiative_does_not_ask(db):
    _room(db)
    with pytest.raises(ValidationError, match="“I like pie” is not one of this initiative"):
        surveys.submit_survey(db, "code-0", "pre", surveys.SurveyFields(trust={"I like pie": 3}))


def test_refuses_an_over_long_answer_naming_the_question(db):
    _room(db)
    with pytest.raises(ValidationError, match="What should change is 2,001 characters"):
        surveys.submit_survey(db, "code-0", "post", surveys.SurveyFields(what_to_change="x" * 2001))


def test_refuses_demographic_answers_that_are_not_simple_values(db):
    _room(db)
    with pytest.raises(ValidationError, match="answer to “age” must be text, a whole number"):
        surveys.submit_survey(
            db, "code-0", "pre", surveys.SurveyFields(goals="A", demographics={"age": {"n": 3}})
        )
    with pytest.raises(ValidationError, match="answer to “area” is 201 characters"):
        surveys.submit_survey(
            db, "code-0", "pre", surveys.SurveyFields(goals="A", demographics={"area": "x" * 201})
        )


def test_keeps_a_list_of_text_in_demographics(db):
    _room(db)
    saved = surveys.submit_survey(
        db,
        "code-0",
        "pre",
        surveys.SurveyFields(goals="A", demographics={"languages": [" English ", "Spanish"]}),
    )
    assert saved.demographics == {"languages": ["English", "Spanish"]}


def test_lists_responses_of_the_initiative_only_for_facilitators_and_leaders(db):
    room = _room(db)
    surveys.submit_survey(db, "code-0", "pre", surveys.SurveyFields(goals="A"))
    surveys.submit_survey(db, "code-1", "post", surveys.SurveyFields(goals="B"))
    assert len(surveys.list_responses(db, room.facilitator, room.initiative_id)) == 2
    assert len(surveys.list_responses(db, room.leader, room.initiative_id, SurveyKind.PRE)) == 1
    assert surveys.list_responses(db, room.facilitator, 999) == []
    with pytest.raises(PermissionDenied, match="Only a facilitator or a Thought Leader"):
        surveys.list_responses(db, room.scribe1, room.initiative_id)


def test_deletes_a_response(db):
    room = _room(db)
    saved = surveys.submit_survey(db, "code-0", "pre", surveys.SurveyFields(goals="A"))
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        surveys.delete_response(db, room.leader, saved.id)
    surveys.delete_response(db, room.facilitator, saved.id)
    assert surveys.get_response(db, "code-0", "pre") is None
    with db.read() as s:
        entry = s.scalars(select(AuditEntry).filter_by(action="deleted")).one()
    assert (entry.entity, entry.entity_id, entry.account_id) == (
        "survey_response",
        saved.id,
        room.facilitator.account_id,
    )
    with pytest.raises(NotFound, match="No survey response with id"):
        surveys.delete_response(db, room.facilitator, saved.id)


@pytest.mark.postgres_only  # SQLite writers queue behind one lock: this race cannot happen
def test_a_submission_racing_another_for_the_same_survey_updates_it(db):
    room = _room(db)
    pid = room.participant_ids[0]
    raced = []

    def other_tap_lands_first(conn, cursor, statement, *args):
        if not raced and statement.startswith("SELECT") and "FROM survey_response" in statement:
            raced.append(True)
            with db.engine.begin() as other:
                other.execute(insert(SurveyResponse).values(participant_id=pid, kind="pre"))

    event.listen(db.engine, "after_cursor_execute", other_tap_lands_first)
    try:
        saved = surveys.submit_survey(db, "code-0", "pre", surveys.SurveyFields(goals="Second tap"))
    finally:
        event.remove(db.engine, "after_cursor_execute", other_tap_lands_first)
    assert raced
    listed = surveys.list_responses(db, room.facilitator, room.initiative_id)
    assert [(r.id, r.goals) for r in listed] == [(saved.id, "Second tap")]
    assert [e.action for e in history(db, SYSTEM, "survey_response", saved.id)] == ["resubmitted"]


def _with_published_items(db):
    room = _room(db)
    survey_settings.add_standard_trust_items(db, room.facilitator, room.initiative_id)
    return room


def test_published_items_are_added_once_after_the_initiatives_own(db):
    room = _room(db)
    first = survey_settings.add_standard_trust_items(db, room.facilitator, room.initiative_id)
    again = survey_settings.add_standard_trust_items(db, room.facilitator, room.initiative_id)
    assert first == again == [SAFE, HEARD, *(i.wording for i in STANDARD_ITEMS)]


def test_a_published_item_is_answered_under_its_key_on_its_own_scale(db):
    _with_published_items(db)
    respect = PROCEDURAL_JUSTICE[0]
    surveys.submit_survey(
        db, "code-0", "pre", surveys.SurveyFields(trust={respect.key: 4, SAFE: 5})
    )
    answers = surveys.get_response(db, "code-0", "pre")
    assert answers is not None and answers.trust == {respect.key: 4, SAFE: 5}
    # "How often" runs 1 to 4: a 5 is refused in the question's own words.
    with pytest.raises(ValidationError, match=r"treat people in this city with respect.*1 and 4"):
        surveys.submit_survey(db, "code-0", "pre", surveys.SurveyFields(trust={respect.key: 5}))


def test_a_published_item_is_asked_in_the_same_words_before_and_after(db):
    room = _with_published_items(db)
    surveys.submit_survey(db, "code-0", "pre", surveys.SurveyFields(trust={"area_listen": 2}))
    surveys.submit_survey(db, "code-0", "post", surveys.SurveyFields(trust={"area_listen": 4}))
    rows = trust_pulse.trust_pulse(db, room.facilitator, room.initiative_id)
    listen = [r for r in rows if r.statement == NEIGHBOURHOOD[1].wording]
    # One person: the row is there, its figures withheld (fewer than 5 answered).
    assert [(r.n_before, r.n_after, r.before, r.after) for r in listen] == [(1, 1, None, None)]
