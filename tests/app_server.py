"""Start the real app server (`python -m serve`) on a free port, over a database we choose.

The port is one of this xdist worker's own (tests/workers.py).

Used by the browser tests, the two-server test and the load benchmark, so all three drive
the same process a facilitator's `make run` starts.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

import bcrypt

from tests.workers import free_port

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class AppServer:
    """One running app: where it answers and the process serving it."""

    url: str
    port: int
    process: subprocess.Popen
    log: Path


def seed_demo(database_url: str, password: str) -> None:
    """Migrate `database_url` to head and seed the demo initiative, as `make run` does.

    On SQLite the first demo a test process seeds with a password is kept, and later ones
    are byte copies of it (SQLite's backup): the same rows a fresh seeding makes, without
    running the eleven migrations and the seed again — 2 s each on a quiet machine, up to
    18 s while the browser tests load it, once per browser-test module.
    """
    path = _sqlite_path(database_url)
    if path is None:
        _migrate_and_seed(database_url, password)
        return
    template = _TEMPLATES.get(password)
    if template is None or not template.exists():
        folder = tempfile.mkdtemp(prefix="cg-demo-")
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        template = Path(folder) / "demo.db"
        _migrate_and_seed(f"sqlite:///{template}", password)
        _TEMPLATES[password] = template
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(template)) as source, closing(sqlite3.connect(path)) as copy:
        source.backup(copy)


_TEMPLATES: dict[str, Path] = {}
"""The seeded demo per password, in this process."""


def _sqlite_path(database_url: str) -> Path | None:
    prefix = "sqlite:///"
    return Path(database_url.removeprefix(prefix)) if database_url.startswith(prefix) else None


def _migrate_and_seed(database_url: str, password: str) -> None:
    """Its 17 logins are hashed at bcrypt's lowest cost: at the real one (which
    tests/services/test_passwords.py holds every new password to) each seeding took 4 s
    more, and each sign-in a quarter of a second."""
    from db.database import Database  # imported here so the launcher alone stays light
    from db.migrate import upgrade_to_head
    from seed.best_practices import LIBRARY
    from seed.demo import build_demo
    from services.core.actors import SYSTEM
    from services.solve import best_practices

    upgrade_to_head(database_url)
    database = Database.from_url(database_url)
    real = bcrypt.gensalt
    bcrypt.gensalt = lambda: real(rounds=4)
    try:
        build_demo(database, password)
        best_practices.upsert_library(database, SYSTEM, LIBRARY)
    finally:
        bcrypt.gensalt = real
        database.dispose()


def server_env(database_url: str, data_dir: Path, cookie_key: str = "") -> dict[str, str]:
    """The environment an app server runs with: our database, our data folder."""
    env = dict(os.environ)
    env["DATABASE_URL"] = database_url
    env["COMMON_GROUND_DATA_DIR"] = str(data_dir)
    if cookie_key:
        env["COMMON_GROUND_COOKIE_KEY"] = cookie_key
    return env


def start_app(
    database_url: str,
    data_dir: Path,
    *,
    script: Path = ROOT / "app.py",
    cookie_key: str = "",
    port: int | None = None,
    timeout: float = 60.0,
    options: tuple[str, ...] = (),
) -> AppServer:
    """Run `python -m serve script` (`streamlit run`, see serve.py) and wait until its
    health check answers."""
    port = port or free_port()
    data_dir.mkdir(parents=True, exist_ok=True)
    log = data_dir / f"streamlit-{port}.log"
    command = [
        sys.executable,
        "-m",
        "serve",
        str(script),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        *options,
    ]
    # A checkout's own app runs from its own folder, so `-m serve` and every import are that
    # checkout's (the bench's `--app` of a `git worktree`); the bench's floor app, in this
    # project's bench/, runs from here.
    home = script.parent if (script.parent / "serve.py").is_file() else ROOT
    with log.open("wb") as out:
        process = subprocess.Popen(
            command,
            cwd=home,
            env=server_env(database_url, data_dir, cookie_key),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    # Under server.baseUrlPath the app, its health check included, lives below that path.
    given = dict(zip(options[::2], options[1::2], strict=True))
    base = given.get("--server.baseUrlPath", "").strip("/")
    root = f"http://127.0.0.1:{port}" + (f"/{base}" if base else "")
    server = AppServer(root, port, process, log)
    _wait_healthy(server, timeout)
    return server


def stop_app(server: AppServer) -> None:
    """Stop the server and wait for it, so its port and database connections are freed."""
    server.process.terminate()
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@contextmanager
def running_app(database_url: str, data_dir: Path, **options) -> Iterator[AppServer]:
    """An app server for the length of a `with` block."""
    server = start_app(database_url, data_dir, **options)
    try:
        yield server
    finally:
        stop_app(server)


def _wait_healthy(server: AppServer, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{server.log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    stop_app(server)
    tail = server.log.read_text()[-3000:]
    raise RuntimeError(f"streamlit did not answer in {timeout} s:\n{tail}")
