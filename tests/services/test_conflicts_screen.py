"""The conflicts screen's record: one read, each reader seeing what they may."""

import pytest

import i18n
from services.core.errors import NotFound, PermissionDenied
from services.resolve import conflict_parties, conflicts, conflicts_screen
from services.room import room_control, spotlight
from tests.factories import build_elsewhere, build_room


def _log(db, room):
    """A room-wide conflict on the projector with two sides, a confidential one at each
    table, and an agreed one at table 1."""
    room_wide = conflicts.create_conflict(
        db, room.facilitator, room.meeting_id, conflicts.ConflictFields(issue="Response times")
    )
    conflict_parties.set_party(
        db,
        room.facilitator,
        room_wide.id,
        conflict_parties.PartyFields(
            stakeholder_id=room.residents_id, position="Faster", interests=""
        ),
    )
    conflict_parties.set_party(
        db,
        room.facilitator,
        room_wide.id,
        conflict_parties.PartyFields(
            stakeholder_id=room.police_id, position="More staff", interests="Safety"
        ),
    )
    spotlight.set_spotlight(db, room.facilitator, room.meeting_id, room_wide.id)
    for table_id, words in [(room.table1_id, "Secret at 1"), (room.table2_id, "Secret at 2")]:
        conflicts.create_conflict(
            db,
            room.facilitator,
            room.meeting_id,
            conflicts.ConflictFields(issue=words, confidential=True),
            table_id=table_id,
        )
    agreed = conflicts.create_conflict(
        db,
        room.scribe1,
        room.meeting_id,
        conflicts.ConflictFields(issue="Park curfew"),
        table_id=room.table1_id,
    )
    conflicts.set_status(
        db,
        room.scribe1,
        agreed.id,
        conflicts.StatusFields(
            status="agreed", agreement="Nine o'clock", next_step="Ask the council"
        ),
    )
    return room_wide


def test_the_facilitator_reads_every_conflict_with_its_sides_and_history(db):
    room = build_room(db)
    room_wide = _log(db, room)
    screen = conflicts_screen.read(db, room.facilitator, room.meeting_id)
    assert [c.issue for c in screen.conflicts] == [
        "Response times", "Secret at 1", "Secret at 2", "Park curfew",
    ]  # fmt: skip
    assert screen.groups == ((room.police_id, "Police"), (room.residents_id, "Residents"))
    assert screen.runs_the_room
    first = screen.conflicts[0]
    assert first.id == room_wide.id and first.on_projector
    assert [(s.group, s.position, s.interests) for s in first.sides] == [
        ("Police", "More staff", "Safety"),
        ("Residents", "Faster", ""),
    ]
    assert [c.action for c in first.history] == ["created", "party", "party"]
    last = screen.conflicts[-1]
    assert (last.agreed, last.agreement, last.next_step, last.on_projector) == (
        True, "Nine o'clock", "Ask the council", False,
    )  # fmt: skip
    assert ("to", "Agreed") in last.history[-1].details
    # A side's group by its name, not its number in the database.
    assert ("group", "Residents") in first.history[1].details


def test_a_spanish_reader_reads_a_conflicts_history_in_spanish(db):
    """The history's details said "issue: …", "from: open, to: exploring" on the Spanish
    screen (the audit trail's own keys and values)."""
    room = build_room(db)
    _log(db, room)
    with i18n.using("es"):
        screen = conflicts_screen.read(db, room.facilitator, room.meeting_id)
        created, *_rest = screen.conflicts[0].history
        moved = screen.conflicts[-1].history[-1]
    assert created.details == (("asunto", "Response times"),)
    assert moved.details == (("de", "Abierto"), ("a", "Acordado"))


@pytest.mark.parametrize(
    ("who", "secret_seen"),
    [("scribe1", "Secret at 1"), ("scribe2", "Secret at 2")],
)
def test_a_scribe_reads_their_own_table_s_confidential_conflict_and_no_other(db, who, secret_seen):
    room = build_room(db)
    _log(db, room)
    screen = conflicts_screen.read(db, getattr(room, who), room.meeting_id)
    assert [c.issue for c in screen.conflicts] == ["Response times", secret_seen, "Park curfew"]
    assert not screen.runs_the_room


def test_each_reader_is_offered_the_translations_the_service_would_take(db):
    room = build_room(db)
    _log(db, room)
    for_facilitator = conflicts_screen.read(db, room.facilitator, room.meeting_id).conflicts
    assert all(c.may_translate for c in for_facilitator)
    # A scribe: their own table's conflicts; the whole room's is the facilitator's.
    first = conflicts_screen.read(db, room.scribe1, room.meeting_id).conflicts
    assert [(c.issue, c.may_translate) for c in first] == [
        ("Response times", False), ("Secret at 1", True), ("Park curfew", True),
    ]  # fmt: skip
    second = conflicts_screen.read(db, room.scribe2, room.meeting_id).conflicts
    assert [(c.issue, c.may_translate) for c in second] == [
        ("Response times", False), ("Secret at 2", True), ("Park curfew", False),
    ]  # fmt: skip
    # Once the meeting closes, only the facilitator still tidies the record.
    room_control.close_meeting(db, room.facilitator, room.meeting_id)
    closed = conflicts_screen.read(db, room.scribe1, room.meeting_id).conflicts
    assert not any(c.may_translate for c in closed)
    assert all(
        c.may_translate
        for c in conflicts_screen.read(db, room.facilitator, room.meeting_id).conflicts
    )


def test_a_leader_and_an_outsider_are_refused(db):
    room = build_room(db)
    _log(db, room)
    with pytest.raises(PermissionDenied):
        conflicts_screen.read(db, room.leader, room.meeting_id)
    away = build_elsewhere(db)
    with pytest.raises(PermissionDenied):
        conflicts_screen.read(db, room.scribe1, away.meeting_id)


def test_an_empty_log(db):
    room = build_room(db)
    assert conflicts_screen.read(db, room.scribe1, room.meeting_id).conflicts == ()


def test_a_conflict_logged_from_the_page_is_raised_at_its_link_s_table_or_the_scribe_s(db):
    room = build_room(db)
    assert conflicts_screen.read(db, room.facilitator, room.meeting_id).table_id is None
    assert conflicts_screen.read(db, room.facilitator, room.meeting_id, 2).table_id == (
        room.table2_id
    )
    assert conflicts_screen.read(db, room.scribe1, room.meeting_id).table_id == room.table1_id
    with pytest.raises(NotFound, match="no table 7"):
        conflicts_screen.read(db, room.facilitator, room.meeting_id, 7)
