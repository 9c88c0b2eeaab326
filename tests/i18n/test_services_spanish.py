"""What services say to a person arrives in that person's language: refusals, labels and
the reports and spreadsheets they build. English stays the source, word for word."""

from __future__ import annotations

from datetime import date

import pytest

import i18n
from services.core.actors import require_role
from services.core.errors import PermissionDenied, ValidationError
from services.core.validation import clean_text, not_in_past
from services.core.vocab import ConflictStatus, Role, label
from services.room import room_control
from tests.factories import build_room


def test_a_refusal_raised_in_spanish_is_spanish_and_names_the_field_in_spanish():
    with i18n.using("es"), pytest.raises(ValidationError) as refused:
        clean_text("   ", i18n.N_("Next step"))
    assert refused.value.message == "“Próximo paso” está vacío. Escriba algo antes de guardar."
    with pytest.raises(ValidationError) as in_english:
        clean_text("   ", i18n.N_("Next step"))
    assert in_english.value.message == "Next step is empty. Type something before saving."


def test_a_date_in_a_spanish_refusal_is_written_the_spanish_way():
    with i18n.using("es"), pytest.raises(ValidationError) as refused:
        not_in_past(date(2026, 3, 5), i18n.N_("Due date"), date(2026, 12, 2))
    assert "5 de marzo de 2026" in refused.value.message
    with pytest.raises(ValidationError) as in_english:
        not_in_past(date(2026, 3, 5), "Due date", date(2026, 12, 2))
    assert in_english.value.message == "Due date (05 Mar 2026) is in the past. Pick a later date."


def test_a_role_refusal_names_the_roles_in_spanish(db):
    room = build_room(db)
    with i18n.using("es"), pytest.raises(PermissionDenied) as refused:
        require_role(room.scribe1, Role.FACILITATOR)
    assert refused.value.message == (
        "Solo un facilitador o una facilitadora puede hacer esto; usted inició sesión como "
        "un relator o una relatora de mesa."
    )


def test_a_refusal_from_a_service_call_is_spanish(db):
    room = build_room(db)
    with i18n.using("es"), pytest.raises(ValidationError) as refused:
        room_control.move_step(db, room.facilitator, room.meeting_id, 5)
    assert refused.value.message.startswith("La sala retrocede un paso (-1) o avanza uno (+1)")


def test_stored_values_are_shown_in_the_reader_language_and_stay_english_underneath():
    with i18n.using("es"):
        assert label(ConflictStatus.AGREED) == "Acordado"
        assert label("win_win") == "Resolución de conflictos en la que todos ganan"
    assert label(ConflictStatus.AGREED) == "Agreed"
    assert ConflictStatus.AGREED.value == "agreed"
