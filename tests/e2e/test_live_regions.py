"""Status messages a screen reader says (WCAG 4.1.3): the scribe's "Note saved." and the
phone ballot's "Saved: 2 dots." land in a live region (role=status, aria-live=polite) that
was on the page, empty, before the action; a region that arrives with its words in it is
often not said. Each step waits for a condition, never for a fixed time."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.browser import PHONE, TABLET, device, signed_in, visit
from tests.e2e.conftest import PASSWORD, Demo, open_dot_round

pytestmark = pytest.mark.e2e

REGIONS = '[class*="st-key-said-"]'


@pytest.fixture(scope="module")
def room(demo: Demo) -> tuple[Demo, str]:
    """The meeting started, input open, and an open dot round of two ideas: a badge's code."""
    room, _round = open_dot_round(
        demo, ["Street lights on Elm Avenue", "A walk with the beat officer"], budget=5
    )
    return demo, room.codes[0]


def _a_polite_status(region: Locator) -> None:
    expect(region).to_have_attribute("role", "status")
    expect(region).to_have_attribute("aria-live", "polite")
    expect(region).to_have_attribute("aria-atomic", "true")


def test_the_scribes_note_saved_is_said_by_a_region_already_there(
    browser: Browser, room: tuple[Demo, str]
) -> None:
    demo, _code = room
    tablet: Page = device(browser, TABLET).new_page()
    signed_in(tablet, demo.url, "scribe1", PASSWORD)
    visit(tablet, demo.url, "listen?table=1")
    region = tablet.locator(f"{REGIONS}.st-key-said-note")
    _a_polite_status(region)  # before anything is saved: in place, and empty
    expect(region).to_have_text("")
    tablet.get_by_label("What was said").fill("The bus stop has no light at night.")
    tablet.get_by_role("button", name="Save note").click()
    expect(region).to_have_text("✓ Note saved.")
    _a_polite_status(region)  # the same region, still a region: so the words were said
    expect(tablet.get_by_role("status").filter(has_text="Note saved.")).to_have_count(1)


def test_the_ballots_saved_dots_are_said_under_the_row_tapped(
    browser: Browser, room: tuple[Demo, str]
) -> None:
    demo, code = room
    phone: Page = device(browser, PHONE).new_page()
    visit(phone, demo.url, f"vote?code={code}")
    regions = phone.locator(REGIONS)
    expect(regions).to_have_count(2)  # one under each row, there before any tap
    for i in range(2):
        _a_polite_status(regions.nth(i))
    expect(regions.nth(1)).to_have_text("")
    row = phone.get_by_role("radiogroup").nth(1)
    row.get_by_role("radio", name="2", exact=True).click()
    expect(regions.nth(1)).to_have_text("✓ Saved: 2 dots.")
    _a_polite_status(regions.nth(1))
    expect(regions.nth(0)).to_have_text("")
