"""A scribe's tablet: kept to its own table, and nothing submitted is lost to a reload."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import func, select

from db.models import Account, ContentTranslation, Idea, ListeningNote, Meeting
from services.core.actors import SYSTEM, Actor
from services.core.vocab import Role
from services.room import room_control
from tests.browser import TABLET, device, press, snap, visit, wait_idle
from tests.e2e.conftest import Demo, kept_signed_in

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def open_room(demo: Demo) -> Demo:
    """The meeting started with input open, as the facilitator leaves it for table work."""
    with demo.db.read() as s:
        meeting_id = s.scalars(select(Meeting.id)).one()
        account_id = s.scalars(select(Account.id).where(Account.username == "facilitator")).one()
    facilitator = Actor(account_id, Role.FACILITATOR, "Facilitator")
    state = room_control.room_state(demo.db, meeting_id, actor=SYSTEM)
    if state.current is None:
        room_control.start_meeting(demo.db, facilitator, meeting_id)
    room_control.set_input(demo.db, facilitator, meeting_id, True)
    return demo


@pytest.fixture(scope="module")
def scribe2(browser: Browser, open_room: Demo) -> Iterator[Page]:
    with kept_signed_in(device(browser, TABLET), open_room.url, "scribe2") as tablet:
        yield tablet


def _count(demo: Demo, model, text: str) -> int:
    column = model.said if model is ListeningNote else model.text
    with demo.db.read() as s:
        return s.execute(select(func.count()).select_from(model).where(column == text)).scalar_one()


def test_a_scribe_opening_another_tables_link_is_refused_in_words(
    scribe2: Page, open_room: Demo, screenshots: Path
) -> None:
    for screen in ("listen", "ideas"):
        visit(scribe2, open_room.url, f"{screen}?table=3")
        expect(scribe2.get_by_text("This is table 3's page")).to_be_visible()
        expect(scribe2.get_by_text("you are the scribe for table 2")).to_be_visible()
        expect(scribe2.get_by_label("What was said")).to_have_count(0)
        expect(scribe2.get_by_label("The idea")).to_have_count(0)
    snap(scribe2, screenshots, "listen-tablet-other-table")
    # The sidebar starts closed on a tablet: the button that opens it is thumb-sized.
    opener = scribe2.get_by_test_id("stExpandSidebarButton")
    size = opener.bounding_box()
    assert size is not None and size["width"] >= 44 and size["height"] >= 44, size


def test_a_scribe_cannot_reach_the_set_up_screen_by_its_address(
    scribe2: Page, open_room: Demo
) -> None:
    visit(scribe2, open_room.url, "setup")
    expect(scribe2.get_by_text("Page not found")).to_be_visible()
    expect(scribe2.get_by_role("heading", name="Your screens")).to_be_visible()
    expect(scribe2.get_by_role("heading", name="Set up")).to_have_count(0)
    expect(scribe2.get_by_text("Stakeholder groups")).to_have_count(0)


def test_a_reload_mid_entry_keeps_everything_already_submitted(
    scribe2: Page, open_room: Demo, screenshots: Path
) -> None:
    base = open_room.url
    said = "The youth centre closes at six and there is nowhere else to go."
    visit(scribe2, base, "listen?table=2")
    scribe2.get_by_label("What was said").fill(said)
    scribe2.get_by_label("What I heard (the paraphrase back)").fill("Young people need a place.")
    scribe2.get_by_role("button", name="Save note").click()
    wait_idle(scribe2)
    expect(scribe2.get_by_text("Note saved.")).to_be_visible()

    visit(scribe2, base, "ideas?table=2")
    idea = "Keep the youth centre open until nine, staffed by youth workers"
    scribe2.get_by_label("The idea").fill(idea)
    scribe2.get_by_role("button", name="Add idea").click()
    wait_idle(scribe2)
    expect(scribe2.get_by_text("Idea added.")).to_be_visible()

    # Half-way through the next note, the tablet reloads (a tap on refresh, a lost tab).
    visit(scribe2, base, "listen?table=2")
    scribe2.get_by_label("What was said").fill("Half a sentence that was never sa")
    scribe2.reload()
    wait_idle(scribe2)

    expect(scribe2.get_by_role("heading", name="Listen · table 2")).to_be_visible()
    expect(scribe2.get_by_text(said)).to_be_visible()
    visit(scribe2, base, "ideas?table=2")
    expect(scribe2.get_by_text(idea)).to_be_visible()
    snap(scribe2, screenshots, "ideas-tablet-after-reload")
    assert _count(open_room, ListeningNote, said) == 1
    assert _count(open_room, Idea, idea) == 1
    assert _count(open_room, ListeningNote, "Half a sentence that was never sa") == 0


def test_a_scribe_corrects_a_saved_note_and_the_list_shows_the_correction(
    scribe2: Page, open_room: Demo, screenshots: Path
) -> None:
    """The correction lives in the form's fragment: picking a note reruns only that. Its
    translation is written under it."""
    base = open_room.url
    said = "Officers never get out of the car on our street."
    visit(scribe2, base, "listen?table=2")
    scribe2.get_by_label("What was said").first.fill(said)
    scribe2.get_by_label("What I heard (the paraphrase back)").fill("You see patrols pass by.")
    press(scribe2, scribe2.get_by_role("button", name="Save note"))
    expect(scribe2.get_by_text("Note saved.")).to_be_visible()

    press(scribe2, scribe2.get_by_text("Correct a note"))
    _choose(scribe2, "Note to correct", said)
    wait_idle(scribe2)
    heard = scribe2.get_by_label("What I heard", exact=True)
    heard.fill("You want officers to stop and talk.")
    press(scribe2, scribe2.get_by_role("button", name="Save correction"))

    expect(scribe2.get_by_text("Correction saved.")).to_be_visible()
    expect(scribe2.get_by_text("I heard: You want officers to stop and talk.")).to_be_visible()
    with open_room.db.read() as s:
        paraphrase = s.scalars(select(ListeningNote.paraphrase).where(ListeningNote.said == said))
        assert list(paraphrase) == ["You want officers to stop and talk."]

    # The bilingual scribe gives the note its Spanish, under the correction.
    scribe2.get_by_label("What was said (Spanish)").fill("Nunca vemos a nadie a pie.")
    scribe2.get_by_label("What I heard (Spanish)").fill("Quiere que los agentes paren y hablen.")
    press(scribe2, scribe2.get_by_role("button", name="Save the translation"))
    expect(scribe2.get_by_text("Translation saved.")).to_be_visible()
    scribe2.screenshot(path=screenshots / "tablet-note-translated.png")
    with open_room.db.read() as s:
        spanish = s.scalars(
            select(ContentTranslation.text)
            .where(ContentTranslation.kind == "listening_note")
            .order_by(ContentTranslation.field)
        )
        assert list(spanish) == [
            "Quiere que los agentes paren y hablen.",
            "Nunca vemos a nadie a pie.",
        ]


def _choose(page: Page, label: str, option: str) -> None:
    """Pick `option` in a selectbox; a click that lands while its expander is still
    opening leaves the list shut, so the click is repeated until the list shows."""
    listbox = page.get_by_role("listbox")
    for _ in range(5):
        page.get_by_label(label).click()
        try:
            expect(listbox).to_be_visible(timeout=2_000)
            break
        except AssertionError:
            page.keyboard.press("Escape")
    page.get_by_role("option", name=option).click()
