"""The real app in a real browser: `streamlit run` over a freshly seeded demo, and Chromium.

Playwright cannot download its own browser here, so it drives Debian's `chromium`. When no
Chromium is found the browser tests are skipped with a message saying so, unless
REQUIRE_BROWSER_TESTS is set (`.ci/run` sets it), in which case they fail instead.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from db.database import Database
from tests.app_server import ROOT, AppServer, running_app, seed_demo

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
HAVE_CHROMIUM = Path(CHROMIUM).is_file()
PASSWORD = "an-e2e-password-1"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
MISSING = (
    f"Browser tests skipped: no Chromium at {CHROMIUM}. "
    "Install Debian's package (apt-get install chromium) or set CHROMIUM to run them."
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip the browser tests, saying why, when there is no Chromium; fail if CI wants them."""
    if HAVE_CHROMIUM:
        return
    browser_tests = [i for i in items if i.get_closest_marker("e2e")]
    if browser_tests and os.environ.get("REQUIRE_BROWSER_TESTS"):
        raise pytest.UsageError(MISSING)
    for item in browser_tests:
        item.add_marker(pytest.mark.skip(reason=MISSING))


def pytest_report_header(config: pytest.Config) -> str:
    return f"browser tests: Chromium at {CHROMIUM}" if HAVE_CHROMIUM else MISSING


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Debian's Chromium, headless, with nothing phoning home."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@dataclass(frozen=True)
class Demo:
    """A running app and a handle on its database, for reading codes and checking rows."""

    server: AppServer
    db: Database

    @property
    def url(self) -> str:
        return self.server.url


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """The app serving a freshly seeded demo on SQLite, for one test module."""
    folder = tmp_path_factory.mktemp("e2e")
    url = f"sqlite:///{folder / 'demo.db'}"
    seed_demo(url, PASSWORD)
    with running_app(url, folder, cookie_key="e2e-cookie-key-not-secret") as server:
        database = Database.from_url(url)
        yield Demo(server, database)
        database.dispose()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    if report.when == "call":
        item.stash[_OUTCOME] = report
    return report


_OUTCOME = pytest.StashKey[pytest.TestReport]()


@pytest.fixture(autouse=True)
def _pictures_of_a_failure(request: pytest.FixtureRequest) -> Iterator[None]:
    """When a browser test fails, keep a picture of every page it had open."""
    yield
    report = request.node.stash.get(_OUTCOME, None)
    if report is None or not report.failed or "browser" not in request.fixturenames:
        return
    folder = ROOT / "test-artifacts" / "failures" / request.node.name
    folder.mkdir(parents=True, exist_ok=True)
    browser = request.getfixturevalue("browser")
    for c, context in enumerate(browser.contexts):
        for p, page in enumerate(context.pages):
            page.screenshot(path=folder / f"context{c}-page{p}.png", full_page=True)
