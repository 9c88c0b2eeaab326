"""Table access and open input: who may write where, and when."""

import pytest

from db.models import Account, Initiative, Meeting, Stakeholder
from db.models.enums import MeetingStatus, Role, StakeholderCategory
from services.core.actors import Actor
from services.core.errors import NotAllowedNow, NotFound, PermissionDenied, ValidationError
from services.core.scope import (
    check_table_access,
    check_table_access_for,
    require_input_open,
    require_stakeholder,
)
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # submission keys unique (integrity retry)


def test_a_facilitator_may_act_on_any_table(db):
    room = build_room(db)
    with db.read() as s:
        assert check_table_access(s, room.facilitator, room.table2_id).number == 2


def test_a_scribe_may_act_on_their_own_table(db):
    room = build_room(db)
    with db.read() as s:
        assert check_table_access(s, room.scribe1, room.table1_id).id == room.table1_id


def test_a_scribe_is_sent_back_to_their_own_table(db):
    room = build_room(db)
    with db.read() as s, pytest.raises(PermissionDenied) as caught:
        check_table_access(s, room.scribe1, room.table2_id)
    assert caught.value.message == (
        "This is table 2's page; you are the scribe for table 1. Open your own table's link."
    )


def test_a_refusal_away_from_the_tables_page_names_what_was_refused(db):
    room = build_room(db)
    with db.read() as s, pytest.raises(PermissionDenied) as caught:
        check_table_access(s, room.scribe1, room.table2_id, "rate options")
    assert caught.value.message == (
        "You cannot rate options for table 2; you are the scribe for table 1. "
        "Open your own table's link."
    )


def test_a_scribe_without_a_table_is_told_to_ask_for_one(db):
    room = build_room(db)
    with db.write() as s:
        spare = Account(username="s3", display_name="S3", role=Role.SCRIBE, password_hash="x")
        s.add(spare)
        s.flush()
        actor = Actor(spare.id, Role.SCRIBE, "S3")
    with db.read() as s, pytest.raises(PermissionDenied, match="not the scribe for any table"):
        check_table_access(s, actor, room.table1_id)


def test_a_leader_may_not_write_at_a_table(db):
    room = build_room(db)
    with db.read() as s, pytest.raises(PermissionDenied, match="Only a facilitator or a table"):
        check_table_access(s, room.leader, room.table1_id)


def test_an_unknown_table_is_named(db):
    room = build_room(db)
    with db.read() as s, pytest.raises(NotFound, match="No table with id 999"):
        check_table_access(s, room.facilitator, 999)


def test_open_input_in_a_live_meeting_passes(db):
    room = build_room(db)
    with db.read() as s:
        require_input_open(s.get_one(Meeting, room.meeting_id))


@pytest.mark.parametrize(
    ("input_open", "status", "message"),
    [
        (False, MeetingStatus.LIVE, "Input is closed for this step. Wait for the facilitator"),
        (True, MeetingStatus.CLOSED, "This meeting has closed, so nothing more can be sent."),
        (False, MeetingStatus.CLOSED, "This meeting has closed, so nothing more can be sent."),
    ],
)
def test_input_is_refused_when_closed_or_the_meeting_is_over(db, input_open, status, message):
    room = build_room(db)
    with db.write() as s:
        meeting = s.get_one(Meeting, room.meeting_id)
        meeting.input_open, meeting.status = input_open, status
    with db.read() as s, pytest.raises(NotAllowedNow) as caught:
        require_input_open(s.get_one(Meeting, room.meeting_id))
    assert caught.value.message.startswith(message)


def test_a_group_of_another_initiative_is_refused(db):
    room = build_room(db)
    with db.write() as s:
        other = Initiative(name="Elsewhere")
        s.add(other)
        s.flush()
        group = Stakeholder(
            initiative_id=other.id, name="Youth", category=StakeholderCategory.YOUTH
        )
        s.add(group)
        s.flush()
        group_id = group.id
    with db.read() as s:
        assert require_stakeholder(s, None, room.initiative_id) is None
        assert require_stakeholder(s, room.police_id, room.initiative_id) == room.police_id
        with pytest.raises(ValidationError, match="Youth is a group of another initiative"):
            require_stakeholder(s, group_id, room.initiative_id)


def test_a_page_may_show_every_table_to_a_facilitator_only(db):
    room = build_room(db)
    assert check_table_access_for(db, room.facilitator, None) is None
    table = check_table_access_for(db, room.scribe2, room.table2_id)
    assert table is not None and table.number == 2
    with pytest.raises(PermissionDenied, match="own table's page, not every table's"):
        check_table_access_for(db, room.scribe1, None)
    with pytest.raises(PermissionDenied, match="you are the scribe for table 1"):
        check_table_access_for(db, room.scribe1, room.table2_id)
    with pytest.raises(PermissionDenied, match="Only a facilitator or a table scribe"):
        check_table_access_for(db, room.leader, None)
