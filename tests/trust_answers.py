"""Survey answers for trust tests: enough people in a group to clear the small-group rule."""

from __future__ import annotations

from db.database import Database
from db.models import Participant, SurveyResponse
from db.models.enums import SurveyKind


def add_people(db: Database, initiative_id: int, group_id: int, count: int, tag: str) -> list[int]:
    """`count` more participants of one group, with codes `{tag}-0`, `{tag}-1`, …"""
    with db.write() as s:
        people = [
            Participant(
                initiative_id=initiative_id,
                stakeholder_id=group_id,
                name=f"{tag} {n}",
                code=f"{tag}-{n}",
            )
            for n in range(count)
        ]
        s.add_all(people)
        s.flush()
        return [p.id for p in people]


def answer(db: Database, participant_id: int, kind: str, trust: dict, **texts: str) -> None:
    """A response saved straight through the ORM: when a survey may be sent is not tested here."""
    with db.write() as s:
        s.add(
            SurveyResponse(
                participant_id=participant_id, kind=SurveyKind(kind), trust=trust, **texts
            )
        )


def answer_all(db: Database, ids: list[int], kind: str, scores: list[dict]) -> None:
    """Person n of `ids` answers `scores[n]`."""
    for pid, trust in zip(ids, scores, strict=True):
        answer(db, pid, kind, trust)
