"""Several app servers over one Postgres database: scratch databases, Chromium, nginx.

These tests need what a multi-server install needs. Without TEST_DATABASE_URL (a Postgres
server) they are skipped with a message saying so; `.ci/run` sets it, so CI runs them.
Without Chromium they are skipped too, unless REQUIRE_BROWSER_TESTS is set (CI), in which
case they fail. Without nginx only the parts through nginx are skipped.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.deploy.nginx import NGINX

POSTGRES_URL = os.environ.get("TEST_DATABASE_URL", "")
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
HAVE_CHROMIUM = Path(CHROMIUM).is_file()

NO_POSTGRES = (
    "Multi-server tests skipped: TEST_DATABASE_URL is not set. Several app servers share "
    "one Postgres database; point TEST_DATABASE_URL at a Postgres server to run them "
    "(.ci/run does)."
)
NO_CHROMIUM = (
    f"Multi-server browser tests skipped: no Chromium at {CHROMIUM}. "
    "Install Debian's package (apt-get install chromium) or set CHROMIUM to run them."
)
NO_NGINX = "The nginx checks are skipped: no nginx on this machine (apt-get install nginx-light)."

needs_postgres = pytest.mark.skipif(not POSTGRES_URL, reason=NO_POSTGRES)
needs_chromium = pytest.mark.skipif(
    not HAVE_CHROMIUM and not os.environ.get("REQUIRE_BROWSER_TESTS"), reason=NO_CHROMIUM
)
needs_nginx = pytest.mark.skipif(NGINX is None, reason=NO_NGINX)


@contextmanager
def scratch_postgres(prefix: str) -> Iterator[str]:
    """A new, empty database on TEST_DATABASE_URL's server for a `with` block; its URL.

    Never the test database itself: the unit tests empty that one as they please.
    """
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Debian's Chromium, headless, with nothing phoning home."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }
