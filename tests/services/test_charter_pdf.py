"""The charter as a PDF: every section, each group's commitment and where each group has signed."""

import io
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

from db.models import Account
from services.core.errors import NotFound, PermissionDenied
from services.partner import charter_signoff, charters
from services.partner.charter_pdf import charter_pdf
from tests.factories import build_elsewhere, build_room

HEADINGS = [
    "Partnering Charter",
    "Mission",
    "Shared goals",
    "Ground rules and values",
    "Roles and responsibilities",
    "How we communicate and how often we meet",
    "Confidentiality agreement",
    "Commitments",
    "Sign-off",
]


def _text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def _v1(db, room, mission="Safer calls together"):
    return charters.new_version(
        db,
        room.facilitator,
        room.initiative_id,
        charters.CharterFields(
            mission=mission,
            shared_goals="Fewer crises end in arrest",
            ground_rules="Listen first",
            commitments={room.police_id: "Send crisis-trained officers"},
        ),
    )


def _rename_leader(db, room, name):
    with db.write() as s:
        s.get(Account, room.leader.account_id).display_name = name


def test_the_pdf_opens_and_carries_the_mission_every_heading_and_each_group(db):
    room = build_room(db)
    _v1(db, room)
    data = charter_pdf(db, room.facilitator, room.initiative_id)
    assert data.startswith(b"%PDF-")
    text = _text(data)
    for expected in [*HEADINGS, "Safer calls together", "Fewer crises end in arrest"]:
        assert expected in text
    assert "Test City Initiative" in text and "Test City" in text
    assert f"Version 1, {_utc_day()}" in text
    assert "Police" in text and "Residents" in text
    assert "Send crisis-trained officers" in text
    assert "No commitment written for this version." in text  # Residents wrote none
    assert "page 1 of" in text


def test_a_signature_shows_the_signers_name_and_the_date(db):
    room = build_room(db)
    charter = _v1(db, room)
    charter_signoff.sign(db, room.leader, charter.id)
    text = _text(charter_pdf(db, room.leader, room.initiative_id))
    assert "Name: Lead" in text
    assert f"Date: {_utc_day()}" in text
    assert "Not yet signed for version 1" in text  # Residents have not signed


def test_after_a_new_version_nobody_has_signed_it_and_the_older_signature_is_named(db):
    room = build_room(db)
    first = _v1(db, room)
    charter_signoff.sign(db, room.leader, first.id)
    charters.new_version(
        db,
        room.facilitator,
        room.initiative_id,
        charters.CharterFields(mission="Safer calls, version two"),
    )
    text = _text(charter_pdf(db, room.facilitator, room.initiative_id))
    assert "Version 2," in text
    assert "Safer calls, version two" in text
    assert "Not yet signed for version 2 (signed version 1)" in text
    assert text.count("Not yet signed for version 2") == 2
    assert "Name: Lead" not in text


def test_an_older_version_can_be_exported_with_its_own_signatures(db):
    room = build_room(db)
    first = _v1(db, room)
    charter_signoff.sign(db, room.leader, first.id)
    charters.new_version(
        db, room.facilitator, room.initiative_id, charters.CharterFields(mission="Version two")
    )
    text = _text(charter_pdf(db, room.facilitator, room.initiative_id, first.id))
    assert "Version 1," in text and "Safer calls together" in text
    assert "Name: Lead" in text


def test_accented_and_right_to_left_text_does_not_break_the_pdf(db):
    room = build_room(db)
    _rename_leader(db, room, "Zoë Ñúñez-Çelik")
    charter = _v1(db, room, mission="Ensemble — معًا — ביחד, {nb} **not bold** <b>not html</b>")
    charter_signoff.sign(db, room.leader, charter.id)
    text = _text(charter_pdf(db, room.facilitator, room.initiative_id))
    assert "Name: Zoë Ñúñez-Çelik" in text
    # User text is printed as typed: no page-count alias, markdown or HTML is applied to it.
    assert "{nb} **not bold** <b>not html</b>" in text


def test_without_a_charter_the_export_says_there_is_none_yet(db):
    room = build_room(db)
    with pytest.raises(NotFound, match="has no partnering charter yet"):
        charter_pdf(db, room.facilitator, room.initiative_id)


def test_a_version_of_another_initiative_or_a_deleted_one_is_not_found(db):
    room = build_room(db)
    _v1(db, room)
    away = charters.new_version(
        db,
        room.facilitator,
        build_elsewhere(db).initiative_id,
        charters.CharterFields(mission="Away"),
    )
    with pytest.raises(NotFound, match=f"No charter version with id {away.id} in Test City"):
        charter_pdf(db, room.facilitator, room.initiative_id, away.id)
    with pytest.raises(NotFound, match="No charter version with id 999"):
        charter_pdf(db, room.facilitator, room.initiative_id, 999)


def test_a_table_scribe_may_not_export_the_charter(db):
    room = build_room(db)
    _v1(db, room)
    with pytest.raises(PermissionDenied, match="Only a facilitator or a Thought Leader"):
        charter_pdf(db, room.scribe1, room.initiative_id)


def _utc_day() -> str:
    # Charter versions and signatures are dated by their UTC timestamp.
    today = datetime.now(UTC).date()
    return f"{today:%B} {today.day}, {today.year}"


def _retire_residents(db, room):
    from db.models import Participant
    from services.setup import stakeholders

    with db.write() as s:
        for person in s.query(Participant).filter_by(stakeholder_id=room.residents_id):
            person.absent = True
    stakeholders.retire_stakeholder(db, room.facilitator, room.residents_id)


def test_a_retired_group_is_left_off_new_versions_but_stays_on_those_it_was_part_of(db):
    room = build_room(db)
    first = charters.new_version(
        db,
        room.facilitator,
        room.initiative_id,
        charters.CharterFields(
            mission="Safer calls", commitments={room.residents_id: "Report what we see"}
        ),
    )
    _retire_residents(db, room)
    old = _text(charter_pdf(db, room.facilitator, room.initiative_id, first.id))
    assert "Residents" in old and "Report what we see" in old
    charters.new_version(
        db,
        room.facilitator,
        room.initiative_id,
        charters.CharterFields(mission="Safer calls, again"),
    )
    new = _text(charter_pdf(db, room.facilitator, room.initiative_id))
    assert "Police" in new and "Residents" not in new
