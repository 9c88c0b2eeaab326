"""The projector's screens through the real page: the closed meeting's thank-you, the paused
timer, and the charter on the charter step."""

import re

from components.language import page_mark
from db.models import AgendaItem
from services.core.actors import SYSTEM
from services.core.vocab import Step
from services.partner import charters
from services.room import ideas, projector_settings, room_control
from tests.views.helpers import click, screen_text, texts


def _wall(room_app):
    return room_app(query={"code": "meet-code"}).run().switch_page("views/projector.py").run()


def test_a_closed_meeting_shows_thanks_and_nothing_live(room_app, db):
    room = room_app.room
    room_control.move_step(db, room.facilitator, room.meeting_id, +1)  # the ideas step
    ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Crisis line first")
    )
    assert "Crisis line first" in screen_text(_wall(room_app))
    room_control.close_meeting(db, room.facilitator, room.meeting_id)
    wall = _wall(room_app)
    assert not wall.exception
    shown = screen_text(wall)
    assert "Thank you for coming." in shown and "This meeting has closed." in shown
    assert "Crisis line first" not in shown and "Step 2 of 3" not in shown
    assert not wall.image  # no word cloud either


def test_the_charter_step_shows_the_charter_and_who_signed(room_app, db):
    room = room_app.room
    with db.write() as s:
        step = AgendaItem(
            meeting_id=room.meeting_id, position=4, title="Charter", step=Step.PARTNER, minutes=5
        )
        s.add(step)
        s.flush()
        step_id = step.id
    room_control.go_to_step(db, room.facilitator, room.meeting_id, step_id)
    assert "The charter has not been drafted yet." in screen_text(_wall(room_app))
    charters.new_version(
        db,
        room.facilitator,
        room.initiative_id,
        charters.CharterFields(mission="Safer calls", roles="The city convenes"),
    )
    shown = screen_text(_wall(room_app))
    assert "Partnering charter, version 1" in shown and "Mission: Safer calls" in shown
    assert "Roles and responsibilities The city convenes" in shown
    assert "Signed by: no group yet. Not signed yet: Police, Residents." in shown


def test_a_paused_timer_says_paused_on_the_projector(room_app, db):
    room = room_app.room
    room_control.start_timer(db, room.facilitator, room.meeting_id, 5)
    assert re.search(r"Timer: [45]:\d\d left", screen_text(_wall(room_app)))
    room_control.pause_timer(db, room.facilitator, room.meeting_id)
    assert re.search(r"Timer: Paused — [45]:\d\d left", screen_text(_wall(room_app)))


def test_the_wall_check_sees_a_new_idea_and_nothing_else(room_app, db):
    from components.projector_live import DRAWN_WALL_KEY, board_changed

    room = room_app.room
    wall = _wall(room_app)
    assert wall.session_state[DRAWN_WALL_KEY] is None  # not the ideas step: nothing to watch
    assert not board_changed(db, None)
    room_control.move_step(db, room.facilitator, room.meeting_id, +1)  # the ideas step
    ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Crisis line first")
    )
    wall = _wall(room_app)
    drawn = wall.session_state[DRAWN_WALL_KEY]
    assert drawn[0] == "meet-code"
    assert not board_changed(db, drawn)
    ideas.add_idea(
        db,
        room.scribe1,
        ideas.NewIdea(table_id=room.table1_id, text="Kept off the wall", confidential=True),
    )
    assert not board_changed(db, drawn)  # the room never sees it
    ideas.add_idea(
        db, room.scribe2, ideas.NewIdea(table_id=room.table2_id, text="Street lights on Elm")
    )
    assert board_changed(db, drawn)
    assert "Street lights on Elm" in screen_text(_wall(room_app))


def test_the_console_holds_the_projectors_pages_and_the_wall_says_so(room_app, db):
    room = room_app.room
    room_control.move_step(db, room.facilitator, room.meeting_id, +1)  # the ideas step
    for n in range(17):  # three pages of ideas
        ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text=f"Idea {n}"))
    assert "turning every 12 seconds" in screen_text(_wall(room_app))
    console = room_app("fac").run().switch_page("views/console.py").run()
    assert any("Projector pages: turning" in t for t in texts(console))
    console = click(console, "Hold the current page")
    assert "The projector holds its current page." in texts(console)
    assert any("Projector pages: held" in t for t in texts(console))
    state = room_control.room_state(db, room.meeting_id, actor=SYSTEM)
    assert state.pages_held_at is not None
    shown = screen_text(_wall(room_app))
    assert re.search(r"page \d of 3, held", shown) and "turning every" not in shown
    click(console, "Let the pages turn")
    assert room_control.room_state(db, room.meeting_id, actor=SYSTEM).pages_held_at is None


def test_the_console_sets_the_projector_to_both_languages_side_by_side(room_app, db):
    room = room_app.room
    room_control.move_step(db, room.facilitator, room.meeting_id, +1)  # the ideas step
    ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Más luz"))
    console = room_app("fac").run().switch_page("views/console.py").run()
    [choice] = [r for r in console.radio if r.label == "The projector speaks"]
    console = choice.set_value("both").run()
    assert "The projector now speaks: English and Spanish side by side." in texts(console)
    wall = _wall(room_app)
    bodies = "".join(h.proto.body for h in wall.html)
    assert '<span class="pj-lang" lang="en">1 idea so far, newest first</span>' in bodies
    assert '<span class="pj-lang" lang="es">1 idea hasta ahora, la más reciente primero</span>' in (
        bodies
    )
    assert bodies.count("Más luz") == 1  # the idea as written, once


def test_a_projector_set_to_spanish_speaks_it_whatever_its_browser_asks(room_app, db):
    room = room_app.room
    projector_settings.set_language(db, room.facilitator, room.meeting_id, "es")
    wall = _wall(room_app)  # a browser that asks for English
    shown = screen_text(wall)
    assert "Paso 1 de 3" in shown and "Step 1 of 3" not in shown
    assert page_mark("es") in [h.proto.body for h in wall.html]  # <html lang="es">
    assert any(h.proto.body.startswith('<div class="pj"><div lang="es">') for h in wall.html)
