"""The engine's promises: pragmas on SQLite, one commit per write, rollback on error."""

import pytest
from sqlalchemy import func, select, text

from db.database import Database
from db.models import Initiative
from tests.factories import build_room


def test_sqlite_connections_use_wal_foreign_keys_and_busy_timeout(tmp_path):
    db = Database.from_url(f"sqlite:///{tmp_path / 'pragmas.db'}")
    with db.read() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("PRAGMA busy_timeout")).scalar() == 15_000
        assert s.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL


def test_write_rolls_back_everything_when_the_action_fails(db):
    with pytest.raises(RuntimeError), db.write() as s:
        s.add(Initiative(name="Half written"))
        s.flush()
        raise RuntimeError("boom")
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Initiative)) == 0


def test_read_commits_nothing(db):
    with db.read() as s:
        s.add(Initiative(name="Never saved"))
        s.flush()
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Initiative)) == 0


def test_factory_room_builds_on_every_backend(db):
    room = build_room(db)
    assert room.table1_id != room.table2_id


def test_a_postgres_pool_is_sized_as_asked_and_never_opens_a_connection_to_be_built():
    from db.engine import create_db_engine

    engine = create_db_engine("postgresql+psycopg://u@nowhere.invalid/db", 3, 2)
    assert (engine.pool.size(), engine.pool._max_overflow) == (3, 2)
    engine.dispose()
