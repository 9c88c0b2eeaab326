"""Initiatives: setting up the effort, its purpose and its trust statements."""

import pytest
from sqlalchemy import select

from db.models import AuditEntry, Idea, ListeningNote, Stakeholder
from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import NotAllowedNow, NotFound, PermissionDenied, ValidationError
from services.room import room_control
from services.setup import initiatives
from tests.factories import build_elsewhere, build_room

pytestmark = pytest.mark.both_databases  # names unique in any case; trust statements are JSON


def test_creates_an_initiative_trimmed_and_records_it_in_the_audit_trail(db):
    room = build_room(db)
    made = initiatives.create_initiative(
        db,
        room.facilitator,
        initiatives.InitiativeFields(
            name="  Riverside Safety ", city=" Riverside ", purpose=" Fewer crises "
        ),
    )
    assert (made.name, made.city, made.purpose) == ("Riverside Safety", "Riverside", "Fewer crises")
    assert made.trust_statements == []
    assert [e.action for e in history(db, SYSTEM, "initiative", made.id)] == ["created"]


def test_lists_initiatives_by_name(db):
    room = build_room(db)
    initiatives.create_initiative(db, room.facilitator, initiatives.InitiativeFields(name="Alpha"))
    names = [i.name for i in initiatives.list_initiatives(db)]
    assert names == ["Alpha", "Test City Initiative"]


def test_gets_one_initiative_and_names_a_missing_one(db):
    room = build_room(db)
    assert initiatives.get_initiative(db, room.initiative_id, actor=SYSTEM).city == "Test City"
    with pytest.raises(NotFound, match="No initiative with id 999"):
        initiatives.get_initiative(db, 999, actor=SYSTEM)


@pytest.mark.parametrize("bad", ["", "   "])
def test_refuses_an_empty_name(db, bad):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Initiative name is empty"):
        initiatives.create_initiative(db, room.facilitator, initiatives.InitiativeFields(name=bad))


def test_refuses_over_long_fields(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="City is 201 characters"):
        initiatives.create_initiative(
            db, room.facilitator, initiatives.InitiativeFields(name="X", city="c" * 201)
        )
    with pytest.raises(ValidationError, match="Purpose is 2,001 characters"):
        initiatives.create_initiative(
            db, room.facilitator, initiatives.InitiativeFields(name="X", purpose="p" * 2001)
        )


def test_refuses_a_duplicate_name_whatever_its_case(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="already an initiative called"):
        initiatives.create_initiative(
            db, room.facilitator, initiatives.InitiativeFields(name="TEST CITY INITIATIVE")
        )


def test_only_a_facilitator_may_create_update_or_delete(db):
    room = build_room(db)
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        initiatives.create_initiative(db, room.leader, initiatives.InitiativeFields(name="X"))
    with pytest.raises(PermissionDenied):
        initiatives.update_initiative(
            db,
            room.scribe1,
            room.initiative_id,
            initiatives.InitiativeFields(name="X", city="", purpose=""),
        )
    with pytest.raises(PermissionDenied):
        initiatives.delete_initiative(db, room.leader, room.initiative_id)
    with pytest.raises(PermissionDenied):
        initiatives.set_trust_statements(db, room.leader, room.initiative_id, ["A"])


def test_updates_the_initiative_and_may_change_only_the_case_of_its_name(db):
    room = build_room(db)
    changed = initiatives.update_initiative(
        db,
        room.facilitator,
        room.initiative_id,
        initiatives.InitiativeFields(name="TEST CITY INITIATIVE", city="Elsewhere", purpose="Why"),
    )
    assert (changed.name, changed.city, changed.purpose) == (
        "TEST CITY INITIATIVE",
        "Elsewhere",
        "Why",
    )
    assert initiatives.get_initiative(db, room.initiative_id, actor=SYSTEM).city == "Elsewhere"
    assert [e.action for e in history(db, SYSTEM, "initiative", room.initiative_id)] == ["updated"]


def test_refuses_to_rename_onto_another_initiative(db):
    room = build_room(db)
    initiatives.create_initiative(db, room.facilitator, initiatives.InitiativeFields(name="Other"))
    with pytest.raises(ValidationError, match="already an initiative called “other”"):
        initiatives.update_initiative(
            db,
            room.facilitator,
            room.initiative_id,
            initiatives.InitiativeFields(name="other", city="", purpose=""),
        )


def test_updating_an_unknown_initiative_names_it(db):
    room = build_room(db)
    with pytest.raises(NotFound, match="No initiative with id 999"):
        initiatives.update_initiative(
            db, room.facilitator, 999, initiatives.InitiativeFields(name="X", city="", purpose="")
        )


