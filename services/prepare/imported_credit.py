"""The credit imported statements carry (Pol.is data is CC BY 4.0: its attribution must
stand wherever its statements are shown), read from the import's audit entry."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import AuditEntry, RoundItem, VotingRound
from i18n import N_, _
from services.core import membership
from services.core.actors import Actor
from services.core.validation import require

IMPORTED_NOTE = N_("Some of these ideas are statements imported from Pol.is.")
"""What the idea board says before the credit, so the credit has a subject."""


def imported_note() -> str:
    """`IMPORTED_NOTE` in the reader's language."""
    return _(IMPORTED_NOTE)


def round_credit(db: Database, actor: Actor, round_id: int) -> str | None:
    """The attribution of the conversation this round was imported from; None if it was not."""
    with db.read() as s:
        rnd = require(s, VotingRound, round_id, N_("voting round"))
        membership.require_meeting_member(s, actor, rnd.meeting_id)
        return round_credit_in(s, round_id)


def round_credit_in(s: Session, round_id: int) -> str | None:
    """`round_credit` inside a transaction already open (the projector's one read)."""
    detail = s.scalar(
        select(AuditEntry.detail)
        .where(
            AuditEntry.entity == "voting_round",
            AuditEntry.entity_id == round_id,
            AuditEntry.action == "imported",
        )
        .order_by(AuditEntry.id.desc())
        .limit(1)
    )
    return _attribution(detail)


_IMPORTED = (AuditEntry.entity == "voting_round") & (AuditEntry.action == "imported")


def idea_credits_in(s: Session, meeting_id: int) -> dict[int, str]:
    """The attribution of each of the meeting's ideas that was imported, by idea id, in
    the order of the imports; inside a read already open (the Ideas screen's).

    An import lists its ideas in its audit entry (hidden ones included); an import made
    before it did is known by its round's ballot, which holds all but the statements Pol.is
    moderated out."""
    found: dict[int, str] = {}
    # Most installations never import: then there is nothing to credit, and a board of
    # thousands of ideas need not look further on every run (bench/).
    if s.scalar(select(AuditEntry.id).where(_IMPORTED).limit(1)) is None:
        return found
    rounds = select(VotingRound.id).where(VotingRound.meeting_id == meeting_id)
    imports = s.execute(
        select(AuditEntry.entity_id, AuditEntry.detail)
        .where(_IMPORTED, AuditEntry.entity_id.in_(rounds))
        .order_by(AuditEntry.id)
    ).all()
    for round_id, detail in imports:
        credit = _attribution(detail)
        if credit is None:
            continue
        listed = detail.get("idea_ids")
        if not isinstance(listed, list):
            on_ballot = select(RoundItem.idea_id).where(RoundItem.round_id == round_id)
            listed = list(s.scalars(on_ballot))
        found.update({i: credit for i in listed if isinstance(i, int)})
    return found


def _attribution(detail: object) -> str | None:
    credit = detail.get("attribution") if isinstance(detail, dict) else None
    return credit if isinstance(credit, str) and credit.strip() else None
