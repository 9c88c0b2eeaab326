"""A translation entered on the idea board reaches the phones in their readers' language;
and the words Streamlit writes itself come in the reader's language too.

The facilitator, on the laptop, writes the Spanish of an idea on the board's Translate
tab; a phone whose badge reads Spanish votes on the Spanish words, marked as a
translation, with the English original one tap away; a phone whose badge reads English
votes on the original, with no mark. The idea and the open round are the room's own
(made through the services as the other phone tests do); the translation is typed on the
screen.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from babel.dates import format_date
from playwright.sync_api import Browser, Locator, Page, expect
from sqlalchemy import select

from db.models import ContentTranslation, Idea
from services.setup import languages
from tests.accessibility import violations
from tests.browser import (
    LAPTOP,
    PHONE,
    choose,
    click,
    device,
    open_column_menu,
    open_screen,
    signed_in,
    snap,
    visit,
    wait_idle,
)
from tests.e2e.conftest import PASSWORD, Demo, open_dot_round
from tests.languages import english_left, people_text, staff_choose

pytestmark = pytest.mark.e2e

IDEA = "Send a mental-health clinician with officers on crisis calls"
SPANISH = "Enviar un clínico de salud mental con los agentes en llamadas de crisis"
CALENDAR = '[data-testid="stDateInputCalendar"]'
COLUMN_MENU = '[data-testid="stDataFrameColumnMenu"]'
STATISTICS = ".stDataFrameStatisticsMenu"
COLUMNS_SHOWN = '[data-testid="stDataFrameColumnVisibilityMenu"]'


@pytest.fixture(scope="module")
def room(demo: Demo) -> tuple[int, str, str]:
    """An idea on an open ballot: its id, and the codes of a Spanish and an English badge."""
    room, _round = open_dot_round(demo, [IDEA], title="Translated ballot")
    with demo.db.read() as s:
        (made,) = s.scalars(select(Idea.id).where(Idea.text == IDEA)).all()
    spanish_id, english_id = room.participant_ids
    languages.set_participant_language(demo.db, room.facilitator, spanish_id, "es")
    languages.set_participant_language(demo.db, room.facilitator, english_id, "en")
    return made, room.codes[0], room.codes[1]


def test_a_translation_typed_on_the_board_reaches_the_spanish_phone_only(
    browser: Browser, demo: Demo, room: tuple[int, str, str], screenshots: Path
) -> None:
    idea_id, spanish_code, english_code = room
    # The Spanish phone is open on the ballot before the translation is typed, as in a
    # room where a bilingual scribe translates a round's ideas once it has opened: its
    # five-second check brings the translation without a reload.
    phone = device(browser, PHONE).new_page()
    visit(phone, demo.url, f"vote?code={spanish_code}")
    expect(phone.get_by_text(re.compile(re.escape(IDEA))).first).to_be_visible()
    laptop = device(browser, LAPTOP).new_page()
    signed_in(laptop, demo.url, "facilitator", PASSWORD)
    laptop.get_by_test_id("stMain").get_by_role("link", name="Ideas", exact=True).click()
    wait_idle(laptop)
    laptop.get_by_text("Moderate: edit, hide, merge, group into themes").click()
    wait_idle(laptop)
    laptop.get_by_role("tab", name="Translate", exact=True).click()
    choose(laptop, "Idea to translate", f"#{idea_id} {IDEA}")
    laptop.get_by_label("Translation (Spanish)").fill(SPANISH)
    click(laptop, "Save the translation")
    expect(laptop.get_by_text("Translation saved.")).to_be_visible()
    snap(laptop, screenshots, "translation-board-laptop")
    with demo.db.read() as s:
        typed = select(ContentTranslation.text).where(
            ContentTranslation.kind == "idea", ContentTranslation.entity_id == idea_id
        )
        assert s.scalars(typed).all() == [SPANISH]

    expect(phone.get_by_text(re.compile(re.escape(SPANISH)))).to_be_visible()
    expect(phone.get_by_text("Traducido del inglés")).to_be_visible()
    expect(phone.get_by_text(IDEA, exact=True)).to_be_hidden()
    phone.get_by_text("Ver el original (inglés)").click()
    expect(phone.get_by_text(IDEA, exact=True)).to_be_visible()
    snap(phone, screenshots, "translation-ballot-spanish-phone")

    other = device(browser, PHONE).new_page()
    visit(other, demo.url, f"vote?code={english_code}")
    expect(other.get_by_text(re.compile(re.escape(IDEA)))).to_be_visible()
    expect(other.get_by_text(re.compile("Translated from|Show the original"))).to_have_count(0)
    expect(other.get_by_text(SPANISH)).to_have_count(0)
    snap(other, screenshots, "translation-ballot-english-phone")
    for page in (laptop, phone, other):
        page.context.close()


def _calendar(laptop: Page) -> Locator:
    """The action form's date picker, opened as a mouse opens it."""
    open_screen(laptop, "actions")
    laptop.get_by_test_id("stDateInputCalendarButton").first.click()
    calendar = laptop.locator(CALENDAR)
    expect(calendar).to_be_visible()
    return calendar


