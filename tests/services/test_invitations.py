"""Invitations: each person's survey and voting links, and the mail merge with contacts."""

import io
from datetime import UTC, datetime

import openpyxl
import pandas as pd
import pytest
from sqlalchemy import select

from db.models import AuditEntry, Initiative, Meeting, MeetingTable, Participant
from services.core.errors import NotFound, PermissionDenied
from services.prepare import invitations
from services.prepare.invitations import MAIL_MERGE_COLUMNS, mail_merge_csv, mail_merge_xlsx
from tests.factories import build_elsewhere, build_room

pytestmark = pytest.mark.both_databases  # people ordered by lower(name); counts

BASE = "https://cg.example.org"
FORMULA = '=HYPERLINK("http://x","y")'


def _set(db, participant_id: int, **fields) -> None:
    with db.write() as s:
        person = s.get_one(Participant, participant_id)
        for key, value in fields.items():
            setattr(person, key, value)


def _room(db):
    """The factory's room with contacts, an accented name and a code of the new scheme."""
    room = build_room(db)
    p0, p1, p2, p3 = room.participant_ids
    _set(db, p0, name="Zoë Núñez", email="zoe@example.org", phone="555 0100", code="K7QM4TPX")
    _set(db, p1, name="Ben", email="ben@example.org")
    _set(db, p2, name="Ana")
    _set(db, p3, name="Cy")
    return room


def _exports(db) -> list[AuditEntry]:
    with db.read() as s:
        found = select(AuditEntry).filter_by(action="contacts_exported").order_by(AuditEntry.id)
        return list(s.scalars(found))  # in order: Postgres returns rows in no set order


def test_everyone_gets_a_survey_and_a_voting_link_with_their_own_code(db):
    room = _room(db)
    found = invitations.invitations(db, room.facilitator, room.meeting_id, BASE)
    assert [(i.name, i.group, i.table) for i in found] == [
        ("Ana", "Police", 2),
        ("Ben", "Residents", 1),
        ("Cy", "Residents", 2),
        ("Zoë Núñez", "Police", 1),
    ]
    zoe = found[-1]
    assert zoe.survey_link == f"{BASE}/survey?code=K7QM4TPX"  # links keep the stored form
    assert zoe.vote_link == f"{BASE}/vote?code=K7QM4TPX"
    assert zoe.shown_code == "K7QM-4TPX"
    assert found[0].survey_link == f"{BASE}/survey?code=code-2"
    assert found[0].shown_code == "code-2"  # an older code is shown as it is


def test_absent_people_and_other_initiatives_are_left_out(db):
    room = _room(db)
    build_elsewhere(db)
    _set(db, room.participant_ids[1], absent=True)
    found = invitations.invitations(db, room.facilitator, room.meeting_id, BASE)
    assert [i.name for i in found] == ["Ana", "Cy", "Zoë Núñez"]
    counts = invitations.invitation_counts(db, room.facilitator, room.meeting_id)
    assert (counts.invited, counts.with_email, counts.absent) == (3, 1, 1)
    assert counts.survey_open
    frame = pd.read_csv(io.BytesIO(mail_merge_csv(db, room.facilitator, room.meeting_id, BASE)))
    assert frame["Name"].tolist() == ["Ana", "Cy", "Zoë Núñez"]
    workbook = pd.read_excel(
        io.BytesIO(mail_merge_xlsx(db, room.facilitator, room.meeting_id, BASE))
    )
    assert workbook["Name"].tolist() == ["Ana", "Cy", "Zoë Núñez"]


def test_the_counts_say_when_the_survey_is_closed(db):
    room = _room(db)
    with db.write() as s:
        s.get_one(Initiative, room.initiative_id).survey_open = False
    counts = invitations.invitation_counts(db, room.facilitator, room.meeting_id)
    assert (counts.invited, counts.with_email, counts.absent) == (4, 2, 0)
    assert not counts.survey_open


