"""settings.py: one resolution order, and a cookie key that is never a constant."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import settings
from settings import load_settings


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "DATABASE_URL",
        "COMMON_GROUND_DATA_DIR",
        "COMMON_GROUND_COOKIE_KEY",
        "COMMON_GROUND_DB_POOL_SIZE",
        "COMMON_GROUND_DB_MAX_OVERFLOW",
    ):
        monkeypatch.delenv(name, raising=False)


def test_the_default_store_is_a_sqlite_file_under_the_data_folder(tmp_path):
    resolved = load_settings(data_dir=tmp_path)
    assert resolved.database_url == f"sqlite:///{tmp_path / 'common-ground.db'}"


def test_the_environment_overrides_the_default(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://u@h/db")
    assert load_settings(data_dir=tmp_path).database_url == "postgresql+psycopg://u@h/db"


def test_an_explicit_argument_overrides_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://u@h/db")
    assert load_settings("sqlite:///x.db", data_dir=tmp_path).database_url == "sqlite:///x.db"


def test_secrets_come_after_the_environment(tmp_path, monkeypatch):
    secrets = {"COMMON_GROUND_COOKIE_NAME": "from-secrets"}
    monkeypatch.setattr(settings, "_secret", secrets.get)
    assert load_settings(data_dir=tmp_path).cookie_name == "from-secrets"
    monkeypatch.setenv("COMMON_GROUND_COOKIE_NAME", "from-env")
    assert load_settings(data_dir=tmp_path).cookie_name == "from-env"


def test_a_cookie_key_is_generated_once_kept_private_and_reused(tmp_path):
    first = load_settings(data_dir=tmp_path).cookie_key
    again = load_settings(data_dir=tmp_path).cookie_key
    other = load_settings(data_dir=tmp_path / "elsewhere").cookie_key
    assert first == again != other
    assert len(first) >= 40
    assert (tmp_path / "cookie-key").stat().st_mode & 0o077 == 0


def test_a_cookie_key_from_the_environment_is_used_and_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMON_GROUND_COOKIE_KEY", "k" * 48)
    assert load_settings(data_dir=tmp_path).cookie_key == "k" * 48
    assert not (tmp_path / "cookie-key").exists()


def test_a_shared_database_without_a_cookie_key_says_each_machine_needs_the_same_key(
    tmp_path, monkeypatch, caplog
):
    # Two app servers on two machines would each generate a key and refuse each other's
    # sign-ins; the generated key still works, so one server on Postgres keeps running.
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://u@h/db")
    with caplog.at_level("WARNING", logger="common_ground.settings"):
        resolved = load_settings(data_dir=tmp_path)
    assert resolved.cookie_key == (tmp_path / "cookie-key").read_text()
    [record] = caplog.records
    assert "COMMON_GROUND_COOKIE_KEY" in record.getMessage()
    assert str(tmp_path / "cookie-key") in record.getMessage()


def test_no_warning_with_a_configured_key_or_on_sqlite(tmp_path, monkeypatch, caplog):
    with caplog.at_level("WARNING", logger="common_ground.settings"):
        load_settings(data_dir=tmp_path)
        monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://u@h/db")
        monkeypatch.setenv("COMMON_GROUND_COOKIE_KEY", "k" * 48)
        load_settings(data_dir=tmp_path)
    assert caplog.records == []


def test_pool_sizes_default_to_the_engine_s_and_come_from_the_environment(tmp_path, monkeypatch):
    from db import engine

    resolved = load_settings(data_dir=tmp_path)
    assert (resolved.db_pool_size, resolved.db_max_overflow) == (
        engine.POOL_SIZE,
        engine.MAX_OVERFLOW,
    )
    monkeypatch.setenv("COMMON_GROUND_DB_POOL_SIZE", "4")
    monkeypatch.setenv("COMMON_GROUND_DB_MAX_OVERFLOW", "0")
    resolved = load_settings(data_dir=tmp_path)
    assert (resolved.db_pool_size, resolved.db_max_overflow) == (4, 0)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("COMMON_GROUND_DB_POOL_SIZE", "0"),
        ("COMMON_GROUND_DB_POOL_SIZE", "ten"),
        ("COMMON_GROUND_DB_MAX_OVERFLOW", "-1"),
    ],
)
def test_a_pool_size_that_is_not_a_count_is_refused_by_name(tmp_path, monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(ValueError, match=name):
        load_settings(data_dir=tmp_path)


def test_no_cookie_key_or_password_is_written_in_the_code():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    sources = [p for d in ("app.py", "settings.py", "runtime.py") for p in [root / d]]
    sources += list((root / "components").glob("*.py")) + list((root / "seed").glob("*.py"))
    for path in sources:
        text = path.read_text()
        assert 'cookie_key="' not in text and 'password="' not in text, path


@pytest.mark.parametrize(
    "key", ["CHANGE-ME", "CHANGE-ME-cookie-key", "change_me_please_0123456789", "short-key"]
)
def test_a_placeholder_or_short_cookie_key_is_refused_with_how_to_make_one(
    tmp_path, monkeypatch, key
):
    monkeypatch.setenv("COMMON_GROUND_COOKIE_KEY", key)
    with pytest.raises(settings.SettingsError, match="openssl rand -base64 48"):
        load_settings(data_dir=tmp_path)


def test_an_empty_stored_cookie_key_is_refused_not_used(tmp_path):
    (tmp_path / "cookie-key").write_text("\n")
    with pytest.raises(settings.SettingsError, match="cookie-key is 0 characters"):
        load_settings(data_dir=tmp_path)


def test_the_data_folder_is_made_private_and_loose_files_in_it_are_closed(tmp_path):
    data = tmp_path / "data"
    load_settings(data_dir=data)
    assert data.stat().st_mode & 0o777 == 0o700
    # An install from before: a world-readable folder and database.
    data.chmod(0o755)
    (data / "common-ground.db").write_text("")
    (data / "common-ground.db").chmod(0o644)
    load_settings(data_dir=data)
    assert data.stat().st_mode & 0o777 == 0o700
    assert (data / "common-ground.db").stat().st_mode & 0o777 == 0o600


def test_migrate_and_serve_refuse_to_start_on_a_placeholder_key(tmp_path):
    env = {
        **os.environ,
        "COMMON_GROUND_DATA_DIR": str(tmp_path),
        "COMMON_GROUND_COOKIE_KEY": "CHANGE-ME-cookie-key",
    }
    env.pop("DATABASE_URL", None)
    for command in (["-m", "db.migrate"], ["-m", "serve", "app.py"]):
        done = subprocess.run(
            [sys.executable, *command],
            cwd=settings.PROJECT_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode != 0, command
        assert "Not started: COMMON_GROUND_COOKIE_KEY is still the placeholder" in done.stderr
        assert "Traceback" not in done.stderr
