"""One place resolves configuration: argument, then environment, then st.secrets, then default.

Streamlit is imported only to read `st.secrets`, and only when a secrets file exists,
so Alembic, the seed and the tests never need it.
"""

from __future__ import annotations

import logging
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent
DEFAULT_POOL_SIZE = 10  # db/engine.py's POOL_SIZE; settings stays free of SQLAlchemy
DEFAULT_MAX_OVERFLOW = 20

_LOG = logging.getLogger("common_ground.settings")
MIN_COOKIE_KEY = 16
"""Characters a configured cookie key needs at least; `openssl rand -base64 48` gives 64."""


class SettingsError(ValueError):
    """A setting the app must not start with; the message says how to fix it."""


@dataclass(frozen=True)
class Settings:
    """Resolved configuration for one process."""

    database_url: str
    data_dir: Path
    cookie_key: str
    cookie_name: str
    cookie_expiry_days: float
    public_url: str
    """The address phones and tablets use; '' means the one the browser used."""
    db_pool_size: int = DEFAULT_POOL_SIZE
    """Postgres connections this process keeps open."""
    db_max_overflow: int = DEFAULT_MAX_OVERFLOW
    """Postgres connections this process may open beyond the pool at a peak."""


def load_settings(database_url: str | None = None, data_dir: Path | None = None) -> Settings:
    """Resolve every setting; generates and keeps a cookie key under data/ if none is set.

    Over a shared database without a configured cookie key it logs a warning: a key made
    in one machine's data folder is not the key of the other app servers.
    """
    data = data_dir or Path(_lookup("COMMON_GROUND_DATA_DIR", str(PROJECT_ROOT / "data")))
    url = database_url or _lookup("DATABASE_URL", default_database_url(data))
    configured_key = _lookup("COMMON_GROUND_COOKIE_KEY", "")
    if configured_key:
        _refuse_weak_key(configured_key, "COMMON_GROUND_COOKIE_KEY")
    private_folder(data)
    if not configured_key and not url.startswith("sqlite"):
        _LOG.warning(UNSHARED_KEY_WARNING, data / "cookie-key")
    return Settings(
        database_url=url,
        data_dir=data,
        cookie_key=configured_key or _stored_cookie_key(data),
        cookie_name=_lookup("COMMON_GROUND_COOKIE_NAME", "common_ground_auth"),
        cookie_expiry_days=float(_lookup("COMMON_GROUND_COOKIE_DAYS", "1")),
        public_url=_lookup("COMMON_GROUND_PUBLIC_URL", "").rstrip("/"),
        db_pool_size=_count("COMMON_GROUND_DB_POOL_SIZE", DEFAULT_POOL_SIZE, least=1),
        db_max_overflow=_count("COMMON_GROUND_DB_MAX_OVERFLOW", DEFAULT_MAX_OVERFLOW, least=0),
    )


UNSHARED_KEY_WARNING = (
    "COMMON_GROUND_COOKIE_KEY is not set, so sign-in cookies are signed with the key kept "
    "in %s. An app server on another machine makes its own key and will not accept them. "
    "Set COMMON_GROUND_COOKIE_KEY to the same secret on every app server (deploy/README.md)."
)


def default_database_url(data_dir: Path) -> str:
    """The embedded default: a SQLite file under the data folder."""
    return f"sqlite:///{data_dir / 'common-ground.db'}"


def _lookup(name: str, default: str) -> str:
    value = os.environ.get(name)
    if value:
        return value
    secret = _secret(name)
    return str(secret) if secret else default


def _count(name: str, default: int, least: int) -> int:
    raw = _lookup(name, str(default))
    try:
        value = int(raw)
    except ValueError:
        value = least - 1
    if value < least:
        raise ValueError(f"{name} must be a whole number of at least {least}; it is {raw!r}.")
    return value


def _secret(name: str) -> Any:
    candidates = [
        PROJECT_ROOT / ".streamlit" / "secrets.toml",
        Path.home() / ".streamlit" / "secrets.toml",
    ]
    if not any(p.exists() for p in candidates):
        return None
    import streamlit as st  # noqa: PLC0415 - only when a secrets file exists

    try:
        return st.secrets.get(name) or st.secrets.get(name.lower())
    except Exception:
        return None


def _refuse_weak_key(key: str, where: str) -> None:
    """Refuse a key copied from an example file, or one short enough to guess."""
    if "CHANGE-ME" in key.upper().replace("_", "-"):
        raise SettingsError(
            f"{where} is still the placeholder from the example file. Make a real key once "
            "with `openssl rand -base64 48` and set the same one on every app server."
        )
    if len(key.strip()) < MIN_COOKIE_KEY:
        raise SettingsError(
            f"{where} is {len(key.strip())} characters long; a cookie key needs at least "
            f"{MIN_COOKIE_KEY}. Make one with `openssl rand -base64 48`."
        )


def private_folder(folder: Path) -> Path:
    """`folder`, made if missing, readable by this user only (it holds contact details,
    password hashes and keys); files already in it that others could read are closed too."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if _mine(folder):
        folder.chmod(0o700)
        for path in folder.iterdir():
            loose = path.is_file() and not path.is_symlink() and path.stat().st_mode & 0o077
            if loose and _mine(path):
                path.chmod(0o600)
    return folder


def _mine(path: Path) -> bool:
    # Windows has no owners or modes to speak of here; elsewhere touch only our own files.
    getuid = getattr(os, "getuid", None)
    return getuid is not None and path.stat().st_uid == getuid()


def _stored_cookie_key(data_dir: Path) -> str:
    """The cookie key kept in data/, made once with a cryptographic generator."""
    path = private_folder(data_dir) / "cookie-key"
    if path.exists():
        key = path.read_text().strip()
        _refuse_weak_key(key, str(path))
        return key
    key = secrets.token_urlsafe(32)
    # Owner-only from the first byte: a chmod after writing leaves a moment it is readable.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as out:
        out.write(key)
    return key
