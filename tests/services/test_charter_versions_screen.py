"""The Charter screen's one read: versions, sign-off, who may act, and that its PDF agrees."""

import io

import pytest
from pypdf import PdfReader

from services.core.errors import PermissionDenied
from services.partner import charter_pdf, charter_signoff, charter_versions_screen, charters
from tests.factories import build_room


def _two_versions(db):
    room = build_room(db)
    fac = room.facilitator
    first = charters.new_version(
        db,
        fac,
        room.initiative_id,
        charters.CharterFields(
            mission="Safer calls together",
            commitments={room.police_id: "Send crisis-trained officers"},
        ),
    )
    charter_signoff.sign(db, room.leader, first.id)
    charters.new_version(
        db,
        fac,
        room.initiative_id,
        charters.CharterFields(
            mission="Safer calls, together and sooner",
            commitments={room.residents_id: "Report what works"},
        ),
    )
    return room


def _text(data: bytes) -> str:
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())


def test_a_leader_reads_every_version_newest_first_and_may_sign(db):
    room = _two_versions(db)
    screen = charter_versions_screen.read(db, room.leader, room.initiative_id)
    assert [v.version for v in screen.versions] == [2, 1]
    assert screen.versions[1].commitments == (("Police", "Send crisis-trained officers"),)
    assert screen.versions[0].commitments == (
        ("Police", "Send crisis-trained officers"),  # carried forward
        ("Residents", "Report what works"),
    )
    assert [(g.stakeholder, g.status.value, g.signed_version) for g in screen.signoff] == [
        ("Police", "signed an earlier version", 1),
        ("Residents", "not signed", None),
    ]
    assert screen.may_sign is True
    assert screen.active_groups == {}


def test_a_facilitator_may_write_commitments_but_does_not_sign(db):
    room = _two_versions(db)
    screen = charter_versions_screen.read(db, room.facilitator, room.initiative_id)
    assert screen.may_sign is False
    assert screen.active_groups == {room.police_id: "Police", room.residents_id: "Residents"}


def test_before_the_first_version_there_is_nothing_to_show(db):
    room = build_room(db)
    screen = charter_versions_screen.read(db, room.leader, room.initiative_id)
    assert screen.versions == ()
    assert [g.status.value for g in screen.signoff] == ["not signed", "not signed"]


@pytest.mark.parametrize("scribe", ["scribe1", "scribe2"])
def test_a_scribe_has_no_charter_screen(db, scribe):
    room = build_room(db)
    with pytest.raises(PermissionDenied):
        charter_versions_screen.read(db, getattr(room, scribe), room.initiative_id)


@pytest.mark.parametrize("role", ["leader", "facilitator"])
def test_each_versions_pdf_holds_what_the_screen_shows_of_it(db, role):
    room = _two_versions(db)
    actor = getattr(room, role)
    screen = charter_versions_screen.read(db, actor, room.initiative_id)
    for shown in screen.versions:
        text = _text(charter_pdf.render(shown.sheet))
        assert shown.sheet.charter.mission in text
        assert f"Version {shown.version}," in text
        for group, commitment in shown.commitments:
            assert group in text and commitment in text
        # The same words as the charter's own export of that version.
        exported = charter_pdf.charter_pdf(db, actor, room.initiative_id, shown.charter_id)
        assert _text(exported) == text
    old = _text(charter_pdf.render(screen.versions[1].sheet))
    assert "Name: Lead" in old and "Report what works" not in old
