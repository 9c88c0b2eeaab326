"""One world per backend for the whole corpus: building a room for each of thousands of
cases would cost minutes, so the cases of a module share one database and each writes
its own rows (names that must be unique are given back after each read)."""

from __future__ import annotations

from collections.abc import Iterator

import bcrypt
import pytest

from db.database import Database
from db.models import Base
from tests.backends import empty_postgres
from tests.bad_input.fields import World, build_world
from tests.views.conftest import room_app  # noqa: F401 - the screens' AppTests, shared


@pytest.fixture(scope="module")
def shared_db(
    request: pytest.FixtureRequest, tmp_path_factory, database_backend: str
) -> Iterator[Database]:
    """A real database with the current schema, shared by one module's tests: SQLite, or
    Postgres too for a module marked both_databases (tests/conftest.py)."""
    if database_backend == "sqlite":
        folder = tmp_path_factory.mktemp("bad-input")
        database = Database.from_url(f"sqlite:///{folder / 'test.db'}")
        Base.metadata.create_all(database.engine)
        yield database
        database.dispose()
        return
    database = request.getfixturevalue("_postgres")
    empty_postgres(database)
    yield database
    empty_postgres(database)


@pytest.fixture(scope="module")
def world(shared_db: Database) -> Iterator[World]:
    """The room and its records, built once per module and backend."""
    with pytest.MonkeyPatch.context() as patch:
        # bcrypt's lowest cost: the real one takes a quarter second for each account made.
        real = bcrypt.gensalt
        patch.setattr(bcrypt, "gensalt", lambda: real(rounds=4))
        yield build_world(shared_db)
