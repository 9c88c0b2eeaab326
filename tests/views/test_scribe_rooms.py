"""Two rooms at once on one installation: each scribe works in the room of their table."""

from services.setup import tables
from tests.factories import build_elsewhere


def test_a_scribe_keeps_their_own_room_when_a_newer_initiative_exists(room_app, db):
    room = room_app.room
    newer = build_elsewhere(db)  # another initiative, made after the room: now the newest
    assert tables.newest_scribed_meeting(db, room.scribe1) == (
        room.initiative_id,
        room.meeting_id,
    )
    at = room_app("s1", {"table": "1"}).run().switch_page("views/listen.py").run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Listen · table 1"]
    assert not at.error
    assert newer.meeting_id != room.meeting_id


def test_an_account_that_scribes_no_table_has_no_scribed_meeting(room_app, db):
    assert tables.newest_scribed_meeting(db, room_app.room.facilitator) is None
