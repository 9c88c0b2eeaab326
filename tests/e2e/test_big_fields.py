"""A stranger cannot pin the server's memory with huge sign-in fields: the message is
refused at the door (server.maxWidgetStateSize), and a person's long text still goes in."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.browser import LAPTOP, device, visit
from tests.e2e.conftest import Demo

pytestmark = pytest.mark.e2e


def test_a_two_megabyte_username_is_refused_before_the_app_sees_it(
    browser: Browser, demo: Demo
) -> None:
    laptop = device(browser, LAPTOP)
    try:
        page = laptop.new_page()
        visit(page, demo.url, "")
        huge = "x" * (2 * 1024 * 1024)
        field = page.get_by_role("textbox", name="Username")
        # Typing would take minutes; set it as a paste would, then send it with the form.
        field.evaluate(
            """(el, value) => {
                const proto = HTMLInputElement.prototype;
                Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, value);
                el.dispatchEvent(new Event('input', { bubbles: true }));
            }""",
            huge,
        )
        page.get_by_role("textbox", name="Password").fill("whatever-it-is")
        page.get_by_role("button", name="Sign in").click()
        for _ in range(150):
            if "exceeds the limit" in demo.server.log.read_text():
                break
            page.wait_for_timeout(100)
        assert "exceeds the limit" in demo.server.log.read_text()
        # The page comes back for the next person: a fresh session, the form again.
        page.reload()
        expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    finally:
        laptop.close()
