"""Failed sign-ins slow down, then lock, the username and the client address they came from.

The shape of services/core/code_attempts.py, with two differences. The stake is higher (a
facilitator's password, not one of 6.6 × 10^11 codes), so a lock lasts longer: after
`ACCOUNT_FREE_TRIES` wrong passwords for one username every further one locks it for 30 s,
1 min, 2 min… up to `MAX_LOCK` (15 min). And the counts are rows of `signin_throttle`, in
the database every app server shares: counted in each process, a guesser whose tries
land on three servers behind a load balancer would get three times the tries.

The username is counted as typed (lowercased), whether or not such a login exists, so a
lock says nothing about which usernames are real. The client address gets a higher bar
(`ADDRESS_FREE_TRIES`): a room's 60 phones and 10 tablets often reach the server from one
Wi-Fi address, and one scribe's typos must not lock out the rest of the room.

A try while locked is refused at once, without checking the password (a right password let
through would make the lock hold back nobody) and without counting. A lock ends by itself;
the counts are forgotten `FORGET_AFTER` after the last failure, and a right password clears
its username's count (not its address's: signing in to one's own account must not buy a
guesser on the same address fresh tries).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.database import Database
from db.models import SigninThrottle
from db.models.base import utcnow
from db.models.enums import Role
from services.core import audit
from services.core.actors import Actor

ACCOUNT_FREE_TRIES = 5
"""Wrong passwords for one username before it locks."""
ADDRESS_FREE_TRIES = 30
"""The same for one client address, which a whole room may share."""
FIRST_LOCK = timedelta(seconds=30)
MAX_LOCK = timedelta(minutes=15)
FORGET_AFTER = timedelta(hours=1)
"""After this long without a failure, a username or address starts again from zero."""

SIGN_IN = Actor(account_id=None, role=Role.FACILITATOR, name="sign-in")
"""Who the audit trail says recorded a failed sign-in or a lock: nobody signed in yet."""


@dataclass(frozen=True)
class Lock:
    """Why a sign-in must wait, and until when."""

    until: datetime
    by_address: bool

    def seconds_left(self, now: datetime) -> int:
        """Whole seconds, never 0 while any wait is left."""
        return max(1, math.ceil((self.until - now).total_seconds()))


def lock_after(failures: int, free: int) -> timedelta:
    """How long `failures` wrong passwords lock: nothing before `free`, then 30 s, doubling,
    to 15 min."""
    if failures < free:
        return timedelta(0)
    return min(MAX_LOCK, FIRST_LOCK * 2 ** min(failures - free, 16))


def account_key(username: str) -> str:
    return f"account:{username.strip().lower()}"


def address_key(address: str) -> str:
    return f"address:{address}"


def current_lock(
    db: Database, username: str, address: str | None, now: datetime | None = None
) -> Lock | None:
    """The lock that holds this username or address now (the longer of the two), or None."""
    now = now or utcnow()
    with db.read() as s:
        rows = s.scalars(
            select(SigninThrottle).where(SigninThrottle.key.in_(_keys(username, address)))
        )
        locks = [
            Lock(r.locked_until, r.key.startswith("address:"))
            for r in rows
            if r.locked_until is not None and r.locked_until > now
        ]
    return max(locks, key=lambda lock: lock.until, default=None)


def record_failure(
    db: Database,
    username: str,
    address: str | None,
    account_id: int | None,
    now: datetime | None = None,
) -> Lock | None:
    """Count a wrong password; the lock it starts, if any. Failures and locks are audited."""
    now = now or utcnow()
    for attempt in range(3):
        try:
            with db.write() as s:
                return _count(s, username, address, account_id, now)
        except IntegrityError:
            # Another server added the same username's first row at the same moment.
            if attempt == 2:
                raise
    return None


def record_success(db: Database, username: str) -> None:
    """A right password: its username starts again from zero."""
    with db.write() as s:
        s.execute(delete(SigninThrottle).where(SigninThrottle.key == account_key(username)))


def _count(
    s: Session, username: str, address: str | None, account_id: int | None, now: datetime
) -> Lock | None:
    # Rows nobody has failed on for an hour are forgotten; this also bounds the table.
    s.execute(delete(SigninThrottle).where(SigninThrottle.last_failure_at < now - FORGET_AFTER))
    locks: list[Lock] = []
    for key, free in _keys_with_bars(username, address):
        row = s.get(SigninThrottle, key, with_for_update=True)
        if row is None:
            row = SigninThrottle(key=key, failures=0, last_failure_at=now)
            s.add(row)
        row.failures += 1
        row.last_failure_at = now
        wait = lock_after(row.failures, free)
        if wait:
            row.locked_until = until = now + wait
            locks.append(Lock(until, key.startswith("address:")))
        s.flush()
    lock = max(locks, key=lambda found: found.until, default=None)
    detail = {
        "username": username.strip().lower(),
        "address": address or "this computer",
        "known_account": account_id is not None,
    }
    audit.record(
        s,
        SIGN_IN,
        audit.Change(entity="signin", entity_id=account_id or 0, action="failed", detail=detail),
    )
    if lock is not None:
        seconds = math.ceil((lock.until - now).total_seconds())
        audit.record(
            s,
            SIGN_IN,
            audit.Change(
                entity="signin",
                entity_id=account_id or 0,
                action="locked",
                detail={
                    **detail,
                    "seconds": seconds,
                    "by": "address" if lock.by_address else "username",
                },
            ),
        )
    return lock


def _keys_with_bars(username: str, address: str | None) -> list[tuple[str, int]]:
    keys = [(account_key(username), ACCOUNT_FREE_TRIES)]
    if address:
        keys.append((address_key(address), ADDRESS_FREE_TRIES))
    return keys


def _keys(username: str, address: str | None) -> list[str]:
    return [key for key, _free in _keys_with_bars(username, address)]
