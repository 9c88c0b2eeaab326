"""The projector's pages held or turning (WCAG 2.2.2): kept on the meeting, facilitators
only, each change audited, a second tap harmless."""

from __future__ import annotations

import pytest

import i18n
from db.models import Meeting
from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import NotFound, PermissionDenied, ValidationError
from services.room import projector_settings, room_control
from tests.factories import build_room


def _actions(db, room) -> list[str]:
    return [e.action for e in history(db, SYSTEM, "meeting", room.meeting_id)]


def test_holding_keeps_when_it_was_held_and_letting_go_clears_it(db):
    room = build_room(db)
    held = projector_settings.hold_pages(db, room.facilitator, room.meeting_id, True)
    assert held.pages_held_at is not None
    state = room_control.room_state(db, room.meeting_id, actor=SYSTEM)
    assert state.pages_held_at == held.pages_held_at  # every projector reads the same
    again = projector_settings.hold_pages(db, room.facilitator, room.meeting_id, True)
    assert again.pages_held_at == held.pages_held_at  # a second tap keeps the page
    turning = projector_settings.hold_pages(db, room.facilitator, room.meeting_id, False)
    assert turning.pages_held_at is None
    assert _actions(db, room) == ["projector pages held", "projector pages turning"]


def test_only_a_facilitator_holds_the_pages(db):
    room = build_room(db)
    for who in (room.scribe1, room.leader):
        with pytest.raises(PermissionDenied, match="Only a facilitator"):
            projector_settings.hold_pages(db, who, room.meeting_id, True)
    with pytest.raises(NotFound):
        projector_settings.hold_pages(db, room.facilitator, 999, True)
    with db.read() as s:
        assert s.get_one(Meeting, room.meeting_id).pages_held_at is None


def test_the_projector_language_is_one_of_four_choices_each_change_audited(db):
    room = build_room(db)
    assert room_control.room_state(db, room.meeting_id, actor=SYSTEM).projector_language == ""
    state = projector_settings.set_language(db, room.facilitator, room.meeting_id, "both")
    assert state.projector_language == "both"
    projector_settings.set_language(db, room.facilitator, room.meeting_id, "both")  # no change
    projector_settings.set_language(db, room.facilitator, room.meeting_id, "es")
    with pytest.raises(ValidationError, match="English, Spanish, or both"):
        projector_settings.set_language(db, room.facilitator, room.meeting_id, "fr")
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        projector_settings.set_language(db, room.scribe1, room.meeting_id, "en")
    assert room_control.room_state(db, room.meeting_id, actor=SYSTEM).projector_language == "es"
    assert _actions(db, room) == ["projector language", "projector language"]


def test_the_setting_names_the_languages_spoken():
    assert projector_settings.projector_languages("both") == ("en", "es")
    assert projector_settings.projector_languages("es") == ("es",)
    with i18n.using("es"):  # unset: the projector browser's own
        assert projector_settings.projector_languages("") == ("es",)
