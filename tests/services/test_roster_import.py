"""Roster import: what a facilitator meets when uploading the list of participants."""

import io
import threading
import time

import pytest
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import func, insert, select

from db.models import Initiative, Participant, Stakeholder
from db.models.enums import StakeholderCategory
from services.core import codes
from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import PermissionDenied, ValidationError
from services.setup import participants
from services.setup.roster_check import check_roster
from services.setup.roster_file import RosterFile, parse_roster
from services.setup.roster_import import import_roster
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # a bulk import under a lock on the initiative; a race

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
    sheet = book.active
    assert isinstance(sheet, Worksheet)  # a new workbook starts with one worksheet
    for row in rows:
        sheet.append(row)
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
    [entry] = [e for e in history(db, SYSTEM, "initiative", room.initiative_id)]
    assert entry.detail == {
        "file": "r.csv",
        "imported": 3,
        "skipped_rows": [],
        "already_on_roster_rows": [],
    }
    assert result.summary() == "Added 3 people: 2 Police, 1 Residents."


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
    "P0,Police,,,\n"  # 6 already on the roster (build_room has P0 in Police): skipped
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
    assert "“gus@nowhere” is not an email address" in reasons[7]
    assert "limit is 200" in reasons[8]
    assert "control characters" in reasons[9]
    [known] = check.known
    assert (known.row_number, known.reason) == (6, "Already on the roster as “P0” (Police).")
    assert (check.good_count, check.bad_count, check.known_count, check.total) == (2, 6, 1, 9)


def test_a_row_with_several_problems_lists_them_all(db):
    room = build_room(db)
    roster = parse_roster(b"name,group,email\n,Nobody,not-an-email\n", "x.csv")
    [bad] = check_roster(db, room.facilitator, room.initiative_id, roster).bad
    assert len(bad.reasons) == 3


def test_an_import_with_bad_rows_writes_nothing_and_says_why(db):
    room = build_room(db)
    before = _count(db)
    with pytest.raises(ValidationError, match="6 rows have problems; fix them or import only"):
        import_roster(
            db, room.facilitator, room.initiative_id, parse_roster(BAD_CSV.encode(), "b.csv")
        )
    assert _count(db) == before
    assert history(db, SYSTEM, "initiative", room.initiative_id) == []


def test_only_good_rows_imports_exactly_the_good_ones_and_reports_the_rest(db):
    room = build_room(db)
    before = _count(db)
    roster = parse_roster(BAD_CSV.encode(), "b.csv")
    result = import_roster(db, room.facilitator, room.initiative_id, roster, only_good_rows=True)
    assert result.imported == 2 and _count(db) == before + 2
    assert [b.row_number for b in result.skipped] == [3, 4, 5, 7, 8, 9]
    assert [k.row_number for k in result.known] == [6]
    names = {
        p.name for p in participants.list_participants(db, room.facilitator, room.initiative_id)
    }
    assert {"Good One", "Ivy"} <= names
    [entry] = history(db, SYSTEM, "initiative", room.initiative_id)
    assert entry.detail["skipped_rows"] == [3, 4, 5, 7, 8, 9]
    assert entry.detail["already_on_roster_rows"] == [6]
    assert result.summary() == (
        "Added 2 people: 1 Police, 1 Residents. "
        "1 already on the roster, not added again (row 6). "
        "6 rows skipped (rows 3, 4, 5, 7, 8, 9)."
    )


def test_importing_the_same_file_twice_adds_nobody_and_says_everyone_is_there(db):
    room = build_room(db)
    roster = parse_roster(CLEAN_CSV.encode(), "r.csv")
    import_roster(db, room.facilitator, room.initiative_id, roster)
    before = _count(db)
    check = check_roster(db, room.facilitator, room.initiative_id, roster)
    assert (check.good_count, check.bad_count, check.known_count) == (0, 0, 3)
    for only_good_rows in (False, True):
        with pytest.raises(ValidationError) as refused:
            import_roster(db, room.facilitator, room.initiative_id, roster, only_good_rows)
        assert refused.value.message == (
            "Nobody to add from “r.csv”: all 3 people in it are already on the roster. "
            "Nothing was changed."
        )
    assert _count(db) == before
    assert len(history(db, SYSTEM, "initiative", room.initiative_id)) == 1


