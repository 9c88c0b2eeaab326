"""The sidebar by stage, on a laptop: every screen a role uses in view, none it cannot use."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser import LAPTOP, device, sign_in, snap, visit
from tests.e2e.conftest import PASSWORD, Demo

pytestmark = pytest.mark.e2e

MENUS = {
    "facilitator": {
        "Before": ["Set up", "Prepare", "Agenda"],
        "In the room": ["Console", "Listen", "Ideas", "Converge", "Solve", "Conflicts"],
        "After": ["Charter", "Actions", "Review"],
    },
    "leader1": {
        "Before": ["Prepare", "Agenda"],
        "In the room": ["Converge"],
        "After": ["Charter", "Actions", "Review"],
    },
    "scribe1": {"In the room": ["Listen", "Ideas", "Solve", "Conflicts"]},
}


def _menu(page: Page):
    return page.get_by_test_id("stSidebar").locator(".st-key-menu")


def _headings(page: Page) -> list[str]:
    return [t.strip() for t in _menu(page).get_by_role("heading").all_inner_texts()]


def _links(page: Page) -> list[str]:
    """Each menu entry's accessible name: its words alone, no icon ligature ("home Home")."""
    links = _menu(page).get_by_role("link").all()
    return [link.evaluate("e => e.innerText").strip() for link in links]


@pytest.mark.parametrize("user", sorted(MENUS))
def test_the_sidebar_shows_each_stage_and_every_screen_of_the_role(
    browser: Browser, demo: Demo, screenshots: Path, user: str
) -> None:
    laptop = device(browser, LAPTOP)
    try:
        page = laptop.new_page()
        sign_in(page, demo.url, user, PASSWORD)
        menu = _menu(page)
        expect(menu).to_be_visible()
        assert _headings(page) == list(MENUS[user])
        wanted = ["Home", *(title for titles in MENUS[user].values() for title in titles)]
        assert _links(page) == wanted
        # In view without a click, each found by its plain name: nothing folded away.
        for title in wanted:
            expect(menu.get_by_role("link", name=title, exact=True)).to_be_in_viewport()
        expect(page.get_by_text(re.compile(r"View \d+ more"))).to_have_count(0)
        # Each language's name on the switch is marked as that language (WCAG 3.1.2).
        switch = page.get_by_test_id("stSidebar").get_by_role("radiogroup")
        for name, lang in (("English", "en"), ("Español", "es")):
            expect(switch.get_by_role("radio", name=name)).to_have_attribute("lang", lang)
        page.get_by_test_id("stSidebar").screenshot(
            path=screenshots / f"navigation-sidebar-{user}-laptop.png"
        )
        snap(page, screenshots, f"navigation-home-{user}-laptop")
        # An entry of the last stage opens its screen at its printed address.
        last = MENUS[user]["In the room" if user == "scribe1" else "After"][-1]
        menu.get_by_role("link", name=last, exact=True).click()
        expect(page).to_have_url(f"{demo.url}/{last.lower()}")
    finally:
        laptop.close()


def test_a_signed_in_facilitator_still_opens_a_printed_vote_address(
    browser: Browser, demo: Demo, screenshots: Path
) -> None:
    laptop = device(browser, LAPTOP)
    try:
        page = laptop.new_page()
        sign_in(page, demo.url, "facilitator", PASSWORD)
        visit(page, demo.url, "vote")
        expect(page.get_by_role("textbox", name="The code on your badge")).to_be_visible()
        for title in ("Survey", "Vote", "Projector"):
            expect(_menu(page).get_by_role("link", name=title, exact=True)).to_have_count(0)
        visit(page, demo.url, "projector")
        expect(page.get_by_role("textbox", name="The meeting's code")).to_be_visible()
    finally:
        laptop.close()
