"""The Charter screen follows the version in force: a version saved since a person last
read opens there, and a signed version's commitments are said to be fixed before anyone
types one."""

from __future__ import annotations

from services.partner import charter_signoff, charters


def _charter(room_app, user: str):
    return room_app(user).run().switch_page("views/charter.py").run()


def _new_version(db, room, mission: str) -> None:
    charters.new_version(
        db, room.facilitator, room.initiative_id, charters.CharterFields(mission=mission)
    )


def _shown_version(at) -> int:
    return at.selectbox(key="charter-version").value


def test_a_version_saved_since_opens_in_place_of_the_older_one_picked(room_app, db):
    room = room_app.room
    charters.new_version(
        db, room.facilitator, room.initiative_id, charters.CharterFields(mission="One")
    )
    charters.new_version(
        db, room.facilitator, room.initiative_id, charters.CharterFields(mission="Two")
    )
    lead = _charter(room_app, "lead")
    assert _shown_version(lead) == 2
    lead.selectbox(key="charter-version").set_value(1).run()
    assert _shown_version(lead) == 1
    lead.run()  # reading on, the older version they picked stays
    assert _shown_version(lead) == 1
    charters.new_version(
        db, room.facilitator, room.initiative_id, charters.CharterFields(mission="Three")
    )
    lead.run()
    assert _shown_version(lead) == 3, "the version in force, saved since, is the one shown"
    assert [b.label for b in lead.button if b.label == "Sign this version for my group"]


def test_a_signed_version_says_its_commitments_are_fixed_before_anything_is_typed(room_app, db):
    room = room_app.room
    made = charters.new_version(
        db, room.facilitator, room.initiative_id, charters.CharterFields(mission="One")
    )
    fac = _charter(room_app, "fac")
    assert _commitment_box(fac), "unsigned, its commitments can be written"
    charter_signoff.sign(db, room.leader, made.id)
    fac.run()
    assert any("Version 1 has already been signed" in i.value for i in fac.info)
    assert not _commitment_box(fac), "signed: no box to type into and be refused after"


def _commitment_box(at) -> list:
    return [t for t in at.text_area if t.label == "What the group commits to"]
