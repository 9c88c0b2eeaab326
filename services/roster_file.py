"""Reading a roster spreadsheet (CSV or Excel) into rows, before any checking."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass

from openpyxl import load_workbook

from services.errors import ValidationError

# Field -> (label for messages, accepted headers after normalising). Name and group are
# required: a person cannot be placed at a table without knowing whom they speak for.
_COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "name": ("Name", ("name", "full name", "participant", "participant name")),
    "group": (
        "Stakeholder group",
        ("stakeholder group", "group", "organisation", "organization", "stakeholder"),
    ),
    "email": ("Email", ("email", "e-mail", "email address", "e-mail address")),
    "phone": ("Phone", ("phone", "telephone", "mobile", "phone number", "cell", "tel")),
    "notes": ("Notes", ("notes", "note", "comments")),
}
_REQUIRED = ("name", "group")


@dataclass(frozen=True)
class RosterRow:
    """One person as typed in the file, with the spreadsheet row they are on."""

    row_number: int
    name: str
    group: str
    email: str = ""
    phone: str = ""
    notes: str = ""


@dataclass(frozen=True)
class RosterFile:
    """The people read from one uploaded file, and the column headers it had."""

    filename: str
    columns: list[str]
    rows: list[RosterRow]


def parse_roster(data: bytes, filename: str) -> RosterFile:
    """The rows of a roster file (.csv or .xlsx), matched to their columns by header."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension == "csv":
        table = _csv_rows(data)
    elif extension == "xlsx":
        table = _excel_rows(data)
    else:
        raise ValidationError(
            f"“{filename}” is not a CSV or Excel (.xlsx) file. "
            "Save the roster as one of those and upload it again."
        )
    if not table or not any(table[0]):
        raise ValidationError(f"“{filename}” is empty: the first row should hold the headers.")
    headers = table[0]
    where = _match_headers(headers)
    rows = [
        RosterRow(number, **{field: _cell(line, i) for field, i in where.items()})
        for number, line in enumerate(table[1:], start=2)
        if any(cell.strip() for cell in line)  # blank lines are spacing, not people
    ]
    if not rows:
        raise ValidationError(f"“{filename}” has headers but nobody under them.")
    return RosterFile(filename, [h for h in headers if h], rows)


def _match_headers(headers: list[str]) -> dict[str, int]:
    normal = [re.sub(r"[\s_]+", " ", h).strip().lower() for h in headers]
    where: dict[str, int] = {}
    for field, (_label, aliases) in _COLUMNS.items():
        found = next((i for i, h in enumerate(normal) if h in aliases), None)
        if found is not None:
            where[field] = found
    for field in _REQUIRED:
        if field not in where:
            label, aliases = _COLUMNS[field]
            found = ", ".join(h for h in headers if h) or "none"
            raise ValidationError(
                f"The file has no “{label}” column (also accepted: {', '.join(aliases)}). "
                f"Columns found: {found}. Rename the column in the first row and upload again."
            )
    return where


def _cell(line: list[str], index: int) -> str:
    return line[index].strip() if index < len(line) else ""


def _csv_rows(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")  # also strips the BOM Excel writes
    except UnicodeDecodeError:
        try:
            # Excel on Windows saves "CSV" in the Windows code page, not UTF-8.
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise ValidationError(
                "The CSV file's characters could not be read. In Excel choose "
                "Save As → “CSV UTF-8”, then upload it again."
            ) from None
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""))]


def _excel_rows(data: bytes) -> list[list[str]]:
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise ValidationError(
            "The Excel file could not be opened; it may be damaged or an old .xls file. "
            "Save it again as .xlsx (or CSV) and upload it again."
        ) from None
    try:
        sheet = book.worksheets[0]  # the roster is the first sheet
        return [[_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _text(value: object) -> str:
    if value is None:
        return ""
    # Excel stores a typed-in phone number as a float; 5551234.0 should read 5551234.
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
