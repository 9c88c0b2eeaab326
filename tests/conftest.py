"""Fixtures shared by every layer's tests, and which database each test runs on.

The rule: a test's database (`db`, and the shared `shared_db`/`demo_db`) is a fresh
SQLite file. A test also runs on Postgres (TEST_DATABASE_URL) when it is marked
`both_databases`, by test or by module (`pytestmark`), which it must be when what it
proves could differ there:

- races, row locks (`with_for_update`), concurrency and the writers' queue;
- constraints and integrity errors, upserts and "insert or find" retries;
- case-insensitive look-ups and ordering (`func.lower`, collation), codes and usernames;
- dates and times stored and compared, JSON columns, aggregates and GROUP BY;
- migrations, copies between databases, bulk imports and batched inserts;
- text a database may refuse or cut (NUL bytes, lengths at a column's limit);
- anything behind a dialect check in services/ or db/.

When in doubt, mark it: a Postgres-only bug found late costs more than the seconds.
`postgres_only` marks a race only Postgres can have: it runs on Postgres alone, and is
left out (not skipped) without TEST_DATABASE_URL. Screens (tests/views, tests/e2e) run on
SQLite: their SQL is the services', proven on both.

Browser tests (marked `e2e`) run only when asked: `make test BROWSER=1`, or BROWSER_TESTS=1
in the environment (`.ci/run` sets it). Asked for without a Chromium, the run fails.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import bcrypt
import pytest
from sqlalchemy import Engine

from db.database import Database
from db.engine import create_db_engine
from db.models import Base
from services.accounts import signin_accounts
from tests import backends
from tests.browser import CHROMIUM, CHROMIUM_ARGS, HAVE_CHROMIUM, NO_CHROMIUM
from tests.scratch import POSTGRES_URL, scratch_postgres
from tests.workers import WORKER

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
# REQUIRE_BROWSER_TESTS is the older name, still honoured.
BROWSER_TESTS = bool(os.environ.get("BROWSER_TESTS") or os.environ.get("REQUIRE_BROWSER_TESTS"))
BROWSER_TESTS_LEFT_OUT = (
    "Browser tests (tests/e2e, tests/deploy/test_two_servers.py) left out: "
    "`make test BROWSER=1` (or BROWSER_TESTS=1) runs them."
)
BROWSER_PATHS = (ROOT / "tests" / "e2e", ROOT / "tests" / "deploy" / "test_two_servers.py")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run a test's database fixtures on each backend its marks ask for (see the rule)."""
    names = [n for n in backends.FIXTURES if n in metafunc.fixturenames]
    chosen = backends.backends_for(metafunc.definition)
    if not names or chosen in (["sqlite"], []):  # SQLite is the fixtures' default
        return
    # The backend is a parameter of its own, as wide as the widest of these fixtures:
    # pytest then runs a module's (or the session's) tests of one backend together, and a
    # shared database is built once per backend, not again each time the backend changes
    # from test to test. Each fixture keeps its own scope: `db` is still new for each test
    # (a `db` parametrized at a module's scope itself was one database for the module).
    order = backends.SCOPE_ORDER
    widest = order[max(order.index(backends.SCOPES[n]) for n in names)]
    metafunc.parametrize("database_backend", chosen, indirect=True, scope=widest)


@pytest.fixture(scope="session")
def database_backend(request: pytest.FixtureRequest) -> str:
    """ "sqlite" or "postgres": the backend of this test's database fixtures."""
    return getattr(request, "param", "sqlite")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave out Postgres-only tests without Postgres, and browser tests unless asked for
    (fail if they are asked for and there is no Chromium)."""
    browser_tests = [i for i in items if i.get_closest_marker("e2e")]
    if browser_tests and BROWSER_TESTS and not HAVE_CHROMIUM:
        raise pytest.UsageError(NO_CHROMIUM)
    dropped = [
        i
        for i in items
        if (i.get_closest_marker("e2e") and not BROWSER_TESTS)
        or (i.get_closest_marker("postgres_only") and not POSTGRES_URL)
    ]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        left_out = set(dropped)
        items[:] = [i for i in items if i not in left_out]
    items.sort(key=_longest_first)


LONGEST_FIRST = (
    "tests/e2e/test_screenshots.py",
    "tests/e2e/test_empty_install.py",
    "tests/e2e/test_projector.py",
    "tests/e2e/test_links.py",
    "tests/e2e/test_signin_cookies.py",
    "tests/e2e/test_first_run.py",
    "tests/deploy/test_two_servers.py",
    "tests/e2e/test_premoderation.py",
    "tests/e2e/test_console_room.py",
    "tests/seed/test_cli.py",
    "tests/db/test_migrations.py",
)
"""The modules that take longest, longest first (CPU-seconds of each module's processes,
browser and app server included, measured here on 2026-12-03). The
workers share the run a module at a time (`--dist loadscope --no-loadscope-reorder`, in
that order): one of these started last would keep one worker busy while the others
stand idle."""


def _longest_first(item: pytest.Item) -> tuple[int, int]:
    """Listed modules first in their order, then the other browser tests, then the rest;
    `sort` keeps each module's own order."""
    module = item.nodeid.split("::")[0]
    if module in LONGEST_FIRST:
        return (0, LONGEST_FIRST.index(module))
    return (1, 0) if item.get_closest_marker("e2e") else (2, 0)


