"""A small room built straight through the ORM, so service tests need no other service."""

from __future__ import annotations

from dataclasses import dataclass

from db.database import Database
from db.models import (
    Account,
    AgendaItem,
    Conflict,
    ConflictParty,
    Initiative,
    Meeting,
    MeetingTable,
    Participant,
    Stakeholder,
)
from db.models.enums import MeetingStatus, Role, Skill, StakeholderCategory, Step
from services.core.actors import Actor
from services.resolve import conflict_parties, conflicts


@dataclass(frozen=True)
class Room:
    """Ids and actors of a two-table meeting with police and residents."""

    initiative_id: int
    meeting_id: int
    police_id: int
    residents_id: int
    table1_id: int
    table2_id: int
    item_ids: list[int]
    participant_ids: list[int]
    facilitator: Actor
    scribe1: Actor
    scribe2: Actor
    leader: Actor


def account_of(actor: Actor) -> int:
    """The account an actor of these rooms signs in with (only SYSTEM has none)."""
    assert actor.account_id is not None, f"{actor.name} has no account"
    return actor.account_id


def build_room(db: Database) -> Room:
    """Two groups, two tables with a scribe each, four participants, a three-step agenda."""
    with db.write() as s:
        ini = Initiative(name="Test City Initiative", city="Test City")
        s.add(ini)
        s.flush()
        police = Stakeholder(
            initiative_id=ini.id, name="Police", category=StakeholderCategory.POLICE_DEPARTMENT
        )
        residents = Stakeholder(
            initiative_id=ini.id, name="Residents", category=StakeholderCategory.RESIDENTS_911
        )
        s.add_all([police, residents])
        s.flush()
        accounts = [
            Account(username=u, display_name=u.title(), role=r, password_hash="x", stakeholder_id=g)
            for u, r, g in [
                ("fac", Role.FACILITATOR, None),
                ("s1", Role.SCRIBE, None),
                ("s2", Role.SCRIBE, None),
                ("lead", Role.LEADER, police.id),
            ]
        ]
        s.add_all(accounts)
        meeting = Meeting(
            initiative_id=ini.id, title="Meeting", code="meet-code", status=MeetingStatus.LIVE
        )
        s.add(meeting)
        s.flush()
        t1 = MeetingTable(meeting_id=meeting.id, number=1, scribe_account_id=accounts[1].id)
        t2 = MeetingTable(meeting_id=meeting.id, number=2, scribe_account_id=accounts[2].id)
        items = [
            AgendaItem(meeting_id=meeting.id, position=i, title=t, step=st, skill=sk, minutes=20)
            for i, (t, st, sk) in enumerate(
                [
                    ("Listen", Step.LISTEN, Skill.ACTIVE_LISTENING),
                    ("Ideas", Step.DIVERGE, Skill.DIVERGENT_CONVERGENT),
                    ("Vote", Step.CONVERGE, Skill.DIVERGENT_CONVERGENT),
                ],
                start=1,
            )
        ]
        s.add_all([t1, t2, *items])
        s.flush()
        meeting.current_item_id = items[0].id
        meeting.input_open = True
        people = [
            Participant(
                initiative_id=ini.id, stakeholder_id=g, table_id=t, name=f"P{i}", code=f"code-{i}"
            )
            for i, (g, t) in enumerate(
                [
                    (police.id, t1.id),
                    (residents.id, t1.id),
                    (police.id, t2.id),
                    (residents.id, t2.id),
                ]
            )
        ]
        s.add_all(people)
        s.flush()
        return Room(
            initiative_id=ini.id,
            meeting_id=meeting.id,
            police_id=police.id,
            residents_id=residents.id,
            table1_id=t1.id,
            table2_id=t2.id,
            item_ids=[i.id for i in items],
            participant_ids=[p.id for p in people],
            facilitator=Actor(accounts[0].id, Role.FACILITATOR, "Fac"),
            scribe1=Actor(accounts[1].id, Role.SCRIBE, "S1"),
            scribe2=Actor(accounts[2].id, Role.SCRIBE, "S2"),
            leader=Actor(accounts[3].id, Role.LEADER, "Lead"),
        )


