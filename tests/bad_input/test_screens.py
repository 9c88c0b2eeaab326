"""Hostile text through the screens: typed into real forms, shown back literally.

Streamlit renders Markdown (and its own :colour[...] and :material/...: syntax, and
LaTeX between dollars) in st.markdown, captions, headings, alerts, expander and tab
labels, widget labels and help, and radio options. User text must reach each of those
escaped (components/text.escape_markdown), so a page never turns a note into a link, an
image, a heading or a coloured alarm. st.html (the projector's views) renders HTML, not
Markdown: there user text must be HTML-escaped, so no tag of it ever reaches the page.
Dataframes, select boxes and charts show text as text and are not inspected.

A label hidden or collapsed (label_visibility) is checked like any other: Streamlit still
renders its Markdown into the page, only undisplayed, and Chromium fetches an image in it
all the same (tests/e2e/test_ballot_thumbs.py shows the ballot's hidden labels are words).
"""

from __future__ import annotations

import html

import pytest
from google.protobuf.message import Message
from sqlalchemy import select
from streamlit.proto.LabelVisibility_pb2 import LabelVisibility

from components.idea_board import MODERATION_KEY
from components.language import page_mark
from components.menu import LANDMARK_SCRIPT
from components.text import escape_markdown, plain_words
from db.models import AgendaItem, Charter, Meeting
from i18n import LANGUAGES
from services.accounts import accounts
from services.agenda import agenda_review
from services.converge import voting_reveal, voting_rounds
from services.core.actors import SYSTEM, Actor
from services.core.vocab import Role, Step
from services.partner import charter_signoff
from services.prepare import survey_settings
from services.resolve import conflicts
from services.room import ideas, notes, room_control, spotlight, themes
from services.setup import initiatives, participants, stakeholders
from tests.bad_input.corpus import SHOWN, case
from tests.bad_input.rooms import Filled, fill_room
from tests.views.helpers import by_label, click, open_expanders, setup_screen

# What a piece of hostile text looks like when Markdown would act on it: never on a page.
LIVE_MARKUP = [
    "<script>",
    "<b>bold</b>",
    "<img src=x",
    "](javascript:",
    "![pixel](",
    "<https://evil.example>",
    ":red[alarm]",
    ":material/home:",
    "$x^2$",
]
_MARKDOWN_FIELDS = {"body", "label", "help"}
_MARKDOWN_OPTIONS = {"radio", "button_group"}
_PLAIN = {"text", "code", "json", "exception", "html"}
# What hostile text looks like when HTML would act on it.
LIVE_TAGS = [m for m in LIVE_MARKUP if m.startswith("<")]


def markdown_strings(at) -> list[str]:
    """Every string on the page that Streamlit renders as Markdown."""
    found: list[str] = []
    for node in at._tree:
        proto = getattr(node, "proto", None)
        if not isinstance(proto, Message) or getattr(node, "type", "") in _PLAIN:
            continue
        _collect(proto, node.type in _MARKDOWN_OPTIONS, found)
    return found


def _collect(message: Message, options_too: bool, found: list[str]) -> None:
    for field, value in message.ListFields():
        if field.type == field.TYPE_MESSAGE:
            for item in [value] if isinstance(value, Message) else value:
                _collect(item, options_too, found)
        elif field.type == field.TYPE_STRING and (
            field.name in _MARKDOWN_FIELDS or (options_too and field.name == "options")
        ):
            found.extend([value] if isinstance(value, str) else value)


def html_bodies(at) -> list[str]:
    """Every st.html block on the page but the app's own fixed scripts (its language, the
    menu's landmark)."""
    own = {page_mark(language) for language in LANGUAGES} | {LANDMARK_SCRIPT}
    return [h.proto.body for h in at.html if h.proto.body not in own]


def leaks(at) -> list[str]:
    """Markdown strings, or HTML blocks, on the page where hostile text would act as markup."""
    found = [s for s in markdown_strings(at) if any(m in s for m in LIVE_MARKUP)]
    return found + [b for b in html_bodies(at) if any(m in b for m in LIVE_TAGS)]


