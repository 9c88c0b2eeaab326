"""The console's read model: the room, its agenda and approval, its tables and badges, for
a facilitator of the meeting's initiative only."""

import pytest

import i18n
from db.models import AgendaItem, MeetingTable, Participant
from services.core.actors import SYSTEM
from services.core.errors import NotFound, PermissionDenied
from services.room import console_screen, room_control
from services.translations import translate
from tests.factories import build_room


def test_the_facilitator_reads_the_room_agenda_tables_and_badges(db):
    room = build_room(db)
    with db.write() as s:
        s.get_one(Participant, room.participant_ids[3]).absent = True
    room_control.go_to_step(db, room.facilitator, room.meeting_id, room.item_ids[1])
    screen = console_screen.read(db, room.facilitator, room.meeting_id)
    stored = room_control.room_state(db, room.meeting_id, actor=SYSTEM)
    assert (screen.room.position, screen.room.step_count) == (stored.position, 3) == (2, 3)
    assert screen.room.current is not None and stored.current is not None
    assert screen.room.current.id == stored.current.id == room.item_ids[1]
    assert [s.title for s in screen.steps] == ["Listen", "Ideas", "Vote"]
    assert [screen.is_now(s) for s in screen.steps] == [False, True, False]
    assert screen.meeting_code == "meet-code"
    assert [(t.number, t.scribe) for t in screen.tables] == [(1, "S1"), (2, "S2")]
    # The badges: people present, by name, with their group and personal code.
    assert [(b.name, b.group, b.code) for b in screen.badges] == [
        ("P0", "Police", "code-0"),
        ("P1", "Residents", "code-1"),
        ("P2", "Police", "code-2"),
    ]


def test_the_agenda_not_approved_is_said_with_who_is_still_to_approve(db):
    room = build_room(db)
    screen = console_screen.read(db, room.facilitator, room.meeting_id)
    assert screen.gaps is not None
    assert [w.name for w in screen.gaps.waiting] == ["Lead"]
    assert screen.gaps.groups_without_leader == ["Residents"]


def test_a_table_without_a_scribe_says_none_and_an_empty_agenda_has_no_step(db):
    room = build_room(db)
    with db.write() as s:
        s.get_one(MeetingTable, room.table2_id).scribe_account_id = None
        for item_id in room.item_ids:
            s.delete(s.get_one(AgendaItem, item_id))
    screen = console_screen.read(db, room.facilitator, room.meeting_id)
    assert [(t.number, t.scribe) for t in screen.tables] == [(1, "S1"), (2, "")]
    assert (screen.steps, screen.room.current) == ((), None)


@pytest.mark.parametrize("who", ["scribe1", "scribe2", "leader"])
def test_only_a_facilitator_reads_the_console_with_everyones_codes(db, who):
    room = build_room(db)
    with pytest.raises(PermissionDenied):
        console_screen.read(db, getattr(room, who), room.meeting_id)


def test_a_meeting_that_does_not_exist_is_refused_in_words(db):
    room = build_room(db)
    with pytest.raises(NotFound):
        console_screen.read(db, room.facilitator, room.meeting_id + 99)


def test_the_step_picker_names_each_step_in_the_readers_language(db):
    room = build_room(db)
    entry = translate.Translation(
        kind="agenda_item", entity_id=room.item_ids[1], field="title", text="Ideas nuevas"
    )
    translate.translate(db, room.facilitator, entry)
    with i18n.using("es"):
        screen = console_screen.read(db, room.facilitator, room.meeting_id)
    # A step with a translation is named by it; one without, as written.
    assert [screen.title_of(s) for s in screen.steps] == ["Listen", "Ideas nuevas", "Vote"]
    with i18n.using("en"):
        screen = console_screen.read(db, room.facilitator, room.meeting_id)
    assert [screen.title_of(s) for s in screen.steps] == ["Listen", "Ideas", "Vote"]
