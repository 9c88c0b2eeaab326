"""The credit imported statements carry (Pol.is data is CC BY 4.0: its attribution must
stand wherever its statements are shown), read from the import's audit entry."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import AuditEntry, Idea, RoundItem, VotingRound
from db.models.enums import Role
from services.core.actors import Actor, require_role

IMPORTED_NOTE = "Some of these ideas are statements imported from Pol.is."
"""What the idea board says before the credit, so the credit has a subject."""


def round_credit(db: Database, round_id: int) -> str | None:
    """The attribution of the conversation this round was imported from; None if it was not."""
    with db.read() as s:
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


def idea_credits(db: Database, actor: Actor, idea_ids: Iterable[int]) -> dict[int, str]:
    """The attribution of each of these ideas that was imported, by idea id.

    An import lists its ideas in its audit entry (hidden ones included); an import made
    before it did is known by its round's ballot, which holds all but the statements Pol.is
    moderated out."""
    require_role(actor, Role.FACILITATOR, Role.SCRIBE, Role.LEADER)
    wanted = set(idea_ids)
    if not wanted:
        return {}
    found: dict[int, str] = {}
    with db.read() as s:
        # Most installations never import: then there is nothing to credit, and a board of
        # thousands of ideas need not send their ids to the database on every run (bench/).
        if s.scalar(select(AuditEntry.id).where(_IMPORTED).limit(1)) is None:
            return {}
        meetings = select(Idea.meeting_id).where(Idea.id.in_(wanted)).distinct()
        rounds = select(VotingRound.id).where(VotingRound.meeting_id.in_(meetings))
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
            found.update({i: credit for i in listed if i in wanted})
    return found


def board_credits(db: Database, actor: Actor, idea_ids: Iterable[int]) -> list[str]:
    """The attributions a board showing these ideas must carry, each once, in import order."""
    return list(dict.fromkeys(idea_credits(db, actor, idea_ids).values()))


def _attribution(detail: object) -> str | None:
    credit = detail.get("attribution") if isinstance(detail, dict) else None
    return credit if isinstance(credit, str) and credit.strip() else None
