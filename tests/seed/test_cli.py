"""`make run`'s setup steps as a newcomer runs them: migrate, seed, and again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from db.database import Database
from seed.best_practices import LIBRARY
from seed.credentials import read_credentials
from seed.demo import DEMO_NAME
from services.accounts import accounts, first_run, signin_accounts
from services.core.actors import SYSTEM
from services.setup import demo, initiatives, participants
from services.solve import best_practices

ROOT = Path(__file__).resolve().parents[2]
CHEAP_HASHING = Path(__file__).resolve().parent / "cheap_hashing"


def run(module: str, data_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DEMO_PASSWORD")
    }
    environment.update(COMMON_GROUND_DATA_DIR=str(data_dir), **env)
    # New passwords at bcrypt's lowest cost (cheap_hashing/sitecustomize.py says why).
    environment["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(CHEAP_HASHING), environment.get("PYTHONPATH", "")) if p
    )
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )


def test_migrate_and_seed_make_the_demo_once_and_print_each_logins_own_password(tmp_path):
    run("db.migrate", tmp_path)
    first = run("seed", tmp_path)
    printed = dict(line.split() for line in first.stdout.splitlines() if line.startswith("  "))
    assert len(printed) == 17 and len(set(printed.values())) == 17  # one each, all different
    assert read_credentials(tmp_path) == printed
    run("db.migrate", tmp_path)
    second = run("seed", tmp_path)
    assert "already there" in second.stdout
    assert not any(password in second.stdout for password in printed.values())
    db = Database.from_url(f"sqlite:///{tmp_path / 'common-ground.db'}")
    (initiative,) = initiatives.list_initiatives(db)
    assert len(participants.list_participants(db, SYSTEM, initiative.id)) == 56
    # Each printed password signs in its own login, and only that one.
    assert signin_accounts.sign_in(db, "scribe3", printed["scribe3"]).username == "scribe3"
    with pytest.raises(signin_accounts.SignInRefused):
        signin_accounts.sign_in(db, "scribe3", printed["scribe4"])
    db.dispose()


def test_a_chosen_demo_password_is_used_and_never_written_to_disk(tmp_path):
    run("db.migrate", tmp_path)
    out = run("seed", tmp_path, DEMO_PASSWORD="chosen-by-the-operator")
    assert "chosen-by-the-operator" not in out.stdout
    assert not (tmp_path / "demo-credentials.txt").exists()


def test_the_library_step_of_make_run_is_quiet_loads_once_and_adds_no_demo(tmp_path):
    run("db.migrate", tmp_path)
    first = run("seed", tmp_path, "--library-only")
    again = run("seed", tmp_path, "--library-only")
    assert first.stdout == again.stdout == ""
    db = Database.from_url(f"sqlite:///{tmp_path / 'common-ground.db'}")
    try:
        assert len(best_practices.list_best_practices(db)) == len(LIBRARY)
        assert initiatives.list_initiatives(db) == []
        assert accounts.list_accounts(db, SYSTEM) == []
    finally:
        db.dispose()


def test_make_demo_tags_what_it_makes_and_voids_a_waiting_setup_code(tmp_path):
    run("db.migrate", tmp_path)
    db = Database.from_url(f"sqlite:///{tmp_path / 'common-ground.db'}")
    try:
        assert first_run.prepare_setup_code(db, tmp_path) is not None
        out = run("seed", tmp_path)
        assert "  facilitator " in out.stdout and "  scribe1 " in out.stdout
        assert [i.name for i in demo.demo_initiatives(db, SYSTEM)] == [DEMO_NAME]
        assert len(demo.demo_usernames(db, SYSTEM)) == 17
        assert not first_run.setup_code_path(tmp_path).exists()
    finally:
        db.dispose()
