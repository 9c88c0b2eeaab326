"""Voice balance: each group's share of what is said against its share of the people present."""

import pytest

from db.models import Idea, ListeningNote, Meeting, MeetingTable, Participant, Stakeholder
from db.models.enums import StakeholderCategory
from services.core.actors import SYSTEM
from services.core.errors import NotFound
from services.room import voice
from tests.factories import build_elsewhere, build_room

pytestmark = pytest.mark.both_databases  # counts with sum(case ...)


def _say(db, room, police=0, residents=0, nobody=0, police_ideas=0, table_id=None):
    """Notes attributed to each group (or to none), and police ideas, at one table."""
    table_id = table_id or room.table1_id
    with db.write() as s:
        meeting_id = s.get(MeetingTable, table_id).meeting_id
        for group, n in [(room.police_id, police), (room.residents_id, residents), (None, nobody)]:
            s.add_all(
                ListeningNote(
                    meeting_id=meeting_id, table_id=table_id, stakeholder_id=group, said=f"n{i}"
                )
                for i in range(n)
            )
        s.add_all(
            Idea(meeting_id=meeting_id, stakeholder_id=room.police_id, text=f"idea {i}")
            for i in range(police_ideas)
        )


def _rows(db, room):
    return [
        (v.name, v.people, v.notes, v.ideas, v.contributions, v.under_heard)
        for v in voice.voice_balance(db, SYSTEM, room.meeting_id)
    ]


def test_a_group_far_below_its_share_of_the_room_is_flagged_first(db):
    room = build_room(db)
    _say(db, room, police=4, police_ideas=2, residents=1)
    shares = voice.voice_balance(db, SYSTEM, room.meeting_id)
    assert _rows(db, room) == [
        ("Residents", 2, 1, 0, 1, True),
        ("Police", 2, 4, 2, 6, False),
    ]
    residents = shares[0]
    assert residents.people_share == pytest.approx(0.5)
    assert residents.contribution_share == pytest.approx(1 / 7)
    assert residents.ratio == pytest.approx((1 / 7) / 0.5)
    assert shares[1].ratio == pytest.approx((6 / 7) / 0.5)


def test_a_group_with_nothing_said_while_others_speak_is_under_heard(db):
    room = build_room(db)
    _say(db, room, police=5)
    shares = voice.voice_balance(db, SYSTEM, room.meeting_id)
    assert [(v.name, v.ratio, v.under_heard) for v in shares] == [
        ("Residents", 0.0, True),
        ("Police", pytest.approx(2.0), False),
    ]


def test_exactly_half_its_fair_share_is_not_yet_under_heard(db):
    room = build_room(db)
    _say(db, room, police=6, residents=2)
    assert [(v.name, v.under_heard) for v in voice.voice_balance(db, SYSTEM, room.meeting_id)] == [
        ("Residents", False),
        ("Police", False),
    ]


def test_it_is_too_early_to_judge_below_five_contributions(db):
    room = build_room(db)
    _say(db, room, police=4)
    summary = voice.voice_summary(db, room.facilitator, room.meeting_id)
    assert (summary.too_early, summary.contributions) == (True, 4)
    assert [v.under_heard for v in summary.shares] == [False, False]
    _say(db, room, police=1)
    summary = voice.voice_summary(db, room.facilitator, room.meeting_id)
    assert (summary.too_early, [v.under_heard for v in summary.shares]) == (False, [True, False])
    assert voice.MIN_CONTRIBUTIONS == 5


def test_items_without_a_group_are_counted_apart_and_not_attributed(db):
    room = build_room(db)
    _say(db, room, police=3, residents=2, nobody=4)
    summary = voice.voice_summary(db, room.facilitator, room.meeting_id)
    assert (summary.contributions, summary.unattributed) == (5, 4)
    assert sum(v.contributions for v in summary.shares) == 5
    assert {v.name: v.contribution_share for v in summary.shares} == {
        "Police": pytest.approx(0.6),
        "Residents": pytest.approx(0.4),
    }


