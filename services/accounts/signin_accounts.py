"""Signing in, staying signed in by cookie, and signing out.

A sign-in costs one bcrypt check whatever was typed: an unknown or deactivated username
is checked against a dummy hash, so the answer takes as long as for a real login and the
time does not tell which usernames exist. Fields longer than any real username or
password are refused before any work (no hashing, no database). Failed sign-ins are
throttled per username and per client address (services/accounts/signin_throttle.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import bcrypt
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Account
from db.models.base import utcnow
from i18n import N_, _, ngettext
from services.accounts import signin_throttle, signin_tokens
from services.accounts.passwords import PASSWORD_FIELD_MAX
from services.core.actors import Actor
from services.core.errors import ValidationError
from services.core.validation import USERNAME_MAX, lookup_key

USERNAME_FIELD_MAX = 100
"""Characters the sign-in form's username may hold; longer is refused before any work."""

DUMMY_HASH = "$2b$12$yaadyl9RnFYglwMU3T8c8.BfNnKU2vvZ07f9AC74NCaOfhqnh.fr2"
"""What an unknown username's password is checked against: the hash of a random string
nobody kept, at bcrypt's default cost of 12 like every real hash (bcrypt.gensalt())."""

WRONG = N_("That username and password do not match. Check them and try again.")


class SignInRefused(ValidationError):
    """A sign-in that did not happen, with why in words; `wait` seconds when locked."""

    def __init__(self, message: str, wait: int = 0) -> None:
        super().__init__(message)
        self.wait = wait


@dataclass(frozen=True)
class SignedIn:
    """Who signed in, and the token version their cookie must carry."""

    username: str
    version: int


def sign_in(
    db: Database,
    username: str | None,
    password: str | None,
    address: str | None = None,
    now: datetime | None = None,
) -> SignedIn:
    """Check a username and password as typed on the form; SignInRefused says why not."""
    username, password = username or "", password or ""
    if len(username) > USERNAME_FIELD_MAX or len(password) > PASSWORD_FIELD_MAX:
        raise SignInRefused(
            _(
                "A username has at most {username_max} characters and a password at most "
                "{password_max}. Check what was pasted and try again."
            ).format(username_max=USERNAME_FIELD_MAX, password_max=PASSWORD_FIELD_MAX)
        )
    typed = username.strip().lower()
    if not typed or not password:
        raise SignInRefused(_("Type your username and your password, then press Sign in."))
    now = now or utcnow()
    lock = signin_throttle.current_lock(db, typed, address, now)
    if lock is not None:
        raise SignInRefused(_locked_message(lock, now), lock.seconds_left(now))
    with db.read() as s:
        account = _by_username(s, typed)
        found = (account.id, account.password_hash, account.active) if account else None
    if found is None:
        _check(password, DUMMY_HASH)
        account_id, right = None, False
    else:
        account_id, stored, active = found
        right = _check(password, stored) and active
    if not right:
        lock = signin_throttle.record_failure(db, typed, address, account_id, now)
        if lock is not None:
            raise SignInRefused(_locked_message(lock, now), lock.seconds_left(now))
        raise SignInRefused(_(WRONG))
    signin_throttle.record_success(db, typed)
    with db.read() as s:
        account = _by_username(s, typed)
        if account is None:  # deleted by a facilitator since its password was checked
            raise SignInRefused(_(WRONG))
        return SignedIn(account.username, account.token_version)


def cookie_token(signed_in: SignedIn, key: str, days: float) -> tuple[str, datetime]:
    """The sign-in cookie's value for this sign-in, and when it expires."""
    return signin_tokens.issue(signed_in.username, signed_in.version, key, days)


def signed_in_by_cookie(db: Database, token: object, key: str) -> SignedIn | None:
    """The sign-in a cookie stands for, or None: forged, expired, garbage, revoked by
    sign-out or a new password, or of a login deactivated or removed since."""
    claims = signin_tokens.read(token, key)
    if claims is None:
        return None
    with db.read() as s:
        account = _by_username(s, claims.username)
        if account is None or not account.active or account.token_version != claims.version:
            return None
        return SignedIn(account.username, account.token_version)


def sign_out(db: Database, username: str | None) -> None:
    """End every sign-in of this login: each cookie issued so far stops working."""
    login = lookup_key(username, USERNAME_MAX)
    if login is None:
        return
    with db.write() as s:
        account = _by_username(s, login)
        if account is not None:
            account.token_version += 1


def has_active_login(db: Database) -> bool:
    """Whether anyone could sign in at all (an empty install offers first-run setup)."""
    with db.read() as s:
        return s.scalar(select(Account.id).where(Account.active.is_(True)).limit(1)) is not None


def get_account_by_username(db: Database, username: str | None) -> Account | None:
    """The login with this username (any case), or None."""
    with db.read() as s:
        return _by_username(s, username)


def actor_for_username(
    db: Database, username: str | None, version: int | None = None
) -> Actor | None:
    """The Actor for an active login, or None when unknown, deactivated, or (given the
    `version` its session signed in with) signed out or given a new password since."""
    with db.read() as s:
        account = _by_username(s, username)
        if account is None or not account.active:
            return None
        if version is not None and account.token_version != version:
            return None
        return Actor(account.id, account.role, account.display_name)


def _locked_message(lock: signin_throttle.Lock, now: datetime) -> str:
    seconds = lock.seconds_left(now)
    minutes = round(seconds / 60)
    wait = (
        ngettext("{n} second", "{n} seconds", seconds).format(n=seconds)
        if seconds < 90
        else ngettext("{n} minute", "{n} minutes", minutes).format(n=minutes)
    )
    paused = (
        _(
            "Signing in is paused for this network address (many wrong passwords from here). "
            "Wait {wait}, then try again. If you have forgotten your password, a facilitator "
            "can set a new one on Set up › Team and accounts."
        )
        if lock.by_address
        else _(
            "Signing in is paused for this username (several wrong passwords in a row). "
            "Wait {wait}, then try again. If you have forgotten your password, a facilitator "
            "can set a new one on Set up › Team and accounts."
        )
    )
    return paused.format(wait=wait)


def _check(password: str, stored: str) -> bool:
    try:
        return bcrypt.checkpw(password.encode("utf-8", "replace"), stored.encode())
    except ValueError:  # a stored value that is not a bcrypt hash (a test's "x")
        return False


def _by_username(s: Session, username: str | None) -> Account | None:
    login = lookup_key(username, USERNAME_MAX)
    if login is None:
        return None
    return s.scalar(select(Account).where(Account.username == login.lower()))
