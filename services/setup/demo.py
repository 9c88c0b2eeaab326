"""The demo: what it tags as its own, and removing all of it once a real install begins.

The demo initiative (seed/demo.py builds it) and the logins it made are tagged is_demo,
so they can go together without touching anything a facilitator made for real.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Account, Initiative
from db.models.enums import Role
from i18n import _
from services.core import audit
from services.core.actors import Actor, require_role
from services.core.errors import NotFound, ValidationError
from services.setup import initiatives


@dataclass(frozen=True)
class DemoRemoved:
    """What went: the initiatives' names and the logins' usernames."""

    initiatives: list[str]
    usernames: list[str]


def mark_demo(
    db: Database,
    actor: Actor,
    initiative_ids: Iterable[int] = (),
    account_ids: Iterable[int] = (),
) -> None:
    """Tag initiatives and logins as the demo's, so removing the demo takes them."""
    require_role(actor, Role.FACILITATOR)
    initiative_ids, account_ids = list(initiative_ids), list(account_ids)
    with db.write() as s:
        if initiative_ids:
            s.execute(
                update(Initiative).where(Initiative.id.in_(initiative_ids)).values(is_demo=True)
            )
        if account_ids:
            s.execute(update(Account).where(Account.id.in_(account_ids)).values(is_demo=True))
        for initiative_id in initiative_ids:
            audit.record(
                s,
                actor,
                audit.Change(
                    entity="initiative",
                    entity_id=initiative_id,
                    action="tagged_demo",
                    detail={},
                    initiative_id=initiative_id,
                ),
            )
        for account_id in account_ids:
            audit.record(
                s, actor, audit.Change(entity="account", entity_id=account_id, action="tagged_demo")
            )


def demo_initiatives(db: Database, actor: Actor) -> list[Initiative]:
    """The demo's initiatives (one, unless seeded twice under two names), by id."""
    require_role(actor, Role.FACILITATOR)
    with db.read() as s:
        return demo_initiatives_in(s)


def demo_initiatives_in(s: Session) -> list[Initiative]:
    """`demo_initiatives` inside a read the caller holds."""
    return list(s.scalars(_demo_initiatives()))


def demo_usernames(db: Database, actor: Actor) -> list[str]:
    """The demo's logins, by username."""
    require_role(actor, Role.FACILITATOR)
    with db.read() as s:
        query = select(Account.username).where(Account.is_demo.is_(True))
        return list(s.scalars(query.order_by(Account.username)))


def has_demo(db: Database, actor: Actor) -> bool:
    """Whether anything of the demo is here: an initiative or a login."""
    require_role(actor, Role.FACILITATOR)
    with db.read() as s:
        return has_demo_in(s)


def has_demo_in(s: Session) -> bool:
    """`has_demo` inside a read the caller holds."""
    found = s.scalar(select(Initiative.id).where(Initiative.is_demo.is_(True)).limit(1))
    return (
        found is not None
        or s.scalar(select(Account.id).where(Account.is_demo.is_(True)).limit(1)) is not None
    )


def remove_demo(db: Database, actor: Actor) -> DemoRemoved:
    """Delete every demo initiative with everything in it, then the demo's logins.

    Refused to a demo login: it would delete the account doing it and leave the person
    signed in as nobody. Run again after an interruption, it removes what is left.
    """
    require_role(actor, Role.FACILITATOR)
    with db.read() as s:
        me = s.get(Account, actor.account_id) if actor.account_id is not None else None
        if me is not None and me.is_demo:
            raise ValidationError(
                _(
                    "You are signed in as {username}, one of the demo's logins, which removing the "
                    "demo deletes. Open your own facilitator account on Set up › Team and "
                    "accounts, sign in with it, then remove the demo."
                ).format(username=me.username)
            )
        doomed = [(i.id, i.name) for i in s.scalars(_demo_initiatives())]
        if not doomed and s.scalar(select(Account.id).where(Account.is_demo.is_(True))) is None:
            raise NotFound(_("There is no demo on this install; nothing was removed."))
    # One initiative per transaction, each deleted the way initiatives.py deletes one.
    for initiative_id, _name in doomed:
        initiatives.delete_initiative(db, actor, initiative_id)
    with db.write() as s:
        query = select(Account).where(Account.is_demo.is_(True))
        if actor.account_id is not None:  # refused above; never the account acting
            query = query.where(Account.id != actor.account_id)
        logins = list(s.scalars(query))
        usernames = sorted(a.username for a in logins)
        for login in logins:
            audit.record(
                s,
                actor,
                audit.Change(
                    entity="account",
                    entity_id=login.id,
                    action="deleted",
                    detail={"username": login.username},
                ),
            )
            s.delete(login)
        audit.record(
            s,
            actor,
            audit.Change(
                entity="demo",
                entity_id=0,
                action="removed",
                detail={"initiatives": [name for _id, name in doomed], "usernames": usernames},
            ),
        )
    return DemoRemoved([name for _id, name in doomed], usernames)


def _demo_initiatives():
    return select(Initiative).where(Initiative.is_demo.is_(True)).order_by(Initiative.id)
