"""Signing in: finding a login by username and what the sign-in widget needs."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Account
from services.actors import Actor
from services.validation import USERNAME_MAX, lookup_key


def get_account_by_username(db: Database, username: str | None) -> Account | None:
    """The login with this username (any case), or None."""
    with db.read() as s:
        return _by_username(s, username)


def authenticator_credentials(db: Database) -> dict[str, Any]:
    """Active logins in the shape streamlit-authenticator 0.4.2 takes as `credentials`."""
    with db.read() as s:
        accounts = s.scalars(select(Account).where(Account.active.is_(True)))
        users = {
            a.username: {
                "name": a.display_name,
                "email": a.email,
                "password": a.password_hash,
                "roles": [a.role.value],
            }
            for a in accounts
        }
    return {"usernames": users}


def actor_for_username(db: Database, username: str | None) -> Actor | None:
    """The Actor for an active login, or None when unknown or deactivated."""
    with db.read() as s:
        account = _by_username(s, username)
        if account is None or not account.active:
            return None
        return Actor(account.id, account.role, account.display_name)


def _by_username(s: Session, username: str | None) -> Account | None:
    login = lookup_key(username, USERNAME_MAX)
    if login is None:
        return None
    return s.scalar(select(Account).where(Account.username == login.lower()))