def pytest_report_header(config: pytest.Config) -> str:
    if not BROWSER_TESTS:
        return "browser tests: left out (make test BROWSER=1 runs them)"
    return f"browser tests: Chromium at {CHROMIUM}" if HAVE_CHROMIUM else NO_CHROMIUM


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    """Say how to run the browser tests when this run left them out."""
    if not BROWSER_TESTS and _covers_browser_tests(config):
        terminalreporter.write_line(BROWSER_TESTS_LEFT_OUT, yellow=True)


def _covers_browser_tests(config: pytest.Config) -> bool:
    """Whether the paths this run was given hold a browser test (then some were left out)."""
    for arg in config.args:
        given = (config.invocation_params.dir / arg.split("::")[0]).resolve()
        if any(given == p or given in p.parents or p.is_relative_to(given) for p in BROWSER_PATHS):
            return True
    return False


@pytest.fixture(scope="session")
def _postgres() -> Iterator[Database]:
    """This worker's own Postgres database for this run, with the current schema; dropped
    when the run ends. Its own, not the worker's: two runs on one server (two checkouts'
    `make test`) would empty each other's tables under a shared `test_gw0`."""
    with scratch_postgres(f"test_{WORKER or 'main'}") as url:
        database = Database.from_url(url)
        backends.fresh_postgres_schema(database)
        yield database
        database.dispose()


@pytest.fixture(scope="session")
def _sqlite_schema(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty SQLite database with the current schema, made once per process: each test's
    own database is a copy of it, a twentieth of the time `create_all` takes (~2,000 tests)."""
    path = tmp_path_factory.mktemp("schema") / "empty.db"
    database = Database.from_url(f"sqlite:///{path}")
    Base.metadata.create_all(database.engine)
    database.dispose()
    return path


@pytest.fixture(scope="session")
def _sqlite_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, Path]]:
    """One SQLite engine for every test of this process, over one file path whose database
    each test replaces (`db`), as the Postgres tests share one engine over one database.

    An engine keeps the SQL it has compiled: a new engine a test compiled every statement
    again, a third of what a SQLite service test cost (the services' SQLite tests: 53
    against 38 CPU-seconds for as many on Postgres, measured here).
    """
    path = tmp_path_factory.mktemp("db") / "test.db"
    engine = create_db_engine(f"sqlite:///{path}")
    yield engine, path
    engine.dispose()


@pytest.fixture
def db(request: pytest.FixtureRequest, database_backend: str) -> Iterator[Database]:
    """A real, empty database with the current schema: SQLite, or Postgres by the rule."""
    if database_backend == "sqlite":
        engine, path = request.getfixturevalue("_sqlite_engine")
        template = request.getfixturevalue("_sqlite_schema")
        engine.dispose()  # the last test's connections, to the file replaced here
        for stale in (path, path.with_name(f"{path.name}-wal"), path.with_name(f"{path.name}-shm")):
            stale.unlink(missing_ok=True)
        _copy_database(template, path)
        yield Database(engine)
        engine.dispose()
        return
    database = request.getfixturevalue("_postgres")
    yield database
    backends.empty_postgres(database)


def _copy_database(template: Path, path: Path) -> None:
    """`template`'s SQLite database written to `path` by SQLite's own backup."""
    with closing(sqlite3.connect(template)) as empty, closing(sqlite3.connect(path)) as copy:
        empty.backup(copy)


@pytest.fixture(scope="module")
def module_db(
    request: pytest.FixtureRequest, tmp_path_factory, database_backend: str
) -> Iterator[Database]:
    """A real database with the current schema that one module's tests share, for a
    module whose tests only read one world built once: SQLite, or Postgres by the rule.
    Its own database on either: `db`'s Postgres one is emptied after every test."""
    if database_backend == "sqlite":
        path = tmp_path_factory.mktemp("module") / "shared.db"
        _copy_database(request.getfixturevalue("_sqlite_schema"), path)
        database = Database.from_url(f"sqlite:///{path}")
        yield database
        database.dispose()
        return
    with scratch_postgres(f"module_{WORKER or 'main'}") as url:
        database = Database.from_url(url)
        Base.metadata.create_all(database.engine)
        yield database
        database.dispose()


@pytest.fixture
def fast_bcrypt(monkeypatch):
    """Hash at bcrypt's lowest cost: the real cost factor makes each hash take a quarter
    second. tests/services/test_password_cost.py holds new passwords to the real one."""
    real = bcrypt.gensalt
    monkeypatch.setattr(bcrypt, "gensalt", lambda: real(rounds=4))
    # An unknown username is checked against a dummy hash of the real cost, to take as long
    # as a known one: at the lowest cost too here, so both still take alike.
    monkeypatch.setattr(
        signin_accounts, "DUMMY_HASH", bcrypt.hashpw(b"nobody", real(rounds=4)).decode()
    )


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
        # Named by the whole test id: tests of two modules may share a name, and the
        # workers of one run write here side by side.
        folder = ARTIFACTS / "failures" / re.sub(r"[^\w.\[\]-]+", "_", request.node.nodeid)
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)
        for c, context in enumerate(opened or browser.contexts):
            for p, page in enumerate(context.pages):
                page.screenshot(path=folder / f"context{c}-page{p}.png", full_page=True)
    for context in opened:
        context.close()
