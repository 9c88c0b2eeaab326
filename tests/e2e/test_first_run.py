"""An empty install in Chromium: the terminal's setup link, the first facilitator, then the
demo started and removed, at laptop size. What the same start leads to without the demo —
a new initiative, then a whole meeting — is test_empty_install.py's.

The helpers here (an empty install, the setup link read from the server's output, the
first account made on its screen) serve that test too."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from db.database import Database
from db.migrate import upgrade_to_head
from services.core.actors import SYSTEM
from services.setup import demo, initiatives
from tests.app_server import AppServer, running_app
from tests.browser import LAPTOP, device, sign_in, snap, wait_idle

pytestmark = pytest.mark.e2e

PASSWORD = "my-own-password-1"
SETUP_LINK = re.compile(r"(https?://\S+/\?setup=([0-9A-Z-]+))")


@contextmanager
def empty_install(folder: Path) -> Iterator[tuple[AppServer, Database]]:
    """The app over a migrated SQLite database with nothing in it: no account, no demo."""
    url = f"sqlite:///{folder / 'fresh.db'}"
    upgrade_to_head(url)
    with running_app(url, folder, cookie_key="first-run-cookie-key-not-secret") as server:
        database = Database.from_url(url)
        try:
            yield server, database
        finally:
            database.dispose()


def setup_link_from_the_terminal(server: AppServer, timeout: float = 20.0) -> tuple[str, str]:
    """The link and code as a person reads them in the server's output, and nowhere else."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = SETUP_LINK.search(server.log.read_text())
        if found:
            return found.group(1), found.group(2)
        time.sleep(0.2)
    raise AssertionError(f"no setup link in the server's output:\n{server.log.read_text()}")


def create_first_facilitator(page: Page, link: str, code: str, shots: Path, name: str) -> None:
    page.goto(link)
    wait_idle(page)
    expect(page.get_by_role("heading", name="Create the first facilitator account")).to_be_visible()
    expect(page.get_by_role("button", name="Sign in")).to_have_count(0)
    expect(page.get_by_label("Setup code")).to_have_value(code)
    snap(page, shots, f"{name}-laptop")
    page.get_by_label("Username to sign in with").fill("maria.lopez")
    page.get_by_label("Your name").fill("Maria Lopez")
    page.get_by_label("Password (at least 10 characters)").fill(PASSWORD)
    page.get_by_label("The same password again").fill(PASSWORD)
    page.get_by_role("button", name="Create the account").click()
    wait_idle(page)
    expect(page.get_by_text("“maria.lopez” is ready")).to_be_visible()
    expect(page.get_by_role("heading", name="Create the first facilitator account")).to_have_count(
        0
    )


def test_start_with_the_demo_then_remove_it(
    browser: Browser, screenshots: Path, tmp_path: Path
) -> None:
    with empty_install(tmp_path) as (server, db):
        link, code = setup_link_from_the_terminal(server)
        page = device(browser, LAPTOP).new_page()
        create_first_facilitator(page, link, code, screenshots, "first-run-demo")
        sign_in(page, server.url, "maria.lopez", PASSWORD)

        page.get_by_role("button", name="Start with the demo").click()
        expect(page.get_by_text("The demo is ready")).to_be_visible(timeout=90_000)
        wait_idle(page)
        shown = page.locator('[data-testid="stCode"] code').inner_text().strip()
        snap(page, screenshots, "demo-started-laptop")
        assert demo.has_demo(db, SYSTEM)

        # Each login's own password is shown beside it: a scribe signs in with theirs.
        logins = dict(line.split() for line in shown.splitlines())
        assert len(logins) == 17 and len(set(logins.values())) == 17
        tablet = device(browser, LAPTOP).new_page()
        sign_in(tablet, server.url, "scribe1", logins["scribe1"])
        tablet.context.close()

        page.reload()
        wait_idle(page)
        expect(page.locator('[data-testid="stCode"]')).to_have_count(0)  # shown once only
        page.get_by_role("button", name="Remove the demo").click()
        wait_idle(page)
        expect(page.get_by_text("This cannot be undone")).to_be_visible()
        snap(page, screenshots, "demo-remove-confirm-laptop")
        page.get_by_role("button", name="Yes, remove the demo").click()
        wait_idle(page)
        expect(page.get_by_text("The demo is removed")).to_be_visible()
        expect(page.get_by_role("button", name="Start with the demo")).to_be_visible()
        page.get_by_text("The demo is removed").scroll_into_view_if_needed()
        snap(page, screenshots, "demo-removed-laptop")
        assert not demo.has_demo(db, SYSTEM) and initiatives.list_initiatives(db) == []
