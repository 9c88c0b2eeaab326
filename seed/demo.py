"""Build the demo initiative through the services: deterministic and idempotent.

What it makes is tagged is_demo (services/setup/demo.py), so one button removes it all again.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime

from db.database import Database
from db.models.enums import Role
from seed.agenda import AGENDA, TRUST_STATEMENTS
from seed.roster import GROUPS, deal_to_tables, people
from services.accounts import accounts, signin_accounts
from services.agenda import agenda
from services.core.actors import SYSTEM, Actor
from services.core.errors import ValidationError
from services.setup import demo, initiatives, meetings, participants, stakeholders, tables
from services.translations import translate

DEMO_NAME = "Riverside Community–Police Initiative"
TABLES = 8
SEED = 2017
# Used only when an account of the install already has one of the demo's plain usernames
# (a first facilitator called "facilitator"): the demo's logins then all get this prefix.
FALLBACK_PREFIX = "demo-"


@dataclass(frozen=True)
class DemoSummary:
    """What the seed did, for its one line of output."""

    created: bool
    initiative_id: int
    usernames: list[str]
    passwords: dict[str, str] = field(default_factory=dict)
    """Each new login's password, by username; empty when nothing was created."""


def demo_usernames(prefix: str = "") -> list[str]:
    """Every demo login: the facilitator, one scribe per table, one leader per group."""
    return [
        f"{prefix}facilitator",
        *(f"{prefix}scribe{n}" for n in range(1, TABLES + 1)),
        *(f"{prefix}leader{n}" for n in range(1, len(GROUPS) + 1)),
    ]


def build_demo(db: Database, password: str | None = None, actor: Actor = SYSTEM) -> DemoSummary:
    """Create the demo initiative unless it exists; a second run adds nothing.

    Each login gets its own generated password, unless `password` is given (DEMO_PASSWORD,
    or a test signing every login in with one known password): then all share it.

    An initiative of the demo's name that is not tagged is a demo seeded before the tag
    existed: it counts as the demo too, so an old install is not seeded twice.
    """
    existing = demo.demo_initiatives(db, actor) or [
        i for i in initiatives.list_initiatives(db) if i.name == DEMO_NAME
    ]
    if existing:
        return DemoSummary(
            False, existing[0].id, demo.demo_usernames(db, actor) or demo_usernames()
        )
    prefix = _free_prefix(db)
    rng = random.Random(SEED)
    initiative = initiatives.create_initiative(
        db,
        actor,
        initiatives.InitiativeFields(
            name=DEMO_NAME,
            city="Riverside",
            purpose="Rebuild trust between residents and police and agree how the city "
            "responds to 911 calls about people in crisis.",
        ),
    )
    # Tagged at once: should a later step fail, "Remove the demo" still clears the rest.
    demo.mark_demo(db, actor, initiative_ids=[initiative.id])
    initiatives.set_trust_statements(db, actor, initiative.id, TRUST_STATEMENTS)
    group_ids = {
        name: stakeholders.create_stakeholder(
            db, actor, initiative.id, stakeholders.StakeholderFields(name=name, category=category)
        ).id
        for name, category, _seats in GROUPS
    }

    passwords: dict[str, str] = {}

    def login(username: str, name: str, role: Role, group_id: int | None = None) -> int:
        # 16 random characters: the password rule (services/accounts/passwords.py) always passes it.
        passwords[f"{prefix}{username}"] = password or secrets.token_urlsafe(12)
        account = accounts.create_account(
            db,
            actor,
            accounts.NewAccount(
                username=f"{prefix}{username}",
                display_name=name,
                role=role,
                password=passwords[f"{prefix}{username}"],
                stakeholder_id=group_id,
            ),
        )
        demo.mark_demo(db, actor, account_ids=[account.id])
        return account.id

    login("facilitator", "Facilitator", Role.FACILITATOR)
    for n, (group, _category, _seats) in enumerate(GROUPS, start=1):
        login(f"leader{n}", f"Leader for {group}", Role.LEADER, group_ids[group])
    meeting = meetings.create_meeting(
        db,
        actor,
        initiative.id,
        meetings.MeetingFields(
            title="Community Problem-Solving Session",
            starts_at=datetime(2027, 1, 16, 15, 0, tzinfo=UTC),
            location="Riverside Community Center",
        ),
    )
    table_ids = {}
    for n in range(1, TABLES + 1):
        scribe_id = login(f"scribe{n}", f"Scribe, table {n}", Role.SCRIBE)
        table_ids[n] = tables.create_table(
            db,
            actor,
            meeting.id,
            # No name: a table is known by its number, in either language ("Mesa 1");
            # named "Table 1", the Spanish record read "Mesa 1 (Table 1)".
            tables.TableFields(number=n, name="", scribe_account_id=scribe_id),
        ).id
    seats = people(rng)
    for (name, group), table in zip(seats, deal_to_tables(seats, TABLES), strict=True):
        handle = name.lower().replace(" ", ".")
        participants.create_participant(
            db,
            actor,
            initiative.id,
            participants.ParticipantFields(
                name=name,
                stakeholder_id=group_ids[group],
                email=f"{handle}@example.org",
                table_id=table_ids[table],
            ),
        )
    for title, step, skill, minutes, goal, prompt in AGENDA:
        item = agenda.add_item(
            db,
            actor,
            meeting.id,
            agenda.ItemFields(
                title=title, step=step, minutes=minutes, skill=skill, goal=goal, prompt=prompt
            ),
        )
        # The demo's agenda reads in Spanish too, marked as a translation of the English.
        translate.translate_all(db, actor, agenda.standard_translations(item))
    usernames = demo_usernames(prefix)
    return DemoSummary(True, initiative.id, usernames, {u: passwords[u] for u in usernames})


def _free_prefix(db: Database) -> str:
    """'' when the demo's usernames are all free, else the fallback prefix if those are.

    Checked before anything is written, so a clash never leaves half a demo behind.
    """
    for prefix in ("", FALLBACK_PREFIX):
        names = demo_usernames(prefix)
        if not any(signin_accounts.get_account_by_username(db, n) for n in names):
            return prefix
    raise ValidationError(
        f"The demo's logins ({demo_usernames()[0]}, {demo_usernames(FALLBACK_PREFIX)[0]} …) "
        "are already taken by accounts of this install, so the demo cannot be added. "
        "Start a new initiative instead."
    )
