"""Upgrade a database to the newest migration from code (make run, tests, deploy)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

ALEMBIC_INI = Path(__file__).resolve().parent.parent / "alembic.ini"


def alembic_config(database_url: str) -> Config:
    """An Alembic config pointed at `database_url`."""
    config = Config(str(ALEMBIC_INI))
    config.attributes["database_url"] = database_url
    return config


def upgrade_to_head(database_url: str) -> None:
    """Bring the schema at `database_url` to the newest migration."""
    command.upgrade(alembic_config(database_url), "head")


if __name__ == "__main__":
    import sys

    from settings import SettingsError, load_settings

    try:
        settings = load_settings()  # makes the data folder, private
    except SettingsError as error:
        sys.exit(f"Not started: {error}")
    upgrade_to_head(settings.database_url)