def test_a_seat_at_another_meetings_table_is_not_named(db):
    room = _room(db)
    with db.write() as s:
        later = Meeting(initiative_id=room.initiative_id, title="Follow-up", code="later-code")
        s.add(later)
        s.flush()
        table = MeetingTable(meeting_id=later.id, number=9)
        s.add(table)
        s.flush()
        s.get_one(Participant, room.participant_ids[2]).table_id = table.id
    found = {i.name: i.table for i in invitations.invitations(db, room.facilitator, later.id, BASE)}
    assert found == {"Ana": 9, "Ben": None, "Cy": None, "Zoë Núñez": None}
    here = invitations.invitations(db, room.facilitator, room.meeting_id, BASE)
    assert {i.name: i.table for i in here}["Ana"] is None


def test_the_csv_has_every_column_contacts_and_accents_for_excel(db):
    room = _room(db)
    data = mail_merge_csv(db, room.facilitator, room.meeting_id, BASE)
    assert data.startswith(b"\xef\xbb\xbf")  # the byte order mark Excel needs for accents
    frame = pd.read_csv(io.BytesIO(data), keep_default_na=False, dtype=str)
    assert list(frame.columns) == MAIL_MERGE_COLUMNS
    zoe = frame.set_index("Name").loc["Zoë Núñez"]
    assert zoe.to_dict() == {
        "Group": "Police",
        "Table": "1",
        "Email": "zoe@example.org",
        "Phone": "555 0100",
        "Language": "English",  # in its own words: "Español" picks the Spanish letter
        "Survey link": f"{BASE}/survey?code=K7QM4TPX",
        "Voting link": f"{BASE}/vote?code=K7QM4TPX",
        "Code": "K7QM-4TPX",
    }
    assert frame.set_index("Name").loc["Ana", "Email"] == ""


def test_the_workbook_has_one_sheet_of_invitations(db):
    room = _room(db)
    data = mail_merge_xlsx(db, room.facilitator, room.meeting_id, BASE)
    sheets = pd.read_excel(io.BytesIO(data), sheet_name=None, keep_default_na=False)
    assert list(sheets) == ["Invitations"]
    frame = sheets["Invitations"]
    assert list(frame.columns) == MAIL_MERGE_COLUMNS
    assert frame["Name"].tolist() == ["Ana", "Ben", "Cy", "Zoë Núñez"]
    assert frame["Table"].tolist() == [2, 1, 2, 1]
    assert frame["Code"].tolist()[-1] == "K7QM-4TPX"
    assert frame["Voting link"].tolist()[-1] == f"{BASE}/vote?code=K7QM4TPX"


def test_a_person_with_no_table_has_a_blank_table_cell(db):
    room = _room(db)
    _set(db, room.participant_ids[2], table_id=None)
    frame = pd.read_csv(
        io.BytesIO(mail_merge_csv(db, room.facilitator, room.meeting_id, BASE)),
        keep_default_na=False,
        dtype=str,
    )
    assert frame["Table"].tolist() == ["", "1", "2", "1"]  # never "2.0"


def test_formulas_in_names_groups_and_contacts_are_neutralised(db):
    room = _room(db)
    _set(db, room.participant_ids[2], name=FORMULA, email="@evil", phone="+1 555 0100")
    csv = pd.read_csv(
        io.BytesIO(mail_merge_csv(db, room.facilitator, room.meeting_id, BASE)),
        keep_default_na=False,
        dtype=str,
    )
    row = csv[csv["Name"] == "'" + FORMULA].iloc[0]
    assert (row["Email"], row["Phone"]) == ("'@evil", "'+1 555 0100")
    data = mail_merge_xlsx(db, room.facilitator, room.meeting_id, BASE)
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Invitations"]
    cells = [c for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]  # nothing runs as a formula
    assert "'" + FORMULA in [c.value for c in cells]
    assert "'+1 555 0100" in [c.value for c in cells]


