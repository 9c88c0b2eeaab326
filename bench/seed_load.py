"""Rooms for the load benchmark: live meetings at 1× (56 people, 600 ideas, 3,000 votes) or more.

One database can hold several rooms, each its own initiative with its own scribes, codes
and projector, so a later mode can spread a larger crowd over several servers.

The structure (initiative, groups, meeting, agenda, tables, the room going live, the
rounds) goes through the services, as a facilitator would build it. The bulk — thousands
of ideas, notes and votes — is inserted straight through the ORM in one transaction per
kind: through the services, 30,000 votes at 10× would take minutes of seeding per run.
The bulk rows keep every rule the services keep: ballots add up to their votes and stay
within budget, and every idea and note belongs to a table of its meeting.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass

import bcrypt
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Account, Ballot, Idea, ListeningNote, Meeting, Participant, Vote
from db.models.enums import Choice, Role, Step
from seed.roster import GROUPS
from services.agenda import agenda
from services.converge import voting_items, voting_rounds
from services.core import codes
from services.core.actors import SYSTEM
from services.room import room_control
from services.setup import initiatives, meetings, stakeholders, tables
from services.setup.tables import TABLE_NUMBER_MAX

PEOPLE = 56
TABLES = 10
IDEAS = 600
NOTES = 300
CLOSED_ITEMS = 45
"""Agree/disagree statements already voted on: 56 × 45 = 2,520 of the 3,000 votes."""
OPEN_ITEMS = 15
OPEN_BUDGET = 15
OPEN_MAX = 3
OPEN_VOTES_EACH = 480 / PEOPLE
"""The open dot round holds the other 480 votes (one dot each), leaving budget to tap."""
FACILITATOR = "bench-facilitator"


@dataclass(frozen=True)
class Room:
    """What the load generator needs to play one room."""

    number: int
    meeting_code: str
    voter_codes: tuple[str, ...]
    scribes: tuple[tuple[str, int], ...]
    """(username, table number) of every scribe."""


@dataclass(frozen=True)
class Seeded:
    """Every room of the database, and the password of every bench login."""

    rooms: tuple[Room, ...]
    password: str
    facilitator: str = FACILITATOR


def seed_rooms(db: Database, rooms: int = 1, scale: int = 1, password: str = "") -> Seeded:
    """Add `rooms` live meetings at `scale` × the 1× room, and the facilitator if missing."""
    password = password or secrets.token_urlsafe(16)
    # One bcrypt hash for every bench login: hashing 100 accounts one by one costs ~25 s.
    hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt()).decode()
    _ensure_facilitator(db, hashed)
    first = _rooms_so_far(db) + 1
    built = tuple(seed_room(db, n, scale, hashed) for n in range(first, first + rooms))
    return Seeded(built, password)


def seed_room(db: Database, number: int, scale: int, hashed: str) -> Room:
    """One live meeting on its ideas step, input open, a dot round open and one closed."""
    rng = random.Random(number * 1000 + scale)
    name = f"Bench room {number} at {scale}x"
    initiative = initiatives.create_initiative(
        db, SYSTEM, initiatives.InitiativeFields(name=name, city=f"Benchville {number}")
    )
    groups = [
        stakeholders.create_stakeholder(
            db, SYSTEM, initiative.id, stakeholders.StakeholderFields(name=g, category=category)
        ).id
        for g, category, _seats in GROUPS
    ]
    meeting = meetings.create_meeting(
        db, SYSTEM, initiative.id, meetings.MeetingFields(title=f"Session of room {number}")
    )
    agenda.add_item(
        db, SYSTEM, meeting.id, agenda.ItemFields(title="Listen", step=Step.LISTEN, minutes=30)
    )
    ideas_step = agenda.add_item(
        db,
        SYSTEM,
        meeting.id,
        agenda.ItemFields(
            title="Ideas", step=Step.DIVERGE, minutes=40, prompt="What should the city try?"
        ),
    )
    agenda.add_item(
        db, SYSTEM, meeting.id, agenda.ItemFields(title="Vote", step=Step.CONVERGE, minutes=30)
    )
    # The app numbers tables 1 to TABLE_NUMBER_MAX (50), so 10× has 50 tables of 11, not 100.
    scribes = _scribes(db, number, min(scale * TABLES, TABLE_NUMBER_MAX), hashed)
    table_ids = [
        tables.create_table(
            db, SYSTEM, meeting.id, tables.TableFields(number=n, scribe_account_id=account_id)
        ).id
        for n, (_username, account_id) in enumerate(scribes, start=1)
    ]
    spread = _Spread(groups, table_ids, rng)
    codes = _participants(db, initiative.id, spread, scale * PEOPLE)
    idea_ids = _ideas(db, meeting.id, spread, scale * IDEAS)
    _notes(db, meeting.id, spread, scale * NOTES)
    _closed_round(db, meeting.id, idea_ids[:CLOSED_ITEMS], rng)
    _open_round(db, meeting.id, idea_ids[CLOSED_ITEMS : CLOSED_ITEMS + OPEN_ITEMS], rng)
    room_control.start_meeting(db, SYSTEM, meeting.id)
    room_control.go_to_step(db, SYSTEM, meeting.id, ideas_step.id)
    room_control.set_input(db, SYSTEM, meeting.id, True)
    return Room(
        number=number,
        meeting_code=meeting.code,
        voter_codes=tuple(codes),
        scribes=tuple((u, n) for n, (u, _id) in enumerate(scribes, start=1)),
    )


def _ensure_facilitator(db: Database, hashed: str) -> None:
    with db.write() as s:
        account = s.query(Account).filter_by(username=FACILITATOR).one_or_none()
        if account is None:
            s.add(
                Account(
                    username=FACILITATOR,
                    display_name="Bench facilitator",
                    role=Role.FACILITATOR,
                    password_hash=hashed,
                )
            )
        else:
            account.password_hash = hashed


def _rooms_so_far(db: Database) -> int:
    return sum(1 for i in initiatives.list_initiatives(db) if i.name.startswith("Bench room "))


def _scribes(db: Database, room: int, count: int, hashed: str) -> list[tuple[str, int]]:
    with db.write() as s:
        accounts = [
            Account(
                username=f"room{room}-scribe{n}",
                display_name=f"Scribe {n}, room {room}",
                role=Role.SCRIBE,
                password_hash=hashed,
            )
            for n in range(1, count + 1)
        ]
        s.add_all(accounts)
        s.flush()
        return [(a.username, a.id) for a in accounts]


@dataclass(frozen=True, slots=True)
class _Spread:
    """Where made-up rows go: among these groups and tables, drawn by `rng`."""

    groups: list[int]
    table_ids: list[int]
    rng: random.Random


def _participants(db: Database, initiative_id: int, spread: _Spread, count: int) -> list[str]:
    groups, table_ids, rng = spread.groups, spread.table_ids, spread.rng
    with db.write() as s:
        people = [
            Participant(
                initiative_id=initiative_id,
                stakeholder_id=groups[n % len(groups)],
                table_id=table_ids[n % len(table_ids)],
                name=f"{rng.choice(_FIRST)} {rng.choice(_LAST)} {n}",
                code=codes.new_code(),
            )
            for n in range(count)
        ]
        s.add_all(people)
        return [p.code for p in people]


def _ideas(db: Database, meeting_id: int, spread: _Spread, count: int) -> list[int]:
    groups, table_ids, rng = spread.groups, spread.table_ids, spread.rng
    with db.write() as s:
        rows = [
            Idea(
                meeting_id=meeting_id,
                table_id=table_ids[n % len(table_ids)],
                stakeholder_id=rng.choice(groups),
                text=idea_text(rng),
            )
            for n in range(count)
        ]
        s.add_all(rows)
        s.flush()
        return [r.id for r in rows]


def _notes(db: Database, meeting_id: int, spread: _Spread, count: int) -> None:
    groups, table_ids, rng = spread.groups, spread.table_ids, spread.rng
    with db.write() as s:
        s.add_all(
            ListeningNote(
                meeting_id=meeting_id,
                table_id=table_ids[n % len(table_ids)],
                stakeholder_id=rng.choice(groups),
                said=idea_text(rng),
                paraphrase=idea_text(rng),
                interest=rng.choice(_OUTCOMES),
            )
            for n in range(count)
        )


def _closed_round(db: Database, meeting_id: int, idea_ids: list[int], rng: random.Random) -> None:
    rnd = voting_rounds.create_round(
        db,
        SYSTEM,
        meeting_id,
        voting_rounds.NewRound(title="Statements", mode="agree_disagree", idea_ids=idea_ids),
    )
    voting_rounds.open_round(db, SYSTEM, rnd.id)
    items = [i.id for i in voting_items.round_items(db, SYSTEM, rnd.id)]
    choices = list(Choice)
    with db.write() as s:
        voters = _voter_ids(s, meeting_id)
        s.add_all(Ballot(round_id=rnd.id, participant_id=p, budget=rnd.budget) for p in voters)
        s.add_all(
            Vote(round_id=rnd.id, round_item_id=i, participant_id=p, choice=rng.choice(choices))
            for p in voters
            for i in items
        )
    voting_rounds.close_round(db, SYSTEM, rnd.id)


def _open_round(db: Database, meeting_id: int, idea_ids: list[int], rng: random.Random) -> None:
    rnd = voting_rounds.create_round(
        db,
        SYSTEM,
        meeting_id,
        voting_rounds.NewRound(
            title="Priorities",
            mode="dots",
            budget=OPEN_BUDGET,
            max_per_item=OPEN_MAX,
            idea_ids=idea_ids,
        ),
    )
    voting_rounds.open_round(db, SYSTEM, rnd.id)
    items = [i.id for i in voting_items.round_items(db, SYSTEM, rnd.id)]
    with db.write() as s:
        for n, person in enumerate(_voter_ids(s, meeting_id)):
            # 8 or 9 single dots each, so the room totals 480 and every voter has dots left.
            chosen = rng.sample(items, int(OPEN_VOTES_EACH * (n + 1)) - int(OPEN_VOTES_EACH * n))
            s.add(
                Ballot(
                    round_id=rnd.id, participant_id=person, budget=rnd.budget, dots_used=len(chosen)
                )
            )
            s.add_all(
                Vote(round_id=rnd.id, round_item_id=i, participant_id=person, dots=1)
                for i in chosen
            )


def _voter_ids(s: Session, meeting_id: int) -> list[int]:
    initiative_id = s.get_one(Meeting, meeting_id).initiative_id
    query = s.query(Participant.id).filter_by(initiative_id=initiative_id)
    return [pid for (pid,) in query.order_by(Participant.id)]


def idea_text(rng: random.Random) -> str:
    """A plausible idea in the room's words; hundreds of distinct words, as in a real room."""
    return (
        f"{rng.choice(_VERBS)} {rng.choice(_THINGS)} {rng.choice(_LINKS)} "
        f"{rng.choice(_PEOPLE)} {rng.choice(_PLACES)}, so {rng.choice(_OUTCOMES)}"
    )


