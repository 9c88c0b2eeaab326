"""The one way code reaches the database: short read or write transactions."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from db.engine import SQLITE_BUSY_TIMEOUT_MS, create_db_engine, writer_engine


class Database:
    """Holds an engine and hands out transactions; one instance per process."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        # Objects stay readable after commit so a service can return what it wrote.
        self._reader = sessionmaker(engine, expire_on_commit=False)
        self._writer = sessionmaker(writer_engine(engine), expire_on_commit=False)
        self._writers = _WriterQueue() if engine.dialect.name == "sqlite" else None

    @classmethod
    def from_url(cls, url: str, **pool: int) -> Database:
        """A Database over a new engine for `url`; `pool` sizes a Postgres pool."""
        return cls(create_db_engine(url, **pool))

    @property
    def dialect(self) -> str:
        """The backend's name: 'sqlite' or 'postgresql'."""
        return self.engine.dialect.name

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One user action: commits once at the end, rolls back everything on error."""
        if self._writers is None:
            with self._writer() as session, session.begin():
                yield session
            return
        with self._writers, self._writer() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only look; nothing it does is committed.

        Closing (not rolling back) keeps the loaded objects readable; the pool rolls the
        connection back when it takes it back.
        """
        with self._reader() as session:
            yield session

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


class _WriterQueue:
    """This process's SQLite writers, one at a time, each let in the moment the last ends.

    SQLite allows one writer; a second one's BEGIN IMMEDIATE waits in SQLite's busy
    handler, which sleeps 1, 2, 5, 10, 15… ms between tries, so a writer that found the
    lock taken waited 8 ms or more for a transaction that took 2 (bench/). Queued here,
    it starts as soon as the lock is free. Writers in other processes still wait on
    busy_timeout. Re-entrant, so a write opened inside a write fails in SQLite with
    "database is locked", as it did before, instead of hanging here.
    """

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._held = threading.local()

    def __enter__(self) -> None:
        # After the busy timeout, go on without the queue and let SQLite's own wait decide.
        got = self._lock.acquire(timeout=SQLITE_BUSY_TIMEOUT_MS / 1000)
        self._entries().append(got)

    def __exit__(self, *_exc: object) -> None:
        if self._entries().pop():
            self._lock.release()

    def _entries(self) -> list[bool]:
        """Per thread, whether each write it is inside got the lock."""
        if not hasattr(self._held, "entries"):
            self._held.entries = []
        return self._held.entries
