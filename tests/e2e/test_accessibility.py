"""WCAG 2.1 A and AA, checked by axe-core on every screen, for each role, at its device size.

The walk is the screenshot walk's (tests/e2e/test_screenshots.py): the same screens
reached the same way — staff by the menu, tablets and the projector by the links the
console prints, phones by the code on a printed badge.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.accessibility import violations
from tests.browser import LAPTOP, PHONE, PROJECTOR, TABLET, device, sign_in, wait_idle
from tests.e2e.conftest import PASSWORD, Demo
from tests.e2e.test_screenshots import (
    FACILITATOR,
    LEADER,
    SCRIBE,
    Visit,
    _badge_code,
    _printed_link,
    settle,
)

pytestmark = pytest.mark.e2e


def _audit(page: Page, base: str, role: str, visits: list[Visit]) -> list[str]:
    found = []
    for v in visits:
        page.goto(f"{base}/{v.path}")
        wait_idle(page)
        settle(page)
        found += violations(page, f"{role}-{v.name}")
    return found


def test_the_facilitators_screens_on_the_laptop(browser: Browser, demo: Demo) -> None:
    laptop = device(browser, LAPTOP).new_page()
    sign_in(laptop, demo.url, "facilitator", PASSWORD)
    found = _audit(laptop, demo.url, "facilitator", FACILITATOR)
    laptop.goto(f"{demo.url}/console")
    wait_idle(laptop)
    _printed_link(laptop, "listen")  # the Join links tab, open
    found += violations(laptop, "facilitator-console-join-links")
    assert found == [], "\n".join(found)


def test_a_scribes_screens_on_the_tablet(browser: Browser, demo: Demo) -> None:
    tablet = device(browser, TABLET).new_page()
    sign_in(tablet, demo.url, "scribe1", PASSWORD)
    found = _audit(tablet, demo.url, "scribe", [Visit("listen", "listen", ""), *SCRIBE])
    assert found == [], "\n".join(found)


def test_a_leaders_screens_on_the_laptop(browser: Browser, demo: Demo) -> None:
    laptop = device(browser, LAPTOP).new_page()
    sign_in(laptop, demo.url, "leader1", PASSWORD)
    found = _audit(laptop, demo.url, "leader", LEADER)
    assert found == [], "\n".join(found)


def test_the_phone_pages_and_the_projector(browser: Browser, demo: Demo, tmp_path: Path) -> None:
    laptop = device(browser, LAPTOP).new_page()
    sign_in(laptop, demo.url, "facilitator", PASSWORD)
    laptop.goto(f"{demo.url}/console")
    wait_idle(laptop)
    code = _badge_code(browser, laptop, tmp_path)
    projector_link = _printed_link(laptop, "projector")
    phone = device(browser, PHONE).new_page()
    found = []
    for name, button in [("survey", "Open my survey"), ("vote", "Open my ballot")]:
        phone.goto(f"{demo.url}/{name}")
        wait_idle(phone)
        found += violations(phone, f"participant-{name}-code-entry")
        phone.get_by_role("textbox", name="The code on your badge").fill(code)
        phone.get_by_role("button", name=button).click()
        wait_idle(phone)
        settle(phone)
        found += violations(phone, f"participant-{name}")
    wall = device(browser, PROJECTOR).new_page()
    wall.goto(projector_link)
    wait_idle(wall)
    settle(wall)
    found += violations(wall, "projector")
    home = device(browser, PHONE).new_page()
    home.goto(demo.url)
    wait_idle(home)
    found += violations(home, "visitor-home-phone")
    assert found == [], "\n".join(found)
