"""The partnering charter: numbered versions, each group's commitments, leaders' sign-offs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Account, Charter, Commitment, Initiative, Signature, Stakeholder
from db.models.enums import Role
from services import audit
from services.actors import Actor, require_role
from services.errors import PermissionDenied, ValidationError
from services.validation import LONG_MAX, TEXT_MAX, clean_text, optional_text, require

SECTIONS = {
    "shared_goals": "Shared goals",
    "ground_rules": "Ground rules",
    "roles": "Roles",
    "communication": "Communication",
    "confidentiality": "Confidentiality",
}


class SignOff(StrEnum):
    """Where a group stands with the charter."""

    SIGNED = "signed"
    OUTDATED = "signed an earlier version"
    NEVER = "not signed"


@dataclass(frozen=True)
class GroupSignOff:
    """One stakeholder group's sign-off, with the newest version it signed if any."""

    stakeholder_id: int
    stakeholder: str
    is_major: bool
    status: SignOff
    signed_version: int | None


def new_version(
    db: Database,
    actor: Actor,
    initiative_id: int,
    mission: str,
    shared_goals: str = "",
    ground_rules: str = "",
    roles: str = "",
    communication: str = "",
    confidentiality: str = "",
    commitments: dict[int, str] | None = None,
) -> Charter:
    """Save the charter as a new version; groups' commitments carry forward unless given."""
    require_role(actor, Role.FACILITATOR)
    sections = {
        "shared_goals": shared_goals,
        "ground_rules": ground_rules,
        "roles": roles,
        "communication": communication,
        "confidentiality": confidentiality,
    }
    with db.write() as s:
        return add_version(s, actor, initiative_id, mission, sections, commitments or {})


def add_version(
    s: Session,
    actor: Actor,
    initiative_id: int,
    mission: str,
    sections: dict[str, str],
    commitments: dict[int, str],
) -> Charter:
    """`new_version` inside the caller's transaction, for services that build on it."""
    clean = {k: optional_text(sections.get(k), label, LONG_MAX) for k, label in SECTIONS.items()}
    mission = clean_text(mission, "Mission", LONG_MAX)
    require(s, Initiative, initiative_id, "initiative")
    texts = {gid: optional_text(t, "Commitment", TEXT_MAX) for gid, t in commitments.items()}
    groups = _groups(s, initiative_id, texts)
    previous = find_latest(s, initiative_id)
    carried = {c.stakeholder_id: c.text for c in _commitments(s, previous)} if previous else {}
    charter = Charter(
        initiative_id=initiative_id,
        version=(previous.version if previous else 0) + 1,
        mission=mission,
        created_by_account_id=actor.account_id,
        **clean,
    )
    s.add(charter)
    try:
        s.flush()
    except IntegrityError as exc:
        raise ValidationError(
            "Someone saved another version of the charter at the same moment. "
            "Reload the page to see it, then make your changes again."
        ) from exc
    for gid, text in {**carried, **texts}.items():
        if text:
            s.add(Commitment(charter_id=charter.id, stakeholder_id=gid, text=text))
    detail = {"version": charter.version, "groups": sorted(groups)}
    audit.record(s, actor, "charter", charter.id, "created", detail, initiative_id)
    return charter


def latest_charter(db: Database, initiative_id: int) -> Charter | None:
    """The newest version of the initiative's charter, or None before the first."""
    with db.read() as s:
        return find_latest(s, initiative_id)


def list_versions(db: Database, initiative_id: int) -> list[Charter]:
    """Every version of the charter, newest first."""
    with db.read() as s:
        query = (
            select(Charter)
            .where(Charter.initiative_id == initiative_id)
            .order_by(Charter.version.desc())
        )
        return list(s.scalars(query))


def get_charter(db: Database, charter_id: int) -> Charter:
    """One version of the charter."""
    with db.read() as s:
        return require(s, Charter, charter_id, "charter version")


def commitments(db: Database, charter_id: int) -> list[tuple[Commitment, str]]:
    """Each group's commitment under this version, with the group's name, by name."""
    with db.read() as s:
        charter = require(s, Charter, charter_id, "charter version")
        names = _names(s, charter.initiative_id)
        return sorted(((c, names[c.stakeholder_id]) for c in _commitments(s, charter)), key=_name)


def set_commitment(
    db: Database, actor: Actor, charter_id: int, stakeholder_id: int, text: str
) -> Commitment | None:
    """Write a group's commitment on an unsigned latest version; empty text removes it."""
    require_role(actor, Role.FACILITATOR)
    clean = optional_text(text, "Commitment", TEXT_MAX)
    with db.write() as s:
        charter = require(s, Charter, charter_id, "charter version")
        _requirefind_latest(s, charter, "change its commitments")
        if s.scalar(select(func.count()).where(Signature.charter_id == charter.id)):
            raise ValidationError(
                f"Version {charter.version} has already been signed, so its commitments are "
                "fixed. Save a new version with the change; everyone then signs that one."
            )
        _groups(s, charter.initiative_id, [stakeholder_id])
        existing = s.scalar(
            select(Commitment).filter_by(charter_id=charter.id, stakeholder_id=stakeholder_id)
        )
        if existing is not None and not clean:
            s.delete(existing)
        elif existing is not None:
            existing.text = clean
        elif clean:
            existing = Commitment(charter_id=charter.id, stakeholder_id=stakeholder_id, text=clean)
            s.add(existing)
        detail = {"stakeholder_id": stakeholder_id, "removed": not clean}
        audit.record(s, actor, "charter", charter.id, "commitment", detail, charter.initiative_id)
        return existing if clean else None