def test_deletes_an_initiative_with_everything_said_in_its_meetings(db):
    room = build_room(db)
    with db.write() as s:
        # Notes and ideas point at groups with RESTRICT; they must go before the groups.
        s.add(
            ListeningNote(
                meeting_id=room.meeting_id,
                table_id=room.table1_id,
                stakeholder_id=room.police_id,
                said="We need faster help",
            )
        )
        s.add(Idea(meeting_id=room.meeting_id, stakeholder_id=room.residents_id, text="Triage"))
    initiatives.delete_initiative(db, room.facilitator, room.initiative_id)
    assert initiatives.list_initiatives(db) == []
    with db.read() as s:
        assert s.scalars(select(Stakeholder)).all() == []
        kept = s.scalars(select(AuditEntry).filter_by(entity="initiative", action="deleted")).one()
    assert kept.entity_id == room.initiative_id


def test_deleting_an_unknown_initiative_names_it(db):
    room = build_room(db)
    with pytest.raises(NotFound, match="No initiative with id 999"):
        initiatives.delete_initiative(db, room.facilitator, 999)


def test_sets_trust_statements_trimmed_and_in_order(db):
    room = build_room(db)
    initiatives.set_trust_statements(
        db, room.facilitator, room.initiative_id, [" Police listen to us ", "I feel safe"]
    )
    stored = initiatives.get_initiative(db, room.initiative_id, actor=SYSTEM).trust_statements
    assert stored == ["Police listen to us", "I feel safe"]
    assert [e.action for e in history(db, SYSTEM, "initiative", room.initiative_id)] == [
        "trust_statements_set"
    ]


def test_allows_ten_trust_statements_and_refuses_eleven(db):
    room = build_room(db)
    ten = [f"Statement {n}" for n in range(10)]
    initiatives.set_trust_statements(db, room.facilitator, room.initiative_id, ten)
    with pytest.raises(ValidationError, match="11 trust statements; the limit is 10"):
        initiatives.set_trust_statements(db, room.facilitator, room.initiative_id, [*ten, "One"])
    assert initiatives.get_initiative(db, room.initiative_id, actor=SYSTEM).trust_statements == ten


def test_refuses_an_empty_trust_statement_naming_which(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Trust statement 2 is empty"):
        initiatives.set_trust_statements(db, room.facilitator, room.initiative_id, ["A", " "])


def test_refuses_a_repeated_trust_statement(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Two trust statements are the same"):
        initiatives.set_trust_statements(db, room.facilitator, room.initiative_id, ["A", "a "])


def test_archives_and_restores_an_initiative_with_an_audit_entry_each(db):
    room = build_room(db)
    room_control.close_meeting(db, room.facilitator, room.meeting_id)
    assert initiatives.archive_initiative(db, room.facilitator, room.initiative_id).archived
    assert initiatives.get_initiative(db, room.initiative_id, actor=SYSTEM).archived
    assert not initiatives.restore_initiative(db, room.facilitator, room.initiative_id).archived
    assert [e.action for e in history(db, SYSTEM, "initiative", room.initiative_id)][-2:] == [
        "archived",
        "restored",
    ]


def test_refuses_to_archive_an_initiative_while_one_of_its_meetings_is_live(db):
    room = build_room(db)
    with pytest.raises(
        NotAllowedNow, match=r"has a live meeting, Meeting.*Close it on the Console"
    ):
        initiatives.archive_initiative(db, room.facilitator, room.initiative_id)
    assert not initiatives.get_initiative(db, room.initiative_id, actor=SYSTEM).archived


def test_only_a_facilitator_may_archive_or_restore(db):
    room = build_room(db)
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        initiatives.archive_initiative(db, room.leader, room.initiative_id)
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        initiatives.restore_initiative(db, room.scribe1, room.initiative_id)


def test_a_facilitator_lists_every_initiative_but_archived_ones_only_when_asked(db):
    room = build_room(db)
    other = build_elsewhere(db)
    initiatives.archive_initiative(db, room.facilitator, other.initiative_id)
    names = [i.name for i in initiatives.initiatives_for(db, room.facilitator)]
    assert names == ["Test City Initiative"]
    every = initiatives.initiatives_for(db, room.facilitator, include_archived=True)
    assert [i.name for i in every] == ["Elsewhere", "Test City Initiative"]


def test_a_leader_or_scribe_lists_only_the_initiatives_they_belong_to(db):
    room = build_room(db)
    build_elsewhere(db)
    for actor in (room.leader, room.scribe1):
        assert [i.id for i in initiatives.initiatives_for(db, actor)] == [room.initiative_id]
    room_control.close_meeting(db, room.facilitator, room.meeting_id)
    initiatives.archive_initiative(db, room.facilitator, room.initiative_id)
    assert initiatives.initiatives_for(db, room.leader) == []
    kept = initiatives.initiatives_for(db, room.leader, include_archived=True)
    assert [i.id for i in kept] == [room.initiative_id]


def test_reading_an_initiative_as_a_leader_of_another_is_refused(db):
    room = build_room(db)
    other = build_elsewhere(db)
    with pytest.raises(PermissionDenied, match="not one of yours"):
        initiatives.get_initiative(db, other.initiative_id, actor=room.leader)
    with pytest.raises(NotFound, match="No initiative with id 999"):
        initiatives.get_initiative(db, 999, actor=room.leader)
