"""A seeded demo database and AppTest helpers for page tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
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


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """The demo initiative in a migrated SQLite file, shared by the page tests."""
    folder = tmp_path_factory.mktemp("pages")
    url = f"sqlite:///{folder / 'demo.db'}"
    upgrade_to_head(url)
    database = Database.from_url(url)
    build_demo(database, PASSWORD)
    best_practices.upsert_library(database, SYSTEM, LIBRARY)
    database.folder = folder  # type: ignore[attr-defined]
    yield database
    database.dispose()


@pytest.fixture
def app(demo_db: Database, monkeypatch: pytest.MonkeyPatch):
    """A factory of AppTests of the real app over the demo database."""
    monkeypatch.setenv("DATABASE_URL", str(demo_db.engine.url))
    monkeypatch.setenv("COMMON_GROUND_DATA_DIR", str(demo_db.folder))  # type: ignore[attr-defined]
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

    yield make
    runtime.database.clear()