def shows(at, text: str) -> bool:
    """Whether `text` is on the page: as plain text, or escaped in some Markdown string or
    HTML block."""
    if any(text in t.value for t in at.text):
        return True
    escaped = escape_markdown(text)
    if any(escaped in s for s in markdown_strings(at)):
        return True
    return any(html.escape(text, quote=True) in b for b in html_bodies(at))


def open_screen(room_app, screen: str, user: str | None = None, **query: str):
    """`screen` as `user` opens it; Set up with every tab drawn (a tab is, once opened)."""
    if screen == "views/setup.py" and user is not None:
        return setup_screen(room_app, user)
    at = room_app(user, query).run().switch_page(screen).run()
    if screen == "views/prepare.py" and user == "fac":
        return open_expanders(at, "prepare-survey-settings")  # drawn once opened
    return at


# Through the forms: what a scribe or facilitator types comes back on the page literally.


@pytest.mark.parametrize("text", SHOWN[:3], ids=["html", "script", "markdown link"])
def test_a_note_typed_at_a_table_is_stored_exactly_and_shown_literally(room_app, db, text):
    room = room_app.room
    at = open_screen(room_app, "views/listen.py", "s1", table="1")
    by_label(at.text_area, "What was said").input(text)
    by_label(at.text_area, "What I heard (the paraphrase back)").input(text + " (heard)")
    at = click(at, "Save note")
    assert not at.exception, at.exception
    (note,) = notes.list_notes(db, room.facilitator, room.meeting_id)
    assert (note.said, note.paraphrase) == (text, text + " (heard)")
    assert shows(at, text) and not leaks(at), leaks(at)


def test_an_idea_typed_on_the_board_is_stored_exactly_and_shown_literally(room_app, db):
    room = room_app.room
    for text in SHOWN:
        at = open_screen(room_app, "views/ideas.py", "s1", table="1")
        by_label(at.text_area, "The idea").input(text)
        at = click(at, "Add idea")
        assert not at.exception, at.exception
        assert shows(at, text) and not leaks(at), (text, leaks(at))
    stored = [i.text for i in ideas.list_ideas(db, room.meeting_id, actor=SYSTEM)]
    assert sorted(stored) == sorted(SHOWN)


def test_a_theme_named_on_the_board_is_shown_literally_in_its_translation_box(room_app, db):
    room = room_app.room
    name = case("markdown link").text + " " + case("script").text
    themes.create_theme(db, room.facilitator, room.meeting_id, name)
    at = open_expanders(open_screen(room_app, "views/ideas.py", "fac"), MODERATION_KEY)
    assert not at.exception, at.exception
    # The box's name is the words without their marks; the words as typed, as plain text.
    (box,) = [t for t in at.text_input if t.label.endswith("in Spanish")]
    assert box.label == plain_words(f"“{name}” in Spanish")
    assert box.proto.label_visibility.value == LabelVisibility.COLLAPSED
    assert f"“{name}” in Spanish" in [t.value for t in at.text]
    assert shows(at, name) and not leaks(at), leaks(at)


def test_a_conflict_typed_in_the_log_is_stored_exactly_and_shown_literally(room_app, db):
    room = room_app.room
    text = case("markdown link").text + " " + case("script").text
    at = open_screen(room_app, "views/conflicts.py", "s1", table="1")
    by_label(at.text_area, "The issue in dispute").input(text)
    at = click(at, "Log it")
    assert not at.exception, at.exception
    (conflict,) = conflicts.list_conflicts(db, room.facilitator, room.meeting_id)
    assert conflict.issue == text
    assert shows(at, text) and not leaks(at), leaks(at)


