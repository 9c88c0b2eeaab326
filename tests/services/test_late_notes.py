"""Late notes: after input closes, a step that allows them still takes a scribe's note or idea,
marked late; without the allowance the refusal says what to do."""

import pytest
from sqlalchemy import select

from db.models import AgendaItem, Idea, ListeningNote, Meeting
from db.models.enums import MeetingStatus
from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import NotAllowedNow, PermissionDenied
from services.review import meeting_record
from services.room import ideas, late_notes, notes
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # times compared


def _close_input(db, room):
    with db.write() as s:
        s.get_one(Meeting, room.meeting_id).input_open = False


def _late_flags(db, model):
    with db.read() as s:
        return [row.late for row in s.scalars(select(model).order_by(model.id))]


def test_a_note_saved_while_input_is_open_is_not_late(db):
    room = build_room(db)
    late_notes.allow_late_notes(db, room.facilitator, room.item_ids[0], True)
    notes.add_note(db, room.scribe1, room.table1_id, notes.NoteFields(said="On time"))
    ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="On time"))
    assert _late_flags(db, ListeningNote) == [False]
    assert _late_flags(db, Idea) == [False]


def test_without_the_allowance_a_closed_step_refuses_and_says_what_to_do(db):
    room = build_room(db)
    _close_input(db, room)
    typed = "Typed as input closed"
    for add in (
        lambda: notes.add_note(db, room.scribe1, room.table1_id, notes.NoteFields(said=typed)),
        lambda: ideas.add_idea(
            db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text=typed)
        ),
    ):
        with pytest.raises(NotAllowedNow) as refused:
            add()
        assert refused.value.message == (
            "Input is closed. Your text is kept here; ask the facilitator to allow late notes "
            "or reopen input."
        )
    assert _late_flags(db, ListeningNote) == [] and _late_flags(db, Idea) == []


def test_with_the_allowance_a_closed_step_takes_the_note_and_idea_marked_late(db):
    room = build_room(db)
    _close_input(db, room)
    late_notes.allow_late_notes(db, room.facilitator, room.item_ids[0], True)
    note = notes.add_note(
        db, room.scribe1, room.table1_id, notes.NoteFields(said="x" * 255), submission_key="k1"
    )
    idea = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="A late idea")
    )
    assert (note.late, note.agenda_item_id, note.said) == (True, room.item_ids[0], "x" * 255)
    assert idea.late is True
    assert _late_flags(db, ListeningNote) == [True]
    assert _late_flags(db, Idea) == [True]


def test_the_allowance_belongs_to_its_step_only(db):
    room = build_room(db)
    late_notes.allow_late_notes(db, room.facilitator, room.item_ids[1], True)
    _close_input(db, room)
    with pytest.raises(NotAllowedNow, match="allow late notes"):
        notes.add_note(
            db, room.scribe1, room.table1_id, notes.NoteFields(said="On step 1, allowed on step 2")
        )
    with db.write() as s:
        s.get_one(Meeting, room.meeting_id).current_item_id = room.item_ids[1]
    assert (
        notes.add_note(
            db, room.scribe1, room.table1_id, notes.NoteFields(said="Now on step 2")
        ).late
        is True
    )


def test_stopping_the_allowance_refuses_again(db):
    room = build_room(db)
    _close_input(db, room)
    late_notes.allow_late_notes(db, room.facilitator, room.item_ids[0], True)
    late_notes.allow_late_notes(db, room.facilitator, room.item_ids[0], False)
    with pytest.raises(NotAllowedNow, match="allow late notes"):
        ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Too late"))


def test_a_closed_meeting_refuses_even_with_the_allowance(db):
    room = build_room(db)
    late_notes.allow_late_notes(db, room.facilitator, room.item_ids[0], True)
    with db.write() as s:
        meeting = s.get_one(Meeting, room.meeting_id)
        meeting.status, meeting.input_open = MeetingStatus.CLOSED, False
    with pytest.raises(NotAllowedNow, match="This meeting has closed"):
        notes.add_note(db, room.scribe1, room.table1_id, notes.NoteFields(said="After the end"))


def test_a_facilitators_note_with_input_closed_is_not_late(db):
    room = build_room(db)
    _close_input(db, room)
    assert (
        notes.add_note(
            db, room.facilitator, room.table1_id, notes.NoteFields(said="From the front")
        ).late
        is False
    )


def test_only_a_facilitator_allows_late_notes_and_it_is_audited(db):
    room = build_room(db)
    with pytest.raises(PermissionDenied):
        late_notes.allow_late_notes(db, room.scribe1, room.item_ids[0], True)
    late_notes.allow_late_notes(db, room.facilitator, room.item_ids[0], True)
    late_notes.allow_late_notes(db, room.facilitator, room.item_ids[0], True)
    late_notes.allow_late_notes(db, room.facilitator, room.item_ids[0], False)
    with db.read() as s:
        assert s.get_one(AgendaItem, room.item_ids[0]).late_notes is False
    actions = [e.action for e in history(db, SYSTEM, "agenda_item", room.item_ids[0])]
    assert actions == ["late notes allowed", "late notes stopped"]


def test_the_meeting_record_marks_late_notes_and_ideas(db):
    room = build_room(db)
    notes.add_note(db, room.scribe1, room.table1_id, notes.NoteFields(said="On time"))
    ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="On time"))
    _close_input(db, room)
    late_notes.allow_late_notes(db, room.facilitator, room.item_ids[0], True)
    notes.add_note(db, room.scribe1, room.table1_id, notes.NoteFields(said="After the close"))
    ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="After the close"))
    frames = meeting_record.collect(db, room.facilitator, room.meeting_id).frames
    for name, text in (("Listening notes", "Said"), ("Ideas", "Idea")):
        marks = frames[name].set_index(text)["Late"].to_dict()
        assert marks == {"On time": "", "After the close": "Late: saved after input closed"}
