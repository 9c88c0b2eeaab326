"""A migrated, seeded demo database (SQLite; Postgres too for tests marked both_databases)
and AppTests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from functools import cache
from pathlib import Path

import pytest
from streamlit.components.v2.component_manager import BidiComponentManager
from streamlit.testing.v1 import AppTest

import runtime
from db.database import Database
from tests.app_server import seed_demo
from tests.scratch import scratch_postgres

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-test-password-1"


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory, database_backend: str) -> Iterator[Database]:
    """The demo initiative, migrated by Alembic and seeded as `make run` does it."""
    kind = database_backend
    folder = tmp_path_factory.mktemp(f"pages-{kind}")
    with ExitStack() as stack:
        if kind == "sqlite":
            url = f"sqlite:///{folder / 'demo.db'}"
        else:
            url = stack.enter_context(scratch_postgres("cg_pages"))
        seed_demo(url, PASSWORD)
        database = Database.from_url(url)
        database.url = url  # type: ignore[attr-defined]
        database.folder = folder  # type: ignore[attr-defined]
        yield database
        database.dispose()


@cache
def shared_components() -> BidiComponentManager:
    """Streamlit's registry of installed custom components, found once per test process.

    Each new AppTest looks for them afresh on its first run, reading the metadata of every
    package installed (Streamlit 1.67, `AppTest._run`): a seventh of the CPU of the tests
    that draw screens, for the same answer each time. An AppTest given one skips the search.
    """
    found = BidiComponentManager()
    found.discover_and_register_components(start_file_watching=False)
    return found


def _app_factory(monkeypatch: pytest.MonkeyPatch, url: str, data_dir: Path):
    """Point the app at `url`, and return a maker of AppTests signed in as anyone."""
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("COMMON_GROUND_DATA_DIR", str(data_dir))
    runtime.settings.clear()
    runtime.database.clear()

    def make(username: str | None = None, query: dict[str, str] | None = None) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
        at._bidi_component_manager = shared_components()
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
