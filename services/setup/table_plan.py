"""A seating plan that mixes stakeholder groups at every table, and applying it."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Meeting, MeetingTable, Participant, Stakeholder
from db.models.enums import Role, StakeholderCategory
from i18n import N_, _
from services.core import audit
from services.core.actors import Actor, require_role
from services.core.errors import ValidationError
from services.core.roster_scope import PRESENT
from services.core.validation import require

# Each of these categories is dealt as one pool, even when split into several groups, so
# police and residents sit at every table whenever there are enough of them.
_POOLED = (StakeholderCategory.POLICE_DEPARTMENT, StakeholderCategory.RESIDENTS_911)


@dataclass(frozen=True)
class PlannedTable:
    """Who a plan seats at one table, and how many from each group."""

    table_id: int
    number: int
    participant_ids: list[int]
    by_group: dict[str, int]


@dataclass(frozen=True)
class Balance:
    """How even a plan is: 0 or 1 everywhere is as even as the numbers allow."""

    size_spread: int  # people at the largest table minus at the smallest
    group_spread: dict[str, int]  # per group: most at one table minus fewest


@dataclass(frozen=True)
class TablePlan:
    """A seating plan for a meeting, keyed by table number, and how even it is."""

    meeting_id: int
    tables: dict[int, PlannedTable]
    balance: Balance


def plan_tables(
    db: Database, actor: Actor, meeting_id: int, participant_ids: list[int] | None = None
) -> TablePlan:
    """Deal the roster (or the given people) to the meeting's tables, mixing groups evenly."""
    require_role(actor, Role.FACILITATOR)
    with db.read() as s:
        meeting = require(s, Meeting, meeting_id, N_("meeting"))
        tables = _tables(s, meeting)
        query = (
            select(Participant.id, Stakeholder.name, Stakeholder.category)
            .join(Stakeholder, Participant.stakeholder_id == Stakeholder.id)
            .where(Participant.initiative_id == meeting.initiative_id)
            # People marked absent are not in the room: they get no seat.
            .where(PRESENT)
            .order_by(Participant.id)
        )
        if participant_ids is not None:
            query = query.where(Participant.id.in_(participant_ids))
        people = list(s.execute(query))
    if participant_ids is not None and len(people) != len(set(participant_ids)):
        raise ValidationError(
            _(
                "Some of the people chosen are marked absent or not on this initiative's "
                "roster any more. Reload the page and choose again."
            )
        )
    return _deal(meeting_id, tables, [(p.id, p.name, p.category) for p in people])


def apply_plan(db: Database, actor: Actor, meeting_id: int, plan: TablePlan) -> int:
    """Seat everyone as the plan says; returns how many people were seated."""
    require_role(actor, Role.FACILITATOR)
    seat = {pid: t.table_id for t in plan.tables.values() for pid in t.participant_ids}
    with db.write() as s:
        meeting = require(s, Meeting, meeting_id, N_("meeting"))
        if plan.meeting_id != meeting_id or {t.table_id for t in plan.tables.values()} - {
            t.id for t in _tables(s, meeting)
        }:
            raise ValidationError(
                _("This plan was made for other tables. Plan the seating again, then apply it.")
            )
        people = list(
            s.scalars(
                select(Participant).where(
                    Participant.id.in_(seat),
                    Participant.initiative_id == meeting.initiative_id,
                    PRESENT,
                )
            )
        )
        if len(people) != len(seat):
            raise ValidationError(
                _(
                    "Someone in the plan has left the roster or been marked absent since it was "
                    "made. Plan the seating again, then apply it."
                )
            )
        for person in people:
            person.table_id = seat[person.id]
        detail = {"seated": len(people), "tables": len(plan.tables)}
        audit.record(
            s,
            actor,
            audit.Change(
                entity="meeting",
                entity_id=meeting_id,
                action="table_plan_applied",
                detail=detail,
                initiative_id=meeting.initiative_id,
            ),
        )
        return len(people)


def _tables(s: Session, meeting: Meeting) -> list[MeetingTable]:
    query = select(MeetingTable).where(MeetingTable.meeting_id == meeting.id)
    tables = list(s.scalars(query.order_by(MeetingTable.number)))
    if not tables:
        raise ValidationError(
            _("{title} has no tables yet. Add its tables, then plan the seating.").format(
                title=meeting.title
            )
        )
    return tables


def _deal(
    meeting_id: int, tables: list[MeetingTable], people: list[tuple[int, str, str]]
) -> TablePlan:
    pools: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for pid, group, category in people:
        pools[f"category:{category}" if category in _POOLED else f"group:{group}"].append(
            (pid, group)
        )
    seated: dict[int, list[int]] = {t.number: [] for t in tables}
    pool_count: dict[int, Counter[str]] = {t.number: Counter() for t in tables}
    group_count: dict[int, Counter[str]] = {t.number: Counter() for t in tables}
    # Largest pools first, so the small ones fill the gaps they leave; names break ties.
    for pool, members in sorted(pools.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        for pid, group in sorted(members, key=lambda m: (m[1], m[0])):
            number = min(
                seated,
                key=lambda n: (pool_count[n][pool], group_count[n][group], len(seated[n]), n),
            )
            seated[number].append(pid)
            pool_count[number][pool] += 1
            group_count[number][group] += 1
    groups = sorted({group for _pid, group, _category in people})
    sizes = [len(ids) for ids in seated.values()]
    return TablePlan(
        meeting_id=meeting_id,
        tables={
            t.number: PlannedTable(
                t.id,
                t.number,
                sorted(seated[t.number]),
                dict(sorted(group_count[t.number].items())),
            )
            for t in tables
        },
        balance=Balance(
            size_spread=max(sizes) - min(sizes),
            group_spread={
                g: max(c[g] for c in group_count.values()) - min(c[g] for c in group_count.values())
                for g in groups
            },
        ),
    )