_FIRST = ["Ana", "Ben", "Carla", "Dev", "Elena", "Farid", "Grace", "Hector", "Imani", "Jamal"]
_LAST = ["Alvarez", "Brooks", "Castillo", "Diallo", "Evans", "Fischer", "Garcia", "Haddad"]
_VERBS = [
    "Fund", "Pilot", "Expand", "Train", "Publish", "Review", "Create", "Staff", "Measure",
    "Share", "Open", "Hire", "Pair", "Coordinate", "Budget", "Schedule", "Invite", "Map",
]  # fmt: skip
_THINGS = [
    "crisis response teams", "mental health clinicians", "mobile outreach vans",
    "de-escalation training", "body camera footage", "call triage protocols",
    "community liaison officers", "youth mentoring programs", "peer support networks",
    "a civilian oversight panel", "a 988 hotline link", "translated dispatch scripts",
    "overdose prevention kits", "housing navigators", "street medicine teams",
    "restorative justice circles", "quarterly town halls", "open data dashboards",
    "neighborhood safety walks", "violence interrupters", "school resource reviews",
    "after-hours drop-in centers", "co-responder shifts", "complaint tracking",
]  # fmt: skip
_LINKS = ["for", "with", "alongside", "serving", "led by", "chosen by", "trusted by"]
_PEOPLE = [
    "residents", "teenagers", "elders", "tenants", "shop owners", "parents", "veterans",
    "unhoused neighbors", "dispatchers", "nurses", "teachers", "faith leaders", "immigrants",
    "council members", "patrol officers", "social workers", "survivors", "students",
]  # fmt: skip
_PLACES = [
    "on the east side", "near the river", "in public housing", "downtown", "at bus stops",
    "around schools", "in every precinct", "at the library", "in the industrial park",
    "along Main Street", "in the north hills", "at night", "on weekends", "citywide",
]  # fmt: skip
_OUTCOMES = [
    "fewer calls end in arrest", "people in crisis get care faster", "response times drop",
    "trust grows both ways", "officers can focus on violent crime", "families feel heard",
    "complaints get answered", "youth see a future here", "nobody waits alone",
    "the budget follows what works", "neighbors know who to call", "data stays public",
    "language is no barrier", "repeat emergencies fall", "the city learns each month",
]  # fmt: skip