def sign(db: Database, actor: Actor, charter_id: int) -> Signature:
    """Sign the latest version for the group the leader speaks for; signing again is harmless."""
    require_role(actor, Role.LEADER)
    with db.write() as s:
        charter = require(s, Charter, charter_id, "charter version")
        account = s.get(Account, actor.account_id) if actor.account_id is not None else None
        group_id = account.stakeholder_id if account is not None else None
        group = s.get(Stakeholder, group_id) if group_id is not None else None
        if group is None or group.initiative_id != charter.initiative_id:
            raise PermissionDenied(
                "Your account does not speak for a stakeholder group of this initiative. "
                "Ask a facilitator to link your account to your group, then sign."
            )
        _requirefind_latest(s, charter, "sign it")
        query = select(Signature).filter_by(charter_id=charter.id, stakeholder_id=group.id)
        existing = s.scalar(query)
        if existing is not None:
            return existing
        signature = Signature(charter_id=charter.id, stakeholder_id=group.id, account_id=account.id)
        try:
            # Two leaders of one group, or a double tap: the group has signed either way.
            with s.begin_nested():
                s.add(signature)
        except IntegrityError:
            return s.scalars(query).one()
        detail = {"version": charter.version, "stakeholder_id": group.id}
        audit.record(s, actor, "charter", charter.id, "signed", detail, charter.initiative_id)
        return signature


def signatures(db: Database, charter_id: int) -> list[tuple[Signature, str, str]]:
    """Who signed this version: the signature, the group's name, the signer's name."""
    with db.read() as s:
        query = (
            select(
                Signature,
                Stakeholder.name,
                func.coalesce(Account.display_name, "(account since removed)"),
            )
            .join(Stakeholder, Stakeholder.id == Signature.stakeholder_id)
            .outerjoin(Account, Account.id == Signature.account_id)
            .where(Signature.charter_id == charter_id)
            .order_by(Signature.signed_at, Signature.id)
        )
        return [tuple(row) for row in s.execute(query)]


def signoff_status(db: Database, initiative_id: int) -> list[GroupSignOff]:
    """Every group of the initiative: signed the latest version, an older one only, or never."""
    with db.read() as s:
        latest = find_latest(s, initiative_id)
        query = (
            select(
                Stakeholder.id, Stakeholder.name, Stakeholder.is_major, func.max(Charter.version)
            )
            .outerjoin(Signature, Signature.stakeholder_id == Stakeholder.id)
            .outerjoin(Charter, Charter.id == Signature.charter_id)
            .where(Stakeholder.initiative_id == initiative_id)
            .group_by(Stakeholder.id, Stakeholder.name, Stakeholder.is_major)
            .order_by(Stakeholder.name)
        )
        rows = []
        for gid, name, is_major, version in s.execute(query):
            if version is None:
                status = SignOff.NEVER
            else:
                status = SignOff.SIGNED if version == latest.version else SignOff.OUTDATED
            rows.append(GroupSignOff(gid, name, is_major, status, version))
        return rows


def find_latest(s: Session, initiative_id: int) -> Charter | None:
    """The newest version inside the caller's transaction."""
    query = select(Charter).where(Charter.initiative_id == initiative_id)
    return s.scalar(query.order_by(Charter.version.desc()).limit(1))


def _requirefind_latest(s: Session, charter: Charter, doing: str) -> None:
    latest = find_latest(s, charter.initiative_id)
    if latest.id != charter.id:
        raise ValidationError(
            f"Version {charter.version} has been replaced by version {latest.version}, so you "
            f"cannot {doing}. Open version {latest.version} instead."
        )


def _commitments(s: Session, charter: Charter) -> list[Commitment]:
    return list(s.scalars(select(Commitment).where(Commitment.charter_id == charter.id)))


def _names(s: Session, initiative_id: int) -> dict[int, str]:
    query = select(Stakeholder.id, Stakeholder.name).where(
        Stakeholder.initiative_id == initiative_id
    )
    return {gid: name for gid, name in s.execute(query)}


def _groups(s: Session, initiative_id: int, ids: Iterable[int]) -> set[int]:
    known = set(_names(s, initiative_id))
    unknown = sorted(set(ids) - known)
    if unknown:
        raise ValidationError(
            f"Stakeholder group {', '.join(map(str, unknown))} is not part of this initiative. "
            "Pick one of the initiative's groups."
        )
    return set(ids)


def _name(pair: tuple[Commitment, str]) -> str:
    return pair[1].lower()
