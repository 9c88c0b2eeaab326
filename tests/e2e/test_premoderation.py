"""Approve before it shows: a pre-moderated idea reaches the projector only once approved.

The facilitator on the laptop (1440×900) switches the ideas step to approve-first on the
console; a scribe on a tablet (768×1024) adds an idea and sees it waiting; the projector
(1920×1080), opened from the link the console prints, does not show it until the
facilitator approves it on the idea board. Every page is reached from the app's own
screens and links.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from db.models import Idea
from db.models.enums import IdeaStatus
from tests.browser import (
    LAPTOP,
    PROJECTOR,
    TABLET,
    click,
    device,
    open_tab,
    signed_in,
    snap,
    wait_idle,
)
from tests.e2e.conftest import PASSWORD, Demo

pytestmark = pytest.mark.e2e

IDEA = "Ask Maria's neighbour to call 206-555-0134 about the 24-hour crisis line"
IDEAS_STEP = "Step 4 of"  # the demo agenda's "Ideas for better 911 response"
DRAFT = "Free rides to the crisis centre"
WAITING = "Waiting for the facilitator's approval"


def _open_from_home(page: Page, screen: str) -> None:
    """Follow the screen's link on the home page, as a person does after signing in."""
    page.get_by_test_id("stMain").get_by_role("link", name=screen, exact=True).click()
    wait_idle(page)


def _to_the_ideas_step(console: Page) -> None:
    """Press Next until the room is on a step whose projector shows the idea wall."""
    banner = console.get_by_role("heading", name=re.compile(r"^Step \d+ of"))
    for _ in range(12):
        if banner.inner_text().startswith(IDEAS_STEP):
            return
        shown = banner.inner_text()
        click(console, "Next ▶")
        expect(banner).not_to_have_text(shown)
    raise AssertionError("the agenda never reached an ideas step")


def _printed_projector_link(console: Page) -> str:
    """The projector's link as the console writes it out under its QR code."""
    open_tab(console, "Join links and QR codes")
    written = console.get_by_test_id("stCode").filter(has_text="/projector?")
    link = written.first.inner_text().strip()
    open_tab(console, "The room")
    return link


def test_a_premoderated_idea_reaches_the_projector_only_after_approval(
    browser: Browser, demo: Demo, screenshots: Path
) -> None:
    console = device(browser, LAPTOP).new_page()
    signed_in(console, demo.url, "facilitator", PASSWORD)
    _open_from_home(console, "Console")
    click(console, "Start the meeting")
    _to_the_ideas_step(console)
    click(console, "Approve ideas before they show")
    expect(console.get_by_text("New ideas now wait for your approval")).to_be_visible()
    expect(console.get_by_role("button", name="Show new ideas at once")).to_be_visible()
    snap(console, screenshots, "premod-console-laptop")

    wall = device(browser, PROJECTOR).new_page()
    wall.goto(_printed_projector_link(console))
    wait_idle(wall)
    expect(wall.get_by_text(re.compile(r"\d+ ideas so far"))).to_be_visible()

    tablet = device(browser, TABLET).new_page()
    signed_in(tablet, demo.url, "scribe1", PASSWORD)
    _open_from_home(tablet, "Ideas")
    tablet.get_by_label("The idea").fill(IDEA)
    click(tablet, "Add idea")
    expect(
        tablet.get_by_text("Idea added. It is waiting for the facilitator's approval")
    ).to_be_visible()
    expect(tablet.get_by_role("heading", name=f"{WAITING} (1)")).to_be_visible()
    expect(tablet.get_by_text(IDEA)).to_be_visible()
    snap(tablet, screenshots, "premod-scribe-waiting-tablet")

    tablet.get_by_label("The idea").fill(DRAFT)
    # The projector refreshes every 2 s; give it three refreshes, and it still has no idea.
    wall.wait_for_timeout(6_000)
    expect(wall.get_by_text(IDEA)).to_have_count(0)
    snap(wall, screenshots, "premod-projector-before")

    _open_from_home_menu(console, "Ideas")
    queue = console.get_by_role("heading", name="Waiting for your approval (1)")
    expect(queue).to_be_visible()
    expect(console.get_by_text("looks like a phone number: 206-555-0134")).to_be_visible()
    snap(console, screenshots, "premod-queue-laptop")
    console.get_by_role("button", name=re.compile(r"^Approve idea #\d+$")).click()
    wait_idle(console)
    expect(console.get_by_text("approved: the room sees it.")).to_be_visible()

    expect(wall.get_by_text(IDEA)).to_be_visible(timeout=6_000)
    snap(wall, screenshots, "premod-projector-after")
    with demo.db.read() as s:
        assert s.scalars(select(Idea.status).where(Idea.text == IDEA)).one() is IdeaStatus.VISIBLE
    # The scribe's page learns it by itself: the list empties, the idea joins the table's
    # ideas, and the next idea the scribe was typing meanwhile is still there.
    expect(tablet.get_by_text(f"Approved, now on the board: “{IDEA}”")).to_be_visible(timeout=8_000)
    expect(tablet.get_by_role("heading", name=re.compile(WAITING))).to_have_count(0)
    expect(tablet.get_by_role("heading", name="Ideas (1)")).to_be_visible()
    expect(tablet.get_by_label("The idea")).to_have_value(DRAFT)
    snap(tablet, screenshots, "premod-scribe-approved-tablet")


def _open_from_home_menu(page: Page, screen: str) -> None:
    """Follow the sidebar's link to `screen`, as the facilitator does mid-meeting."""
    page.get_by_test_id("stSidebar").get_by_role("link", name=screen, exact=True).click()
    wait_idle(page)
