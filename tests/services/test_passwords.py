"""The password rule, wherever a password is set: common and guessable ones are refused with
advice, over-long ones before any work."""

from __future__ import annotations

import pytest

from services.accounts import accounts, passwords, signin_accounts
from services.core.actors import SYSTEM
from services.core.errors import ValidationError
from tests.factories import account_of, build_room

pytestmark = pytest.mark.usefixtures("fast_bcrypt")


@pytest.mark.parametrize(
    ("weak", "advice"),
    [
        ("aaaaaaaaaa", "Repeats like"),  # found accepted on a running install
        ("password12", "very common password"),
        ("qwertyuiop", "common password"),
        ("maria.lopez", "is the username or the name"),
        ("MariaLopez2024", "too easy to guess"),
    ],
)
def test_a_common_or_guessable_password_is_refused_with_advice(db, weak, advice):
    with pytest.raises(ValidationError, match=advice) as refused:
        accounts.create_account(
            db,
            SYSTEM,
            accounts.NewAccount(
                username="maria.lopez", display_name="Maria Lopez", role="scribe", password=weak
            ),
        )
    assert "password" in refused.value.message.lower()
    assert signin_accounts.get_account_by_username(db, "maria.lopez") is None


def test_a_facilitators_reset_follows_the_same_rule(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="very common password"):
        accounts.set_password(db, room.facilitator, account_of(room.scribe1), "password12")
    made = accounts.create_account(
        db,
        SYSTEM,
        accounts.NewAccount(
            username="maria.lopez", display_name="Maria", role="scribe", password="amber tram 70"
        ),
    )
    with pytest.raises(ValidationError, match="username or the name"):
        accounts.set_password(db, room.facilitator, made.id, "Maria.Lopez")
    accounts.set_password(db, room.facilitator, made.id, "amber tram seventy")


def test_a_password_made_of_unrelated_words_passes(db):
    passwords.check_new_password("lamp river cactus ticket", ["maria.lopez", "Maria Lopez"])


def test_an_over_long_password_is_refused_before_scoring_or_hashing(db, monkeypatch):
    def must_not_run(*_args, **_kwargs):
        raise AssertionError("worked on a password it should have refused by length")

    monkeypatch.setattr(passwords, "zxcvbn", must_not_run)
    monkeypatch.setattr(passwords.bcrypt, "hashpw", must_not_run)
    for too_long in ("x" * 201, "correct horse " * 800_000):  # the latter is 11 MB
        with pytest.raises(ValidationError, match="longer than 200 characters"):
            accounts.create_account(
                db,
                SYSTEM,
                accounts.NewAccount(
                    username="ana.b", display_name="Ana", role="scribe", password=too_long
                ),
            )