def test_a_refusal_that_repeats_what_was_typed_shows_it_literally(room_app):
    typed = "[me](javascript:alert(1))"
    at = open_screen(room_app, "views/setup.py", "fac")
    by_label(at.text_input, "Username (lowercase letters, digits, . - _)").input(typed)
    by_label(at.text_input, "Name shown to others").input("Someone")
    by_label(at.text_input, "Password (at least 10 characters)").input("a-long-password")
    at = click(at, "Add the account")
    assert not at.exception, at.exception
    assert any("cannot be a username" in e.value for e in at.error), [e.value for e in at.error]
    assert shows(at, f"“{typed}”") and not leaks(at), leaks(at)


# Every screen, every role, over a room whose every record holds hostile text.

HOSTILE = [
    case("markdown link").text,
    case("script").text,
    case("html").text,
    case("markdown image").text,
    case("streamlit syntax").text,
]


def hostile_room(db, room) -> Filled:
    """Hostile text in every record the screens show, and the room at its ideas step.

    The leader who signs in keeps a plain name (app.py's sidebar writes it, see the
    report of this corpus); a second leader with a hostile name comments and signs.
    """
    fac = room.facilitator
    filled = fill_room(db, room, HOSTILE)
    initiatives.update_initiative(
        db,
        fac,
        room.initiative_id,
        initiatives.InitiativeFields(name=HOSTILE[1], city=HOSTILE[2], purpose=HOSTILE[3]),
    )
    initiatives.set_trust_statements(db, fac, room.initiative_id, HOSTILE[:2])
    survey_settings.set_demographic_questions(db, fac, room.initiative_id, HOSTILE[2:4])
    other = accounts.create_account(
        db,
        fac,
        accounts.NewAccount(
            username="lead2",
            display_name=HOSTILE[4],
            role="leader",
            password="a-long-password",
            email="",
            stakeholder_id=room.residents_id,
        ),
    )
    other_leader = Actor(other.id, Role.LEADER, other.display_name)
    agenda_review.comment(db, other_leader, room.item_ids[0], HOSTILE[3])
    with db.read() as s:
        charter_id = s.scalar(select(Charter.id).where(Charter.initiative_id == room.initiative_id))
    charter_signoff.sign(db, other_leader, charter_id)
    # A group seated at a table that has said nothing yet: voice balance names it.
    quiet = stakeholders.create_stakeholder(
        db,
        fac,
        room.initiative_id,
        stakeholders.StakeholderFields(name=HOSTILE[4], category="other"),
    )
    participants.create_participant(
        db,
        fac,
        room.initiative_id,
        participants.ParticipantFields(
            name=HOSTILE[2], stakeholder_id=quiet.id, table_id=room.table2_id
        ),
    )
    for _ in range(3):
        ideas.add_idea(
            db,
            room.scribe2,
            ideas.NewIdea(table_id=room.table2_id, text=HOSTILE[3], stakeholder_id=room.police_id),
        )
    with db.write() as s:
        s.get_one(Meeting, room.meeting_id).title = HOSTILE[0]
        s.get_one(Meeting, room.meeting_id).location = HOSTILE[1]
        for n, item_id in enumerate(room.item_ids):
            item = s.get_one(AgendaItem, item_id)
            item.title, item.prompt = HOSTILE[n], HOSTILE[n + 1]
    room_control.move_step(db, fac, room.meeting_id, +1)  # the ideas step
    return filled


FACILITATOR_SCREENS = [
    "views/home.py",
    "views/setup.py",
    "views/prepare.py",
    "views/agenda.py",
    "views/console.py",
    "views/listen.py",
    "views/ideas.py",
    "views/converge.py",
    "views/solve.py",
    "views/conflicts.py",
    "views/charter.py",
    "views/actions.py",
    "views/review.py",
]
VISITS = {
    "facilitator": [("fac", s, {}) for s in FACILITATOR_SCREENS],
    "scribe": [
        ("s1", s, {"table": "1"})
        for s in ("views/listen.py", "views/ideas.py", "views/solve.py", "views/conflicts.py")
    ],
    "leader": [
        ("lead", s, {})
        for s in (
            "views/prepare.py",
            "views/agenda.py",
            "views/converge.py",
            "views/charter.py",
            "views/actions.py",
            "views/review.py",
        )
    ],
    "participant": [
        (None, "views/vote.py", {"code": "code-3"}),
        (None, "views/survey.py", {"code": "code-3"}),
        (None, "views/projector.py", {"code": "meet-code"}),
    ],
}


