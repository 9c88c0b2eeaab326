"""Exports of hostile text: spreadsheets never run it as a formula, JSON keeps it exactly.

A cell that starts with = + - @, a tab or a carriage return is what Excel, LibreOffice
and Sheets run as a formula (OWASP's CSV injection list). Each spreadsheet the app
writes is read back here as the spreadsheet program would: the CSV as text cells, the
workbook through openpyxl, whose `data_type` is "f" for a formula.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Iterator

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from components.sheets import (
    PrintedBadge,
    PrintedCard,
    badge_codes_html,
    invitation_sheet_html,
    table_cards_html,
)
from db.database import Database
from db.models import Base
from services.act import plan_export
from services.archive import initiative_export
from services.core.actors import SYSTEM
from services.partner import charter_pdf
from services.prepare import invitations, presession_document, presession_report
from services.review import meeting_report, meeting_sheets
from services.room import notes
from services.setup import initiatives, meetings
from tests.bad_input.corpus import CASES, FORMULAS, Rule, case
from tests.bad_input.rooms import fill_room
from tests.factories import build_room

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A number is a number to a spreadsheet, minus sign and all: not a formula.
NUMBER = re.compile(r"-?\d+(\.\d+)?")
SCHEMA = "bad_input_import"
EXACT = [c.stored for c in CASES if c.rule is Rule.EXACT]

# On Postgres too: hostile text read back out of each database, and the JSON export
# imported into another one.
pytestmark = pytest.mark.both_databases


@pytest.fixture
def formulas(db):
    room = build_room(db)
    return room, fill_room(db, room, FORMULAS)


def csv_cells(data: bytes) -> list[str]:
    """Every cell of a CSV written as UTF-8 with a byte order mark, as text."""
    rows = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    return [cell for row in rows for cell in row]


def assert_no_formula_in(cells: list[str], written: list[str]) -> None:
    """No cell starts like a formula, and each formula written is there, made text."""
    for cell in cells:
        if not NUMBER.fullmatch(cell):
            assert not cell.startswith(FORMULA_START), f"a formula escaped: {cell!r}"
    for formula in written:
        assert formula.startswith(FORMULA_START)
        assert "'" + formula in cells, f"{formula!r} is missing or changed"


def workbook_cells(data: bytes) -> list:
    """Every cell of every sheet; fails on any cell a spreadsheet would calculate."""
    book = load_workbook(io.BytesIO(data))
    cells = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate}: {cell.value!r}"
                cells.append(cell.value)
    return cells


# Cells of their own in the plan (the rest are joined into "Serves").
PLAN = ["action", "description", "measure", "owner", "group", "update"]
# Cells of their own in the mail merge: the person's name and group.
MAIL_MERGE = ["owner", "group"]
# Cells of their own in the meeting's tables.
TABLES = [
    "said", "paraphrase", "interest", "idea", "other idea", "group", "theme",
    "theme description", "round", "issue", "options", "agreement", "next step",
    "conflict owner", "action", "description", "measure", "owner", "update",
]  # fmt: skip


def test_the_plan_as_csv_turns_every_formula_into_text(db, formulas):
    room, filled = formulas
    cells = csv_cells(plan_export.plan_csv(db, room.facilitator, room.initiative_id))
    assert_no_formula_in(cells, [filled.texts[p] for p in PLAN])


def test_the_plan_as_excel_has_no_formula_cell(db, formulas):
    room, filled = formulas
    cells = workbook_cells(plan_export.plan_xlsx(db, room.facilitator, room.initiative_id))
    assert_no_formula_in([c for c in cells if isinstance(c, str)], [filled.texts[p] for p in PLAN])


def test_every_table_of_the_meeting_as_zipped_csv_has_no_formula(db, formulas):
    room, filled = formulas
    data = meeting_sheets.tables_zip(db, room.facilitator, room.meeting_id, True)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        cells = [c for name in archive.namelist() for c in csv_cells(archive.read(name))]
    assert_no_formula_in(cells, [filled.texts[p] for p in TABLES])


def test_every_table_of_the_meeting_as_one_workbook_has_no_formula(db, formulas):
    room, filled = formulas
    data = meeting_sheets.tables_xlsx(db, room.facilitator, room.meeting_id, True)
    cells = [c for c in workbook_cells(data) if isinstance(c, str)]
    assert_no_formula_in(cells, [filled.texts[p] for p in TABLES])


def test_the_mail_merge_as_csv_and_as_excel_has_no_formula(db, formulas):
    room, filled = formulas
    fac, base = room.facilitator, "https://example.org"
    written = [filled.texts[p] for p in MAIL_MERGE]
    cells = csv_cells(invitations.mail_merge_csv(db, fac, room.meeting_id, base))
    assert_no_formula_in(cells, written)
    book = workbook_cells(invitations.mail_merge_xlsx(db, fac, room.meeting_id, base))
    assert_no_formula_in([c for c in book if isinstance(c, str)], written)


def strings_in(value: object) -> set[str]:
    """Every string anywhere in a JSON-like value."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return set().union(*(strings_in(v) for v in value))
    return set()


