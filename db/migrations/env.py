"""Alembic environment: runs migrations over the engine our settings choose."""

from __future__ import annotations

from alembic import context

from db.engine import create_db_engine
from db.models import Base

config = context.config


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
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations_online()
