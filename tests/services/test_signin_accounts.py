"""Signing in: throttling and lockout, equal work for unknown usernames, field limits,
revocable cookie tokens (what a scanner of a running install found, issue "Safe with files
and people from outside")."""

from __future__ import annotations

import time
from datetime import timedelta

import bcrypt
import jwt
import pytest
from sqlalchemy import select

from db.models import AuditEntry, SigninThrottle
from db.models.base import utcnow
from db.models.enums import Role
from services.accounts import accounts, signin_accounts, signin_throttle, signin_tokens
from services.accounts.signin_accounts import SignInRefused
from services.core.actors import SYSTEM, Actor
from tests.factories import account_of, build_room

# On Postgres too: throttle rows under row locks and integrity retries; usernames in any case.
pytestmark = pytest.mark.both_databases

PASSWORD = "correct horse"
KEY = "a-test-cookie-key-" * 4  # 72 bytes: long enough for HS512 too, no warning
ROOM_WIFI = "10.0.0.7"


def _scribe(db, username="maria.lopez"):
    return accounts.create_account(
        db,
        SYSTEM,
        accounts.NewAccount(
            username=username, display_name="Maria", role="scribe", password=PASSWORD
        ),
    )


def _wrong(db, username="maria.lopez", address: str | None = ROOM_WIFI, now=None) -> SignInRefused:
    with pytest.raises(SignInRefused) as refused:
        signin_accounts.sign_in(db, username, "not the password", address, now)
    return refused.value


@pytest.fixture
def checks(monkeypatch):
    """Every bcrypt check sign_in makes, counted (the real check still runs)."""
    made: list[bytes] = []
    real = bcrypt.checkpw

    def counting(password: bytes, hashed: bytes) -> bool:
        made.append(hashed)
        return real(password, hashed)

    monkeypatch.setattr(signin_accounts.bcrypt, "checkpw", counting)
    return made


# --- throttling and lockout -------------------------------------------------------------


def test_five_wrong_passwords_lock_the_username_even_for_the_right_one(db, fast_bcrypt):
    _scribe(db)
    now = utcnow()
    for _ in range(4):
        assert _wrong(db, now=now).message == signin_accounts.WRONG
    locked = _wrong(db, now=now)
    assert "paused for this username" in locked.message and "Wait 30 seconds" in locked.message
    with pytest.raises(SignInRefused, match="Wait 30 seconds") as refused:
        signin_accounts.sign_in(db, "maria.lopez", PASSWORD, ROOM_WIFI, now)
    assert refused.value.wait == 30
    # Another address is held back too: the lock is the username's.
    with pytest.raises(SignInRefused, match="paused"):
        signin_accounts.sign_in(db, "Maria.Lopez", PASSWORD, "192.0.2.1", now)


def test_a_lock_ends_by_itself_and_grows_to_fifteen_minutes(db, fast_bcrypt):
    _scribe(db)
    now = utcnow()
    for _ in range(5):
        _wrong(db, now=now)
    later = now + timedelta(seconds=31)
    assert signin_accounts.sign_in(db, "maria.lopez", PASSWORD, ROOM_WIFI, later)
    # The right password cleared the username's count: typos start again from zero.
    for _ in range(4):
        assert _wrong(db, now=later).message == signin_accounts.WRONG
    waits = [signin_throttle.lock_after(n, 5).total_seconds() for n in range(4, 12)]
    assert waits == [0, 30, 60, 120, 240, 480, 900, 900]


def test_tries_during_a_lock_are_neither_checked_nor_counted(db, fast_bcrypt, checks):
    _scribe(db)
    now = utcnow()
    for _ in range(5):
        _wrong(db, now=now)
    made = len(checks)
    for _ in range(3):
        _wrong(db, now=now + timedelta(seconds=5))
    assert len(checks) == made
    with db.read() as s:
        assert s.get(SigninThrottle, "account:maria.lopez").failures == 5


def test_an_unknown_username_locks_the_same_way(db, fast_bcrypt):
    now = utcnow()
    messages = [_wrong(db, "nobody.here", now=now).message for _ in range(5)]
    assert messages[:4] == [signin_accounts.WRONG] * 4
    assert "paused for this username" in messages[4]


def test_a_shared_room_address_gets_a_higher_bar_then_locks_everyone_behind_it(db, fast_bcrypt):
    _scribe(db)
    now = utcnow()
    # Thirty people each mistyping once from the venue's Wi-Fi: nobody is held back...
    for n in range(signin_throttle.ADDRESS_FREE_TRIES - 1):
        assert _wrong(db, f"typo{n}", now=now).message == signin_accounts.WRONG
    assert signin_accounts.sign_in(db, "maria.lopez", PASSWORD, ROOM_WIFI, now)
    # ...but a script spraying usernames from it is.
    locked = _wrong(db, "one.more", now=now)
    assert "paused for this network address" in locked.message
    with pytest.raises(SignInRefused, match="network address"):
        signin_accounts.sign_in(db, "maria.lopez", PASSWORD, ROOM_WIFI, now)
    assert signin_accounts.sign_in(db, "maria.lopez", PASSWORD, "192.0.2.9", now)


