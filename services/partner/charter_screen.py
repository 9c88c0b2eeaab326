"""The partnering charter as the room's screen shows it: its clauses and who has signed."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Meeting, Signature, Stakeholder
from i18n import N_, _
from services.core import membership
from services.core.actors import Actor
from services.core.validation import require
from services.partner.charters import SECTIONS, commitments_of, find_latest, group_names


@dataclass(frozen=True)
class CharterOnScreen:
    """The newest version of the charter, as everyone in the room may read it."""

    version: int
    mission: str
    clauses: tuple[tuple[str, str], ...]
    """(heading, text) of each section that has text, in the charter's order, then each
    group's commitment as ("Commitment of <group>", text)."""
    signed: tuple[str, ...]
    """The groups that have signed this version, in the order they signed."""
    waiting: tuple[str, ...]
    """The active groups that have not signed this version yet, by name."""


def charter_for_room(db: Database, actor: Actor, meeting_id: int) -> CharterOnScreen | None:
    """The charter of the meeting's initiative as the room sees it, or None before its
    first version, for a member of that initiative (the projector reads `charter_in` inside
    its one read, by the meeting's code)."""
    with db.read() as s:
        membership.require_meeting_member(s, actor, meeting_id)
        return charter_in(s, meeting_id)


def charter_in(s: Session, meeting_id: int) -> CharterOnScreen | None:
    """`charter_for_room` inside a transaction already open (the projector's one read)."""
    initiative_id = require(s, Meeting, meeting_id, N_("meeting")).initiative_id
    charter = find_latest(s, initiative_id)
    if charter is None:
        return None
    names = group_names(s, initiative_id)
    sections = [(_(title), getattr(charter, field)) for field, title in SECTIONS.items()]
    promises = sorted(
        (names[c.stakeholder_id], c.text) for c in commitments_of(s, charter) if c.text.strip()
    )
    clauses = [(t, text) for t, text in sections if text.strip()]
    clauses += [(_("Commitment of {group}").format(group=group), text) for group, text in promises]
    signers = s.scalars(
        select(Signature.stakeholder_id)
        .where(Signature.charter_id == charter.id)
        .order_by(Signature.signed_at, Signature.id)
    )
    signed = list(dict.fromkeys(names[gid] for gid in signers))
    active = s.scalars(
        select(Stakeholder.name)
        .where(Stakeholder.initiative_id == initiative_id, Stakeholder.retired.is_(False))
        .order_by(Stakeholder.name)
    )
    waiting = [name for name in active if name not in signed]
    return CharterOnScreen(
        charter.version, charter.mission, tuple(clauses), tuple(signed), tuple(waiting)
    )
