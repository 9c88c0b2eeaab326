"""Each person's language: from the roster's Language column, their phone, or their account."""

import pytest
from sqlalchemy import select

from db.models import Participant
from services.core.errors import NotFound, PermissionDenied, ValidationError
from services.setup import languages, participants
from services.setup.roster_check import check_roster
from services.setup.roster_file import parse_roster
from services.setup.roster_import import import_roster
from tests.factories import build_room

ROSTER = (
    "Name,Stakeholder Group,Idioma\n"
    "Ana Ruiz,Police,Español\n"
    "Ben Okafor,Residents,\n"
    "Cleo Park,Police,english\n"
    "Dee Vo,Residents,ES-mx\n"
)


def _languages(db) -> dict[str, str]:
    with db.read() as s:
        return {p.name: p.language for p in s.scalars(select(Participant))}


def test_the_roster_language_column_sets_each_person_and_blank_is_english(db):
    room = build_room(db)
    import_roster(db, room.facilitator, room.initiative_id, parse_roster(ROSTER.encode(), "r.csv"))
    found = _languages(db)
    assert {n: found[n] for n in ("Ana Ruiz", "Ben Okafor", "Cleo Park", "Dee Vo")} == {
        "Ana Ruiz": "es",
        "Ben Okafor": "en",
        "Cleo Park": "en",
        "Dee Vo": "es",
    }


def test_a_language_the_app_does_not_speak_is_a_problem_of_its_row(db):
    room = build_room(db)
    file = parse_roster(b"Name,Group,Language\nAna Ruiz,Police,French\n", "r.csv")
    [bad] = check_roster(db, room.facilitator, room.initiative_id, file).bad
    assert bad.row_number == 2
    assert any("“French” is not one the app speaks" in r for r in bad.reasons)


def test_a_participant_switches_language_on_their_phone_by_their_code(db):
    room = build_room(db)
    person = participants.get_participant(db, room.facilitator, room.participant_ids[0])
    assert languages.language_of_code(db, person.code) == "en"
    assert languages.choose_by_code(db, person.code.lower(), "es") == "es"
    assert languages.language_of_code(db, person.code) == "es"
    with pytest.raises(NotFound):
        languages.choose_by_code(db, "NOTACODE", "es")
    with pytest.raises(ValidationError, match="English or Español"):
        languages.choose_by_code(db, person.code, "klingon")
    assert languages.language_of_code(db, "NOTACODE") is None


def test_only_a_facilitator_sets_someone_elses_language(db):
    room = build_room(db)
    pid = room.participant_ids[1]
    assert languages.set_participant_language(db, room.facilitator, pid, "Spanish").language == "es"
    with pytest.raises(PermissionDenied):
        languages.set_participant_language(db, room.scribe1, pid, "en")


def test_staff_choose_their_own_language(db):
    room = build_room(db)
    assert languages.own_language(db, room.scribe1) == "en"
    languages.set_own_language(db, room.scribe1, "es")
    assert languages.own_language(db, room.scribe1) == "es"
    assert languages.own_language(db, room.facilitator) == "en"