def test_each_export_is_recorded_as_contacts_exported(db):
    room = _room(db)
    _set(db, room.participant_ids[3], absent=True)
    mail_merge_csv(db, room.facilitator, room.meeting_id, BASE)
    mail_merge_xlsx(db, room.facilitator, room.meeting_id, BASE)
    first, second = _exports(db)
    assert (first.entity, first.entity_id, first.initiative_id) == (
        "initiative",
        room.initiative_id,
        room.initiative_id,
    )
    assert first.account_id == room.facilitator.account_id
    assert first.detail == {"meeting_id": room.meeting_id, "format": "csv", "people": 3}
    assert second.detail["format"] == "xlsx"


def test_the_sheet_and_the_preview_are_not_recorded_as_exports(db):
    room = _room(db)
    invitations.invitations(db, room.facilitator, room.meeting_id, BASE)
    invitations.invitation_counts(db, room.facilitator, room.meeting_id)
    assert _exports(db) == []


@pytest.mark.parametrize("who", ["leader", "scribe1"])
def test_leaders_and_scribes_get_neither_links_nor_contacts(db, who):
    room = _room(db)
    actor = getattr(room, who)
    calls = [
        lambda: invitations.invitations(db, actor, room.meeting_id, BASE),
        lambda: invitations.invitation_counts(db, actor, room.meeting_id),
        lambda: mail_merge_csv(db, actor, room.meeting_id, BASE),
        lambda: mail_merge_xlsx(db, actor, room.meeting_id, BASE),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied, match="Only a facilitator"):
            call()
    assert _exports(db) == []


def test_a_missing_meeting_is_refused_plainly_and_nothing_is_recorded(db):
    room = _room(db)
    with pytest.raises(NotFound):
        mail_merge_csv(db, room.facilitator, 9999, BASE)
    with pytest.raises(NotFound):
        invitations.invitations(db, room.facilitator, 9999, BASE)
    assert _exports(db) == []


def test_the_heading_names_the_initiative_and_the_meeting_when_and_where(db):
    room = _room(db)
    when = datetime(2027, 1, 16, 15, 0, tzinfo=UTC)
    with db.write() as s:
        meeting = s.get_one(Meeting, room.meeting_id)
        meeting.starts_at, meeting.location = when, "Riverside Community Center"
    heading = invitations.meeting_heading(db, room.facilitator, room.meeting_id)
    assert (heading.initiative, heading.title) == ("Test City Initiative", "Meeting")
    assert (heading.starts_at, heading.location) == (when, "Riverside Community Center")


def test_a_spanish_facilitator_s_mail_merge_is_headed_in_spanish(db):
    import i18n

    room = _room(db)
    with i18n.using("es"):
        data = mail_merge_xlsx(db, room.facilitator, room.meeting_id, BASE)
        csv = mail_merge_csv(db, room.facilitator, room.meeting_id, BASE)
    sheets = pd.read_excel(io.BytesIO(data), sheet_name=None, keep_default_na=False)
    assert list(sheets) == ["Invitaciones"]
    headings = list(pd.read_csv(io.BytesIO(csv), dtype=str).columns)
    assert headings == list(sheets["Invitaciones"].columns)
    assert headings[:3] == ["Nombre", "Grupo", "Mesa"]
    assert "Name" not in headings


def test_the_mail_merge_names_each_persons_language_to_pick_their_letter_by(db):
    room = _room(db)
    with db.write() as s:  # as the roster's language column sets it
        s.scalars(select(Participant).where(Participant.name == "Ana")).one().language = "es"
    frame = pd.read_csv(
        io.BytesIO(mail_merge_csv(db, room.facilitator, room.meeting_id, BASE)),
        keep_default_na=False,
        dtype=str,
    )
    assert frame.set_index("Name")["Language"].to_dict() == {
        "Ana": "Español", "Ben": "English", "Cy": "English", "Zoë Núñez": "English"
    }  # fmt: skip
