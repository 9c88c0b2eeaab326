"""The one way code reaches the database: short read or write transactions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from db.engine import create_db_engine, writer_engine


class Database:
    """Holds an engine and hands out transactions; one instance per process."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        # Objects stay readable after commit so a service can return what it wrote.
        self._reader = sessionmaker(engine, expire_on_commit=False)
        self._writer = sessionmaker(writer_engine(engine), expire_on_commit=False)

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
        with self._writer() as session, session.begin():
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
