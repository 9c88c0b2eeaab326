"""Alembic environment: runs migrations over the engine our settings choose."""

from __future__ import annotations

from alembic import context

from db.engine import create_db_engine
from db.models import Base

config = context.config
MIGRATION_LOCK = 7_447_100
"""A Postgres advisory lock every upgrade takes: servers upgraded at once run it one by one."""


def _url() -> str:
    url = config.attributes.get("database_url") or config.get_main_option("sqlalchemy.url")
    if url:
        return url
    from settings import load_settings  # noqa: PLC0415 - only when no URL was handed in

    return load_settings().database_url


def run_migrations_online() -> None:
    """Upgrade or compare over a live connection (SQLite needs batch mode to alter)."""
    engine = create_db_engine(_url())
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Batch mode rebuilds a table (copy, drop, rename). With foreign keys enforced,
            # dropping the old table deletes its children (ON DELETE CASCADE) or fails: so
            # they are off for the migration (before any BEGIN, or SQLite ignores it) and
            # every reference is checked once the schema is in place.
            driver = connection.connection.driver_connection
            assert driver is not None, "a live connection has its driver's connection"
            driver.execute("PRAGMA foreign_keys=OFF")
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=sqlite,
            compare_type=True,
        )
        with context.begin_transaction():
            if not sqlite:
                # Held to the commit; a second upgrade waits, then finds the schema at head.
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
            context.run_migrations()
        if sqlite:
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"The migration left broken references: {broken[:5]}")
    engine.dispose()


run_migrations_online()
