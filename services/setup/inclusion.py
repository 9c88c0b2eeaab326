"""Who the roster brings into the room, and which voices the process needs are missing."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import and_, func, select

from db.database import Database
from db.models import Initiative, Participant, Stakeholder
from db.models.enums import Role
from db.models.enums import StakeholderCategory as Cat
from i18n import N_, _
from services.core.actors import Actor, require_role
from services.core.roster_scope import PRESENT
from services.core.validation import require
from services.core.vocab import label

# The categories the problem-solving process names as needing a seat at the table;
# business, faith and other are welcome but their absence is no gap in the process.
NEEDED = (
    Cat.MAYORS_OFFICE,
    Cat.POLICE_DEPARTMENT,
    Cat.CITY_COUNCIL,
    Cat.COMMUNITY_POLICE_COMMISSION,
    Cat.RESIDENTS_911,
    Cat.YOUTH,
    Cat.SOCIAL_SERVICES,
    Cat.BRIDGE_BUILDING,
)


@dataclass(frozen=True)
class Share:
    """How many people of one group or category, and their share of the roster (0–1)."""

    label: str
    count: int
    share: float


@dataclass(frozen=True)
class Inclusion:
    """The roster's mix by group and by category, and what is missing."""

    total: int
    by_group: list[Share]
    by_category: list[Share]
    warnings: list[str]


def inclusion_check(db: Database, actor: Actor, initiative_id: int) -> Inclusion:
    """The roster's mix by group and category, with a warning per needed category missing.

    Only who can be in the room counts: retired groups and people marked absent are out.
    """
    require_role(actor, Role.FACILITATOR)  # Set up's groups tab
    with db.read() as s:
        require(s, Initiative, initiative_id, N_("initiative"))
        present = and_(Participant.stakeholder_id == Stakeholder.id, PRESENT)
        rows = s.execute(
            select(Stakeholder.name, Stakeholder.category, func.count(Participant.id))
            .outerjoin(Participant, present)
            .where(Stakeholder.initiative_id == initiative_id, Stakeholder.retired.is_(False))
            .group_by(Stakeholder.id, Stakeholder.name, Stakeholder.category)
        ).all()
    total = sum(count for _name, _category, count in rows)
    categories: Counter[Cat] = Counter({c: 0 for c in NEEDED})
    for _name, category, count in rows:
        categories[category] += count
    warnings = [
        _(
            "Nobody from {category} is on the roster yet: the process needs them in the room."
        ).format(category=label(c))
        for c in NEEDED
        if not categories[c]
    ]
    return Inclusion(
        total=total,
        by_group=_shares({name: count for name, _category, count in rows}, total),
        by_category=_shares({label(c): n for c, n in categories.items()}, total),
        warnings=warnings,
    )


def _shares(counts: dict[str, int], total: int) -> list[Share]:
    # Most first, then by name, so the biggest voices lead and the order is stable.
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [Share(name, n, n / total if total else 0.0) for name, n in ordered]
