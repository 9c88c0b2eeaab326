"""Seating plans: every table a mix of the groups, police and residents at each."""

from dataclasses import dataclass

import pytest
from sqlalchemy import select

from db.models import Initiative, Meeting, MeetingTable, Participant, Stakeholder
from db.models.enums import Role
from db.models.enums import StakeholderCategory as Cat
from services.core.actors import SYSTEM, Actor
from services.core.audit import history
from services.core.errors import PermissionDenied, ValidationError
from services.setup import participants
from services.setup.table_plan import apply_plan, plan_tables

pytestmark = pytest.mark.both_databases  # seating counts; table numbers unique

FAC = Actor(None, Role.FACILITATOR, "Fac")


@dataclass(frozen=True)
class Hall:
    initiative_id: int
    meeting_id: int


def build_hall(db, tables: int, groups: dict[str, tuple[Cat, int]]) -> Hall:
    """A meeting with `tables` tables and, per group, that many people of its category."""
    with db.write() as s:
        ini = Initiative(name="Plan City")
        s.add(ini)
        s.flush()
        meeting = Meeting(initiative_id=ini.id, title="Kick-off", code="plan-code")
        s.add(meeting)
        s.flush()
        s.add_all(MeetingTable(meeting_id=meeting.id, number=n) for n in range(1, tables + 1))
        for name, (category, count) in groups.items():
            group = Stakeholder(initiative_id=ini.id, name=name, category=category)
            s.add(group)
            s.flush()
            s.add_all(
                Participant(
                    initiative_id=ini.id,
                    stakeholder_id=group.id,
                    name=f"{name} {i}",
                    code=f"{name}-{i}",
                )
                for i in range(count)
            )
        return Hall(ini.id, meeting.id)


EIGHT_GROUPS = {
    "Police": (Cat.POLICE_DEPARTMENT, 7),
    "Residents": (Cat.RESIDENTS_911, 7),
    "Youth": (Cat.YOUTH, 7),
    "Mayor": (Cat.MAYORS_OFFICE, 7),
    "Council": (Cat.CITY_COUNCIL, 7),
    "Services": (Cat.SOCIAL_SERVICES, 7),
    "Faith": (Cat.FAITH, 7),
    "Business": (Cat.BUSINESS, 7),
}


def test_56_people_in_8_groups_sit_7_to_a_table_with_no_group_twice_at_one(db):
    hall = build_hall(db, 8, EIGHT_GROUPS)
    plan = plan_tables(db, FAC, hall.meeting_id)
    assert sorted(plan.tables) == list(range(1, 9))
    assert [len(t.participant_ids) for t in plan.tables.values()] == [7] * 8
    # Seven of a group over eight tables: each group misses one table, none sits twice.
    assert all(set(t.by_group.values()) == {1} for t in plan.tables.values())
    assert plan.balance.size_spread == 0
    assert plan.balance.group_spread == {g: 1 for g in sorted(EIGHT_GROUPS)}


def test_60_people_over_10_tables_sit_6_each_with_police_and_residents_at_every_table(db):
    groups = {
        "Police": (Cat.POLICE_DEPARTMENT, 10),
        "Residents": (Cat.RESIDENTS_911, 14),
        "Youth": (Cat.YOUTH, 8),
        "Services": (Cat.SOCIAL_SERVICES, 8),
        "Commission": (Cat.COMMUNITY_POLICE_COMMISSION, 6),
        "Council": (Cat.CITY_COUNCIL, 5),
        "Bridge": (Cat.BRIDGE_BUILDING, 5),
        "Mayor": (Cat.MAYORS_OFFICE, 4),
    }
    hall = build_hall(db, 10, groups)
    plan = plan_tables(db, FAC, hall.meeting_id)
    assert [len(t.participant_ids) for t in plan.tables.values()] == [6] * 10
    assert all(t.by_group["Police"] >= 1 for t in plan.tables.values())
    assert all(t.by_group["Residents"] >= 1 for t in plan.tables.values())
    assert max(plan.balance.group_spread.values()) <= 1


def test_police_split_into_two_groups_still_reach_every_table(db):
    groups = {
        "Patrol": (Cat.POLICE_DEPARTMENT, 3),
        "Command": (Cat.POLICE_DEPARTMENT, 2),
        "Residents": (Cat.RESIDENTS_911, 5),
    }
    hall = build_hall(db, 4, groups)
    plan = plan_tables(db, FAC, hall.meeting_id)
    for table in plan.tables.values():
        assert table.by_group.get("Patrol", 0) + table.by_group.get("Command", 0) >= 1


def test_fewer_police_than_tables_sit_one_per_table_as_far_as_they_go(db):
    groups = {"Police": (Cat.POLICE_DEPARTMENT, 3), "Residents": (Cat.RESIDENTS_911, 29)}
    hall = build_hall(db, 8, groups)
    plan = plan_tables(db, FAC, hall.meeting_id)
    police = [t.by_group.get("Police", 0) for t in plan.tables.values()]
    assert sorted(police) == [0] * 5 + [1] * 3
    assert plan.balance.size_spread == 0


