"""Bad codes and table numbers in links get a plain refusal page, never a traceback.

Links are printed on badges and table cards and typed by hand, so `vote?code=`,
`projector?code=`, `survey?code=`, `listen?table=` and `ideas?table=` can hold anything.
Each page here is the real app (AppTest) over a real room, on each backend.
"""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import cycle

import pytest

from db.models import Meeting
from db.models.enums import MeetingStatus
from services.converge import voting_rounds
from services.prepare import survey_settings
from services.room import ideas
from services.setup import meetings, tables
from tests.bad_input.corpus import case
from tests.factories import build_elsewhere
from tests.views.helpers import screen_text

CODE_PAGES = {
    "views/vote.py": "This voting link is not valid",
    "views/survey.py": "This survey link is not valid",
    "views/projector.py": "This projector link is not valid",
}
BAD_CODES = {
    "wrong": "wrong",
    "NUL": "\x00",
    "NUL inside": "meet\x00code",
    "long": "x" * 10_000,
    "script": case("script").text,
}


def errors(at) -> list[str]:
    return [e.value for e in at.error]


def open_page(room_app, screen: str, user: str | None = None, **query: str):
    at = room_app(user, query).run()
    return at.switch_page(screen).run()


def assert_refused(at, words: str) -> None:
    assert not at.exception, at.exception
    assert any(words in e for e in errors(at)), errors(at)


@pytest.mark.parametrize("screen", CODE_PAGES)
def test_a_bad_code_gets_a_plain_refusal_page(room_app, screen):
    for name, code in BAD_CODES.items():
        at = open_page(room_app, screen, code=code)
        assert not at.exception, (name, at.exception)
        assert any(CODE_PAGES[screen] in e for e in errors(at)), (name, errors(at))
        assert len(at.text_input) == 1, (name, "no box to type the code in")


@pytest.mark.parametrize("screen", CODE_PAGES)
@pytest.mark.parametrize("code", ["", "   "], ids=["empty", "blank"])
def test_an_empty_code_in_a_link_asks_for_the_code_without_refusing(room_app, screen, code):
    at = open_page(room_app, screen, code=code)
    assert not at.exception, at.exception
    assert not errors(at), errors(at)
    assert len(at.text_input) == 1


def test_a_meeting_code_is_no_voting_or_survey_code_and_a_personal_code_no_projector_code(
    room_app,
):
    assert_refused(open_page(room_app, "views/vote.py", code="meet-code"), "not valid")
    assert_refused(open_page(room_app, "views/survey.py", code="meet-code"), "not valid")
    assert_refused(open_page(room_app, "views/projector.py", code="code-0"), "not valid")


def test_a_code_of_another_initiative_sees_nothing_of_this_room(room_app, db):
    room = room_app.room
    elsewhere = build_elsewhere(db)
    with db.write() as s:
        s.get_one(Meeting, elsewhere.meeting_id).status = MeetingStatus.CLOSED
    idea = ideas.add_idea(
        db, room.facilitator, ideas.NewIdea(table_id=room.table1_id, text="Only for this room")
    )
    rnd = voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(title="This room's vote", mode="dots", idea_ids=[idea.id]),
    )
    voting_rounds.open_round(db, room.facilitator, rnd.id)
    vote = open_page(room_app, "views/vote.py", code="z")
    assert not vote.exception
    # Its own meeting has closed: the phone thanks them, and shows nothing of this room.
    headers = " ".join(h.value for h in vote.header)
    assert "This meeting has closed" in headers
    assert "This room's vote" not in headers
    # The other meeting has closed: its projector still opens, showing only itself.
    wall = open_page(room_app, "views/projector.py", code="away-code")
    assert not wall.exception and not errors(wall)
    assert "Only for this room" not in " ".join(m.value for m in wall.markdown)
    assert "Only for this room" not in screen_text(wall)
    # Its survey link now opens the feedback form, not this initiative's survey.
    survey = open_page(room_app, "views/survey.py", code="z")
    assert not survey.exception
    assert [t.value for t in survey.title] == ["How did it go?"]


def test_a_personal_code_after_the_survey_closed_is_told_so_in_words(room_app, db):
    room = room_app.room
    survey_settings.set_survey_open(db, room.facilitator, room.initiative_id, False)
    assert_refused(open_page(room_app, "views/survey.py", code="code-0"), "The survey has closed")


BAD_TABLES = {
    "another meeting's table": ("7", "no table 7"),
    "zero": ("0", "no table 0"),
    "past a 64-bit integer": (str(2**63), "no table"),
    "negative": ("-1", "not a number"),
    "letters": ("abc", "not a number"),
    "NUL": ("\x00", "not a number"),
    "script": (case("script").text, "not a number"),
}


@pytest.mark.parametrize("screen", ["views/listen.py", "views/ideas.py"])
def test_a_link_to_a_table_this_meeting_lacks_is_refused_plainly(room_app, db, screen):
    room = room_app.room
    # Another meeting of the initiative, later on, has a table 7; the room's meeting stays
    # the one in focus (a meeting with no start time comes first).
    later = meetings.create_meeting(
        db,
        room.facilitator,
        room.initiative_id,
        meetings.MeetingFields(title="Follow-up", starts_at=datetime(2027, 1, 9, tzinfo=UTC)),
    )
    tables.create_table(db, room.facilitator, later.id, tables.TableFields(number=7))
    for user, (name, (number, words)) in zip(cycle(["fac", "s1"]), BAD_TABLES.items()):
        at = open_page(room_app, screen, user, table=number)
        assert not at.exception, (name, user, at.exception)
        assert any(words in e for e in errors(at)), (name, user, errors(at))


@pytest.mark.parametrize("screen", ["views/solve.py", "views/conflicts.py"])
def test_the_other_table_screens_refuse_a_table_that_is_not_a_number(room_app, screen):
    assert_refused(open_page(room_app, screen, "fac", table="abc"), "not a number")
    assert_refused(open_page(room_app, screen, "s1", table="99"), "no table 99")


def test_a_scribe_opening_another_tables_link_is_refused_in_words(room_app):
    for screen in ("views/listen.py", "views/ideas.py"):
        at = open_page(room_app, screen, "s1", table="2")
        assert_refused(at, "table 2")
