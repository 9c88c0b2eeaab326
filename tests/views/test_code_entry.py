"""A bare /vote, /survey or /projector asks for the code; a right one opens the page.

The demo's codes are new-style (K7QM-4TPX), typed here as people would: lower case,
without the dash. The room of tests/factories has older-style codes (`code-0`).
"""

from __future__ import annotations

import pytest

from components.code_entry import SHAPE
from services.core import codes
from services.core.actors import SYSTEM
from services.setup import initiatives, meetings, participants
from tests.views.helpers import screen_text

BOX = {
    "views/vote.py": ("Vote", "The code on your badge", "Open my ballot"),
    "views/survey.py": ("Survey", "The code on your badge", "Open my survey"),
    "views/projector.py": ("Projector", "The meeting's code", "Show the meeting"),
}


def plain(at) -> list[str]:
    """Errors as a person reads them (the page escapes Markdown with backslashes)."""
    return [e.value.replace("\\", "") for e in at.error]


def box(at, screen: str):
    [found] = [t for t in at.text_input if t.label == BOX[screen][1]]
    return found


def type_code(at, screen: str, typed: str):
    box(at, screen).input(typed)
    [send] = [b for b in at.button if b.label == BOX[screen][2]]
    return send.click().run()


def open_bare(app, screen: str, **query: str):
    at = app(query=query or None).run()
    return at.switch_page(screen).run()


def _person(db):
    return participants.list_participants(db, SYSTEM, initiatives.list_initiatives(db)[0].id)[0]


def _meeting(db):
    return meetings.list_meetings(db, SYSTEM, initiatives.list_initiatives(db)[0].id)[0]


@pytest.mark.parametrize("screen", BOX)
def test_a_bare_page_shows_a_box_for_the_code(app, screen):
    at = open_bare(app, screen)
    assert not at.exception, at.exception
    assert not at.error, plain(at)
    assert [t.value for t in at.title] == [BOX[screen][0]]
    assert box(at, screen).help == SHAPE
    assert SHAPE == "8 letters and digits, like K7QM-4TPX"


def test_a_code_typed_in_lower_case_without_the_dash_opens_the_ballot(app, demo_db):
    person = _person(demo_db)
    assert codes.is_new_style(person.code)
    at = type_code(open_bare(app, "views/vote.py"), "views/vote.py", person.code.lower())
    assert not at.exception, at.exception
    assert at.query_params["code"] == person.code
    assert f"Hello {person.name}." in [m.value for m in at.markdown]
    assert f"Your code: {codes.display_code(person.code)}" in [
        c.value.replace("\\", "") for c in at.caption
    ]
    assert any("No vote is open" in i.value for i in at.info)


def test_a_code_typed_with_a_space_opens_the_survey(app, demo_db):
    person = _person(demo_db)
    typed = f"{person.code[:4].lower()} {person.code[4:]}"
    at = type_code(open_bare(app, "views/survey.py"), "views/survey.py", typed)
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Before we meet"]
    assert f"Your code: {codes.display_code(person.code)}" in [
        c.value.replace("\\", "") for c in at.caption
    ]


def test_the_meeting_code_typed_opens_the_projector(app, demo_db):
    meeting = _meeting(demo_db)
    typed = codes.display_code(meeting.code).lower()
    at = type_code(open_bare(app, "views/projector.py"), "views/projector.py", typed)
    assert not at.exception, at.exception
    assert "The meeting has not started yet" in screen_text(at)
    assert at.query_params["code"] == meeting.code


@pytest.mark.parametrize(
    ("screen", "holder", "then"),
    [
        ("views/vote.py", "badge", "ask a facilitator"),
        ("views/survey.py", "badge", "ask a facilitator"),
        ("views/projector.py", "meeting", "copy it again from the facilitator's console"),
    ],
)
def test_a_wrong_code_is_refused_plainly_and_the_box_keeps_it(app, screen, holder, then):
    at = type_code(open_bare(app, screen), screen, "k7qm 4tpx")
    assert not at.exception, at.exception
    assert plain(at) == [
        f"No {holder} has the code K7QM-4TPX. Check it letter by letter, or {then}."
    ]
    assert box(at, screen).value == "k7qm 4tpx"
    assert [t.value for t in at.title] == [BOX[screen][0]]


def test_a_personal_code_does_not_open_the_projector(app, demo_db):
    person = _person(demo_db)
    at = type_code(open_bare(app, "views/projector.py"), "views/projector.py", person.code)
    assert plain(at)[0].startswith("No meeting has the code")


def test_a_wrong_link_asks_for_the_code_and_a_typed_right_one_opens_the_ballot(app, demo_db):
    person = _person(demo_db)
    at = open_bare(app, "views/vote.py", code="WRONG-CODE")
    assert plain(at) == [
        "This voting link is not valid: no badge has the code “WRONG-CODE”. "
        "Type the code on your badge below, or ask a facilitator."
    ]
    at = type_code(at, "views/vote.py", person.code.lower())
    assert not at.error, plain(at)
    assert f"Hello {person.name}." in [m.value for m in at.markdown]


def test_sending_an_empty_box_asks_for_the_code_and_counts_nothing(app):
    at = open_bare(app, "views/vote.py")
    for _ in range(8):
        at = type_code(at, "views/vote.py", "  ")
    assert plain(at) == ["Type the code on your badge first, then press “Open my ballot”."]


def test_a_sixth_wrong_code_is_told_to_wait(app):
    at = open_bare(app, "views/vote.py")
    for n in range(5):
        at = type_code(at, "views/vote.py", f"k7qm-4tp{n + 2}")
    assert plain(at)[1] == "Too many wrong codes: try again in 1 second."
    at = type_code(at, "views/vote.py", "k7qm-4tp9")
    assert any(e.startswith("Too many wrong codes: try again in") for e in plain(at)), plain(at)


def test_an_older_code_opens_the_ballot_only_as_stored(room_app):
    at = type_code(open_bare(room_app, "views/vote.py"), "views/vote.py", "CODE-0")
    assert plain(at) == [
        "No badge has the code “CODE-0”. Check it letter by letter, or ask a facilitator."
    ]
    at = type_code(at, "views/vote.py", " code-0 ")
    assert not at.error, plain(at)
    assert "Hello P0." in [m.value for m in at.markdown]
    assert "Your code: code-0" in [c.value.replace("\\", "") for c in at.caption]


def _survey_links(at) -> list[tuple[str, str]]:
    return [(p.proto.label, p.proto.page) for p in at.get("page_link")]


def test_with_no_vote_open_the_badge_leads_to_the_survey_then_to_the_feedback(room_app, db):
    from services.room import room_control

    room = room_app.room
    [person, *_] = participants.list_participants(db, room.facilitator, room.initiative_id)
    at = room_app(query={"code": person.code}).run().switch_page("views/vote.py").run()
    assert not at.exception, at.exception
    [(label, _page)] = _survey_links(at)
    assert label == "Before the meeting: answer the short survey"
    room_control.close_meeting(db, room.facilitator, room.meeting_id)
    at = room_app(query={"code": person.code}).run().switch_page("views/vote.py").run()
    [(label, _page)] = _survey_links(at)
    assert label == "The meeting is over: tell us how it went"
    assert [h.value for h in at.header] == ["This meeting has closed — thank you"]
    assert not at.info, [i.value for i in at.info]