@dataclass(frozen=True)
class Elsewhere:
    """Ids in a second initiative, for checking that nothing crosses between initiatives."""

    initiative_id: int
    group_id: int
    meeting_id: int
    table_id: int
    participant_id: int


def build_elsewhere(db: Database) -> Elsewhere:
    """Another initiative with one group, meeting, table and participant."""
    with db.write() as s:
        other = Initiative(name="Elsewhere")
        s.add(other)
        s.flush()
        group = Stakeholder(
            initiative_id=other.id, name="Others", category=StakeholderCategory.OTHER
        )
        meeting = Meeting(initiative_id=other.id, title="Away", code="away-code")
        s.add_all([group, meeting])
        s.flush()
        table = MeetingTable(meeting_id=meeting.id, number=7)
        person = Participant(initiative_id=other.id, stakeholder_id=group.id, name="Z", code="z")
        s.add_all([table, person])
        s.flush()
        return Elsewhere(other.id, group.id, meeting.id, table.id, person.id)


@dataclass(frozen=True)
class Crowd:
    """A live meeting at full size: a scribe per table and a voter per seat."""

    meeting_id: int
    facilitator: Actor
    scribes: list[tuple[Actor, int]]
    codes: list[str]


def build_crowd(db: Database, tables: int, voters: int) -> Crowd:
    """A live meeting on its ideas step, input open, `tables` scribes and `voters` people."""
    with db.write() as s:
        ini = Initiative(name="Crowded City")
        s.add(ini)
        s.flush()
        groups = [
            Stakeholder(initiative_id=ini.id, name=n, category=c)
            for n, c in [
                ("Police", StakeholderCategory.POLICE_DEPARTMENT),
                ("Residents", StakeholderCategory.RESIDENTS_911),
                ("Youth", StakeholderCategory.YOUTH),
            ]
        ]
        fac = Account(
            username="crowd-fac", display_name="Fac", role=Role.FACILITATOR, password_hash="x"
        )
        meeting = Meeting(
            initiative_id=ini.id, title="Crowd", code="crowd", status=MeetingStatus.LIVE
        )
        s.add_all([*groups, fac, meeting])
        s.flush()
        step = AgendaItem(
            meeting_id=meeting.id, position=1, title="Ideas", step=Step.DIVERGE, minutes=30
        )
        s.add(step)
        s.flush()
        meeting.current_item_id, meeting.input_open = step.id, True
        scribes = []
        seats = []
        for n in range(1, tables + 1):
            account = Account(
                username=f"crowd-s{n}", display_name=f"S{n}", role=Role.SCRIBE, password_hash="x"
            )
            s.add(account)
            s.flush()
            table = MeetingTable(meeting_id=meeting.id, number=n, scribe_account_id=account.id)
            s.add(table)
            s.flush()
            scribes.append((Actor(account.id, Role.SCRIBE, f"S{n}"), table.id))
            seats.append(table.id)
        people = [
            Participant(
                initiative_id=ini.id,
                stakeholder_id=groups[i % len(groups)].id,
                table_id=seats[i % len(seats)],
                name=f"Voter {i}",
                code=f"crowd-{i}",
            )
            for i in range(voters)
        ]
        s.add_all(people)
        s.flush()
        return Crowd(
            meeting.id, Actor(fac.id, Role.FACILITATOR, "Fac"), scribes, [p.code for p in people]
        )


def table_conflict(
    db: Database, room: Room, issue: str, position: str, interests: str = ""
) -> tuple[Conflict, ConflictParty]:
    """A conflict raised by table 1's scribe at their table, and the police's side of it,
    as the conflicts screen records them."""
    made = conflicts.create_conflict(
        db, room.scribe1, room.meeting_id, conflicts.ConflictFields(issue=issue), room.table1_id
    )
    side = conflict_parties.PartyFields(
        stakeholder_id=room.police_id, position=position, interests=interests
    )
    return made, conflict_parties.set_party(db, room.scribe1, made.id, side)
