"""The best-practice library: entries a facilitator adds, and the seeded programmes."""

import pytest

from db.models.enums import ResponseModel
from seed.best_practices import LIBRARY
from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import NotFound, PermissionDenied, ValidationError
from services.solve import best_practices as bp
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # names unique in any case; the library's upsert


def _add(db, actor, name="STAR", model="civilian_responder", **extra):
    return bp.create_best_practice(
        db,
        actor,
        bp.BestPracticeFields(
            name=name, city="Denver, CO", model=model, summary="Vans to 911 calls.", **extra
        ),
    )


def _entry(name, summary="Sends clinicians to calls."):
    return {"name": name, "city": "Somewhere", "model": "co_responder", "summary": summary}


def test_creates_an_entry_and_records_it_in_the_audit_trail(db):
    room = build_room(db)
    entry = _add(db, room.facilitator, "  STAR  ", source_url="https://example.org/star")
    assert (entry.name, entry.model, entry.source_url) == (
        "STAR",
        ResponseModel.CIVILIAN_RESPONDER,
        "https://example.org/star",
    )
    assert [e.action for e in history(db, SYSTEM, "best_practice", entry.id)] == ["created"]


def test_lists_by_name_and_filters_by_model(db):
    room = build_room(db)
    _add(db, room.facilitator, "Zeta", "call_triage")
    _add(db, room.facilitator, "Alpha", "civilian_responder")
    assert [p.name for p in bp.list_best_practices(db)] == ["Alpha", "Zeta"]
    assert [p.name for p in bp.list_best_practices(db, "call_triage")] == ["Zeta"]


@pytest.mark.parametrize("url", ["http://example.org", "example.org", "https://bad url.org"])
def test_refuses_a_source_link_that_is_not_https(db, url):
    room = build_room(db)
    with pytest.raises(ValidationError, match="starting with https://"):
        _add(db, room.facilitator, source_url=url)


def test_accepts_an_empty_source_link(db):
    room = build_room(db)
    assert _add(db, room.facilitator, source_url="  ").source_url == ""


def test_refuses_an_empty_name_or_summary(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Programme name is empty"):
        _add(db, room.facilitator, " ")
    with pytest.raises(ValidationError, match="Summary is empty"):
        bp.create_best_practice(
            db,
            room.facilitator,
            bp.BestPracticeFields(name="X", city="Y", model="other", summary=""),
        )


def test_refuses_an_unknown_model_and_names_the_choices(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match=r"not a model of response.*co_responder"):
        _add(db, room.facilitator, model="helicopters")


def test_refuses_a_duplicate_name_whatever_its_case(db):
    room = build_room(db)
    _add(db, room.facilitator, "STAR")
    with pytest.raises(ValidationError, match="already has “star”"):
        _add(db, room.facilitator, "star")


def test_updates_an_entry_but_not_onto_another_name(db):
    room = build_room(db)
    star = _add(db, room.facilitator, "STAR")
    _add(db, room.facilitator, "CAHOOTS")
    updated = bp.update_best_practice(
        db,
        room.facilitator,
        star.id,
        bp.BestPracticeFields(
            name="STAR Denver",
            city="Denver",
            model="co_responder",
            summary="New.",
            staffing="Clinician",
            evidence="Fewer reports",
            source_url="",
        ),
    )
    assert (updated.name, updated.staffing, updated.model) == (
        "STAR Denver",
        "Clinician",
        ResponseModel.CO_RESPONDER,
    )
    with pytest.raises(ValidationError, match="already has"):
        bp.update_best_practice(
            db,
            room.facilitator,
            star.id,
            bp.BestPracticeFields(
                name="cahoots",
                city="D",
                model="other",
                summary="S",
                staffing="",
                evidence="",
                source_url="",
            ),
        )


def test_update_and_delete_refuse_an_unknown_entry(db):
    room = build_room(db)
    with pytest.raises(NotFound, match="No best practice with id 99"):
        bp.update_best_practice(
            db,
            room.facilitator,
            99,
            bp.BestPracticeFields(
                name="X",
                city="Y",
                model="other",
                summary="Z",
                staffing="",
                evidence="",
                source_url="",
            ),
        )
    with pytest.raises(NotFound, match="No best practice with id 99"):
        bp.delete_best_practice(db, room.facilitator, 99)


def test_deletes_an_entry_and_records_it(db):
    room = build_room(db)
    star = _add(db, room.facilitator)
    bp.delete_best_practice(db, room.facilitator, star.id)
    assert bp.list_best_practices(db) == []
    assert [e.action for e in history(db, SYSTEM, "best_practice", star.id)] == [
        "created",
        "deleted",
    ]


@pytest.mark.parametrize("who", ["scribe1", "leader"])
def test_only_a_facilitator_may_change_the_library(db, who):
    room = build_room(db)
    star = _add(db, room.facilitator)
    actor = getattr(room, who)
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        _add(db, actor, "Other")
    with pytest.raises(PermissionDenied):
        bp.update_best_practice(
            db,
            actor,
            star.id,
            bp.BestPracticeFields(
                name="X",
                city="Y",
                model="other",
                summary="Z",
                staffing="",
                evidence="",
                source_url="",
            ),
        )
    with pytest.raises(PermissionDenied):
        bp.delete_best_practice(db, actor, star.id)
    with pytest.raises(PermissionDenied):
        bp.upsert_library(db, actor, [_entry("New")])


def test_upsert_adds_missing_updates_changed_and_leaves_the_rest(db):
    room = build_room(db)
    assert bp.upsert_library(db, room.facilitator, [_entry("A"), _entry("B")]) == 2
    assert (
        bp.upsert_library(db, room.facilitator, [_entry("A"), _entry("B", "Now different.")]) == 0
    )
    by_name = {p.name: p for p in bp.list_best_practices(db)}
    assert by_name["B"].summary == "Now different."
    assert [e.action for e in history(db, SYSTEM, "best_practice", by_name["A"].id)] == ["created"]
    assert [e.action for e in history(db, SYSTEM, "best_practice", by_name["B"].id)] == [
        "created",
        "updated",
    ]


def test_upsert_refuses_an_incomplete_entry_and_saves_nothing(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="entry 2 has no city, summary"):
        bp.upsert_library(db, room.facilitator, [_entry("A"), {"name": "B", "model": "other"}])
    assert bp.list_best_practices(db) == []


def test_the_seeded_library_is_complete_and_loads_idempotently(db):
    room = build_room(db)
    assert len(LIBRARY) >= 14
    for entry in LIBRARY:
        assert all(entry[k].strip() for k in ("name", "city", "summary", "staffing", "evidence"))
        assert entry["source_url"].startswith("https://")
        assert ResponseModel(entry["model"])
    assert bp.upsert_library(db, room.facilitator, LIBRARY) == len(LIBRARY)
    assert bp.upsert_library(db, room.facilitator, LIBRARY) == 0
    assert len(bp.list_best_practices(db)) == len(LIBRARY)
