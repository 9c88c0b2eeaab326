"""Fixtures shared by every layer's tests.

`db` is a real database: a fresh SQLite file for each test, and, when TEST_DATABASE_URL is
set, the same test again on that Postgres database (schema made once, tables emptied
after each test).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from db.database import Database
from db.models import Base
from tests.browser import CHROMIUM, CHROMIUM_ARGS, HAVE_CHROMIUM, NO_CHROMIUM

POSTGRES_URL = os.environ.get("TEST_DATABASE_URL", "")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
BACKENDS = ["sqlite", *(["postgres"] if POSTGRES_URL else [])]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave out the SQLite run of tests of races that only Postgres can have, and skip the
    browser tests, saying why, when there is no Chromium (fail instead if CI wants them)."""
    browser_tests = [i for i in items if i.get_closest_marker("e2e")]
    if browser_tests and not HAVE_CHROMIUM:
        if os.environ.get("REQUIRE_BROWSER_TESTS"):
            raise pytest.UsageError(NO_CHROMIUM)
        for item in browser_tests:
            item.add_marker(pytest.mark.skip(reason=NO_CHROMIUM))
    kept, dropped = [], []
    for item in items:
        is_sqlite_run = (
            getattr(item, "callspec", None) and item.callspec.params.get("db") == "sqlite"
        )
        (dropped if item.get_closest_marker("postgres_only") and is_sqlite_run else kept).append(
            item
        )
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(scope="session")
def _postgres() -> Iterator[Database]:
    database = Database.from_url(POSTGRES_URL)
    # Whatever an earlier run or an older schema left behind, start from nothing.
    with database.engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    Base.metadata.create_all(database.engine)
    yield database
    database.dispose()


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path) -> Iterator[Database]:
    """A real, empty database with the current schema, on each configured backend."""
    if request.param == "sqlite":
        database = Database.from_url(f"sqlite:///{tmp_path / 'test.db'}")
        Base.metadata.create_all(database.engine)
        yield database
        database.dispose()
        return
    database = request.getfixturevalue("_postgres")
    yield database
    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with database.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


def pytest_report_header(config: pytest.Config) -> str:
    return f"browser tests: Chromium at {CHROMIUM}" if HAVE_CHROMIUM else NO_CHROMIUM


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """pytest-playwright's browser is Debian's Chromium: Playwright cannot fetch its own."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


_OUTCOME = pytest.StashKey[pytest.TestReport]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    if report.when == "call":
        item.stash[_OUTCOME] = report
    return report


@pytest.fixture(autouse=True)
def _pictures_of_a_failure(request: pytest.FixtureRequest) -> Iterator[None]:
    """When a browser test fails, keep a picture of every page it opened; then close the
    browsers it opened, whose refreshing pages would otherwise go on using the machine for
    the rest of the run (the browser itself lives for the whole session)."""
    uses_browser = "browser" in request.fixturenames
    browser = request.getfixturevalue("browser") if uses_browser else None
    before = set(browser.contexts) if browser is not None else set()
    yield
    if browser is None:
        return
    opened = [c for c in browser.contexts if c not in before]
    report = request.node.stash.get(_OUTCOME, None)
    if report is not None and report.failed:
        folder = ARTIFACTS / "failures" / request.node.name
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)
        for c, context in enumerate(opened or browser.contexts):
            for p, page in enumerate(context.pages):
                page.screenshot(path=folder / f"context{c}-page{p}.png", full_page=True)
    for context in opened:
        context.close()
