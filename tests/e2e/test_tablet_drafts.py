"""Nothing typed is lost: a scribe's tablet as input closes mid-sentence, and late notes.

A user test lost a scribe's 255-character testimony when input closed while it was being
typed. Here the facilitator closes input from the console in another browser while the
scribe types; the tablet's banner must follow within seconds, a refused save must keep the
text, a reload must bring it back, and a late-notes allowance must let it land, marked late.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect
from sqlalchemy import select

from components import drafts
from db.models import ContentTranslation, Idea, ListeningNote, Meeting
from services.core.actors import SYSTEM
from services.room import room_control
from services.room.late_notes import CLOSED_MESSAGE
from tests.browser import LAPTOP, TABLET, button, click, device, signed_in, snap, wait_idle
from tests.e2e.conftest import PASSWORD, Demo, live_room

pytestmark = pytest.mark.e2e

BANNER_DEADLINE_MS = 6_000
"""How long the tablet's banner may take to follow the room: its refresh runs every 2 s."""
TESTIMONY = (
    "I called three times about the cars racing past the school at pickup time, and each "
    "time I was told someone would come. Nobody came. Last week a child was nearly hit, and "
    "the parents now stand in the road themselves to slow the traffic down every weekday."
)
HEARD = "You asked for help again and again and it never arrived."


@pytest.fixture(scope="module")
def input_open(demo: Demo) -> Demo:
    """The demo meeting on a step with input open, as a facilitator leaves it for table work."""
    live_room(demo)
    return demo


def _open_screen(page: Page, base: str, user: str, link: str, heading: str) -> None:
    """Sign in and open a screen from the home page's list, as a person does."""
    signed_in(page, base, user, PASSWORD)
    page.get_by_test_id("stMain").get_by_role("link", name=link, exact=True).click()
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    wait_idle(page)


def _banner(page: Page, words: str) -> Locator:
    """The room banner's input line: the page's first alert (the form may say more below)."""
    return page.get_by_test_id("stAlert").first.filter(has_text=words)


def test_text_typed_as_input_closes_survives_refusal_and_reload_then_lands_late(
    browser: Browser, input_open: Demo, screenshots: Path
) -> None:
    assert len(TESTIMONY) == 255
    base = input_open.url
    tablet = device(browser, TABLET).new_page()
    laptop = device(browser, LAPTOP).new_page()
    _open_screen(tablet, base, "scribe2", "Listen", "Listen · table 2")
    _open_screen(laptop, base, "facilitator", "Console", "Console")
    said = tablet.get_by_label("What was said")
    heard = tablet.get_by_label("What I heard (the paraphrase back)")
    expect(_banner(tablet, "Input is open")).to_be_visible()

    # Typing, not pasting: each keystroke is an input event, the way a scribe writes.
    said.press_sequentially(TESTIMONY[:40])
    said.fill(TESTIMONY)
    click(laptop, "Close input")
    expect(laptop.get_by_text("Input is closed.")).to_be_visible()

    # The tablet follows by itself, with nobody touching it.
    expect(_banner(tablet, "Input is closed")).to_be_visible(timeout=BANNER_DEADLINE_MS)
    wait_idle(tablet)
    expect(said).to_have_value(TESTIMONY)
    _snap_top(tablet, screenshots, "tablet-banner-input-closed")
    click(tablet, "Save note")
    refusal = tablet.get_by_test_id("stAlertContentError").filter(has_text=CLOSED_MESSAGE)
    expect(refusal).to_be_visible()
    expect(said).to_have_value(TESTIMONY)
    snap(tablet, screenshots, "tablet-input-closed-refused")

    # Mid-sentence in the next field, never sent to the server, the tablet reloads.
    heard.press_sequentially(HEARD)
    tablet.reload()
    wait_idle(tablet)
    expect(tablet.get_by_text("Restored what you were typing")).to_be_visible()
    expect(said).to_have_value(TESTIMONY)
    expect(heard).to_have_value(HEARD)
    snap(tablet, screenshots, "tablet-draft-restored")
    assert _notes_saying(input_open, TESTIMONY) == []

    laptop.get_by_text("Allow late notes for this step").click()
    wait_idle(laptop)
    expect(laptop.get_by_text("Late notes are allowed for")).to_be_visible()
    late_button = button(tablet, "Save as a late note")
    expect(late_button).to_be_visible(timeout=BANNER_DEADLINE_MS)
    wait_idle(tablet)
    expect(said).to_have_value(TESTIMONY)
    _snap_top(tablet, screenshots, "tablet-late-notes-allowed")
    laptop.get_by_text("Allow late notes for this step").scroll_into_view_if_needed()
    snap(laptop, screenshots, "laptop-console-late-notes")
    late_button.click()
    wait_idle(tablet)
    expect(tablet.get_by_text("Note saved, marked late.")).to_be_visible()
    expect(tablet.get_by_text("late, saved after input closed").first).to_be_visible()
    expect(said).to_have_value("")
    snap(tablet, screenshots, "tablet-late-note-saved")
    ((late, paraphrase),) = _notes_saying(input_open, TESTIMONY)
    assert (late, paraphrase) == (True, HEARD)

    # Saved, the draft is gone: a reload brings back nothing.
    tablet.reload()
    wait_idle(tablet)
    expect(tablet.get_by_role("heading", name="Listen · table 2")).to_be_visible()
    tablet.wait_for_timeout(1_500)
    expect(said).to_have_value("")
    expect(tablet.get_by_text("Restored what you were typing")).to_be_hidden()


