"""Every registered page renders for every role that may use it; others are unreachable."""

from __future__ import annotations

import re

import pytest
import streamlit as st

from screens import SCREENS, screens_for
from services.core.actors import SYSTEM
from services.core.vocab import Role
from services.setup import meetings, participants
from tests.views.helpers import screen_text

USER_FOR_ROLE = {Role.FACILITATOR: "facilitator", Role.SCRIBE: "scribe1", Role.LEADER: "leader1"}
CODE_PAGES = ("views/survey.py", "views/vote.py", "views/projector.py")
CODE_LABELS = {"The code on your badge", "The meeting's code"}
SIGNED_IN_CASES = [
    (screen, role)
    for screen in SCREENS
    for role in Role
    if role in screen.roles and screen.file not in CODE_PAGES
]


def titles(at) -> list[str]:
    return [t.value for t in at.title]


def errors(at) -> list[str]:
    return [e.value for e in at.error]


@pytest.mark.parametrize(
    ("screen", "role"), SIGNED_IN_CASES, ids=[f"{s.url_path}-{r.value}" for s, r in SIGNED_IN_CASES]
)
def test_page_renders_for_a_role_that_may_use_it(app, screen, role):
    at = app(USER_FOR_ROLE[role]).run()
    at.switch_page(screen.file).run()
    assert not at.exception, at.exception
    assert not errors(at), errors(at)
    assert titles(at), f"{screen.file} shows no title"


@pytest.mark.parametrize("role", list(Role))
def test_pages_not_registered_for_a_role_cannot_be_opened(app, role):
    allowed = {s.file for s in screens_for(role)}
    for screen in SCREENS:
        if screen.file in allowed:
            continue
        at = app(USER_FOR_ROLE[role]).run()
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(screen.file).run()


def test_home_shows_the_sign_in_form_to_a_visitor(app):
    at = app().run()
    assert not at.exception
    assert [t.label for t in at.text_input] == ["Username", "Password"]
    assert "Common Ground" in titles(at)


CODE_TITLES = ("Survey", "Vote", "Projector")

MENUS = {
    "facilitator": {
        "": ["Home"],
        "Before": ["Set up", "Prepare", "Agenda"],
        "In the room": ["Console", "Listen", "Ideas", "Converge", "Solve", "Conflicts"],
        "After": ["Charter", "Actions", "Review"],
    },
    "leader1": {
        "": ["Home"],
        "Before": ["Prepare", "Agenda"],
        "In the room": ["Converge"],
        "After": ["Charter", "Actions", "Review"],
    },
    "scribe1": {"": ["Home"], "In the room": ["Listen", "Ideas", "Solve", "Conflicts"]},
}


@pytest.fixture
def navigation_calls(monkeypatch):
    """What app.py hands st.navigation on each run, passed on to the real one unchanged."""
    calls: list[tuple[object, dict]] = []
    real = st.navigation

    def recording(pages, **options):
        calls.append((pages, options))
        return real(pages, **options)

    monkeypatch.setattr(st, "navigation", recording)
    return calls


@pytest.mark.parametrize("user", sorted(MENUS))
def test_each_role_s_sidebar_has_its_stages_all_open_and_no_code_screens(
    app, navigation_calls, user
):
    at = app(user).run()
    assert not at.exception, at.exception
    pages, options = navigation_calls[-1]
    # Streamlit's menu is hidden; ours (components/menu.py) is headings and links.
    assert options == {"position": "hidden"}
    assert sorted(p.title for p in pages if p.title in CODE_TITLES) == sorted(CODE_TITLES)
    menu = {}
    stage = ""
    for element in at.sidebar:
        if element.type == "html" and "menu-stage" in element.proto.body:
            stage = re.sub(r"<[^>]+>", "", element.proto.body)
        elif element.type == "page_link":
            menu.setdefault(stage, []).append(element.proto.label)
    assert menu == MENUS[user]


