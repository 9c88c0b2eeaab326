"""Fixtures shared by every layer's tests.

`db` is a real database: a fresh SQLite file for each test, and, when TEST_DATABASE_URL is
set, the same test again on that Postgres database (schema made once, tables emptied
after each test).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from db.database import Database
from db.models import Base

POSTGRES_URL = os.environ.get("TEST_DATABASE_URL", "")
BACKENDS = ["sqlite", *(["postgres"] if POSTGRES_URL else [])]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave out the SQLite run of tests of races that only Postgres can have."""
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
