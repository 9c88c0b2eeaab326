"""Home's read model: what is live in the initiative in focus, and the demo, per role."""

import pytest

import i18n
from db.models import Account, Initiative
from db.models.enums import MeetingStatus, Role
from services.core.errors import PermissionDenied
from services.setup import home_screen
from services.translations import translate
from tests.factories import build_elsewhere, build_room


def test_everyone_of_the_meeting_sees_its_step_now(db):
    room = build_room(db)  # live, on its first step, input open
    for actor in (room.facilitator, room.scribe1, room.scribe2, room.leader):
        screen = home_screen.read(db, actor, room.initiative_id, room.meeting_id)
        assert screen.initiative == "Test City Initiative"
        now = screen.meeting
        assert now is not None
        assert (now.title, now.status, now.input_open) == ("Meeting", MeetingStatus.LIVE, True)
        assert (now.step_position, now.step_title) == (1, "Listen")


def test_the_step_now_is_named_in_the_readers_language(db):
    room = build_room(db)
    entry = translate.Translation(
        kind="agenda_item", entity_id=room.item_ids[0], field="title", text="Escuchar"
    )
    translate.translate(db, room.facilitator, entry)
    for language, title in (("es", "Escuchar"), ("en", "Listen")):
        with i18n.using(language):
            now = home_screen.read(db, room.scribe1, room.initiative_id, room.meeting_id).meeting
        assert now is not None and now.step_title == title


def test_no_initiative_or_no_meeting_in_focus(db):
    room = build_room(db)
    nothing = home_screen.read(db, room.facilitator, None, None)
    assert (nothing.initiative, nothing.meeting, nothing.demo) == (None, None, None)
    no_meeting = home_screen.read(db, room.facilitator, room.initiative_id, None)
    assert (no_meeting.initiative, no_meeting.meeting) == ("Test City Initiative", None)


def test_a_leader_or_scribe_is_refused_another_initiative(db):
    room = build_room(db)
    elsewhere = build_elsewhere(db)
    for actor in (room.leader, room.scribe1):
        with pytest.raises(PermissionDenied):
            home_screen.read(db, actor, elsewhere.initiative_id, elsewhere.meeting_id)


def test_only_a_facilitator_is_offered_the_demo_while_any_of_it_is_here(db):
    room = build_room(db)
    with db.write() as s:
        s.get_one(Initiative, room.initiative_id).is_demo = True
    assert home_screen.read(db, room.facilitator, None, None).demo == ("Test City Initiative",)
    for actor in (room.scribe1, room.leader):
        assert home_screen.read(db, actor, room.initiative_id, None).demo is None
    with db.write() as s:
        s.get_one(Initiative, room.initiative_id).is_demo = False
        s.add(
            Account(
                username="d", display_name="D", role=Role.SCRIBE, password_hash="x", is_demo=True
            )
        )
    assert home_screen.read(db, room.facilitator, None, None).demo == ()