def test_a_csv_with_a_byte_order_mark_reads_its_first_header():
    roster = parse_roster("\ufeffName,Group\nJosé,Police\n".encode(), "r.csv")
    assert roster.columns == ["Name", "Group"]
    assert roster.rows[0].name == "José"


def test_a_windows_1252_csv_reads_accents_right():
    roster = parse_roster("Name,Group\nJosé,Police\n".encode("cp1252"), "r.csv")
    assert roster.rows[0].name == "José"


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


# ---- Group names, forgiven ------------------------------------------------------------


def _add_groups(db, room, *names: str, retired: tuple[str, ...] = ()) -> dict[str, int]:
    with db.write() as s:
        groups = [
            Stakeholder(
                initiative_id=room.initiative_id,
                name=name,
                category=StakeholderCategory.OTHER,
                retired=name in retired,
            )
            for name in names
        ]
        s.add_all(groups)
        s.flush()
        return {g.name: g.id for g in groups}


def _roster(*rows: tuple[str, ...], email: bool = False) -> RosterFile:
    lines = ["Name,Stakeholder group" + (",Email" if email else "")]
    lines += [",".join(f'"{cell}"' for cell in row) for row in rows]
    return parse_roster("\n".join(lines).encode(), "groups.csv")


@pytest.mark.parametrize(
    "typed",
    [
        "Mayor’s Office",  # curly apostrophe, as Word and phones type it
        "mayor's office",
        "MAYOR ʼS OFFICE".replace(" ʼ", "ʼ"),  # the modifier-letter apostrophe
        "  Mayor's\u00a0\u00a0 Office ",  # no-break and doubled spaces
        "Mayor\u2019s\u200b Office",  # a zero-width space pasted from a web page
        "mayors office",  # the apostrophe left out
    ],
)
def test_a_group_typed_with_other_apostrophes_case_or_spaces_is_that_group(db, typed):
    room = build_room(db)
    ids = _add_groups(db, room, "Mayor's Office")
    check = check_roster(db, room.facilitator, room.initiative_id, _roster(("Ana", typed)))
    assert check.bad == []
    assert [g.stakeholder_id for g in check.good] == [ids["Mayor's Office"]]


@pytest.mark.parametrize(
    "typed",
    [
        "Community–Police Commission",
        "community — police commission",
        "Community - Police  Commission",
    ],
)
def test_a_group_typed_with_another_dash_is_that_group(db, typed):
    room = build_room(db)
    ids = _add_groups(db, room, "Community-Police Commission")
    check = check_roster(db, room.facilitator, room.initiative_id, _roster(("Ana", typed)))
    assert [g.stakeholder_id for g in check.good] == [ids["Community-Police Commission"]]


def test_quotes_in_a_group_name_match_straight_or_curly(db):
    room = build_room(db)
    ids = _add_groups(db, room, 'The "Corner" Project')
    roster = _roster(("Ana", "the “corner” project"))
    check = check_roster(db, room.facilitator, room.initiative_id, roster)
    assert [g.stakeholder_id for g in check.good] == [ids['The "Corner" Project']]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Youth (under 25", "Youth (under 25)"),  # a bracket lost
        ("Youth under 25", "Youth (under 25)"),
        ("Polce", "Police"),  # a letter lost
        ("Youth", "Youth (under 25)"),  # every word typed is in one group's name
        ("Residnets", "Residents"),
    ],
)
def test_a_near_miss_is_refused_with_the_group_it_most_likely_meant(db, typed, meant):
    room = build_room(db)
    _add_groups(db, room, "Youth (under 25)", "Faith communities")
    [bad] = check_roster(db, room.facilitator, room.initiative_id, _roster(("Ana", typed))).bad
    assert bad.reasons == [
        f"“{typed}” is not one of this initiative's groups; did you mean “{meant}”?"
    ]


def test_no_guess_when_two_groups_are_equally_close_or_none_is_close(db):
    room = build_room(db)
    _add_groups(db, room, "Youth North", "Youth South")
    roster = _roster(("Ana", "Youth"), ("Ben", "Firefighters"))
    ana, ben = check_roster(db, room.facilitator, room.initiative_id, roster).bad
    groups = "Police, Residents, Youth North, Youth South"
    assert ana.reasons == [f"“Youth” is not one of this initiative's groups: {groups}."]
    assert ben.reasons == [f"“Firefighters” is not one of this initiative's groups: {groups}."]


