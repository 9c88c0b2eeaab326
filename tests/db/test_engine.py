"""The engine's promises: pragmas on SQLite, one commit per write, rollback on error."""

import threading

import pytest
from sqlalchemy import event, func, select, text

from db.database import Database
from db.models import Base, Initiative
from tests.factories import build_room

# On Postgres too: what the engine promises, each dialect keeps in its own way.
pytestmark = pytest.mark.both_databases


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
    from sqlalchemy.pool import QueuePool

    from db.engine import create_db_engine

    engine = create_db_engine("postgresql+psycopg://u@nowhere.invalid/db", 3, 2)
    assert isinstance(engine.pool, QueuePool)
    assert (engine.pool.size(), engine.pool._max_overflow) == (3, 2)
    engine.dispose()


def test_sqlite_writers_of_one_process_queue_before_they_ask_sqlite(tmp_path):
    """A second writer waits in the process's queue, not in SQLite's sleeping busy handler,
    and starts once the first has committed."""
    db = Database.from_url(f"sqlite:///{tmp_path / 'queue.db'}")
    Base.metadata.create_all(db.engine)
    begun: list[str] = []
    event.listen(
        db.engine,
        "before_cursor_execute",
        lambda _c, _cur, statement, *_a: (
            begun.append(threading.current_thread().name)
            if statement.startswith("BEGIN IMMEDIATE")
            else None
        ),
    )
    first_in, second_done = threading.Event(), threading.Event()

    def second() -> None:
        first_in.wait(5)
        with db.write() as s:
            s.add(Initiative(name="Second"))
        second_done.set()

    other = threading.Thread(target=second, name="second")
    other.start()
    with db.write() as s:
        s.add(Initiative(name="First"))
        s.flush()
        first_in.set()
        assert not second_done.wait(0.3)
        assert begun == [threading.current_thread().name], "the second writer asked SQLite"
    assert second_done.wait(5)
    other.join()
    assert begun[-1] == "second"
    with db.read() as s:
        assert sorted(s.scalars(select(Initiative.name))) == ["First", "Second"]
    db.dispose()


def test_a_new_sqlite_database_and_its_wal_are_readable_by_their_owner_only(tmp_path):
    path = tmp_path / "private.db"
    db = Database.from_url(f"sqlite:///{path}")
    Base.metadata.create_all(db.engine)
    with db.write() as s:
        s.add(Initiative(name="Contacts live here"))
    wal = tmp_path / "private.db-wal"
    assert path.stat().st_mode & 0o777 == 0o600
    assert wal.exists() and wal.stat().st_mode & 0o777 == 0o600
    db.dispose()