@pytest.fixture
def target(db: Database, tmp_path) -> Iterator[Database]:
    """An empty database on `db`'s backend to import into: a file, or a Postgres schema."""
    if db.dialect == "sqlite":
        other = Database.from_url(f"sqlite:///{tmp_path / 'target.db'}")
    else:
        with db.engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE; CREATE SCHEMA {SCHEMA}"))
        url = db.engine.url.update_query_dict({"options": f"-csearch_path={SCHEMA}"})
        other = Database.from_url(url.render_as_string(hide_password=False))
    Base.metadata.create_all(other.engine)
    yield other
    other.dispose()
    if db.dialect != "sqlite":
        with db.engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {SCHEMA} CASCADE"))


def test_the_json_export_keeps_every_hostile_text_exactly_and_imports_back(db, target):
    room = build_room(db)
    filled = fill_room(db, room, EXACT)
    fac = room.facilitator
    export = initiative_export.export_initiative(db, fac, room.initiative_id, True)
    text_ = initiative_export.to_json(export)
    assert set(filled.texts.values()) <= strings_in(json.loads(text_))
    new_id = initiative_export.import_initiative(target, fac, initiative_export.from_json(text_))
    again = initiative_export.export_initiative(target, fac, new_id, True)
    assert set(filled.texts.values()) <= strings_in(again)
    (meeting,) = meetings.list_meetings(target, SYSTEM, new_id)
    said = [n.said for n in notes.list_notes(target, fac, meeting.id)]
    assert said == [filled.texts["said"]]


def test_the_reports_build_with_hostile_text_and_the_html_escapes_it(db):
    room = build_room(db)
    fill_room(db, room, EXACT)
    fac = room.facilitator
    initiatives.update_initiative(
        db,
        fac,
        room.initiative_id,
        initiatives.InitiativeFields(name=case("script").text, city="", purpose=""),
    )
    assert meeting_report.meeting_report_pdf(db, fac, room.meeting_id, True).startswith(b"%PDF")
    assert charter_pdf.charter_pdf(db, fac, room.initiative_id).startswith(b"%PDF")
    report = presession_report.presession_report(db, fac, room.initiative_id)
    assert presession_document.report_pdf(report).startswith(b"%PDF")
    html = presession_document.report_html(report)
    assert "<script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html


def test_printed_cards_and_badges_escape_names_and_titles():
    script, image = case("script").text, case("html").text
    cards = table_cards_html(script, [PrintedCard(1, "https://example.org/listen?table=1")])
    badge = PrintedBadge(image, script, "https://example.org/vote?code=abc", "en")
    badges = badge_codes_html(script, [badge])
    for page in (cards, badges):
        assert "<script>" not in page and "<img src=x" not in page
        assert "&lt;script&gt;" in page


def test_printed_invitations_escape_names_groups_and_the_meeting(db):
    room = build_room(db)
    fill_room(db, room, EXACT)
    script, image = case("script").text, case("html").text
    fac = room.facilitator
    meetings.update_meeting(
        db,
        fac,
        room.meeting_id,
        meetings.MeetingFields(title=script, starts_at=None, location=image),
    )
    initiatives.update_initiative(
        db, fac, room.initiative_id, initiatives.InitiativeFields(name=script, city="", purpose="")
    )
    heading = invitations.meeting_heading(db, fac, room.meeting_id)
    people = invitations.invitations(db, fac, room.meeting_id, "https://example.org")
    page = invitation_sheet_html(heading, people)
    assert "<script>" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x" in page