def test_streamlit_s_calendar_and_table_menus_come_in_the_reader_s_language(
    browser: Browser, demo: Demo, screenshots: Path
) -> None:
    """The facilitator reads Spanish on an English browser: the action form's calendar
    (its month and day names, its buttons) and a table column's menus (sort, statistics,
    the columns to show) are Spanish with nothing English left, and axe finds nothing;
    back in English, the calendar is the browser's English again, and the column menu
    passes axe there too."""
    people = people_text(demo.db)  # the demo's own words, in English as its people wrote them
    laptop = device(browser, LAPTOP).new_page()
    signed_in(laptop, demo.url, "facilitator", PASSWORD)
    staff_choose(laptop, "Español")
    today = datetime.now(UTC).date()
    calendar = _calendar(laptop)
    # The empty field's year in the letters a Spanish reader types over ("año").
    expect(laptop.get_by_test_id("stDateInputField").first).to_contain_text("aaaa")
    expect(calendar).to_contain_text(format_date(today, "LLLL 'de' y", locale="es"))
    expect(calendar.get_by_role("button", name="Mes anterior")).to_be_visible()
    expect(calendar.get_by_role("button", name=re.compile(r"^Hoy, "))).to_be_visible()
    wrong = english_left(laptop, "calendar-es", people, CALENDAR)
    wrong += violations(laptop, "calendar-es")
    snap(laptop, screenshots, "actions-calendar-laptop-es")
    laptop.keyboard.press("Escape")
    # What Streamlit writes under a form's box once something is typed in it.
    title = laptop.get_by_label("Acción (específica: qué se hará)")
    title.fill("Abrir el centro juvenil")
    instructions = laptop.get_by_test_id("InputInstructions").first
    expect(instructions).to_have_text("Pulse Intro para enviar el formulario")
    wrong += english_left(laptop, "typing-es", people, '[data-testid="InputInstructions"]')
    # A choice of several's list: its first entry picks every choice.
    open_screen(laptop, "ideas")
    laptop.get_by_test_id("stMultiSelect").filter(has_text="Mesas").click()
    listed = laptop.get_by_test_id("stMultiSelectDropdown")
    expect(listed.get_by_text("Seleccionar todo", exact=True)).to_be_visible()
    wrong += english_left(laptop, "choices-es", people, '[data-testid="stMultiSelectDropdown"]')
    snap(laptop, screenshots, "ideas-table-choice-laptop-es")
    laptop.keyboard.press("Escape")

    open_screen(laptop, "setup")
    table = laptop.get_by_test_id("stMain").get_by_test_id("stDataFrame").first
    menu = open_column_menu(laptop, table)
    expect(menu.get_by_role("menuitem", name="Orden ascendente")).to_be_visible()
    menu.get_by_role("menuitem", name="Estadísticas").hover()
    statistics = laptop.locator(STATISTICS)
    expect(statistics).to_contain_text("Valores")
    wrong += english_left(laptop, "column-menu-es", people, COLUMN_MENU)
    wrong += english_left(laptop, "column-statistics-es", people, STATISTICS)
    wrong += violations(laptop, "column-menu-es")
    snap(laptop, screenshots, "setup-column-menu-laptop-es")
    laptop.keyboard.press("Escape")
    table.hover()
    table.get_by_role("button", name="Mostrar u ocultar columnas").click()
    shown = laptop.locator(COLUMNS_SHOWN)
    expect(shown.get_by_text("Seleccionar todo")).to_be_visible()
    wrong += english_left(laptop, "column-visibility-es", people, COLUMNS_SHOWN)
    laptop.keyboard.press("Escape")
    assert not wrong, "\n".join(wrong)

    staff_choose(laptop, "English")
    calendar = _calendar(laptop)
    expect(calendar).to_contain_text(format_date(today, "LLLL y", locale="en"))
    expect(calendar.get_by_role("button", name="Previous month")).to_be_visible()
    laptop.keyboard.press("Escape")
    open_screen(laptop, "setup")
    menu = open_column_menu(
        laptop, laptop.get_by_test_id("stMain").get_by_test_id("stDataFrame").first
    )
    expect(menu.get_by_role("menuitem", name="Sort ascending")).to_be_visible()
    assert violations(laptop, "column-menu-en") == []
    laptop.context.close()
