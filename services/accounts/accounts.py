"""Logins for facilitators, scribes and leaders: opening, changing and closing them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Account, Signature, Stakeholder
from db.models.enums import Role
from i18n import N_, _
from services.accounts.passwords import hash_new_password
from services.core import audit
from services.core.actors import Actor, require_role
from services.core.errors import ValidationError
from services.core.validation import (
    NAME_MAX,
    USERNAME_MAX,
    clean_text,
    lookup_key,
    optional_email,
    require,
)

_USERNAME = re.compile(rf"^[a-z0-9._-]{{3,{USERNAME_MAX}}}$")


@dataclass(frozen=True, slots=True, kw_only=True)
class NewAccount:
    """A login to open: who signs in, as what, and for which group if a leader."""

    username: str
    display_name: str
    role: Role | str
    password: str
    email: str = ""
    stakeholder_id: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AccountFields:
    """What may change on a login: its name, email, group and whether it may sign in."""

    display_name: str
    email: str = ""
    stakeholder_id: int | None = None
    active: bool = True


def create_account(db: Database, actor: Actor, fields: NewAccount) -> Account:
    """Open a login; a leader must speak for a stakeholder group."""
    require_role(actor, Role.FACILITATOR)
    login = _username(fields.username)
    name = clean_text(fields.display_name, N_("Display name"), NAME_MAX)
    kind = _role(fields.role)
    address = optional_email(fields.email)
    stakeholder_id = fields.stakeholder_id
    hashed = hash_new_password(fields.password, [login, name])
    with db.write() as s:
        _check_group(s, kind, stakeholder_id, joining=True)
        if s.scalar(select(Account.id).where(Account.username == login)) is not None:
            raise ValidationError(
                _("The username “{login}” is taken. Choose another one.").format(login=login)
            )
        account = Account(
            username=login,
            display_name=name,
            role=kind,
            password_hash=hashed,
            email=address,
            stakeholder_id=stakeholder_id,
        )
        s.add(account)
        s.flush()
        audit.record(
            s,
            actor,
            audit.Change(
                entity="account",
                entity_id=account.id,
                action="created",
                detail={"username": login, "role": kind.value},
            ),
        )
        return account


def update_account(db: Database, actor: Actor, account_id: int, fields: AccountFields) -> Account:
    """Change a login's name, email, group or whether it may sign in."""
    require_role(actor, Role.FACILITATOR)
    name = clean_text(fields.display_name, N_("Display name"), NAME_MAX)
    address = optional_email(fields.email)
    stakeholder_id, active = fields.stakeholder_id, fields.active
    with db.write() as s:
        account = require(s, Account, account_id, N_("account"))
        joining = stakeholder_id != account.stakeholder_id
        _check_group(s, account.role, stakeholder_id, joining)
        if account.active and not active:
            _refuse_last_facilitator(s, account)
        account.display_name, account.email = name, address
        account.stakeholder_id, account.active = stakeholder_id, active
        audit.record(
            s,
            actor,
            audit.Change(
                entity="account", entity_id=account.id, action="updated", detail={"active": active}
            ),
        )
        return account


def set_password(db: Database, actor: Actor, account_id: int, password: str) -> None:
    """Give a login a new password; every sign-in cookie issued before stops working."""
    require_role(actor, Role.FACILITATOR)
    with db.read() as s:
        account = require(s, Account, account_id, N_("account"))
        words = [account.username, account.display_name]
    hashed = hash_new_password(password, words)
    with db.write() as s:
        account = require(s, Account, account_id, N_("account"))
        account.password_hash = hashed
        account.token_version += 1
        audit.record(
            s, actor, audit.Change(entity="account", entity_id=account.id, action="password_set")
        )


def delete_account(db: Database, actor: Actor, account_id: int) -> None:
    """Remove a login that has signed nothing; otherwise deactivate it instead."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        account = require(s, Account, account_id, N_("account"))
        if account.active:
            _refuse_last_facilitator(s, account)
        # A signature must keep naming who signed it, so signers are deactivated instead.
        if s.scalar(select(Signature.id).where(Signature.account_id == account_id).limit(1)):
            raise ValidationError(
                _(
                    "{display_name} has signed the charter, so the account cannot be removed. "
                    "Deactivate it instead."
                ).format(display_name=account.display_name)
            )
        audit.record(
            s,
            actor,
            audit.Change(
                entity="account",
                entity_id=account.id,
                action="deleted",
                detail={"username": account.username},
            ),
        )
        s.delete(account)


def list_accounts(db: Database, actor: Actor) -> list[Account]:
    """Every login, by username."""
    require_role(actor, Role.FACILITATOR)
    with db.read() as s:
        return list(s.scalars(select(Account).order_by(Account.username)))


def _username(value: str | None) -> str:
    # The sign-in widget lowercases what people type, so a stored capital could never match.
    login = (value or "").strip().lower()
    if not _USERNAME.match(login):
        # Repeat what was typed only when it is short and printable, never a pasted essay.
        if not login:
            said = _("A username is needed")
        elif lookup_key(login, USERNAME_MAX):
            said = _("“{login}” cannot be a username").format(login=login)
        else:
            said = _("That cannot be a username")
        raise ValidationError(
            _(
                "{said}: use 3 to {USERNAME_MAX} lowercase letters, digits, dots, dashes or "
                "underscores, with no spaces (for example maria.lopez)."
            ).format(said=said, USERNAME_MAX=USERNAME_MAX)
        )
    return login


def _role(value: Role | str) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise ValidationError(
            _("“{value}” is not a role. Choose facilitator, scribe or leader.").format(value=value)
        ) from None


def _check_group(s: Session, role: Role, stakeholder_id: int | None, joining: bool) -> None:
    """Refuse a leader without a group, and a retired group for an account `joining` it."""
    if stakeholder_id is not None:
        group = require(s, Stakeholder, stakeholder_id, N_("stakeholder group"))
        if joining and group.retired:
            raise ValidationError(
                _(
                    "{name} is retired, so nobody new speaks for it. Choose another group, or "
                    "restore it on the Groups tab first."
                ).format(name=group.name)
            )
    elif role is Role.LEADER:
        raise ValidationError(
            _("A Thought Leader Team member speaks for one stakeholder group. Choose their group.")
        )


def _refuse_last_facilitator(s: Session, account: Account) -> None:
    if account.role is not Role.FACILITATOR:
        return
    others = s.scalar(
        select(func.count()).where(
            Account.role == Role.FACILITATOR, Account.active.is_(True), Account.id != account.id
        )
    )
    if not others:
        raise ValidationError(
            _(
                "{display_name} is the only active facilitator; without them nobody could "
                "manage accounts. Create or reactivate another facilitator first."
            ).format(display_name=account.display_name)
        )
