"""The sign-in cookie's token: a JWT, HS256 only, naming the login and its token version.

The version is the account's `token_version`; sign-out and a new password raise it, so a
token copied before either stops working (services/accounts/signin_accounts.py checks it). Only
HS256 is accepted: a token claiming "none", HS512 or anything else is refused, as is one
without an expiry, expired, over-long, or not a JWT at all. Refusal is None, never an
exception: a broken cookie must sign the browser out, not break the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import jwt

from db.models.base import utcnow

ALGORITHM = "HS256"
TOKEN_MAX = 2048
"""Characters a token may have; a real one has about 200."""


@dataclass(frozen=True)
class TokenClaims:
    """What a valid token says: who, which version of their sign-ins, until when."""

    username: str
    version: int
    expires: datetime


def issue(
    username: str, version: int, key: str, days: float, now: datetime | None = None
) -> tuple[str, datetime]:
    """A signed token for this login and version, and when it expires."""
    now = now or utcnow()
    expires = now + timedelta(days=days)
    claims = {"sub": username, "ver": version, "iat": now, "exp": expires}
    return jwt.encode(claims, key, algorithm=ALGORITHM), expires


def read(token: object, key: str) -> TokenClaims | None:
    """The claims of a genuine, unexpired token signed with `key`; None for anything else."""
    if not isinstance(token, str) or not token or len(token) > TOKEN_MAX:
        return None
    try:
        claims = jwt.decode(
            token, key, algorithms=[ALGORITHM], options={"require": ["sub", "ver", "exp"]}
        )
    except jwt.PyJWTError:
        return None
    username, version = claims.get("sub"), claims.get("ver")
    if not isinstance(username, str) or type(version) is not int:
        return None
    return TokenClaims(username, version, datetime.fromtimestamp(claims["exp"], tz=utcnow().tzinfo))
