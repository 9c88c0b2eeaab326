"""The charter on the room's screen: the newest version's clauses and who has signed it."""

from services.core.actors import SYSTEM
from services.partner import charter_signoff, charters
from services.partner.charter_screen import charter_for_room
from tests.factories import build_room


def test_nothing_to_show_before_the_first_version(db):
    room = build_room(db)
    assert charter_for_room(db, SYSTEM, room.meeting_id) is None


def test_the_newest_version_with_its_clauses_commitments_and_signatures(db):
    room = build_room(db)
    charters.new_version(
        db, room.facilitator, room.initiative_id, charters.CharterFields(mission="Old mission")
    )
    latest = charters.new_version(
        db,
        room.facilitator,
        room.initiative_id,
        charters.CharterFields(
            mission="Safer calls together",
            shared_goals="Fewer crises end in arrest",
            ground_rules="",
            communication="A monthly report",
            commitments={room.residents_id: "Bring two neighbours", room.police_id: "  "},
        ),
    )
    charter_signoff.sign(db, room.leader, latest.id)  # the leader speaks for Police
    shown = charter_for_room(db, SYSTEM, room.meeting_id)
    assert shown is not None
    assert (shown.version, shown.mission) == (2, "Safer calls together")
    assert shown.clauses == (
        ("Shared goals", "Fewer crises end in arrest"),
        ("How we communicate and how often we meet", "A monthly report"),
        ("Commitment of Residents", "Bring two neighbours"),
    )
    assert (shown.signed, shown.waiting) == (("Police",), ("Residents",))


def test_a_signature_on_an_older_version_does_not_count_as_signed(db):
    room = build_room(db)
    first = charters.new_version(
        db, room.facilitator, room.initiative_id, charters.CharterFields(mission="M1")
    )
    charter_signoff.sign(db, room.leader, first.id)
    charters.new_version(
        db, room.facilitator, room.initiative_id, charters.CharterFields(mission="M2")
    )
    shown = charter_for_room(db, SYSTEM, room.meeting_id)
    assert shown is not None
    assert (shown.version, shown.signed, shown.waiting) == (2, (), ("Police", "Residents"))