def test_failures_and_locks_are_in_the_audit_log(db, fast_bcrypt):
    made = _scribe(db)
    now = utcnow()
    for _ in range(5):
        _wrong(db, now=now)
    with db.read() as s:
        query = select(AuditEntry).where(AuditEntry.entity == "signin").order_by(AuditEntry.id)
        entries = list(s.scalars(query))
    assert [e.action for e in entries] == ["failed"] * 5 + ["locked"]
    assert {e.entity_id for e in entries} == {made.id}
    assert entries[-1].detail == {
        "username": "maria.lopez",
        "address": ROOM_WIFI,
        "known_account": True,
        "seconds": 30,
        "by": "username",
    }


def test_the_counts_are_kept_in_the_database_every_server_shares(db, fast_bcrypt):
    _scribe(db)
    now = utcnow()
    for _ in range(3):
        _wrong(db, now=now)
    # A second app server is a second Database over the same tables.
    other = type(db).from_url(db.engine.url.render_as_string(hide_password=False))
    try:
        for _ in range(2):
            _wrong(other, now=now)
    finally:
        other.dispose()
    assert signin_throttle.current_lock(db, "maria.lopez", None, now) is not None


# --- the same work for unknown and known usernames ---------------------------------------


def test_an_unknown_or_deactivated_username_costs_one_bcrypt_check_like_a_real_one(
    db, fast_bcrypt, checks
):
    room = build_room(db)
    _scribe(db)
    accounts.update_account(
        db,
        room.facilitator,
        account_of(room.scribe1),
        accounts.AccountFields(display_name="S1", email="", stakeholder_id=None, active=False),
    )
    for username in ("maria.lopez", "nobody", "s1", "x" * 90):
        before = len(checks)
        _wrong(db, username, address=None)
        assert len(checks) == before + 1, username
    assert checks[1] == signin_accounts.DUMMY_HASH.encode()


def test_the_dummy_hash_costs_what_a_real_hash_costs(db):
    real_cost = bcrypt.gensalt().decode().split("$")[2]
    assert signin_accounts.DUMMY_HASH.split("$")[2] == real_cost == "12"


def test_an_unknown_username_answers_as_slowly_as_a_real_one(db):
    # Real cost 12 hashes here (no fast_bcrypt): the scanner saw 22 ms against 566 ms.
    _scribe(db)

    def timed(username: str) -> float:
        start = time.perf_counter()
        _wrong(db, username, address=None)
        return time.perf_counter() - start

    # Interleaved, and the quickest of four each: a busy machine only ever adds time.
    pairs = [(timed("maria.lopez"), timed(f"nobody{n}")) for n in range(4)]
    known, unknown = min(k for k, _ in pairs), min(u for _, u in pairs)
    assert 1 / 3 < unknown / known < 3, (known, unknown)


# --- field limits ------------------------------------------------------------------------


def test_over_long_fields_are_refused_before_any_hashing_or_lookup(db, checks):
    _scribe(db)
    for username, password in [("a" * 101, PASSWORD), ("maria.lopez", "p" * 201)]:
        with pytest.raises(SignInRefused, match="at most 100 characters"):
            signin_accounts.sign_in(db, username, password, ROOM_WIFI)
    big = "x" * 10_000_000
    with pytest.raises(SignInRefused, match="at most 100"):
        signin_accounts.sign_in(db, big, big, ROOM_WIFI)
    assert checks == []
    with db.read() as s:
        assert s.scalars(select(SigninThrottle)).all() == []


def test_limits_at_the_edge_are_still_checked(db, fast_bcrypt, checks):
    _scribe(db)
    assert _wrong(db, "a" * 100).message == signin_accounts.WRONG
    with pytest.raises(SignInRefused, match="do not match"):
        signin_accounts.sign_in(db, "maria.lopez", "p" * 200, ROOM_WIFI)
    assert len(checks) == 2


# --- revocable tokens ---------------------------------------------------------------------


def _cookie_for(db, username="maria.lopez") -> str:
    signed = signin_accounts.sign_in(db, username, PASSWORD, None)
    return signin_accounts.cookie_token(signed, KEY, days=1)[0]


