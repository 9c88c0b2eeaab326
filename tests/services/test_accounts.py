"""Accounts: opening, changing and closing logins, and the rules each one must meet."""

import bcrypt
import pytest

from db.models import Charter, Signature
from db.models.enums import Role
from services.accounts import accounts, signin_accounts
from services.core.actors import SYSTEM, Actor
from services.core.audit import history
from services.core.errors import NotFound, PermissionDenied, ValidationError
from tests.factories import account_of, build_room

PASSWORD = "correct horse"

# On Postgres too: usernames unique and matched in any case; audit details are JSON.
pytestmark = [pytest.mark.usefixtures("fast_bcrypt"), pytest.mark.both_databases]


def _scribe(db, actor=SYSTEM, username="maria.lopez", **extra):
    return accounts.create_account(
        db,
        actor,
        accounts.NewAccount(
            username=username, display_name="Maria", role="scribe", password=PASSWORD, **extra
        ),
    )


def test_creates_an_account_with_a_bcrypt_hash_and_audits_it(db):
    build_room(db)
    made = _scribe(db, email=" maria@example.org ")
    assert (made.username, made.role, made.email, made.active) == (
        "maria.lopez",
        Role.SCRIBE,
        "maria@example.org",
        True,
    )
    assert made.password_hash.startswith("$2b$")
    assert bcrypt.checkpw(PASSWORD.encode(), made.password_hash.encode())
    entries = history(db, SYSTEM, "account", made.id)
    assert [e.action for e in entries] == ["created"]
    assert "password" not in str(entries[0].detail)


def test_the_system_actor_can_create_the_first_facilitator_on_an_empty_database(db):
    made = accounts.create_account(
        db,
        SYSTEM,
        accounts.NewAccount(
            username="admin", display_name="Admin", role=Role.FACILITATOR, password=PASSWORD
        ),
    )
    assert signin_accounts.actor_for_username(db, "admin") == Actor(
        made.id, Role.FACILITATOR, "Admin"
    )


def test_lowercases_and_trims_the_username_as_the_sign_in_widget_does(db):
    assert _scribe(db, username="  Maria.Lopez ").username == "maria.lopez"
    found = signin_accounts.get_account_by_username(db, "MARIA.LOPEZ ")
    assert found is not None and found.username == "maria.lopez"


@pytest.mark.parametrize("bad", ["ab", "x" * 61, "maria lopez", "maría", "ana@home", ""])
def test_refuses_a_username_it_cannot_use_and_says_what_is_allowed(db, bad):
    with pytest.raises(ValidationError, match="3 to 60 lowercase letters, digits"):
        _scribe(db, username=bad)


def test_accepts_a_username_of_three_to_sixty_allowed_characters(db):
    assert _scribe(db, username="a_b").username == "a_b"
    assert _scribe(db, username="a-." + "x" * 57).username == "a-." + "x" * 57


def test_refuses_a_taken_username_whatever_its_case(db):
    _scribe(db)
    with pytest.raises(ValidationError, match=r"username “maria\.lopez” is taken"):
        _scribe(db, username="Maria.Lopez")


def test_refuses_a_password_under_ten_characters(db):
    with pytest.raises(ValidationError, match="has 9 characters; it needs at least 10"):
        accounts.create_account(
            db,
            SYSTEM,
            accounts.NewAccount(
                username="ana", display_name="Ana", role="scribe", password="x" * 9
            ),
        )


def test_refuses_a_password_over_bcrypts_seventy_two_bytes_counting_accents(db):
    accounts.create_account(
        db,
        SYSTEM,
        accounts.NewAccount(
            username="ana", display_name="Ana", role="scribe", password="quiet-ferret-" + "x" * 59
        ),
    )
    with pytest.raises(ValidationError, match="longer than 72 bytes, the most bcrypt"):
        accounts.create_account(
            db,
            SYSTEM,
            accounts.NewAccount(
                username="bea",
                display_name="Bea",
                role="scribe",
                password="quiet ferrets nap" + "é" * 28,
            ),
        )


def test_refuses_an_unknown_role(db):
    with pytest.raises(ValidationError, match="“admin” is not a role"):
        accounts.create_account(
            db,
            SYSTEM,
            accounts.NewAccount(
                username="ana", display_name="Ana", role="admin", password=PASSWORD
            ),
        )


def test_refuses_an_empty_display_name_and_a_bad_email(db):
    with pytest.raises(ValidationError, match="Display name is empty"):
        accounts.create_account(
            db,
            SYSTEM,
            accounts.NewAccount(username="ana", display_name=" ", role="scribe", password=PASSWORD),
        )
    with pytest.raises(ValidationError, match="not an email address"):
        _scribe(db, email="maria")


def test_a_leader_must_name_a_stakeholder_group(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="speaks for one stakeholder group"):
        accounts.create_account(
            db,
            SYSTEM,
            accounts.NewAccount(
                username="chief", display_name="Chief", role="leader", password=PASSWORD
            ),
        )
    made = accounts.create_account(
        db,
        SYSTEM,
        accounts.NewAccount(
            username="chief",
            display_name="Chief",
            role="leader",
            password=PASSWORD,
            stakeholder_id=room.police_id,
        ),
    )
    assert made.stakeholder_id == room.police_id


