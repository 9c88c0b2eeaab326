"""Input closed mid-note: the scribe's form keeps every word, and late notes land marked late.

The browser's half (the banner following the room, the draft surviving a reload) is in
tests/e2e/test_tablet_drafts.py: AppTest runs no `run_every` fragment and no script.
"""

from __future__ import annotations

from components.late_notes_toggle import LABEL
from components.scribe_forms import LATE_ALLOWED
from components.text import escape_markdown
from services.agenda import agenda
from services.core.actors import SYSTEM
from services.room import ideas, late_notes, notes, room_control
from services.room.late_notes import CLOSED_MESSAGE
from tests.views.helpers import by_label, click, open_expanders, said, texts

REFUSED = escape_markdown(CLOSED_MESSAGE)
SAID = "x" * 200 + " the rest of a long testimony, typed as input closed."


def _listen(room_app):
    return room_app("s1", {"table": "1"}).run().switch_page("views/listen.py").run()


def test_a_refused_note_keeps_every_word_in_the_form(room_app, db):
    room = room_app.room
    at = _listen(room_app)
    # Input closes after the page was drawn: the scribe saves from a form that said "open".
    room_control.set_input(db, room.facilitator, room.meeting_id, False)
    by_label(at.text_area, "What was said").input(SAID)
    by_label(at.text_area, "What I heard (the paraphrase back)").input("You were not heard")
    at = click(at, "Save note")
    assert not at.exception
    assert REFUSED in [e.value for e in at.error]
    assert by_label(at.text_area, "What was said").value == SAID
    assert by_label(at.text_area, "What I heard (the paraphrase back)").value == (
        "You were not heard"
    )
    assert notes.list_notes(db, room.facilitator, room.meeting_id) == []


def test_with_input_closed_the_form_says_so_before_anyone_saves(room_app, db):
    room = room_app.room
    room_control.set_input(db, room.facilitator, room.meeting_id, False)
    at = _listen(room_app)
    assert CLOSED_MESSAGE in [w.value for w in at.warning]
    assert "Input is closed" in [w.value for w in at.warning]


def test_allowed_late_notes_land_marked_late_and_the_form_empties(room_app, db):
    room = room_app.room
    room_control.set_input(db, room.facilitator, room.meeting_id, False)
    late_notes.allow_late_notes(db, room.facilitator, room.item_ids[0], True)
    at = _listen(room_app)
    assert LATE_ALLOWED in [i.value for i in at.info]
    by_label(at.text_area, "What was said").input(SAID)
    at = click(at, "Save as a late note")
    assert "Note saved, marked late." in said(at)
    assert by_label(at.text_area, "What was said").value == ""
    (note,) = notes.list_notes(db, room.facilitator, room.meeting_id)
    assert (note.said, note.late) == (SAID, True)
    assert any("late\\, saved after input closed" in t for t in texts(at))


def test_a_late_idea_lands_marked_late(room_app, db):
    room = room_app.room
    room_control.set_input(db, room.facilitator, room.meeting_id, False)
    at = room_app("s1", {"table": "1"}).run().switch_page("views/ideas.py").run()
    by_label(at.text_area, "The idea").input("Walk the block with us")
    at = click(at, "Add idea")
    assert REFUSED in [e.value for e in at.error]
    assert by_label(at.text_area, "The idea").value == "Walk the block with us"
    late_notes.allow_late_notes(db, room.facilitator, room.item_ids[0], True)
    at = at.run()
    at = click(at, "Add as a late idea")
    assert "Idea added. Marked late: input had closed." in said(at)
    (idea,) = ideas.list_ideas(db, room.meeting_id, actor=SYSTEM)
    assert (idea.text, idea.late) == ("Walk the block with us", True)


def test_the_facilitator_allows_late_notes_from_the_console(room_app, db):
    room = room_app.room
    at = room_app("fac").run().switch_page("views/console.py").run()
    by_label(at.toggle, LABEL).set_value(True).run()
    assert not at.exception
    assert any("Late notes are allowed for Listen" in s.value for s in at.success)
    current = room_control.room_state(db, room.meeting_id, actor=SYSTEM).current
    assert current is not None and current.late_notes is True
    by_label(at.toggle, LABEL).set_value(False).run()
    current = room_control.room_state(db, room.meeting_id, actor=SYSTEM).current
    assert current is not None and current.late_notes is False


def test_the_agenda_step_editor_allows_late_notes_for_its_step(room_app, db):
    room = room_app.room
    at = room_app("fac").run().switch_page("views/agenda.py").run()
    at = open_expanders(at, *(f"agenda-change-{i}" for i in room.item_ids))
    switches = [t for t in at.toggle if t.label == LABEL]
    assert len(switches) == len(room.item_ids)
    switches[1].set_value(True).run()
    assert not at.exception
    steps = {i.id: i.late_notes for i in agenda.list_agenda(db, room.meeting_id, actor=SYSTEM)}
    assert steps == {room.item_ids[0]: False, room.item_ids[1]: True, room.item_ids[2]: False}
