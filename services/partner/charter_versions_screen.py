"""The Charter screen's record: every version as its PDF prints it, and who has signed.

Built in one read. The screen shows a version's text and commitments from the same
`CharterSheet` its PDF is rendered from, so the two cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Account, Charter, Initiative, Signature, Stakeholder
from db.models.enums import Role
from i18n import N_
from services.core import membership
from services.core.actors import Actor, require_role
from services.core.validation import require
from services.partner.charter_pdf import CharterSheet, sheet_in
from services.partner.charter_signoff import GroupSignOff, signoff_status_in


@dataclass(frozen=True, slots=True)
class VersionShown:
    """One version of the charter: its text, and each group's commitment by group name."""

    sheet: CharterSheet

    @property
    def charter_id(self) -> int:
        return self.sheet.charter.id

    @property
    def version(self) -> int:
        return self.sheet.charter.version

    @property
    def commitments(self) -> tuple[tuple[str, str], ...]:
        """(group, what it commits to) for each group that wrote one, by group name."""
        said = self.sheet.commitments
        return tuple((name, said[gid]) for gid, name in self.sheet.groups if said.get(gid))


@dataclass(frozen=True, slots=True)
class CharterScreen:
    """Everything the Charter screen shows: versions newest first, sign-off, who may act."""

    versions: tuple[VersionShown, ...]
    signoff: tuple[GroupSignOff, ...]
    may_sign: bool
    """A Thought Leader Team member whose group has not signed the latest version yet signs
    it for their group."""
    active_groups: dict[int, str]
    """Groups a facilitator may write a commitment for (not retired); empty for others."""
    signed_for: str = ""
    """The group this leader speaks for, when it has signed the latest version."""
    latest_signed: bool = False
    """Whether any group has signed the latest version, which fixes its commitments
    (services/partner/charter_commitments refuses a change then)."""


def read(db: Database, actor: Actor, initiative_id: int) -> CharterScreen:
    """The charter for a facilitator or a Thought Leader Team member."""
    require_role(actor, Role.FACILITATOR, Role.LEADER)
    with db.read() as s:
        initiative = require(s, Initiative, initiative_id, N_("initiative"))
        membership.require_member(s, actor, initiative_id)
        charters = s.scalars(
            select(Charter)
            .where(Charter.initiative_id == initiative_id)
            .order_by(Charter.version.desc())
        )
        versions = tuple(VersionShown(sheet_in(s, initiative, c)) for c in charters)
        signoff = tuple(signoff_status_in(s, initiative_id))
        active = {}
        if actor.is_facilitator:
            query = select(Stakeholder.id, Stakeholder.name).where(
                Stakeholder.initiative_id == initiative_id, Stakeholder.retired.is_(False)
            )
            active = dict(s.execute(query.order_by(Stakeholder.name)).all())
        signed = _signed_by_my_group(s, actor, versions[0].charter_id) if versions else None
        latest_signed = bool(versions) and bool(
            s.scalar(select(func.count()).where(Signature.charter_id == versions[0].charter_id))
        )
    may_sign = actor.role is Role.LEADER and signed is None
    return CharterScreen(versions, signoff, may_sign, active, signed or "", latest_signed)


def _signed_by_my_group(s: Session, actor: Actor, charter_id: int) -> str | None:
    """The name of the leader's group when it has signed `charter_id`, else None."""
    if actor.role is not Role.LEADER or actor.account_id is None:
        return None
    query = (
        select(Stakeholder.name)
        .join(Account, Account.stakeholder_id == Stakeholder.id)
        .join(
            Signature,
            (Signature.stakeholder_id == Stakeholder.id) & (Signature.charter_id == charter_id),
        )
        .where(Account.id == actor.account_id)
    )
    return s.scalar(query)