def test_others_may_have_a_group_but_need_not(db):
    room = build_room(db)
    assert _scribe(db).stakeholder_id is None
    assert _scribe(db, username="bob", stakeholder_id=room.residents_id).stakeholder_id == (
        room.residents_id
    )


def test_names_an_unknown_stakeholder_group(db):
    with pytest.raises(NotFound, match="No stakeholder group with id 999"):
        _scribe(db, stakeholder_id=999)


def test_only_a_facilitator_may_manage_accounts(db):
    room = build_room(db)
    lead_id = account_of(room.leader)
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        _scribe(db, actor=room.leader)
    with pytest.raises(PermissionDenied):
        accounts.update_account(
            db,
            room.scribe1,
            lead_id,
            accounts.AccountFields(
                display_name="X", email="", stakeholder_id=room.police_id, active=True
            ),
        )
    with pytest.raises(PermissionDenied):
        accounts.set_password(db, room.leader, lead_id, PASSWORD)
    with pytest.raises(PermissionDenied):
        accounts.delete_account(db, room.scribe1, lead_id)
    with pytest.raises(PermissionDenied):
        accounts.list_accounts(db, room.leader)


def test_updates_an_account_and_keeps_a_leader_with_a_group(db):
    room = build_room(db)
    lead_id = account_of(room.leader)
    changed = accounts.update_account(
        db,
        room.facilitator,
        lead_id,
        accounts.AccountFields(
            display_name="Chief Lee",
            email="lee@pd.org",
            stakeholder_id=room.residents_id,
            active=True,
        ),
    )
    assert (changed.display_name, changed.email, changed.stakeholder_id) == (
        "Chief Lee",
        "lee@pd.org",
        room.residents_id,
    )
    assert [e.action for e in history(db, SYSTEM, "account", lead_id)] == ["updated"]
    with pytest.raises(ValidationError, match="speaks for one stakeholder group"):
        accounts.update_account(
            db,
            room.facilitator,
            lead_id,
            accounts.AccountFields(
                display_name="Chief Lee", email="", stakeholder_id=None, active=True
            ),
        )


def test_refuses_to_deactivate_or_delete_the_last_active_facilitator(db):
    room = build_room(db)
    fac_id = account_of(room.facilitator)
    with pytest.raises(ValidationError, match="only active facilitator"):
        accounts.update_account(
            db,
            room.facilitator,
            fac_id,
            accounts.AccountFields(display_name="Fac", email="", stakeholder_id=None, active=False),
        )
    with pytest.raises(ValidationError, match="only active facilitator"):
        accounts.delete_account(db, room.facilitator, fac_id)
    accounts.create_account(
        db,
        SYSTEM,
        accounts.NewAccount(
            username="fac2", display_name="Fac Two", role="facilitator", password=PASSWORD
        ),
    )
    accounts.update_account(
        db,
        room.facilitator,
        fac_id,
        accounts.AccountFields(display_name="Fac", email="", stakeholder_id=None, active=False),
    )
    assert signin_accounts.actor_for_username(db, "fac") is None


def test_sets_a_new_password_that_then_checks(db):
    room = build_room(db)
    accounts.set_password(db, room.facilitator, account_of(room.scribe1), "a brand new one")
    account = signin_accounts.get_account_by_username(db, "s1")
    assert account is not None
    assert bcrypt.checkpw(b"a brand new one", account.password_hash.encode())
    assert [e.action for e in history(db, SYSTEM, "account", account_of(room.scribe1))] == [
        "password_set"
    ]
    with pytest.raises(ValidationError, match="at least 10"):
        accounts.set_password(db, room.facilitator, account_of(room.scribe1), "short")


def test_deletes_an_account(db):
    room = build_room(db)
    accounts.delete_account(db, room.facilitator, account_of(room.scribe2))
    assert signin_accounts.get_account_by_username(db, "s2") is None
    assert [e.action for e in history(db, SYSTEM, "account", account_of(room.scribe2))] == [
        "deleted"
    ]
    with pytest.raises(NotFound, match="No account with id"):
        accounts.delete_account(db, room.facilitator, account_of(room.scribe2))


def test_refuses_to_delete_an_account_that_signed_the_charter(db):
    room = build_room(db)
    with db.write() as s:
        charter = Charter(initiative_id=room.initiative_id, version=1, mission="Safety")
        s.add(charter)
        s.flush()
        s.add(
            Signature(
                charter_id=charter.id,
                stakeholder_id=room.police_id,
                account_id=account_of(room.leader),
            )
        )
    with pytest.raises(ValidationError, match=r"signed the charter.*Deactivate it instead"):
        accounts.delete_account(db, room.facilitator, account_of(room.leader))
    assert signin_accounts.get_account_by_username(db, "lead") is not None


def test_lists_accounts_by_username(db):
    room = build_room(db)
    names = [a.username for a in accounts.list_accounts(db, room.facilitator)]
    assert names == ["fac", "lead", "s1", "s2"]
