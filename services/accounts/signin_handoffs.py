"""A sign-in's one-time handoff: how the browser comes to hold an HttpOnly sign-in cookie.

The sign-in form runs inside the page's websocket, which cannot set a cookie; scripts
cannot set an HttpOnly one. So a sign-in issues a handoff: a random 256-bit code the page
posts at once to the server's own route (signin_routes.py), which answers with the cookie.

A handoff works once and for `HANDOFF_SECONDS` only, on whichever app server the browser
reaches: it is a row of `signin_handoff` in the database they share, and redeeming it
deletes the row in the same statement that reads it, so two uses racing each other find
it once between them. Only its SHA-256 digest is stored, so a copy of the table signs
nobody in. It is checked against the login again when redeemed: a sign-out, a new
password or a deactivation in that minute ends it too.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete

from db.database import Database
from db.models import SigninHandoff
from db.models.base import utcnow
from services.accounts import signin_accounts
from services.accounts.signin_accounts import SignedIn

HANDOFF_SECONDS = 60
"""How long a handoff waits for its browser; the page posts it within a second."""
HANDOFF_MAX = 100
"""Characters a handoff may have; a real one has 43. Longer is refused before any work."""


def issue(db: Database, signed: SignedIn, now: datetime | None = None) -> str:
    """A fresh handoff for this sign-in; handoffs nobody used are forgotten here."""
    now = now or utcnow()
    code = secrets.token_urlsafe(32)
    with db.write() as s:
        s.execute(delete(SigninHandoff).where(SigninHandoff.expires_at <= now))
        s.add(
            SigninHandoff(
                digest=_digest(code),
                username=signed.username,
                token_version=signed.version,
                expires_at=now + timedelta(seconds=HANDOFF_SECONDS),
            )
        )
    return code


def redeem(db: Database, code: object, now: datetime | None = None) -> SignedIn | None:
    """The sign-in a handoff stands for, used up by this call; None when it was used
    already, expired, unknown or garbage, or its login signed out or was deactivated."""
    if not isinstance(code, str) or not code or len(code) > HANDOFF_MAX:
        return None
    now = now or utcnow()
    with db.write() as s:
        taken = s.execute(
            delete(SigninHandoff)
            .where(SigninHandoff.digest == _digest(code))
            .returning(
                SigninHandoff.username, SigninHandoff.token_version, SigninHandoff.expires_at
            )
        ).first()
    if taken is None or taken.expires_at <= now:
        return None
    current = signin_accounts.get_account_by_username(db, taken.username)
    if current is None or not current.active or current.token_version != taken.token_version:
        return None
    return SignedIn(current.username, current.token_version)


def _digest(code: str) -> str:
    return hashlib.sha256(code.encode("utf-8", "replace")).hexdigest()
