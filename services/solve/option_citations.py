"""The library programmes an option cites as evidence that it can work."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from db.database import Database
from db.models import BestPractice, Meeting, Option
from db.models import option_citation as citation
from db.models.enums import Role
from i18n import N_
from services.core import membership
from services.core.actors import Actor, require_role
from services.core.scope import require_open_meeting
from services.core.validation import require
from services.solve.options import audit_option, replace_citations


def cite(
    db: Database, actor: Actor, option_id: int, best_practice_ids: Iterable[int]
) -> list[BestPractice]:
    """Make these programmes the option's citations, replacing any before."""
    require_role(actor, Role.FACILITATOR, Role.SCRIBE)
    with db.write() as s:
        option = require(s, Option, option_id, N_("option"))
        require_open_meeting(s.get_one(Meeting, option.meeting_id), actor)
        cited = replace_citations(s, option.id, best_practice_ids)
        audit_option(s, actor, option, "cited", {"best_practice_ids": [p.id for p in cited]})
        return cited


def citations(db: Database, actor: Actor, option_id: int) -> list[BestPractice]:
    """The programmes an option cites, by name."""
    with db.read() as s:
        option = require(s, Option, option_id, N_("option"))
        membership.require_meeting_member(s, actor, option.meeting_id)
        query = (
            select(BestPractice)
            .join(citation, citation.c.best_practice_id == BestPractice.id)
            .where(citation.c.option_id == option_id)
            .order_by(BestPractice.name)
        )
        return list(s.scalars(query))