IDEA = "A crossing guard at the school gate at pickup time"
TRANSLATION = "Un guardia de cruce en la puerta de la escuela a la hora de salida"


def test_an_idea_and_its_translation_typed_on_a_tablet_survive_a_reload_and_land_together(
    browser: Browser, input_open: Demo
) -> None:
    with input_open.db.read() as s:
        meeting_id = s.scalars(select(Meeting.id)).one()
    room_control.set_input(input_open.db, SYSTEM, meeting_id, True)
    tablet = device(browser, TABLET).new_page()
    _open_screen(tablet, input_open.url, "scribe3", "Ideas", "Ideas · table 3")
    idea = tablet.get_by_role("textbox", name="The idea")
    translation = tablet.get_by_role("textbox", name="Translation (Spanish)")
    idea.press_sequentially(IDEA[:12])
    idea.fill(IDEA)
    translation.press_sequentially(TRANSLATION)

    # Never sent to the server, both fields come back after a reload.
    tablet.reload()
    wait_idle(tablet)
    expect(tablet.get_by_text("Restored what you were typing")).to_be_visible()
    expect(idea).to_have_value(IDEA)
    expect(translation).to_have_value(TRANSLATION)

    click(tablet, "Add idea")
    expect(idea).to_have_value("")
    expect(translation).to_have_value("")
    with input_open.db.read() as s:
        stored = s.scalars(select(Idea.id).where(Idea.text == IDEA)).one()
        kept = s.execute(
            select(ContentTranslation.language, ContentTranslation.text).where(
                ContentTranslation.kind == "idea", ContentTranslation.entity_id == stored
            )
        ).all()
    assert [tuple(row) for row in kept] == [("es", TRANSLATION)]


def _snap_top(page: Page, folder: Path, name: str) -> None:
    """A picture of the top of the screen: the banner, and the form's first field."""
    page.get_by_test_id("stHeading").first.scroll_into_view_if_needed()
    snap(page, folder, name)


def _notes_saying(demo: Demo, said: str) -> list[tuple[bool, str]]:
    with demo.db.read() as s:
        query = select(ListeningNote.late, ListeningNote.paraphrase)
        found = s.execute(query.where(ListeningNote.said == said))
        return [(late, paraphrase) for late, paraphrase in found]


def test_a_draft_is_put_back_into_an_empty_field_but_not_under_the_caret_of_one_in_use(
    browser: Browser, demo: Demo
) -> None:
    """The browser's script itself (components/drafts.py), on a page of the app's own
    origin: a field the person is in stays as they have it, even empty, so an old draft
    never joins what they start typing; one they are not in gets the draft back."""
    page = device(browser, TABLET).new_page()
    page.goto(demo.url)
    wait_idle(page)
    draft = drafts.Draft("probe", "form", ("said",))
    key = draft.key("said")
    script = (
        drafts._SCRIPT.split('<script data-keeps="drafts">')[1]
        .split("</script>")[0]
        .replace("__KEYS__", json.dumps([key]))
        .replace("__CLEAR__", "false")
        .replace("__STORE__", drafts._STORE)
        .replace("__PREFIX__", drafts._PREFIX)
    )
    page.evaluate(
        """([key, store]) => {
            const box = document.createElement("div");
            box.className = "st-key-" + key;
            box.appendChild(document.createElement("textarea"));
            document.body.appendChild(box);
            localStorage.setItem(store + key, "An old draft");
        }""",
        [key, drafts._STORE],
    )
    field = page.locator(f".st-key-{key} textarea")
    field.focus()
    page.evaluate(script)
    assert field.input_value() == "", "an old draft was put under the person's caret"
    field.blur()
    page.evaluate(script)
    assert field.input_value() == "An old draft"
    page.context.close()
