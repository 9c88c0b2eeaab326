"""What every browser test does: open a screen, wait for the app to be idle, sign in."""

from __future__ import annotations

import time
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page, expect

IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
TABLET = {"width": 768, "height": 1024}
PHONE = {"width": 390, "height": 844}
PROJECTOR = {"width": 1920, "height": 1080}
LAPTOP = {"width": 1440, "height": 900}
COOKIE = "common_ground_auth"


def wait_idle(page: Page, timeout: float = 30_000) -> None:
    """Wait as Streamlit's own browser tests do: a moment for a run to start, then until
    the script is not running."""
    page.wait_for_timeout(150)
    page.wait_for_selector(IDLE, timeout=timeout)


def visit(page: Page, base: str, path: str) -> Page:
    page.goto(f"{base}/{path}")
    wait_idle(page)
    return page


def device(browser: Browser, viewport: dict[str, int]) -> BrowserContext:
    """A new browser with its own cookies, at a device's screen size."""
    return browser.new_context(viewport=viewport, is_mobile=viewport is PHONE)


def sign_in(page: Page, base: str, username: str, password: str) -> None:
    """Sign in on the home page as a person would, and continue to their screens."""
    visit(page, base, "")
    # The cookie component reruns the page once it has loaded; a click during that rerun
    # can be dropped by the browser, so let it settle first.
    page.locator("iframe").first.wait_for(state="attached")
    wait_idle(page)
    page.get_by_role("textbox", name="Username").fill(username)
    page.get_by_role("textbox", name="Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    # The cookie is written by a component a moment after the run; the component's
    # answer then reruns the page, which replaces "You are signed in." with the home.
    _wait_for_cookie(page, COOKIE)
    visit(page, base, "")
    expect(page.get_by_text("Your screens")).to_be_visible()


def _wait_for_cookie(page: Page, name: str, timeout: float = 15.0) -> None:
    """The sign-in cookie is written by a component in the page, a moment after the run."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(c["name"] == name for c in page.context.cookies()):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"the browser never received the sign-in cookie {name!r}")


def snap(page: Page, folder: Path, name: str) -> None:
    """Keep a full-page screenshot at the device's size for a person to review."""
    wait_idle(page)
    page.screenshot(path=folder / f"{name}.png", full_page=True)