def test_a_cookie_signs_in_until_sign_out_even_a_copy_of_it(db, fast_bcrypt):
    _scribe(db)
    cookie = _cookie_for(db)
    signed = signin_accounts.signed_in_by_cookie(db, cookie, KEY)
    assert signed is not None and signed.username == "maria.lopez"
    signin_accounts.sign_out(db, "maria.lopez")
    assert signin_accounts.signed_in_by_cookie(db, cookie, KEY) is None
    fresh = _cookie_for(db)
    assert signin_accounts.signed_in_by_cookie(db, fresh, KEY) is not None


def test_a_new_password_revokes_cookies_and_live_sessions(db, fast_bcrypt):
    room = build_room(db)
    made = _scribe(db)
    cookie = _cookie_for(db)
    signed = signin_accounts.signed_in_by_cookie(db, cookie, KEY)
    assert signed is not None
    version = signed.version
    assert signin_accounts.actor_for_username(db, "maria.lopez", version) is not None
    accounts.set_password(db, room.facilitator, made.id, "a brand new passphrase")
    assert signin_accounts.signed_in_by_cookie(db, cookie, KEY) is None
    assert signin_accounts.actor_for_username(db, "maria.lopez", version) is None


def test_a_cookie_of_a_deactivated_or_removed_login_signs_in_nobody(db, fast_bcrypt):
    room = build_room(db)
    made = _scribe(db)
    cookie = _cookie_for(db)
    accounts.update_account(
        db,
        room.facilitator,
        made.id,
        accounts.AccountFields(display_name="Maria", email="", stakeholder_id=None, active=False),
    )
    assert signin_accounts.signed_in_by_cookie(db, cookie, KEY) is None
    accounts.delete_account(db, room.facilitator, made.id)
    assert signin_accounts.signed_in_by_cookie(db, cookie, KEY) is None


def _forged(db) -> dict[str, object]:
    claims = {"sub": "maria.lopez", "ver": 0, "exp": utcnow() + timedelta(days=1)}
    return {
        "alg none": jwt.encode(claims, None, algorithm="none"),
        "HS512 with the right key": jwt.encode(claims, KEY, algorithm="HS512"),
        "another key": jwt.encode(claims, KEY.upper(), algorithm="HS256"),
        "expired": jwt.encode({**claims, "exp": utcnow() - timedelta(seconds=1)}, KEY),
        "no expiry": jwt.encode({"sub": "maria.lopez", "ver": 0}, KEY),
        "no version": jwt.encode({"sub": "maria.lopez", "exp": claims["exp"]}, KEY),
        "version as text": jwt.encode({**claims, "ver": "0"}, KEY),
        "the old library's shape": jwt.encode(
            {"username": "maria.lopez", "exp_date": 9e9}, KEY, algorithm="HS256"
        ),
        "garbage": "not.a.jwt",
        "empty": "",
        "huge": "a" * 100_000,
        "not text": 12,
    }


def test_forged_expired_and_garbage_cookies_sign_in_nobody_and_raise_nothing(db, fast_bcrypt):
    _scribe(db)
    genuine = jwt.encode({"sub": "maria.lopez", "ver": 0, "exp": utcnow() + timedelta(days=1)}, KEY)
    assert signin_accounts.signed_in_by_cookie(db, genuine, KEY) is not None
    for name, token in _forged(db).items():
        assert signin_accounts.signed_in_by_cookie(db, token, KEY) is None, name


def test_a_token_names_its_login_version_and_expiry(db):
    token, expires = signin_tokens.issue("ana", 3, KEY, days=0.5)
    claims = signin_tokens.read(token, KEY)
    assert claims is not None
    assert (claims.username, claims.version) == ("ana", 3)
    assert abs((claims.expires - expires).total_seconds()) < 1
    assert jwt.get_unverified_header(token)["alg"] == "HS256"


# --- what was here before -----------------------------------------------------------------


def test_a_deactivated_account_cannot_sign_in(db, fast_bcrypt):
    room = build_room(db)
    _scribe(db)
    made = signin_accounts.get_account_by_username(db, "maria.lopez")
    assert made is not None
    accounts.update_account(
        db,
        room.facilitator,
        made.id,
        accounts.AccountFields(display_name="Maria", email="", stakeholder_id=None, active=False),
    )
    assert signin_accounts.actor_for_username(db, "maria.lopez") is None
    with pytest.raises(SignInRefused, match="do not match"):
        signin_accounts.sign_in(db, "maria.lopez", PASSWORD)
    stored = signin_accounts.get_account_by_username(db, "maria.lopez")
    assert stored is not None and stored.active is False


def test_an_actor_for_a_known_active_username_and_none_otherwise(db):
    room = build_room(db)
    assert signin_accounts.actor_for_username(db, " LEAD ") == Actor(
        room.leader.account_id, Role.LEADER, "Lead"
    )
    assert signin_accounts.actor_for_username(db, "nobody") is None
    assert signin_accounts.actor_for_username(db, None) is None
