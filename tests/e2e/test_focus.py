"""The initiative a person works on: picked in the sidebar, kept by the browser, never another's."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from seed.demo import DEMO_NAME
from services.core.actors import SYSTEM
from services.setup import initiatives, meetings
from tests.browser import LAPTOP, device, open_screen, sign_in, snap, visit, wait_idle
from tests.e2e.conftest import PASSWORD, Demo

pytestmark = pytest.mark.e2e

HARBOUR = "Harbour Safety Initiative"
FOCUS_COOKIE = "common_ground_auth_focus"
SLOW = 15_000
"""Milliseconds for a screen to answer on a machine shared with other test runs."""


@pytest.fixture(scope="module")
def two_initiatives(demo: Demo) -> Demo:
    """The demo, a newer initiative beside it, and a follow-up meeting of the demo's."""
    harbour = initiatives.create_initiative(
        demo.db, SYSTEM, initiatives.InitiativeFields(name=HARBOUR, city="Port Town")
    )
    meetings.create_meeting(
        demo.db, SYSTEM, harbour.id, meetings.MeetingFields(title="Harbour listening session")
    )
    (riverside,) = [i for i in initiatives.list_initiatives(demo.db) if i.name == DEMO_NAME]
    meetings.create_meeting(
        demo.db, SYSTEM, riverside.id, meetings.MeetingFields(title="Follow-up session")
    )
    return demo


def _choose(page: Page, label: str, option: str) -> None:
    """Pick `option` in the sidebar selectbox `label`, as a person would with the mouse."""
    sidebar = page.get_by_test_id("stSidebar")
    listbox = page.get_by_role("listbox")
    for _ in range(5):
        sidebar.get_by_label(label).click()
        try:
            expect(listbox).to_be_visible(timeout=2_000)
            break
        except AssertionError:
            page.keyboard.press("Escape")
    page.get_by_role("option", name=option).click()
    wait_idle(page)


def _focus_cookie(page: Page) -> str | None:
    found = [c.get("value") for c in page.context.cookies() if c.get("name") == FOCUS_COOKIE]
    return found[0] if found else None


def test_a_facilitators_pick_survives_a_reload_and_a_new_browser_session(
    browser: Browser, two_initiatives: Demo, screenshots: Path
) -> None:
    base = two_initiatives.url
    laptop = device(browser, LAPTOP)
    page = laptop.new_page()
    sign_in(page, base, "facilitator", PASSWORD)
    open_screen(page, "setup")
    # Without a choice, the newest initiative.
    expect(page.get_by_role("heading", name=HARBOUR)).to_be_visible(timeout=SLOW)
    _choose(page, "Initiative", DEMO_NAME)
    expect(page.get_by_role("heading", name=DEMO_NAME)).to_be_visible(timeout=SLOW)
    expect(page.get_by_role("heading", name=HARBOUR)).to_have_count(0)
    page.wait_for_function(f"document.cookie.includes('{FOCUS_COOKIE}=')", timeout=10_000)
    picked = _focus_cookie(page)
    assert picked is not None and picked.endswith(":")  # the initiative, on its newest meeting
    snap(page, screenshots, "focus-picked-laptop")

    page.reload()
    wait_idle(page)
    expect(page.get_by_role("heading", name=DEMO_NAME)).to_be_visible(timeout=SLOW)
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_role("combobox", name="Initiative")).to_have_value(DEMO_NAME)
    snap(page, screenshots, "focus-setup-laptop")
    page.get_by_role("button", name="Archive this meeting").scroll_into_view_if_needed()
    page.screenshot(path=screenshots / "focus-setup-meetings-laptop.png")

    # A new session of the same browser (its cookies, nothing of the old session).
    again = browser.new_context(viewport=LAPTOP, storage_state=laptop.storage_state())
    later = again.new_page()
    visit(later, base, "setup")
    expect(later.get_by_role("heading", name=DEMO_NAME)).to_be_visible(timeout=SLOW)
    expect(later.get_by_role("heading", name=HARBOUR)).to_have_count(0)
    again.close()
    laptop.close()


def test_a_leader_of_the_first_initiative_is_never_offered_the_second(
    browser: Browser, two_initiatives: Demo, screenshots: Path
) -> None:
    base = two_initiatives.url
    laptop = device(browser, LAPTOP)
    page = laptop.new_page()
    sign_in(page, base, "leader1", PASSWORD)
    sidebar = page.get_by_test_id("stSidebar")
    # Two meetings of their own to choose from, so the picker shows, with one initiative.
    expect(sidebar.get_by_label("Meeting")).to_be_visible(timeout=SLOW)
    sidebar.get_by_label("Initiative").click()
    expect(page.get_by_role("option")).to_have_count(1)
    expect(page.get_by_role("option", name=DEMO_NAME)).to_be_visible()
    page.keyboard.press("Escape")
    sidebar.get_by_label("Meeting").click()
    options = page.get_by_role("option")
    expect(options).to_have_count(2)
    expect(page.get_by_role("option", name="Harbour listening session")).to_have_count(0)
    page.keyboard.press("Escape")
    for screen in ("prepare", "review"):
        open_screen(page, screen)
        expect(page.get_by_text(HARBOUR)).to_have_count(0)
        expect(page.get_by_text("Harbour listening session")).to_have_count(0)
    snap(page, screenshots, "focus-leader-review-laptop")
    laptop.close()
