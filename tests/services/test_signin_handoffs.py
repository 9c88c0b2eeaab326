"""The one-time handoff a sign-in gives its browser to fetch the HttpOnly cookie with:
once, within a minute, for a login still signed in and active (signin_handoffs.py)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from sqlalchemy import func, select

from db.models import SigninHandoff
from db.models.base import utcnow
from services.accounts import accounts, signin_accounts, signin_handoffs
from services.accounts.signin_accounts import SignedIn
from services.core.actors import SYSTEM

PASSWORD = "correct horse"


def _signed_in(db) -> SignedIn:
    accounts.create_account(
        db,
        SYSTEM,
        accounts.NewAccount(
            username="maria.lopez", display_name="Maria", role="scribe", password=PASSWORD
        ),
    )
    return signin_accounts.sign_in(db, "maria.lopez", PASSWORD)


def test_a_handoff_works_once(db, fast_bcrypt):
    signed = _signed_in(db)
    code = signin_handoffs.issue(db, signed)
    assert signin_handoffs.redeem(db, code) == signed
    assert signin_handoffs.redeem(db, code) is None


def test_a_handoff_expires_after_a_minute(db, fast_bcrypt):
    signed = _signed_in(db)
    now = utcnow()
    code = signin_handoffs.issue(db, signed, now)
    late = now + timedelta(seconds=signin_handoffs.HANDOFF_SECONDS)
    assert signin_handoffs.redeem(db, code, late) is None
    # Used up by the late try too: it does not come back.
    assert signin_handoffs.redeem(db, code, now) is None


def test_two_uses_at_once_find_it_once(db, fast_bcrypt):
    signed = _signed_in(db)
    for _ in range(5):
        code = signin_handoffs.issue(db, signed)
        with ThreadPoolExecutor(2) as pool:
            answers = list(pool.map(lambda c: signin_handoffs.redeem(db, c), [code, code]))
        assert sorted(a is None for a in answers) == [False, True]


def test_a_sign_out_or_deactivation_in_that_minute_ends_the_handoff(db, fast_bcrypt):
    signed = _signed_in(db)
    code = signin_handoffs.issue(db, signed)
    signin_accounts.sign_out(db, signed.username)
    assert signin_handoffs.redeem(db, code) is None
    signed = signin_accounts.sign_in(db, "maria.lopez", PASSWORD)
    code = signin_handoffs.issue(db, signed)
    account = signin_accounts.get_account_by_username(db, "maria.lopez")
    assert account is not None
    accounts.update_account(
        db,
        SYSTEM,
        account.id,
        accounts.AccountFields(display_name="Maria", email="", stakeholder_id=None, active=False),
    )
    assert signin_handoffs.redeem(db, code) is None


def test_garbage_and_unknown_handoffs_are_refused_quietly(db):
    for code in (None, "", "x" * 10_000, 42, "not-a-handoff", "\x00"):
        assert signin_handoffs.redeem(db, code) is None


def test_only_a_digest_is_kept_and_old_handoffs_are_forgotten(db, fast_bcrypt):
    signed = _signed_in(db)
    now = utcnow()
    old = signin_handoffs.issue(db, signed, now - timedelta(minutes=5))
    code = signin_handoffs.issue(db, signed, now)
    with db.read() as s:
        kept = s.scalars(select(SigninHandoff.digest)).all()
        assert s.scalar(select(func.count()).select_from(SigninHandoff)) == 1
    assert code not in kept and old not in kept
