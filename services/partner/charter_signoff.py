"""Signing the charter: a leader signs the latest version for their group; who stands where."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Account, Charter, Signature, Stakeholder
from db.models.enums import Role
from i18n import N_, _
from services.core import audit, membership
from services.core.actors import Actor, require_role
from services.core.errors import PermissionDenied
from services.core.validation import require
from services.partner.charters import find_latest, require_latest


class SignOff(StrEnum):
    """Where a group stands with the charter."""

    SIGNED = "signed"
    OUTDATED = "signed an earlier version"
    NEVER = "not signed"


_SIGN_OFF_WORDS = {
    SignOff.SIGNED: N_("signed"),
    SignOff.OUTDATED: N_("signed an earlier version"),
    SignOff.NEVER: N_("not signed"),
}


def sign_off_words(status: SignOff) -> str:
    """Where a group stands, in the reader's language (the value itself stays English)."""
    return _(_SIGN_OFF_WORDS[status])


@dataclass(frozen=True)
class GroupSignOff:
    """One stakeholder group's sign-off, with the newest version it signed if any."""

    stakeholder_id: int
    stakeholder: str
    is_major: bool
    status: SignOff
    signed_version: int | None


def sign(db: Database, actor: Actor, charter_id: int) -> Signature:
    """Sign the latest version for the group the leader speaks for; signing again is harmless."""
    require_role(actor, Role.LEADER)
    with db.write() as s:
        charter = require(s, Charter, charter_id, N_("charter version"))
        account = s.get(Account, actor.account_id) if actor.account_id is not None else None
        group_id = account.stakeholder_id if account is not None else None
        group = s.get(Stakeholder, group_id) if group_id is not None else None
        if group is None or group.initiative_id != charter.initiative_id:
            raise PermissionDenied(
                _(
                    "Your account does not speak for a stakeholder group of this initiative. Ask a "
                    "facilitator to link your account to your group, then sign."
                )
            )
        if group.retired:
            raise PermissionDenied(
                _(
                    "{name} is retired, so it no longer signs the charter. Ask a facilitator to "
                    "restore the group, or to link your account to your group now."
                ).format(name=group.name)
            )
        require_latest(s, charter, N_("sign it"))
        query = select(Signature).filter_by(charter_id=charter.id, stakeholder_id=group.id)
        existing = s.scalar(query)
        if existing is not None:
            return existing
        signature = Signature(
            charter_id=charter.id, stakeholder_id=group.id, account_id=actor.account_id
        )
        try:
            # Two leaders of one group, or a double tap: the group has signed either way.
            with s.begin_nested():
                s.add(signature)
        except IntegrityError:
            return s.scalars(query).one()
        detail = {"version": charter.version, "stakeholder_id": group.id}
        audit.record(
            s,
            actor,
            audit.Change(
                entity="charter",
                entity_id=charter.id,
                action="signed",
                detail=detail,
                initiative_id=charter.initiative_id,
            ),
        )
        return signature


def signatures(db: Database, actor: Actor, charter_id: int) -> list[tuple[Signature, str, str]]:
    """Who signed this version: the signature, the group's name, the signer's name."""
    with db.read() as s:
        charter = require(s, Charter, charter_id, N_("charter version"))
        membership.require_member(s, actor, charter.initiative_id)
        query = (
            select(
                Signature,
                Stakeholder.name,
                func.coalesce(Account.display_name, _("(account since removed)")),
            )
            .join(Stakeholder, Stakeholder.id == Signature.stakeholder_id)
            .outerjoin(Account, Account.id == Signature.account_id)
            .where(Signature.charter_id == charter_id)
            .order_by(Signature.signed_at, Signature.id)
        )
        return [(signature, group, signer) for signature, group, signer in s.execute(query)]


def signoff_status(db: Database, actor: Actor, initiative_id: int) -> list[GroupSignOff]:
    """Every active group of the initiative: signed the latest version, an older one only,
    or never. Retired groups are out: their signatures stay on the versions they signed."""
    with db.read() as s:
        membership.require_member(s, actor, initiative_id)
        return signoff_status_in(s, initiative_id)


def signoff_status_in(s: Session, initiative_id: int) -> list[GroupSignOff]:
    """`signoff_status` inside a read that has already checked the actor's membership."""
    latest = find_latest(s, initiative_id)
    query = (
        select(Stakeholder.id, Stakeholder.name, Stakeholder.is_major, func.max(Charter.version))
        .outerjoin(Signature, Signature.stakeholder_id == Stakeholder.id)
        .outerjoin(Charter, Charter.id == Signature.charter_id)
        .where(Stakeholder.initiative_id == initiative_id, Stakeholder.retired.is_(False))
        .group_by(Stakeholder.id, Stakeholder.name, Stakeholder.is_major)
        .order_by(Stakeholder.name)
    )
    rows = []
    for gid, name, is_major, version in s.execute(query):
        if version is None:
            status = SignOff.NEVER
        elif latest is not None and version == latest.version:
            status = SignOff.SIGNED
        else:
            status = SignOff.OUTDATED
        rows.append(GroupSignOff(gid, name, is_major, status, version))
    return rows


def signoff_complete(rows: list[GroupSignOff]) -> bool:
    """Whether every active group has signed the latest version (and there is a group)."""
    return bool(rows) and all(r.status is SignOff.SIGNED for r in rows)
