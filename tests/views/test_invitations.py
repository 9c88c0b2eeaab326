"""Invitations through the real app: Prepare offers them to a facilitator, the console too."""

from __future__ import annotations

from sqlalchemy import select

from db.models import AuditEntry, Participant
from tests.views.helpers import click, open_tab, texts


def _set(db, participant_id: int, **fields) -> None:
    with db.write() as s:
        person = s.get_one(Participant, participant_id)
        for key, value in fields.items():
            setattr(person, key, value)


def _exports(db) -> list[AuditEntry]:
    with db.read() as s:
        found = select(AuditEntry).filter_by(action="contacts_exported").order_by(AuditEntry.id)
        return list(s.scalars(found))


def test_prepare_offers_the_sheet_and_the_mail_merge_and_counts_the_people(room_app, db):
    room = room_app.room
    _set(db, room.participant_ids[0], email="p0@example.org", phone="555 0100", code="K7QM4TPX")
    _set(db, room.participant_ids[3], absent=True)
    at = room_app("fac").run().switch_page("views/prepare.py").run()
    assert not at.exception
    assert "Invitations" in [h.value for h in at.header]
    shown = texts(at)
    assert (
        "**3** people get an invitation (left out: 1 marked absent); "
        "**1** of them have an email address." in shown
    )
    # Invited: the people who can come; the one marked absent is not waited for.
    assert "**0** of 3 people have answered the survey." in shown
    labels = [b.label for b in at.button]
    for label in ("the invitation sheet", "the mail-merge CSV", "the mail-merge Excel file"):
        assert f"Prepare {label}" in labels
    preview = next(d.value for d in at.dataframe if "Survey link" in d.value)
    assert list(preview.columns) == ["Name", "Group", "Survey link"]  # no contact details
    assert preview["Name"].tolist() == ["P0", "P1", "P2"]
    assert preview["Survey link"].tolist()[0].endswith("/survey?code=K7QM4TPX")
    assert "p0@example.org" not in preview.to_string()
    assert _exports(db) == []  # showing the screen sends nothing anywhere


def test_contacts_leave_only_on_an_explicit_request_and_it_is_recorded(room_app, db):
    at = room_app("fac").run().switch_page("views/prepare.py").run()
    assert not at.get("download_button")
    at = click(at, "Prepare the mail-merge CSV")
    assert not at.exception
    assert [d.proto.label for d in at.get("download_button")] == ["Download the mail-merge CSV"]
    [entry] = _exports(db)
    assert entry.detail["format"] == "csv"
    at = click(at, "Prepare the mail-merge Excel file")
    assert [e.detail["format"] for e in _exports(db)] == ["csv", "xlsx"]


def test_a_leader_sees_no_invitations_on_prepare(room_app):
    at = room_app("lead").run().switch_page("views/prepare.py").run()
    assert not at.exception
    assert "Invitations" not in [h.value for h in at.header]
    assert not [b for b in at.button if "mail-merge" in b.label or "invitation" in b.label]
    assert any(t.endswith("people have answered the survey.") for t in texts(at))


def test_the_console_lists_codes_as_people_read_them_and_leaves_out_the_absent(room_app, db):
    room = room_app.room
    _set(db, room.participant_ids[0], code="K7QM4TPX")
    _set(db, room.participant_ids[3], absent=True)
    at = room_app("fac").run().switch_page("views/console.py").run()
    assert not at.exception
    assert not [d for d in at.dataframe if "Voting link" in d.value]  # the room's tab is open
    at = open_tab(at, "console-tab", "Join links and QR codes")
    people = next(d.value for d in at.dataframe if "Voting link" in d.value)
    assert list(people.columns) == ["Name", "Group", "Code", "Voting link"]
    assert people["Name"].tolist() == ["P0", "P1", "P2"]
    assert people["Code"].tolist()[0] == "K7QM-4TPX"
    assert people["Voting link"].tolist()[0].endswith("/vote?code=K7QM4TPX")
    labels = [b.label for b in at.button]
    assert "Prepare the invitation sheet" in labels
    at = click(at, "Prepare the invitation sheet")
    downloads = [d.proto.label for d in at.get("download_button")]
    assert "Download the invitation sheet" in downloads
    assert "Download badge codes (one page)" in downloads
