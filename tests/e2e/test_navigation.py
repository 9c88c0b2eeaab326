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
    return page.get_by_test_id("stSidebarNav")


def _words(page: Page, test_id: str) -> list[str]:
    """The words of each `test_id` in the menu, without its icon's ligature ("expand_more")."""
    found = _menu(page).get_by_test_id(test_id).get_by_test_id("stMarkdownContainer")
    return [t.strip() for t in found.all_inner_texts()]


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
        assert _words(page, "stNavSectionHeader") == list(MENUS[user])
        wanted = ["Home", *(title for titles in MENUS[user].values() for title in titles)]
        assert _words(page, "stSidebarNavLink") == wanted
        # In view without a click: nothing folded behind "View N more".
        for title in wanted:
            expect(menu.get_by_role("link", name=title, exact=True)).to_be_in_viewport()
        expect(menu.get_by_test_id("stSidebarNavViewButton")).to_have_count(0)
        expect(menu.get_by_text(re.compile(r"View \d+ more"))).to_have_count(0)
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
