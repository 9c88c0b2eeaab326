"""Roster import: what a facilitator meets when uploading the list of participants."""

import io
import threading
import time

import pytest
from openpyxl import Workbook
from sqlalchemy import func, insert, select

from db.models import Initiative, Participant
from services import codes, participants
from services.audit import history
from services.errors import PermissionDenied, ValidationError
from services.roster_check import check_roster
from services.roster_file import parse_roster
from services.roster_import import import_roster
from tests.factories import build_room

CLEAN_CSV = (
    "Name,Stakeholder Group,Email,Phone,Notes\n"
    "Ana Ruiz,Police,ana@example.org,555-0101,\n"
    "Ben Okafor, residents ,,,Prefers Spanish\n"
    "Cleo Park,POLICE,cleo@example.org,,\n"
)


def _count(db) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Participant))


def _xlsx(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_clean_csv_imports_every_row_with_its_group_and_a_code(db):
    room = build_room(db)
    result = import_roster(
        db, room.facilitator, room.initiative_id, parse_roster(CLEAN_CSV.encode(), "r.csv")
    )
    assert (result.imported, result.skipped) == (3, [])
    people = {
        p.name: p for p in participants.list_participants(db, room.facilitator, room.initiative_id)
    }
    assert people["Ben Okafor"].stakeholder_id == room.residents_id
    assert people["Cleo Park"].stakeholder_id == room.police_id
    assert people["Ana Ruiz"].phone == "555-0101"
    made = {people[n].code for n in ("Ana Ruiz", "Ben Okafor", "Cleo Park")}
    assert len(made) == 3 and all(codes.is_new_style(c) for c in made)
    [entry] = [e for e in history(db, "initiative", room.initiative_id)]
    assert entry.detail == {"file": "r.csv", "imported": 3, "skipped_rows": []}


def test_a_clean_excel_file_imports_every_row_with_other_header_names(db):
    room = build_room(db)
    data = _xlsx(
        [
            ("Full Name", "Organisation", "E-mail", "Mobile"),
            ("Dee Lopez", "Residents", "dee@example.org", 5550102),
            (None, None, None, None),  # a blank line in the sheet is spacing, not a person
            ("Eli Stone", "Police", None, None),
        ]
    )
    roster = parse_roster(data, "Roster.XLSX")
    assert [r.row_number for r in roster.rows] == [2, 4]
    result = import_roster(db, room.facilitator, room.initiative_id, roster)
    assert result.imported == 2
    people = {
        p.name: p for p in participants.list_participants(db, room.facilitator, room.initiative_id)
    }
    assert people["Dee Lopez"].phone == "5550102"


BAD_CSV = (
    "name,group,email,phone,notes\n"
    "Good One,Police,good@example.org,,\n"  # 2
    ",Police,,,\n"  # 3 missing name
    "Fay,Firefighters,,,\n"  # 4 unknown group
    "good one, police ,GOOD@example.org,,\n"  # 5 same as row 2
    "P0,Police,,,\n"  # 6 already in the roster (build_room has P0 in Police)
    "Gus,Residents,gus@nowhere,,\n"  # 7 malformed email
    f"{'x' * 201},Residents,,,\n"  # 8 over-long name
    "Hal\x07,Residents,,,\n"  # 9 control character
    "Ivy,Residents,,,\n"  # 10 good
)


def test_a_file_with_bad_rows_reports_each_row_and_reason(db):
    room = build_room(db)
    check = check_roster(
        db, room.facilitator, room.initiative_id, parse_roster(BAD_CSV.encode(), "b.csv")
    )
    assert [g.row_number for g in check.good] == [2, 10]
    reasons = {b.row_number: " ".join(b.reasons) for b in check.bad}
    assert "Name is missing" in reasons[3]
    assert "“Firefighters” is not one of this initiative's groups: Police, Residents" in reasons[4]
    assert reasons[5] == "Same person as row 2."
    assert "Already in the roster" in reasons[6]
    assert "“gus@nowhere” is not an email address" in reasons[7]
    assert "limit is 200" in reasons[8]
    assert "control characters" in reasons[9]
    assert (check.good_count, check.bad_count, check.total) == (2, 7, 9)


def test_a_row_with_several_problems_lists_them_all(db):
    room = build_room(db)
    roster = parse_roster(b"name,group,email\n,Nobody,not-an-email\n", "x.csv")
    [bad] = check_roster(db, room.facilitator, room.initiative_id, roster).bad
    assert len(bad.reasons) == 3


def test_an_import_with_bad_rows_writes_nothing_and_says_why(db):
    room = build_room(db)
    before = _count(db)
    with pytest.raises(ValidationError, match="7 rows have problems; fix them or import only"):
        import_roster(
            db, room.facilitator, room.initiative_id, parse_roster(BAD_CSV.encode(), "b.csv")
        )
    assert _count(db) == before
    assert history(db, "initiative", room.initiative_id) == []


def test_only_good_rows_imports_exactly_the_good_ones_and_reports_the_rest(db):
    room = build_room(db)
    before = _count(db)
    roster = parse_roster(BAD_CSV.encode(), "b.csv")
    result = import_roster(db, room.facilitator, room.initiative_id, roster, only_good_rows=True)
    assert result.imported == 2 and _count(db) == before + 2
    assert [b.row_number for b in result.skipped] == [3, 4, 5, 6, 7, 8, 9]
    names = {
        p.name for p in participants.list_participants(db, room.facilitator, room.initiative_id)
    }
    assert {"Good One", "Ivy"} <= names
    [entry] = history(db, "initiative", room.initiative_id)
    assert entry.detail["skipped_rows"] == [3, 4, 5, 6, 7, 8, 9]


def test_importing_the_same_file_twice_finds_everyone_already_in_the_roster(db):
    room = build_room(db)
    roster = parse_roster(CLEAN_CSV.encode(), "r.csv")
    import_roster(db, room.facilitator, room.initiative_id, roster)
    with pytest.raises(ValidationError, match="3 rows have problems"):
        import_roster(db, room.facilitator, room.initiative_id, roster)


def test_a_csv_with_a_byte_order_mark_reads_its_first_header():
    roster = parse_roster("\ufeffName,Group\nJosé,Police\n".encode(), "r.csv")
    assert roster.columns == ["Name", "Group"]
    assert roster.rows[0].name == "José"


def test_a_windows_1252_csv_reads_accents_right():
    roster = parse_roster("Name,Group\nJosé,Police\n".encode("cp1252"), "r.csv")
    assert roster.rows[0].name == "José"


def test_a_missing_column_is_named_with_the_columns_found():
    with pytest.raises(ValidationError, match="no “Stakeholder group” column") as error:
        parse_roster(b"Name,Email\nAna,a@example.org\n", "r.csv")
    assert "Columns found: Name, Email" in error.value.message


def test_refuses_a_file_that_is_not_csv_or_excel():
    with pytest.raises(ValidationError, match="not a CSV or Excel"):
        parse_roster(b"whatever", "roster.pdf")


def test_refuses_a_damaged_excel_file():
    with pytest.raises(ValidationError, match="could not be opened"):
        parse_roster(b"not a zip", "roster.xlsx")


def test_a_scribe_may_neither_check_nor_import(db):
    room = build_room(db)
    roster = parse_roster(CLEAN_CSV.encode(), "r.csv")
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        check_roster(db, room.scribe1, room.initiative_id, roster)
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        import_roster(db, room.scribe1, room.initiative_id, roster)


@pytest.mark.postgres_only  # SQLite writers queue behind one lock: this race cannot happen
def test_an_import_waiting_on_another_sees_its_people_as_already_in_the_roster(db):
    room = build_room(db)
    roster = parse_roster(b"Name,Group\nAna Ruiz,Police\n", "r.csv")
    outcome = []

    def run():
        try:
            outcome.append(import_roster(db, room.facilitator, room.initiative_id, roster))
        except ValidationError as exc:
            outcome.append(exc)

    # Another import holds the initiative and adds Ana while this one arrives.
    with db.engine.begin() as other:
        other.execute(
            select(Initiative.id).where(Initiative.id == room.initiative_id).with_for_update()
        )
        importer = threading.Thread(target=run)
        importer.start()
        time.sleep(0.3)
        other.execute(
            insert(Participant).values(
                initiative_id=room.initiative_id,
                stakeholder_id=room.police_id,
                name="Ana Ruiz",
                email="",
                phone="",
                notes="",
                code="first-import",
            )
        )
    importer.join(timeout=10)
    assert isinstance(outcome[0], ValidationError)
    assert _count(db) == 5
