"""Set up › People › import, through the real app: read once, import, clear, and say what
was added."""

from __future__ import annotations

import re

import pytest

import components.setup.roster as panel
from services.setup import participants
from tests.views.helpers import click, setup_screen, texts

GOOD = (
    b"Name,Stakeholder group,Email\n"
    b"Ana Diaz,police,ana@example.org\n"
    b"Ben Okafor,Residents,\n"
    b"Cy Lee,Residents,cy@example.org\n"
)


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The names of the files the panel read, one entry per reading."""
    done: list[str] = []
    real = panel.parse_roster

    def counting(data: bytes, filename: str):
        done.append(filename)
        return real(data, filename)

    monkeypatch.setattr(panel, "parse_roster", counting)
    return done


def _uploader(at):
    [uploader] = [u for u in at.file_uploader if u.key.startswith("roster_upload_")]
    return uploader


def _plain(notices) -> list[str]:
    """Success or error notices as read: user text in them is escaped Markdown."""
    return [re.sub(r"\\(.)", r"\1", n.value) for n in notices]


def _count(db, room) -> int:
    return len(participants.list_participants(db, room.facilitator, room.initiative_id))


def test_the_uploader_states_its_limits(room_app):
    at = setup_screen(room_app)
    uploader = _uploader(at)
    assert uploader.label == (
        "Import people from a CSV or Excel (.xlsx) file: up to 2 MB, 2,000 people and 30 columns"
    )
    assert "Up to 2 MB, 2,000 people and 30 columns per file" in uploader.help
    assert uploader.proto.max_upload_size_mb == 2


def test_after_an_import_the_uploader_is_empty_and_the_summary_says_what_was_added(
    room_app, db, reads
):
    room = room_app.room
    before = _count(db, room)
    at = setup_screen(room_app)
    first_key = _uploader(at).key
    _uploader(at).upload("roster.csv", GOOD, "text/csv").run()
    assert "3 to add, 0 with problems." in texts(at)
    at = click(at, "Import the file")
    assert not at.exception
    assert _count(db, room) == before + 3
    uploader = _uploader(at)
    assert uploader.key != first_key and uploader.value is None
    assert "Added 3 people: 2 Residents, 1 Police." in _plain(at.success)
    assert not [b for b in at.button if b.label == "Import the file"]  # nothing to import twice
    # The summary stays while the page is used, and goes when the next file comes.
    at.run()
    assert "Added 3 people: 2 Residents, 1 Police." in _plain(at.success)
    _uploader(at).upload("roster.csv", GOOD, "text/csv").run()
    assert not at.success
    assert "0 to add, 0 with problems, 3 already on the roster (skipped)." in texts(at)
    assert all(b.disabled for b in at.button if b.label.startswith("Import"))
    assert reads == ["roster.csv", "roster.csv"]


def test_an_upload_is_read_once_however_often_the_page_reruns(room_app, reads):
    at = setup_screen(room_app)
    _uploader(at).upload("roster.csv", GOOD, "text/csv").run()
    for _ in range(3):
        at.run()
    assert "3 to add, 0 with problems." in texts(at)
    assert reads == ["roster.csv"]
    _uploader(at).clear().run()
    _uploader(at).upload("other.csv", GOOD, "text/csv").run()
    assert reads == ["roster.csv", "other.csv"]


def test_a_refused_file_is_refused_once_in_words_and_not_read_again(room_app, reads):
    big = b"Name,Group\n" + b"Someone,Police\n" * 2_001
    at = setup_screen(room_app)
    _uploader(at).upload("big.csv", big, "text/csv").run()
    at.run()
    [error] = _plain(at.error)
    assert "more than 2,000 people" in error and "Split it into files" in error
    assert reads == ["big.csv"]
    assert not [b for b in at.button if b.label.startswith("Import")]


def test_a_near_miss_shows_did_you_mean_in_the_problems(room_app, db):
    room = room_app.room
    data = b"Name,Group\nAna,Polce\nBen,RESIDENTS\nCy,Police\n"
    at = setup_screen(room_app)
    _uploader(at).upload("r.csv", data, "text/csv").run()
    table = next(d.value for d in at.dataframe if "Problems" in d.value)
    assert list(table["Row"]) == [2]
    assert (
        table["Problems"][0]
        == "“Polce” is not one of this initiative's groups; did you mean “Police”?"
    )
    before = _count(db, room)
    at = click(at, "Import only the good rows")
    assert _count(db, room) == before + 2
    assert "Added 2 people: 1 Police, 1 Residents. 1 row skipped (row 2)." in _plain(at.success)


def test_a_file_over_the_cap_is_refused_by_its_size_without_being_read(room_app, reads):
    # The browser enforces the uploader's 2 MB; a client that ignores it meets this.
    too_big = b"Name,Group\n" + b"x" * (2 * 1024 * 1024)
    at = setup_screen(room_app)
    _uploader(at).upload("huge.csv", too_big, "text/csv").run()
    [error] = _plain(at.error)
    assert error.startswith("“huge.csv” is 2.0 MB; a roster file can be at most 2 MB.")
    assert reads == []
