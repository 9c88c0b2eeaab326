"""The listen screen's record: one read, each reader seeing what they may."""

import pytest

from db.models import AgendaItem, Meeting
from services.core.errors import NotFound, PermissionDenied
from services.room import late_notes, listen_screen, notes
from services.setup import meetings
from tests.factories import build_elsewhere, build_room


def _notes(db, room):
    """At table 1: an open note and a confidential one; at table 2: a confidential one."""
    notes.add_note(
        db,
        room.scribe1,
        room.table1_id,
        notes.NoteFields(
            said="Nobody came",
            paraphrase="You waited",
            interest="Safety",
            stakeholder_id=room.residents_id,
            confirmed=True,
            prompt="What happened?",
        ),
    )
    notes.add_note(
        db,
        room.scribe1,
        room.table1_id,
        notes.NoteFields(said="Name of an officer", confidential=True),
    )
    notes.add_note(
        db, room.scribe2, room.table2_id, notes.NoteFields(said="Secret at 2", confidential=True)
    )


def test_a_scribe_reads_their_own_table_s_notes_newest_first(db):
    room = build_room(db)
    _notes(db, room)
    screen = listen_screen.read(db, room.scribe1, room.meeting_id, 1)
    assert (screen.table_id, screen.table_number) == (room.table1_id, 1)
    assert [n.said for n in screen.notes] == ["Name of an officer", "Nobody came"]
    first = screen.notes[-1]
    assert (first.group, first.paraphrase, first.interest, first.prompt, first.confirmed) == (
        "Residents", "You waited", "Safety", "What happened?", True,
    )  # fmt: skip
    assert screen.notes[0].group == "" and screen.notes[0].confidential
    assert screen.groups == ((room.police_id, "Police"), (room.residents_id, "Residents"))
    assert (screen.room.title, screen.room.input_open, screen.gate) == (
        "Meeting", True, late_notes.OPEN,
    )  # fmt: skip
    assert listen_screen.table_notes(db, room.scribe1, room.meeting_id, room.table1_id) == (
        screen.notes
    )


def test_the_facilitator_reads_every_table_and_any_one_table(db):
    room = build_room(db)
    _notes(db, room)
    every = listen_screen.read(db, room.facilitator, room.meeting_id, None)
    assert (every.table_id, every.table_number) == (None, None)
    assert [n.said for n in every.notes] == ["Secret at 2", "Name of an officer", "Nobody came"]
    two = listen_screen.read(db, room.facilitator, room.meeting_id, 2)
    assert [n.said for n in two.notes] == ["Secret at 2"]


def test_every_table_s_page_reads_only_the_newest_asked_for_and_counts_them_all(db):
    room = build_room(db)
    _notes(db, room)
    every = listen_screen.read(db, room.facilitator, room.meeting_id, None, newest=2)
    assert [n.said for n in every.notes] == ["Secret at 2", "Name of an officer"]
    assert every.note_count == 3
    # A table's page lists all of its own notes (its scribe may correct any), asked or not.
    one = listen_screen.read(db, room.facilitator, room.meeting_id, 1, newest=1)
    assert [n.said for n in one.notes] == ["Name of an officer", "Nobody came"]
    assert one.note_count == 2
    assert listen_screen.read(db, room.facilitator, room.meeting_id, None).note_count == 3


def test_a_scribe_is_refused_another_table_and_the_every_table_page(db):
    room = build_room(db)
    _notes(db, room)
    with pytest.raises(PermissionDenied, match="you are the scribe for table 1"):
        listen_screen.read(db, room.scribe1, room.meeting_id, 2)
    # A scribe of this initiative with no table in this meeting has no page of their own.
    other = meetings.create_meeting(
        db, room.facilitator, room.initiative_id, meetings.MeetingFields(title="Next")
    )
    with pytest.raises(PermissionDenied, match="own table's page"):
        listen_screen.read(db, room.scribe1, other.id, None)
    with pytest.raises(PermissionDenied):
        listen_screen.table_notes(db, room.scribe2, room.meeting_id, room.table1_id)


def test_a_leader_an_outsider_and_another_meeting_s_table_are_refused(db):
    room = build_room(db)
    away = build_elsewhere(db)
    with pytest.raises(PermissionDenied):
        listen_screen.read(db, room.leader, room.meeting_id, None)
    with pytest.raises(PermissionDenied):
        listen_screen.read(db, room.scribe1, away.meeting_id, 1)
    for number in (7, 10**30):  # no such table; a number no table could have
        with pytest.raises(NotFound, match=f"no table {number}"):
            listen_screen.read(db, room.facilitator, room.meeting_id, number)


def test_the_gate_says_what_a_save_does_now(db):
    room = build_room(db)
    with db.write() as s:
        s.get_one(Meeting, room.meeting_id).input_open = False
    closed = listen_screen.read(db, room.scribe1, room.meeting_id, 1)
    assert closed.gate == late_notes.CLOSED
    with db.write() as s:
        s.get_one(AgendaItem, room.item_ids[0]).late_notes = True
    late = listen_screen.read(db, room.scribe1, room.meeting_id, 1)
    assert late.gate == late_notes.LATE
    facilitator = listen_screen.read(db, room.facilitator, room.meeting_id, 1)
    assert facilitator.gate == late_notes.OPEN


def test_a_note_is_read_in_its_reader_s_language_with_its_translation_in_one_query(db):
    import i18n
    from services.translations import translate
    from services.translations.shown import Showing

    room = build_room(db)
    note = notes.add_note(
        db,
        room.scribe1,
        room.table1_id,
        notes.NoteFields(said="Nadie vino en una hora", paraphrase="Usted esperó solo"),
    )
    entries = [
        translate.Translation(
            kind="listening_note",
            entity_id=note.id,
            field=field,
            text=text,
            source_language="es",
        )
        for field, text in (("said", "Nobody came for an hour"), ("paraphrase", ""))
    ]
    translate.translate_all(db, room.scribe1, entries)
    with i18n.using("en"):
        (card,) = listen_screen.read(db, room.facilitator, room.meeting_id, None).notes
    assert (card.reads("said"), card.words["said"].showing) == (
        "Nobody came for an hour",
        Showing.TRANSLATED,
    )
    # Nobody translated what was heard back: the English reader is told so.
    assert (card.reads("paraphrase"), card.words["paraphrase"].showing) == (
        "Usted esperó solo",
        Showing.MISSING,
    )
    assert "interest" not in card.words  # nothing written, nothing to say of it
    with i18n.using("es"):
        (card,) = listen_screen.read(db, room.scribe1, room.meeting_id, 1).notes
    assert card.reads("said") == "Nadie vino en una hora"
    assert card.words["said"].translation == "Nobody came for an hour"  # for the scribe's form
