"""The demo accounts' password: from DEMO_PASSWORD, else generated once and kept in data/."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

CREDENTIALS_FILE = "demo-credentials.txt"


def demo_password(data_dir: Path) -> tuple[str, bool]:
    """(password, newly generated?) — never a constant in the code."""
    given = os.environ.get("DEMO_PASSWORD")
    if given:
        return given, False
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
    path.write_text(
        "Demo accounts of Common Ground (every account has the same password).\n"
        f"usernames: {', '.join(usernames)}\n"
        f"password: {password}\n"
    )
    path.chmod(0o600)
    return path
