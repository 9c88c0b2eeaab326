"""How trust moved: each group's mean answer to each trust statement before and after."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from statistics import fmean

from sqlalchemy import func, select

from db.database import Database
from db.models import Initiative, Participant, Stakeholder, SurveyResponse
from db.models.enums import Role, SurveyKind
from services import membership
from services.actors import Actor, require_role
from services.validation import require


@dataclass(frozen=True)
class TrustChange:
    """One group's mean (1–5) on one statement before and after; None where no one answered.

    n_before and n_after count only real answers: a skipped rating is in neither."""

    statement: str
    group: str
    before: float | None
    n_before: int
    after: float | None
    n_after: int
    change: float | None


def trust_pulse(db: Database, actor: Actor, initiative_id: int) -> list[TrustChange]:
    """Per trust statement (in the survey's order) and group (by name), before against after."""
    require_role(actor, Role.FACILITATOR, Role.LEADER)
    with db.read() as s:
        membership.require_member(s, actor, initiative_id)
        statements = require(s, Initiative, initiative_id, "initiative").trust_statements
        rows = s.execute(
            select(Stakeholder.id, Stakeholder.name, SurveyResponse.kind, SurveyResponse.trust)
            .join(Participant, Participant.id == SurveyResponse.participant_id)
            .join(Stakeholder, Stakeholder.id == Participant.stakeholder_id)
            .where(Participant.initiative_id == initiative_id)
            .order_by(func.lower(Stakeholder.name), Stakeholder.id)
        ).all()
    # (statement, group id) -> kind -> scores; the name is kept beside the id.
    scores: dict[tuple[str, int], dict[SurveyKind, list[int]]] = defaultdict(
        lambda: {SurveyKind.PRE: [], SurveyKind.POST: []}
    )
    names: dict[int, str] = {}
    for gid, name, kind, trust in rows:
        names[gid] = name
        for statement, score in (trust or {}).items():
            # A skipped rating (None, or anything not a 1-5 whole number) is no answer: it
            # neither moves the mean nor counts in n beside it.
            if _is_rating(score):
                scores[(statement, gid)][kind].append(score)
    # Answers to a statement since taken off the survey have nothing to be compared with.
    return [
        _change(statement, names[gid], scores[(statement, gid)])
        for statement in statements
        for gid in names
        if (statement, gid) in scores
    ]


def _is_rating(score: object) -> bool:
    return isinstance(score, int) and not isinstance(score, bool) and 1 <= score <= 5


def _change(statement: str, group: str, by_kind: dict[SurveyKind, list[int]]) -> TrustChange:
    before, after = by_kind[SurveyKind.PRE], by_kind[SurveyKind.POST]
    mean_before = fmean(before) if before else None
    mean_after = fmean(after) if after else None
    change = (
        mean_after - mean_before if mean_before is not None and mean_after is not None else None
    )
    return TrustChange(statement, group, mean_before, len(before), mean_after, len(after), change)
