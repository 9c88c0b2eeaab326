"""The real app in a real browser: `python -m serve` over a freshly seeded demo on SQLite.

Finding Chromium, and skipping or failing without it, is tests/conftest.py's job.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

from db.database import Database
from tests.app_server import ROOT, AppServer, running_app, seed_demo

PASSWORD = "an-e2e-password-1"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"


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


@pytest.fixture(scope="session", autouse=True)
def _patient_expectations() -> None:
    """Wait up to 15 s for what a screen should show: on a 2-core CI machine busy with a
    database and several browsers, an action's rerun can take longer than Playwright's
    5 s default, and a person would wait for it too."""
    expect.set_options(timeout=15_000)