def test_a_retired_group_is_neither_matched_nor_offered(db):
    room = build_room(db)
    _add_groups(db, room, "Clergy", "Youth (under 25)", retired=("Clergy",))
    roster = _roster(("Ana", "clergy"), ("Ben", "Clergyy"), ("Cy", "Nobody"))
    ana, ben, cy = check_roster(db, room.facilitator, room.initiative_id, roster).bad
    current = "Police, Residents, Youth (under 25)"
    assert ana.reasons == [
        "“clergy” is a retired group: people are no longer added to it. "
        f"Put this person in one of the current groups: {current}."
    ]
    assert ben.reasons == [f"“Clergyy” is not one of this initiative's groups: {current}."]
    assert "Clergy" not in " ".join(cy.reasons)


# ---- Importing again ------------------------------------------------------------------


def test_a_longer_version_of_an_imported_file_adds_only_the_new_people(db):
    room = build_room(db)
    import_roster(
        db, room.facilitator, room.initiative_id, parse_roster(CLEAN_CSV.encode(), "r.csv")
    )
    longer = CLEAN_CSV.replace("Cleo Park,POLICE", "Cleo  PARK,police") + "Dee Lopez,Residents,,,\n"
    result = import_roster(
        db, room.facilitator, room.initiative_id, parse_roster(longer.encode(), "r2.csv")
    )
    assert (result.imported, [k.row_number for k in result.known]) == (1, [2, 3, 4])
    names = [
        p.name for p in participants.list_participants(db, room.facilitator, room.initiative_id)
    ]
    assert sorted(n for n in names if not n.startswith("P")) == [
        "Ana Ruiz", "Ben Okafor", "Cleo Park", "Dee Lopez",
    ]  # fmt: skip
    assert result.summary() == (
        "Added 1 person: 1 Residents. 3 already on the roster, not added again (rows 2, 3, 4)."
    )


def test_one_name_with_two_emails_is_two_people_and_one_email_in_two_groups_is_one(db):
    room = build_room(db)
    first = _roster(("John Smith", "Residents", "john@one.example"), email=True)
    import_roster(db, room.facilitator, room.initiative_id, first)
    again = _roster(
        ("John Smith", "Residents", "john@two.example"),  # another John Smith
        ("john smith", "Police", "JOHN@one.example"),  # the first one, listed elsewhere
        email=True,
    )
    check = check_roster(db, room.facilitator, room.initiative_id, again)
    assert [g.row_number for g in check.good] == [2]
    assert [(k.row_number, k.reason) for k in check.known] == [
        (3, "Already on the roster as “John Smith” (Residents).")
    ]


def test_a_household_sharing_an_email_is_two_people(db):
    room = build_room(db)
    roster = _roster(
        ("Ana Ruiz", "Residents", "family@example.org"),
        ("Luis Ruiz", "Residents", "family@example.org"),
        email=True,
    )
    result = import_roster(db, room.facilitator, room.initiative_id, roster)
    assert result.imported == 2


def test_the_summary_names_ten_rows_then_counts_the_rest(db):
    room = build_room(db)
    rows = [("Ana", "Police")] + [(f"X{n}", "Pirates") for n in range(12)]
    result = import_roster(db, room.facilitator, room.initiative_id, _roster(*rows), True)
    assert result.summary() == (
        "Added 1 person: 1 Police. "
        "12 rows skipped (rows 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 2 more)."
    )


def test_a_file_of_only_bad_and_known_rows_adds_nobody_and_says_why(db):
    room = build_room(db)
    roster = _roster(("P0", "Police"), ("Ana", "Pirates"))
    with pytest.raises(ValidationError) as refused:
        import_roster(db, room.facilitator, room.initiative_id, roster, only_good_rows=True)
    assert refused.value.message == (
        "Nobody to add: of the 2 rows of “groups.csv”, 1 is already on the roster and 1 has "
        "problems. Fix those rows and upload the file again."
    )
    assert history(db, SYSTEM, "initiative", room.initiative_id) == []
