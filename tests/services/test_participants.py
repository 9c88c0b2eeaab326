"""The roster: who takes part, in which group, at which table, and who sees their contacts."""

import pytest

from services import codes, participants
from services.audit import history
from services.errors import NotFound, PermissionDenied, ValidationError
from tests.factories import Room, build_elsewhere, build_room


def _add(db, room: Room, **extra):
    fields = {"name": "Ana", "stakeholder_id": room.police_id} | extra
    return participants.create_participant(db, room.facilitator, room.initiative_id, **fields)


def test_creates_a_participant_with_an_unguessable_code_and_audits_it(db):
    room = build_room(db)
    person = _add(
        db,
        room,
        name=" Ana Ruiz ",
        email=" ana@example.org ",
        phone=" 555 ",
        notes="Uses a wheelchair",
        table_id=room.table2_id,
    )
    assert (person.name, person.email, person.phone) == ("Ana Ruiz", "ana@example.org", "555")
    assert person.table_id == room.table2_id
    assert codes.is_new_style(person.code)
    assert _add(db, room, name="Bo").code != person.code
    assert [e.action for e in history(db, "participant", person.id)] == ["created"]


def test_finds_a_participant_by_code_ignoring_surrounding_spaces(db):
    room = build_room(db)
    person = _add(db, room)
    assert participants.participant_by_code(db, f"  {person.code}\n").id == person.id
    assert participants.participant_by_code(db, "no-such-code") is None


@pytest.mark.parametrize("empty", ["", "   ", None])
def test_an_empty_code_finds_nobody(db, empty):
    build_room(db)
    assert participants.participant_by_code(db, empty) is None


@pytest.mark.parametrize("bad", ["", "  "])
def test_refuses_an_empty_name(db, bad):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Name is empty"):
        _add(db, room, name=bad)


def test_refuses_an_email_that_is_not_an_address(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="not an email address"):
        _add(db, room, email="ana at home")


def test_refuses_a_phone_over_forty_characters(db):
    room = build_room(db)
    _add(db, room, phone="1" * 40)
    with pytest.raises(ValidationError, match="Phone is 41 characters"):
        _add(db, room, phone="1" * 41)


def test_refuses_over_long_notes(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Notes is 2,001 characters"):
        _add(db, room, notes="n" * 2001)


def test_refuses_a_group_of_another_initiative(db):
    room = build_room(db)
    other = build_elsewhere(db)
    group_id, _ = other.group_id, other.table_id
    with pytest.raises(ValidationError, match="Others is a group of another initiative"):
        _add(db, room, stakeholder_id=group_id)


def test_refuses_a_table_of_another_initiatives_meeting(db):
    room = build_room(db)
    other = build_elsewhere(db)
    _, table_id = other.group_id, other.table_id
    with pytest.raises(ValidationError, match="Table 7 is in a meeting of another initiative"):
        _add(db, room, table_id=table_id)


def test_names_an_unknown_initiative_group_or_table(db):
    room = build_room(db)
    with pytest.raises(NotFound, match="No initiative with id 999"):
        participants.create_participant(db, room.facilitator, 999, "Ana", room.police_id)
    with pytest.raises(NotFound, match="No stakeholder group with id 999"):
        _add(db, room, stakeholder_id=999)
    with pytest.raises(NotFound, match="No table with id 999"):
        _add(db, room, table_id=999)


def test_only_a_facilitator_may_change_the_roster(db):
    room = build_room(db)
    pid = room.participant_ids[0]
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        participants.create_participant(db, room.scribe1, room.initiative_id, "X", room.police_id)
    with pytest.raises(PermissionDenied):
        participants.update_participant(db, room.leader, pid, "X", room.police_id, "", "", "", None)
    with pytest.raises(PermissionDenied):
        participants.delete_participant(db, room.leader, pid)
    with pytest.raises(PermissionDenied):
        participants.assign_table(db, room.scribe1, pid, None)


def test_updates_a_participant_and_keeps_their_code(db):
    room = build_room(db)
    person = _add(db, room)
    changed = participants.update_participant(
        db, room.facilitator, person.id, "Ana R", room.residents_id, "a@b.org", "1", "n", None
    )
    assert (changed.name, changed.stakeholder_id, changed.email) == (
        "Ana R",
        room.residents_id,
        "a@b.org",
    )
    assert changed.code == person.code
    assert participants.participant_by_code(db, person.code).name == "Ana R"
    assert [e.action for e in history(db, "participant", person.id)] == ["created", "updated"]


def test_update_refuses_a_group_of_another_initiative(db):
    room = build_room(db)
    other = build_elsewhere(db)
    group_id, _ = other.group_id, other.table_id
    pid = room.participant_ids[0]
    with pytest.raises(ValidationError, match="another initiative"):
        participants.update_participant(db, room.facilitator, pid, "X", group_id, "", "", "", None)


def test_assigns_and_clears_a_table(db):
    room = build_room(db)
    pid = room.participant_ids[0]
    assert participants.assign_table(db, room.facilitator, pid, room.table2_id).table_id == (
        room.table2_id
    )
    assert participants.assign_table(db, room.facilitator, pid, None).table_id is None
    actions = [e.action for e in history(db, "participant", pid)]
    assert actions == ["table_assigned", "table_assigned"]


def test_assign_table_refuses_a_table_of_another_initiative(db):
    room = build_room(db)
    other = build_elsewhere(db)
    _, table_id = other.group_id, other.table_id
    with pytest.raises(ValidationError, match="another initiative"):
        participants.assign_table(db, room.facilitator, room.participant_ids[0], table_id)


def test_deletes_a_participant(db):
    room = build_room(db)
    pid = room.participant_ids[0]
    participants.delete_participant(db, room.facilitator, pid)
    ids = [p.id for p in participants.list_participants(db, room.facilitator, room.initiative_id)]
    assert pid not in ids
    assert [e.action for e in history(db, "participant", pid)] == ["deleted"]
    with pytest.raises(NotFound, match="No participant with id"):
        participants.delete_participant(db, room.facilitator, pid)


def test_a_facilitator_sees_contact_details_in_the_roster(db):
    room = build_room(db)
    person = _add(db, room, name="Zoe", email="z@x.org", phone="555", notes="Private")
    roster = participants.list_participants(db, room.facilitator, room.initiative_id)
    assert [p.name for p in roster] == ["P0", "P1", "P2", "P3", "Zoe"]
    zoe = roster[-1]
    assert (zoe.email, zoe.phone, zoe.notes, zoe.code) == ("z@x.org", "555", "Private", person.code)


@pytest.mark.parametrize("who", ["scribe1", "leader"])
def test_others_see_the_roster_without_contacts_notes_or_codes_and_nothing_is_erased(db, who):
    room = build_room(db)
    person = _add(
        db, room, name="Zoe", email="z@x.org", phone="555", notes="Private", table_id=room.table1_id
    )
    zoe = participants.list_participants(db, getattr(room, who), room.initiative_id)[-1]
    assert (zoe.id, zoe.name, zoe.stakeholder_id, zoe.table_id) == (
        person.id,
        "Zoe",
        room.police_id,
        room.table1_id,
    )
    assert (zoe.email, zoe.phone, zoe.notes, zoe.code) == ("", "", "", "")
    stored = participants.participant_by_code(db, person.code)
    assert (stored.email, stored.phone, stored.notes) == ("z@x.org", "555", "Private")
