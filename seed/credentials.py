"""The demo logins' passwords: DEMO_PASSWORD for all when set, else each its own, kept in data/."""

from __future__ import annotations

import os
from pathlib import Path

CREDENTIALS_FILE = "demo-credentials.txt"


def password_is_chosen() -> bool:
    """Whether the operator chose one password for every demo login with DEMO_PASSWORD."""
    return bool(os.environ.get("DEMO_PASSWORD"))


def chosen_password() -> str | None:
    """DEMO_PASSWORD, or None: then each login gets its own generated password."""
    return os.environ.get("DEMO_PASSWORD") or None


def write_credentials(data_dir: Path, passwords: dict[str, str]) -> Path:
    """Keep the generated passwords where only this machine's user can read them."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / CREDENTIALS_FILE
    path.unlink(missing_ok=True)
    # Owner-only from the start: a chmod after writing leaves a moment it is readable.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write("Demo accounts of Common Ground: each login has its own password.\n")
        out.writelines(f"{username}: {password}\n" for username, password in passwords.items())
    return path


def read_credentials(data_dir: Path) -> dict[str, str]:
    """The kept passwords by username; empty when none are kept."""
    path = data_dir / CREDENTIALS_FILE
    if not path.exists():
        return {}
    kept = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        username, sep, password = line.partition(": ")
        if sep:
            kept[username] = password
    return kept


def forget_credentials(data_dir: Path) -> None:
    """Delete the kept passwords once the demo's logins are gone."""
    (data_dir / CREDENTIALS_FILE).unlink(missing_ok=True)
