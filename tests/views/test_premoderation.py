"""Approve before it shows, through the real app: the switch in the agenda editor and on the
console, the facilitator's queue with its flags, and a scribe's waiting ideas."""

from __future__ import annotations

from components.text import escape_markdown as _escaped
from db.models import AgendaItem, Meeting
from db.models.enums import IdeaStatus
from services.core.actors import SYSTEM
from services.room import idea_queue, ideas
from services.room.idea_flags import flag_idea
from tests.views.helpers import by_label, click, open_expanders, texts

PREMODERATE = (
    "Approve before it shows: new ideas from the tables wait for your approval "
    "before the projector shows them"
)
# Markdown and HTML that must reach the screen as the typed characters, not as a link.
TRICKY = "Call [me](http://evil.example) at 206-555-0134 **now** <b>x</b>"


def _premoderate(db, room, on: bool = True) -> None:
    with db.write() as s:
        s.get_one(Meeting, room.meeting_id).current_item_id = room.item_ids[1]
    idea_queue.set_premoderate(db, room.facilitator, room.item_ids[1], on)


def _premoderated(db, item_id: int) -> bool:
    with db.read() as s:
        return s.get_one(AgendaItem, item_id).premoderate


def test_the_agenda_editor_switches_a_step_to_approve_first_and_back(room_app, db):
    room = room_app.room
    at = room_app("fac").run().switch_page("views/agenda.py").run()
    # Only the new-step form until a step's "Change this step" is opened.
    assert len([c for c in at.checkbox if c.label == PREMODERATE]) == 1
    at = open_expanders(at, *(f"agenda-change-{i}" for i in room.item_ids))
    # The new-step form comes first, then one form per step in order.
    boxes = [c for c in at.checkbox if c.label == PREMODERATE]
    assert len(boxes) == 1 + len(room.item_ids)
    assert [b.value for b in boxes] == [False, False, False, False]
    boxes[2].check()
    save = [b for b in at.button if b.label == "Save the step"][1]
    at = save.click().run()
    assert not at.exception
    assert _premoderated(db, room.item_ids[1]) is True
    assert _premoderated(db, room.item_ids[0]) is False
    boxes = [c for c in at.checkbox if c.label == PREMODERATE]
    assert boxes[2].value is True
    boxes[2].uncheck()
    at = [b for b in at.button if b.label == "Save the step"][1].click().run()
    assert _premoderated(db, room.item_ids[1]) is False


def test_the_console_switches_the_current_step_and_says_so_in_words(room_app, db):
    room = room_app.room
    _premoderate(db, room, on=False)
    at = room_app("fac").run().switch_page("views/console.py").run()
    assert any(t.startswith("**Off** for “Ideas”") for t in texts(at))
    at = click(at, "Approve ideas before they show")
    assert not at.exception
    assert _premoderated(db, room.item_ids[1]) is True
    assert any(t.startswith("**On** for “Ideas”") for t in texts(at))
    at = click(at, "Show new ideas at once")
    assert _premoderated(db, room.item_ids[1]) is False


def test_the_queue_shows_the_idea_and_its_flags_as_text_and_rejects_it(room_app, db):
    room = room_app.room
    _premoderate(db, room)
    waiting = ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text=TRICKY))
    board = room_app("fac").run().switch_page("views/ideas.py").run()
    assert not board.exception
    shown = texts(board)
    assert "Waiting for your approval (1)" in [h.value for h in board.header]
    # The words escaped: no link, no bold, no HTML; the flag in words, escaped too.
    assert _escaped(TRICKY) in shown
    (flag,) = flag_idea(TRICKY)
    assert any(_escaped(flag.reason) in t and "Read it twice" in t for t in board.warning.values)
    board = click(board, f"Reject idea #{waiting.id}")
    assert not board.exception
    hidden_too = ideas.IdeaFilter(include_hidden=True)
    assert ideas.list_ideas(db, room.meeting_id, hidden_too, actor=SYSTEM)[0].status is (
        IdeaStatus.HIDDEN
    )
    assert f"Idea #{waiting.id} rejected and kept hidden." in texts(board)


def test_approve_all_empties_the_queue_and_the_board_lists_the_ideas(room_app, db):
    room = room_app.room
    _premoderate(db, room)
    ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Lights on Pine Street")
    )
    ideas.add_idea(
        db, room.scribe2, ideas.NewIdea(table_id=room.table2_id, text="Benches at the bus stop")
    )
    board = room_app("fac").run().switch_page("views/ideas.py").run()
    board = click(board, "Approve all (2)")
    assert not board.exception
    assert "Approved 2 ideas." in texts(board)
    assert "Waiting for your approval (0)" in [h.value for h in board.header]
    assert [i.text for i in ideas.list_ideas(db, room.meeting_id, actor=SYSTEM)] == [
        "Lights on Pine Street",
        "Benches at the bus stop",
    ]


def test_a_scribe_is_told_their_idea_waits_and_sees_it_in_their_waiting_list(room_app, db):
    room = room_app.room
    _premoderate(db, room)
    at = room_app("s1", {"table": "1"}).run().switch_page("views/ideas.py").run()
    by_label(at.text_area, "The idea").input(TRICKY)
    at = click(at, "Add idea")
    assert not at.exception
    assert (
        "Idea added. It is waiting for the facilitator's approval before the room sees it."
        in texts(at)
    )
    assert "Waiting for the facilitator's approval (1)" in [h.value for h in at.subheader]
    assert any(
        t.startswith(_escaped(TRICKY)) and "not on the projector yet" in t for t in texts(at)
    )
    # The other table's scribe sees nothing of it.
    other = room_app("s2", {"table": "2"}).run().switch_page("views/ideas.py").run()
    assert not any("Waiting for the facilitator" in h.value for h in other.subheader)
