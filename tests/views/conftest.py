"""A migrated, seeded demo database (SQLite, and Postgres when configured) and AppTests."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from streamlit.testing.v1 import AppTest

import runtime
from db.database import Database
from db.migrate import upgrade_to_head
from seed.best_practices import LIBRARY
from seed.demo import build_demo
from services import best_practices
from services.actors import SYSTEM

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-test-password-1"
POSTGRES_URL = os.environ.get("TEST_DATABASE_URL", "")


def _scratch_postgres() -> tuple[str, str]:
    """A new, empty Postgres database beside the test one: (its URL, its name)."""
    name = f"cg_pages_{uuid.uuid4().hex[:8]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    return url, name


def _drop_postgres(name: str) -> None:
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session", params=["sqlite", *(["postgres"] if POSTGRES_URL else [])])
def demo_db(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[Database]:
    """The demo initiative, migrated by Alembic and seeded as `make run` does it."""
    folder = tmp_path_factory.mktemp(f"pages-{request.param}")
    scratch = None
    if request.param == "sqlite":
        url = f"sqlite:///{folder / 'demo.db'}"
    else:
        url, scratch = _scratch_postgres()
    upgrade_to_head(url)
    database = Database.from_url(url)
    build_demo(database, PASSWORD)
    best_practices.upsert_library(database, SYSTEM, LIBRARY)
    database.url = url  # type: ignore[attr-defined]
    database.folder = folder  # type: ignore[attr-defined]
    yield database
    database.dispose()
    if scratch:
        _drop_postgres(scratch)


def _app_factory(monkeypatch: pytest.MonkeyPatch, url: str, data_dir: Path):
    """Point the app at `url`, and return a maker of AppTests signed in as anyone."""
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("COMMON_GROUND_DATA_DIR", str(data_dir))
    runtime.settings.clear()
    runtime.database.clear()

    def make(username: str | None = None, query: dict[str, str] | None = None) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
        if username:
            at.session_state["authentication_status"] = True
            at.session_state["username"] = username
        for key, value in (query or {}).items():
            at.query_params[key] = value
        return at

    return make


@pytest.fixture
def app(demo_db: Database, monkeypatch: pytest.MonkeyPatch):
    """A factory of AppTests of the real app over the demo database."""
    yield _app_factory(monkeypatch, demo_db.url, demo_db.folder)  # type: ignore[attr-defined]
    runtime.database.clear()


@pytest.fixture
def room_app(db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """AppTests over a fresh two-table live room (tests/factories.build_room), per backend."""
    from tests.factories import build_room

    room = build_room(db)
    make = _app_factory(monkeypatch, db.engine.url.render_as_string(hide_password=False), tmp_path)
    make.room = room  # type: ignore[attr-defined]
    yield make
    runtime.database.clear()
