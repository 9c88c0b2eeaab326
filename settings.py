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


def _stored_cookie_key(data_dir: Path) -> str:
    """The cookie key kept in data/, made once with a cryptographic generator."""
    path = data_dir / "cookie-key"
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(32)
    path.write_text(key)
    path.chmod(0o600)
    return key