def test_a_visitor_has_no_menu_and_only_home_and_the_code_screens(app, navigation_calls):
    app().run()
    pages, options = navigation_calls[-1]
    assert options == {"position": "hidden"}
    assert [p.title for p in pages][:4] == ["Home", "Survey", "Vote", "Projector"]
    # The staff screens' addresses are there too, each only the sign-in form that goes on
    # to it (`app.sign_in_page`), never the screen's own script.
    staff = {s.url_path: s for s in SCREENS if None not in s.roles}
    rest = pages[4:]
    assert sorted(p.url_path for p in rest) == sorted(staff)
    assert all(p.title == staff[p.url_path].title for p in rest)
    assert all(callable(getattr(p, "_page", None)) for p in rest)


@pytest.mark.parametrize("user", sorted(MENUS))
@pytest.mark.parametrize("screen", CODE_PAGES)
def test_the_code_screens_still_open_for_staff_and_ask_for_the_code(app, user, screen):
    at = app(user).run()
    at.switch_page(screen).run()
    assert not at.exception, at.exception
    assert not errors(at), errors(at)
    assert any(box.label in CODE_LABELS for box in at.text_input), at.text_input


@pytest.mark.parametrize("user", sorted(MENUS))
def test_home_lists_the_screens_of_the_signed_in_role_by_stage(app, user):
    at = app(user).run()
    stages = {k: v for k, v in MENUS[user].items() if k}
    assert [m.value for m in at.markdown if m.value.startswith("##### ")] == [
        f"##### {stage}" for stage in stages
    ]
    links = [link.label for link in at.main.get("page_link")]
    assert links == [title for titles in stages.values() for title in titles]


def test_a_scribe_sees_only_their_own_tables_notes(app):
    at = app("scribe1", {"table": "2"}).run()
    at.switch_page("views/listen.py").run()
    assert any("table 2" in e and "table 1" in e for e in errors(at)), errors(at)


def test_a_link_to_a_table_that_does_not_exist_is_refused_plainly(app):
    at = app("facilitator", {"table": "99"}).run()
    at.switch_page("views/ideas.py").run()
    assert not at.exception
    assert any("no table 99" in e for e in errors(at))


# Not "page": that name is pytest-playwright's fixture, and would drag a browser in.
@pytest.mark.parametrize("screen", CODE_PAGES)
@pytest.mark.parametrize("code", ["wrong-code", "<script>alert(1)</script>"])
@pytest.mark.parametrize("user", [None, "facilitator"])
def test_a_bad_code_gets_a_plain_refusal(app, screen, code, user):
    at = app(user, query={"code": code}).run()
    at.switch_page(screen).run()
    assert not at.exception
    assert any("not valid" in e for e in errors(at))


def test_a_participant_opens_vote_with_their_code_and_hears_nothing_is_open(app, demo_db):
    person = participants.list_participants(demo_db, SYSTEM, _initiative_id(demo_db))[0]
    at = app(query={"code": person.code}).run()
    at.switch_page("views/vote.py").run()
    assert not at.exception
    assert titles(at) == ["Vote"]
    assert any("No vote is open" in i.value for i in at.info)


def test_a_participant_opens_the_survey_with_their_code(app, demo_db):
    person = participants.list_participants(demo_db, SYSTEM, _initiative_id(demo_db))[0]
    at = app(query={"code": person.code}).run()
    at.switch_page("views/survey.py").run()
    assert not at.exception
    assert titles(at) == ["Before we meet"]


def test_the_projector_opens_with_the_meeting_code(app, demo_db):
    meeting = meetings.list_meetings(demo_db, SYSTEM, _initiative_id(demo_db))[0]
    at = app(query={"code": meeting.code}).run()
    at.switch_page("views/projector.py").run()
    assert not at.exception
    assert "The meeting has not started yet" in screen_text(at)
    assert meeting.title in screen_text(at)


def _initiative_id(db) -> int:
    from services.setup import initiatives

    return initiatives.list_initiatives(db)[0].id
