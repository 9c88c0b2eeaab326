"""The reads of converge/ and setup/ that took only ids now take the reader, and refuse
whoever may not read them (tests/test_reads_take_an_actor.py finds such reads)."""

import pytest

from db.models import Account
from db.models.enums import VoteMode
from services.converge import voting_reveal, voting_rounds
from services.core.errors import PermissionDenied
from services.room import ideas
from services.setup import demo, inclusion, meetings, stakeholders, tables
from tests.factories import build_elsewhere, build_room


def test_a_rounds_reads_are_for_the_people_of_its_initiative(db):
    room = build_room(db)
    idea = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Lights")
    ).id
    rnd = voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(title="R", mode=VoteMode.DOTS, idea_ids=[idea]),
    )
    voting_rounds.open_round(db, room.facilitator, rnd.id)
    for member in (room.facilitator, room.leader, room.scribe1):
        assert voting_rounds.get_round(db, member, rnd.id).title == "R"
        assert voting_reveal.turnout(db, member, rnd.id).expected == 4
    elsewhere = build_elsewhere(db)
    with db.write() as s:
        lead = s.get_one(Account, room.leader.account_id)
        lead.stakeholder_id = elsewhere.group_id  # now speaks for another initiative's group
    for call in (voting_rounds.get_round, voting_reveal.turnout):
        with pytest.raises(PermissionDenied):
            call(db, room.leader, rnd.id)


def test_set_ups_overviews_and_the_demo_are_for_facilitators(db):
    room = build_room(db)
    assert inclusion.inclusion_check(db, room.facilitator, room.initiative_id).warnings
    assert stakeholders.group_overview(db, room.facilitator, room.initiative_id)
    assert tables.table_overview(db, room.facilitator, room.meeting_id)
    assert demo.has_demo(db, room.facilitator) is False
    for other in (room.leader, room.scribe1):
        for call, target in [
            (inclusion.inclusion_check, room.initiative_id),
            (stakeholders.group_overview, room.initiative_id),
            (tables.table_overview, room.meeting_id),
        ]:
            with pytest.raises(PermissionDenied):
                call(db, other, target)
        for call in (demo.has_demo, demo.demo_initiatives, demo.demo_usernames):
            with pytest.raises(PermissionDenied):
                call(db, other)


def test_an_initiatives_meetings_are_for_its_people(db):
    room = build_room(db)
    elsewhere = build_elsewhere(db)
    assert [m.id for m in meetings.list_meetings(db, room.leader, room.initiative_id)] == [
        room.meeting_id
    ]
    for outsider in (room.leader, room.scribe1):
        with pytest.raises(PermissionDenied):
            meetings.list_meetings(db, outsider, elsewhere.initiative_id)


def test_the_newest_meeting_a_scribe_scribes_is_their_own(db):
    room = build_room(db)
    assert tables.newest_scribed_meeting(db, room.scribe2) == (room.initiative_id, room.meeting_id)
    assert tables.newest_scribed_meeting(db, room.leader) is None
