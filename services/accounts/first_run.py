"""The first facilitator of an empty install, let in by a one-time setup code.

With no account nobody can sign in, so someone must be let in without one. Not whoever
opens the page first (a stranger on the room's network could): the person at the
terminal that started the app, who reads the code the start printed. The code is kept in
the data folder, readable by this machine's user only, and goes once an account exists.
"""

from __future__ import annotations

import hmac
import os
import secrets
import stat
import threading
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from db.database import Database
from db.models import Account
from db.models.enums import Role
from i18n import _
from services.accounts import accounts
from services.core.actors import Actor
from services.core.errors import NotAllowedNow, ValidationError

SETUP_CODE_FILE = "setup-code"
# Crockford's base32: no I, L, O or U, so what is read aloud or copied by hand survives.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_GROUPS, _GROUP_LEN = 4, 4  # 16 characters of 5 bits: 80 random bits
_LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})

FIRST_RUN = Actor(account_id=None, role=Role.FACILITATOR, name="first-run setup")
"""Who the audit trail says opened the first account."""

# Two submissions at once (a double click) must not both find "no account yet".
_FIRST_ACCOUNT = threading.Lock()


def setup_code_path(data_dir: Path) -> Path:
    """Where the code waits: the data folder, beside the cookie key."""
    return data_dir / SETUP_CODE_FILE


def has_accounts(db: Database) -> bool:
    """Whether any login exists, active or not."""
    with db.read() as s:
        return s.scalar(select(Account.id).limit(1)) is not None


def prepare_setup_code(db: Database, data_dir: Path) -> str | None:
    """At start: the code to print while there is no account (made once, kept), else None.

    A restart before the first account keeps the code, so a link already printed still
    works. Once any account exists, a code left behind is deleted.
    """
    if not first_account_needed(db, data_dir):
        return None
    path = setup_code_path(data_dir)
    existing = _read_code(path)
    if existing is not None:
        return grouped(existing)
    path.unlink(missing_ok=True)  # unreadable, empty, or readable by others: replace it
    data_dir.mkdir(parents=True, exist_ok=True)
    code = _new_code()
    try:
        # Created owner-only from the first byte; O_EXCL: a server starting beside us wins.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        existing = _read_code(path)
        return grouped(existing) if existing else None
    with os.fdopen(descriptor, "w", encoding="ascii") as out:
        out.write(grouped(code) + "\n")
    return grouped(code)


def first_account_needed(db: Database, data_dir: Path) -> bool:
    """True while there is no account; otherwise also deletes a code left behind."""
    if not has_accounts(db):
        return True
    setup_code_path(data_dir).unlink(missing_ok=True)
    return False


@dataclass(frozen=True, slots=True, kw_only=True)
class FirstLogin:
    """The first facilitator's login as typed on the setup page, the password twice."""

    username: str
    display_name: str
    password: str
    password_again: str


def create_first_facilitator(db: Database, data_dir: Path, code: str, login: FirstLogin) -> Account:
    """Open the install's first login, a facilitator, for whoever holds the setup code."""
    with _FIRST_ACCOUNT:
        if has_accounts(db):
            raise NotAllowedNow(
                _(
                    "This install already has an account, so the setup link is used up. Sign in on "
                    "the home page, or ask a facilitator to open an account for you."
                )
            )
        expected = _read_code(setup_code_path(data_dir))
        if expected is None:
            raise NotAllowedNow(
                _(
                    "No setup code is waiting. Stop the app and start it again with `make run`, "
                    "then open the link it prints in the terminal."
                )
            )
        if not hmac.compare_digest(normalise_code(code).encode(), expected.encode()):
            raise ValidationError(
                _(
                    "That setup code is not right. Open the link printed in the terminal where the "
                    "app was started (`make run`), or copy the code from there."
                )
            )
        if login.password != login.password_again:
            raise ValidationError(_("The two passwords differ. Type the same password twice."))
        account = accounts.create_account(
            db,
            FIRST_RUN,
            accounts.NewAccount(
                username=login.username,
                display_name=login.display_name,
                role=Role.FACILITATOR,
                password=login.password,
            ),
        )
        setup_code_path(data_dir).unlink(missing_ok=True)
        return account


def normalise_code(typed: str | None) -> str:
    """The code as stored: capitals, no dashes or spaces, look-alike letters read as digits."""
    kept = "".join(c for c in (typed or "").upper() if c != "-" and not c.isspace())
    return kept.translate(_LOOK_ALIKES)


def grouped(code: str) -> str:
    """The code in groups of four, as printed: easier to read and to compare by eye."""
    return "-".join(code[i : i + _GROUP_LEN] for i in range(0, len(code), _GROUP_LEN))


def _new_code() -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(_GROUPS * _GROUP_LEN))


def _read_code(path: Path) -> str | None:
    """The stored code, normalised; None when missing, empty, or readable by others."""
    try:
        if stat.S_IMODE(path.stat().st_mode) & 0o077:
            return None
        code = normalise_code(path.read_text(encoding="ascii").strip())
    except (OSError, UnicodeDecodeError):
        return None
    return code or None
