"""Which databases a test runs on (the rule is at the top of tests/conftest.py).

A fixture that gives a database (`db`, `shared_db`, `module_db`, `demo_db`) takes the backend
from the `database_backend` fixture: SQLite unless tests/conftest.py parametrized it for
Postgres too.
"""

from __future__ import annotations

from typing import Literal

import pytest
from sqlalchemy import text

from db.database import Database
from db.models import Base
from tests.scratch import POSTGRES_URL

BOTH = ["sqlite", *(["postgres"] if POSTGRES_URL else [])]
"""What a test marked `both_databases` runs on: Postgres only when TEST_DATABASE_URL is set."""
FIXTURES = ("db", "shared_db", "module_db", "demo_db")
"""The fixtures that give a test its database, parametrized together by backend."""
Scope = Literal["function", "module", "session"]
SCOPES: dict[str, Scope] = {
    "db": "function",
    "shared_db": "module",
    "module_db": "module",
    "demo_db": "session",
}
"""Each of those fixtures' scope (tests/conftest.py, tests/bad_input/, tests/views/)."""
SCOPE_ORDER: tuple[Scope, ...] = ("function", "module", "session")


def backends_for(item: pytest.Item) -> list[str]:
    """The backends a test's database fixtures run on, by its marks."""
    if item.get_closest_marker("postgres_only"):
        return ["postgres"] if POSTGRES_URL else []
    if item.get_closest_marker("both_databases"):
        return BOTH
    return ["sqlite"]


def empty_postgres(database: Database) -> None:
    """Delete every row and restart every id sequence, in one round trip.

    As TRUNCATE … RESTART IDENTITY would, at a fifth of its cost: TRUNCATE makes new files
    for each of the ~30 tables every time (0.2 s), while DELETE on a test's few rows is
    nearly free, and that was most of what a Postgres test took.
    """
    deletes = "".join(f'DELETE FROM "{t.name}";' for t in reversed(Base.metadata.sorted_tables))
    restart = (
        "SELECT setval(c.oid::regclass, 1, false) FROM pg_class c "
        "WHERE c.relkind = 'S' AND c.relnamespace = current_schema()::regnamespace;"
    )
    with database.engine.begin() as conn:
        conn.exec_driver_sql(deletes + restart)


def fresh_postgres_schema(database: Database) -> None:
    """Whatever an earlier run or an older schema left behind, start from nothing."""
    with database.engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    Base.metadata.create_all(database.engine)
