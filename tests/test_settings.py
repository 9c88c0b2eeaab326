"""settings.py: one resolution order, and a cookie key that is never a constant."""

from __future__ import annotations

import pytest

import settings
from settings import load_settings


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DATABASE_URL", "COMMON_GROUND_DATA_DIR", "COMMON_GROUND_COOKIE_KEY"):
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


def test_no_cookie_key_or_password_is_written_in_the_code():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    sources = [p for d in ("app.py", "settings.py", "runtime.py") for p in [root / d]]
    sources += list((root / "components").glob("*.py")) + list((root / "seed").glob("*.py"))
    for path in sources:
        text = path.read_text()
        assert 'cookie_key="' not in text and 'password="' not in text, path
