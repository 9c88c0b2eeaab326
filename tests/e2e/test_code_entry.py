"""Typing a code by hand, as the badge says: open /vote on a phone, type the code.

The codes are read from the demo's database only because that is what is printed on the
badge and the console: the test types them as a person reads them off the paper.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from db.models import Meeting, Participant
from services.core import codes
from tests.browser import PHONE, PROJECTOR, device, snap, visit, wait_idle
from tests.e2e.conftest import Demo

pytestmark = pytest.mark.e2e

ERROR = '[data-testid="stException"]'


def _send(page: Page, label: str, button: str, typed: str) -> None:
    page.get_by_role("textbox", name=label).fill(typed)
    page.get_by_role("button", name=button).click()
    wait_idle(page)


def test_a_phone_types_its_badge_code_in_lower_case_and_sees_its_ballot(
    browser: Browser, demo: Demo, screenshots
) -> None:
    with demo.db.read() as s:
        name, code = s.execute(select(Participant.name, Participant.code).limit(1)).one()
    phone = device(browser, PHONE).new_page()
    visit(phone, demo.url, "vote")
    expect(phone.get_by_role("textbox", name="The code on your badge")).to_be_visible()
    expect(phone.get_by_text("8 letters and digits, like K7QM-4TPX")).to_be_visible()
    snap(phone, screenshots, "code-entry-vote-bare-phone")
    _send(phone, "The code on your badge", "Open my ballot", code.lower())
    expect(phone.get_by_role("heading", name="Vote")).to_be_visible()
    expect(phone.get_by_text(f"Hello {name}.")).to_be_visible()
    expect(phone.get_by_text(f"Your code: {codes.display_code(code)}")).to_be_visible()
    assert phone.url.endswith(f"/vote?code={code}"), phone.url
    expect(phone.locator(ERROR)).to_have_count(0)
    snap(phone, screenshots, "code-entry-vote-ballot-phone")


def test_wrong_codes_from_one_phone_slow_it_down(browser: Browser, demo: Demo, screenshots):
    phone = device(browser, PHONE).new_page()
    visit(phone, demo.url, "vote")
    _send(phone, "The code on your badge", "Open my ballot", "k7qm 4tp2")
    expect(
        phone.get_by_text(
            "No badge has the code K7QM-4TP2. Check it letter by letter, or ask a facilitator."
        )
    ).to_be_visible()
    expect(phone.get_by_role("textbox", name="The code on your badge")).to_have_value("k7qm 4tp2")
    snap(phone, screenshots, "code-entry-vote-wrong-phone")
    for n in range(3, 8):
        _send(phone, "The code on your badge", "Open my ballot", f"k7qm 4tp{n}")
    slow = phone.get_by_text(re.compile(r"Too many wrong codes: try again in \d+ seconds?\."))
    expect(slow).to_be_visible()
    expect(phone.locator(ERROR)).to_have_count(0)
    snap(phone, screenshots, "code-entry-vote-slowed-phone")


def test_the_projector_opens_with_the_meeting_code_typed(browser: Browser, demo: Demo, screenshots):
    with demo.db.read() as s:
        title, code = s.execute(select(Meeting.title, Meeting.code).limit(1)).one()
    wall = device(browser, PROJECTOR).new_page()
    visit(wall, demo.url, "projector")
    expect(wall.get_by_role("textbox", name="The meeting's code")).to_be_visible()
    snap(wall, screenshots, "code-entry-projector-bare")
    _send(wall, "The meeting's code", "Show the meeting", codes.display_code(code))
    expect(wall.get_by_text(title, exact=True)).to_be_visible()
    expect(wall.get_by_role("textbox", name="The meeting's code")).to_have_count(0)
    expect(wall.locator(ERROR)).to_have_count(0)
    assert wall.url.endswith(f"/projector?code={code}"), wall.url
    snap(wall, screenshots, "code-entry-projector-open")