def test_only_people_seated_at_this_meetings_tables_count(db):
    room = build_room(db)
    elsewhere = build_elsewhere(db)
    with db.write() as s:
        # P3 (residents) moves to another meeting's table; P1 (residents) leaves their seat.
        s.get(Participant, room.participant_ids[3]).table_id = elsewhere.table_id
        s.get(Participant, room.participant_ids[1]).table_id = None
    _say(db, room, police=3, residents=3)
    summary = voice.voice_summary(db, room.facilitator, room.meeting_id)
    assert summary.counted_roster is False
    # Residents still spoke but nobody of theirs is seated: no share of people, no ratio.
    assert [(v.name, v.people, v.people_share, v.ratio, v.under_heard) for v in summary.shares] == [
        ("Police", 2, 1.0, pytest.approx(0.5), False),
        ("Residents", 0, 0.0, None, False),
    ]


def test_before_anyone_is_seated_the_initiatives_roster_counts(db):
    room = build_room(db)
    with db.write() as s:
        for pid in room.participant_ids[:3]:
            s.get(Participant, pid).table_id = None
        s.get(Participant, room.participant_ids[3]).table_id = None
        s.add(
            Participant(
                initiative_id=room.initiative_id,
                stakeholder_id=room.residents_id,
                name="Late",
                code="late",
            )
        )
    _say(db, room, police=5)
    summary = voice.voice_summary(db, room.facilitator, room.meeting_id)
    assert summary.counted_roster is True
    assert [(v.name, v.people, v.people_share) for v in summary.shares] == [
        ("Residents", 3, pytest.approx(0.6)),
        ("Police", 2, pytest.approx(0.4)),
    ]


def test_groups_with_no_people_and_nothing_said_and_other_initiatives_are_left_out(db):
    room = build_room(db)
    build_elsewhere(db)
    with db.write() as s:
        s.add(
            Stakeholder(
                initiative_id=room.initiative_id, name="Faith", category=StakeholderCategory.FAITH
            )
        )
    assert [v.name for v in voice.voice_balance(db, SYSTEM, room.meeting_id)] == [
        "Police",
        "Residents",
    ]


def test_what_was_said_in_another_meeting_does_not_count(db):
    room = build_room(db)
    with db.write() as s:
        other = Meeting(initiative_id=room.initiative_id, title="Other", code="other-code")
        s.add(other)
        s.flush()
        table = MeetingTable(meeting_id=other.id, number=1)
        s.add(table)
        s.flush()
        table_id = table.id
    _say(db, room, residents=5, table_id=table_id)
    summary = voice.voice_summary(db, room.facilitator, room.meeting_id)
    assert (summary.contributions, [v.contributions for v in summary.shares]) == (0, [0, 0])


def test_an_unknown_meeting_is_named_in_the_message(db):
    build_room(db)
    with pytest.raises(NotFound, match="No meeting with id 999"):
        voice.voice_balance(db, SYSTEM, 999)


def test_people_marked_absent_are_no_share_of_the_room(db):
    room = build_room(db)
    with db.write() as s:
        # Still linked to table 1, as a plan applied before the absence would leave them.
        s.get_one(Participant, room.participant_ids[0]).absent = True
    _say(db, room, police=1, residents=1)
    people = {
        v.name: (v.people, v.people_share) for v in voice.voice_balance(db, SYSTEM, room.meeting_id)
    }
    assert people == {"Police": (1, pytest.approx(1 / 3)), "Residents": (2, pytest.approx(2 / 3))}


def test_before_anyone_is_seated_the_roster_counts_only_people_present(db):
    room = build_room(db)
    with db.write() as s:
        for pid in room.participant_ids:
            s.get_one(Participant, pid).table_id = None
        s.get_one(Participant, room.participant_ids[1]).absent = True  # a resident
    people = {v.name: v.people for v in voice.voice_balance(db, SYSTEM, room.meeting_id)}
    assert people == {"Police": 2, "Residents": 1}
