"""Build the demo initiative through the services: deterministic and idempotent."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime

from db.database import Database
from db.models.enums import Role
from seed.agenda import AGENDA, TRUST_STATEMENTS
from seed.roster import GROUPS, deal_to_tables, people
from services import (
    accounts,
    agenda,
    initiatives,
    meetings,
    participants,
    stakeholders,
    tables,
)
from services.actors import SYSTEM

DEMO_NAME = "Riverside Community–Police Initiative"
TABLES = 8
SEED = 2017


@dataclass(frozen=True)
class DemoSummary:
    """What the seed did, for its one line of output."""

    created: bool
    initiative_id: int
    usernames: list[str]


def demo_usernames() -> list[str]:
    """Every demo login: the facilitator, one scribe per table, one leader per group."""
    return [
        "facilitator",
        *(f"scribe{n}" for n in range(1, TABLES + 1)),
        *(f"leader{n}" for n in range(1, len(GROUPS) + 1)),
    ]


def build_demo(db: Database, password: str) -> DemoSummary:
    """Create the demo initiative unless it exists; a second run adds nothing."""
    existing = [i for i in initiatives.list_initiatives(db) if i.name == DEMO_NAME]
    if existing:
        return DemoSummary(False, existing[0].id, demo_usernames())
    rng = random.Random(SEED)
    initiative = initiatives.create_initiative(
        db,
        SYSTEM,
        DEMO_NAME,
        city="Riverside",
        purpose="Rebuild trust between residents and police and agree how the city "
        "responds to 911 calls about people in crisis.",
    )
    initiatives.set_trust_statements(db, SYSTEM, initiative.id, TRUST_STATEMENTS)
    group_ids = {
        name: stakeholders.create_stakeholder(db, SYSTEM, initiative.id, name, category).id
        for name, category, _seats in GROUPS
    }
    accounts.create_account(db, SYSTEM, "facilitator", "Facilitator", Role.FACILITATOR, password)
    for n, (group, _category, _seats) in enumerate(GROUPS, start=1):
        accounts.create_account(
            db,
            SYSTEM,
            f"leader{n}",
            f"Leader for {group}",
            Role.LEADER,
            password,
            stakeholder_id=group_ids[group],
        )
    meeting = meetings.create_meeting(
        db,
        SYSTEM,
        initiative.id,
        "Community Problem-Solving Session",
        starts_at=datetime(2027, 1, 16, 15, 0, tzinfo=UTC),
        location="Riverside Community Center",
    )
    table_ids = {}
    for n in range(1, TABLES + 1):
        scribe = accounts.create_account(
            db, SYSTEM, f"scribe{n}", f"Scribe, table {n}", Role.SCRIBE, password
        )
        table_ids[n] = tables.create_table(
            db, SYSTEM, meeting.id, n, name=f"Table {n}", scribe_account_id=scribe.id
        ).id
    seats = people(rng)
    for (name, group), table in zip(seats, deal_to_tables(seats, TABLES), strict=True):
        handle = name.lower().replace(" ", ".")
        participants.create_participant(
            db,
            SYSTEM,
            initiative.id,
            name,
            group_ids[group],
            email=f"{handle}@example.org",
            table_id=table_ids[table],
        )
    for title, step, skill, minutes, goal, prompt in AGENDA:
        agenda.add_item(
            db, SYSTEM, meeting.id, title, step, minutes, skill=skill, goal=goal, prompt=prompt
        )
    return DemoSummary(True, initiative.id, demo_usernames())
