"""Signing in: finding a login by username, and what the sign-in widget is given."""

import pytest

from db.models.enums import Role
from services import accounts, signin_accounts
from services.actors import SYSTEM, Actor
from tests.factories import build_room

PASSWORD = "correct horse"

pytestmark = pytest.mark.usefixtures("fast_bcrypt")


def _scribe(db, actor=SYSTEM, username="maria.lopez", **extra):
    return accounts.create_account(db, actor, username, "Maria", "scribe", PASSWORD, **extra)


def test_a_deactivated_account_cannot_sign_in(db):
    room = build_room(db)
    accounts.update_account(db, room.facilitator, room.scribe1.account_id, "S1", "", None, False)
    assert signin_accounts.actor_for_username(db, "s1") is None
    assert "s1" not in signin_accounts.authenticator_credentials(db)["usernames"]
    assert signin_accounts.get_account_by_username(db, "s1").active is False


def test_gives_the_sign_in_widget_active_accounts_in_its_format(db):
    build_room(db)
    made = _scribe(db, email="m@x.org")
    creds = signin_accounts.authenticator_credentials(db)
    assert set(creds) == {"usernames"}
    assert set(creds["usernames"]) == {"fac", "s1", "s2", "lead", "maria.lopez"}
    assert creds["usernames"]["maria.lopez"] == {
        "name": "Maria",
        "email": "m@x.org",
        "password": made.password_hash,
        "roles": ["scribe"],
    }


def test_an_actor_for_a_known_active_username_and_none_otherwise(db):
    room = build_room(db)
    assert signin_accounts.actor_for_username(db, " LEAD ") == Actor(
        room.leader.account_id, Role.LEADER, "Lead"
    )
    assert signin_accounts.actor_for_username(db, "nobody") is None
    assert signin_accounts.actor_for_username(db, None) is None