def test_the_same_roster_gives_the_same_plan(db):
    hall = build_hall(db, 8, EIGHT_GROUPS)
    assert plan_tables(db, FAC, hall.meeting_id) == plan_tables(db, FAC, hall.meeting_id)


def test_plans_only_the_people_chosen(db):
    hall = build_hall(db, 2, {"Police": (Cat.POLICE_DEPARTMENT, 2), "Youth": (Cat.YOUTH, 2)})
    chosen = [p.id for p in participants.list_participants(db, FAC, hall.initiative_id)][:3]
    plan = plan_tables(db, FAC, hall.meeting_id, chosen)
    assert sorted(i for t in plan.tables.values() for i in t.participant_ids) == sorted(chosen)


def test_applying_a_plan_seats_everyone_and_records_it(db):
    hall = build_hall(db, 8, EIGHT_GROUPS)
    plan = plan_tables(db, FAC, hall.meeting_id)
    assert apply_plan(db, FAC, hall.meeting_id, plan) == 56
    with db.read() as s:
        seats = dict(s.execute(select(Participant.id, Participant.table_id)).all())
    for table in plan.tables.values():
        assert {seats[i] for i in table.participant_ids} == {table.table_id}
    [entry] = history(db, SYSTEM, "meeting", hall.meeting_id)
    assert entry.detail == {"seated": 56, "tables": 8}


def test_applying_a_plan_after_someone_left_refuses_and_seats_nobody(db):
    hall = build_hall(db, 2, {"Police": (Cat.POLICE_DEPARTMENT, 2), "Youth": (Cat.YOUTH, 2)})
    plan = plan_tables(db, FAC, hall.meeting_id)
    participants.remove_participant(db, FAC, plan.tables[1].participant_ids[0])
    with pytest.raises(ValidationError, match="left the roster"):
        apply_plan(db, FAC, hall.meeting_id, plan)
    with db.read() as s:
        assert s.scalars(select(Participant.table_id)).all() == [None] * 3


def test_refuses_a_meeting_with_no_tables_with_a_message(db):
    hall = build_hall(db, 0, {"Police": (Cat.POLICE_DEPARTMENT, 2)})
    with pytest.raises(ValidationError, match="Kick-off has no tables yet"):
        plan_tables(db, FAC, hall.meeting_id)


def test_only_a_facilitator_may_plan_or_apply(db):
    hall = build_hall(db, 2, {"Police": (Cat.POLICE_DEPARTMENT, 2)})
    scribe = Actor(None, Role.SCRIBE, "S")
    plan = plan_tables(db, FAC, hall.meeting_id)
    with pytest.raises(PermissionDenied):
        plan_tables(db, scribe, hall.meeting_id)
    with pytest.raises(PermissionDenied):
        apply_plan(db, scribe, hall.meeting_id, plan)


def _mark_absent(db, participant_ids):
    with db.write() as s:
        for pid in participant_ids:
            s.get_one(Participant, pid).absent = True


def test_people_marked_absent_get_no_seat_and_the_rest_stay_even(db):
    hall = build_hall(db, 2, {"Police": (Cat.POLICE_DEPARTMENT, 4), "Youth": (Cat.YOUTH, 4)})
    everyone = [p.id for p in participants.list_participants(db, FAC, hall.initiative_id)]
    absent = everyone[:2]  # two police
    _mark_absent(db, absent)
    plan = plan_tables(db, FAC, hall.meeting_id)
    planned = sorted(i for t in plan.tables.values() for i in t.participant_ids)
    assert planned == sorted(set(everyone) - set(absent))
    assert [t.by_group for t in plan.tables.values()] == [
        {"Police": 1, "Youth": 2},
        {"Police": 1, "Youth": 2},
    ]
    assert apply_plan(db, FAC, hall.meeting_id, plan) == 6
    with db.read() as s:
        seats = dict(s.execute(select(Participant.id, Participant.table_id)).all())
    assert [seats[pid] for pid in absent] == [None, None]


def test_choosing_someone_absent_for_a_plan_is_refused_in_words(db):
    hall = build_hall(db, 2, {"Police": (Cat.POLICE_DEPARTMENT, 2)})
    chosen = [p.id for p in participants.list_participants(db, FAC, hall.initiative_id)]
    _mark_absent(db, chosen[:1])
    with pytest.raises(ValidationError, match="marked absent or not on this initiative"):
        plan_tables(db, FAC, hall.meeting_id, chosen)


def test_applying_a_plan_after_someone_was_marked_absent_refuses_and_seats_nobody(db):
    hall = build_hall(db, 2, {"Police": (Cat.POLICE_DEPARTMENT, 2), "Youth": (Cat.YOUTH, 2)})
    plan = plan_tables(db, FAC, hall.meeting_id)
    _mark_absent(db, plan.tables[2].participant_ids[:1])
    with pytest.raises(ValidationError, match="been marked absent since it was made"):
        apply_plan(db, FAC, hall.meeting_id, plan)
    with db.read() as s:
        assert s.scalars(select(Participant.table_id)).all() == [None] * 4
