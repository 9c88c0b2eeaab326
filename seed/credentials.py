"""The demo accounts' password: from DEMO_PASSWORD, else generated once and kept in data/."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

CREDENTIALS_FILE = "demo-credentials.txt"


def password_is_chosen() -> bool:
    """Whether the operator chose the demo password with DEMO_PASSWORD."""
    return bool(os.environ.get("DEMO_PASSWORD"))


def demo_password(data_dir: Path) -> tuple[str, bool]:
    """(password, newly generated?) — never a constant in the code."""
    if password_is_chosen():
        return os.environ["DEMO_PASSWORD"], False
    path = data_dir / CREDENTIALS_FILE
    if path.exists():
        for line in path.read_text().splitlines():
            if line.startswith("password: "):
                return line.removeprefix("password: "), False
    return secrets.token_urlsafe(12), True


def write_credentials(data_dir: Path, password: str, usernames: list[str]) -> Path:
    """Keep the generated password where only this machine's user can read it."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / CREDENTIALS_FILE
    path.unlink(missing_ok=True)
    # Owner-only from the start: a chmod after writing leaves a moment it is readable.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(
            "Demo accounts of Common Ground (every account has the same password).\n"
            f"usernames: {', '.join(usernames)}\n"
            f"password: {password}\n"
        )
    return path


def forget_credentials(data_dir: Path) -> None:
    """Delete the kept password once the demo's logins are gone."""
    (data_dir / CREDENTIALS_FILE).unlink(missing_ok=True)