def must_show(filled: Filled) -> dict[tuple[str | None, str], list[str]]:
    """Where each fix of this corpus shows hostile text: the visit, and what must be there."""
    return {
        ("fac", "views/setup.py"): [HOSTILE[0]],  # a major group with no leader yet
        ("fac", "views/prepare.py"): [HOSTILE[0], HOSTILE[2]],  # their questions to translate
        ("fac", "views/agenda.py"): [HOSTILE[4]],  # the leader still to approve
        ("fac", "views/console.py"): [HOSTILE[4]],  # the under-heard group
        ("fac", "views/solve.py"): [filled.texts["idea"]],  # the top of the vote
        ("fac", "views/actions.py"): [filled.texts["action"]],  # the action's title
        ("lead", "views/actions.py"): [filled.texts["action"]],
        (None, "views/survey.py"): [HOSTILE[0], HOSTILE[2]],  # a statement, a question
    }


@pytest.mark.parametrize("who", VISITS)
def test_every_screen_shows_hostile_text_literally(room_app, db, who):
    room = room_app.room
    expected = must_show(hostile_room(db, room))
    problems = []
    for user, screen, query in VISITS[who]:
        at = open_screen(room_app, screen, user, **query)
        problems += [f"{screen}: exception {e.value}" for e in at.exception]
        problems += [f"{screen}: {leak!r}" for leak in leaks(at)]
        missing = [t for t in expected.get((user, screen), []) if not shows(at, t)]
        problems += [f"{screen}: {t!r} is not shown" for t in missing]
    assert not problems, "\n".join(problems)


def test_the_projector_shows_a_spotlit_conflict_and_results_literally(room_app, db):
    room = room_app.room
    filled = hostile_room(db, room)
    spotlight.set_spotlight(db, room.facilitator, room.meeting_id, filled.conflict_id)
    wall = open_screen(room_app, "views/projector.py", code="meet-code")
    assert not wall.exception and not leaks(wall), leaks(wall)
    assert shows(wall, filled.texts["issue"])
    spotlight.set_spotlight(db, room.facilitator, room.meeting_id, None)
    room_control.go_to_step(db, room.facilitator, room.meeting_id, room.item_ids[1])  # ideas
    wall = open_screen(room_app, "views/projector.py", code="meet-code")
    assert not wall.exception and not leaks(wall), leaks(wall)
    assert shows(wall, filled.texts["idea"])
    room_control.go_to_step(db, room.facilitator, room.meeting_id, room.item_ids[2])  # open vote
    wall = open_screen(room_app, "views/projector.py", code="meet-code")
    assert not wall.exception and not leaks(wall), leaks(wall)
    assert shows(wall, filled.texts["round"])
    voting_rounds.close_round(db, room.facilitator, filled.round_id)
    voting_reveal.reveal_results(db, room.facilitator, filled.round_id)
    wall = open_screen(room_app, "views/projector.py", code="meet-code")
    assert not wall.exception and not leaks(wall), leaks(wall)
    assert shows(wall, filled.texts["idea"])


def test_the_projector_shows_the_charter_literally(room_app, db):
    room = room_app.room
    filled = hostile_room(db, room)
    with db.write() as s:
        step = AgendaItem(
            meeting_id=room.meeting_id, position=4, title="Charter", step=Step.PARTNER, minutes=5
        )
        s.add(step)
        s.flush()
        step_id = step.id
    room_control.go_to_step(db, room.facilitator, room.meeting_id, step_id)
    wall = open_screen(room_app, "views/projector.py", code="meet-code")
    assert not wall.exception and not leaks(wall), leaks(wall)
    assert shows(wall, filled.texts["mission"]) and shows(wall, filled.texts["shared goals"])
