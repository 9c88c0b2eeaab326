"""Reading a roster spreadsheet (CSV or Excel) into rows, before any checking.

Every limit is checked while reading, before the work it guards is done: the file's size
first, then rows and columns one row at a time, stopping at the first one over. An Excel
file's own claims about its size (the sheet's <dimension>, a part's length) are never
used to decide how much to read or to allocate.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from adapters import roster_xlsx
from i18n import _
from i18n import number as in_figures
from services.core.errors import ValidationError

# A roster of 2,000 people with five columns is about 0.3 MB as CSV and 0.15 MB as .xlsx,
# so 2 MB leaves room for long notes; anything bigger is not a roster (or carries pictures
# the import does not need). The uploader is given the same cap so a browser never sends more.
MAX_MEGABYTES = 2
MAX_BYTES = MAX_MEGABYTES * 1024 * 1024
# Larger than any room this app seats (about 100 people), small enough to check in a second.
MAX_PEOPLE = 2_000
# The five roster columns, with room for whatever else an organisation's list carries.
MAX_COLUMNS = 30
# How far down a sheet reading goes, blank and formatted-but-empty rows included.
MAX_LINES = 10_000
# What the parts of an .xlsx that are read may unpack to: a full roster is about 5 MB.
MAX_UNZIPPED = 10 * 1024 * 1024
# Cells of a sheet, filled or only formatted: 2,000 people in 30 columns are 60,000.
MAX_CELLS = 100_000
# How many non-blank rows may stand above the headers (a title, a date, a note).
HEADER_SEARCH = 5
LIMITS_IN_WORDS = f"up to {MAX_MEGABYTES} MB, {MAX_PEOPLE:,} people and {MAX_COLUMNS} columns"


def limits_in_words() -> str:
    """`LIMITS_IN_WORDS` in the reader's language."""
    return _("up to {size} MB, {people} people and {columns} columns").format(
        size=MAX_MEGABYTES, people=in_figures(MAX_PEOPLE), columns=MAX_COLUMNS
    )


@dataclass(frozen=True)
class Column:
    """A roster column: its name in messages and the headers accepted for it."""

    label: str
    aliases: tuple[str, ...]
    required: bool = False


class TooWide(Exception):
    """A value past the last column allowed: where it is, for the refusal."""

    def __init__(self, row: int, column: int) -> None:
        super().__init__(row, column)
        self.row, self.column = row, column


# Headers are compared by letters and digits only, case and accents ignored: "E-mail", "EMAIL" and
# "e mail" are one header. A Spanish list's own headers are read too ("Nombre", "Grupo",
# "Correo electrónico", "Teléfono", "Notas", "Idioma").
COLUMNS: dict[str, Column] = {
    "name": Column(
        "Name",
        (
            "name",
            "full name",
            "participant",
            "participant name",
            "person",
            "nombre",
            "nombre completo",
            "participante",
            "persona",
        ),
        True,
    ),
    "group": Column(
        "Stakeholder group",
        (
            "stakeholder group",
            "group",
            "organisation",
            "organization",
            "stakeholder",
            "grupo",
            "grupo de interés",
            "sector",
            "organización",
        ),
        True,
    ),
    "email": Column(
        "Email",
        ("email", "email address", "mail", "correo", "correo electrónico"),
    ),
    "phone": Column(
        "Phone",
        (
            "phone",
            "telephone",
            "mobile",
            "phone number",
            "cell",
            "tel",
            "mobile number",
            "teléfono",
            "celular",
            "móvil",
            "número de teléfono",
        ),
    ),
    "notes": Column(
        "Notes",
        (
            "notes",
            "note",
            "comments",
            "comment",
            "notas",
            "nota",
            "comentarios",
            "comentario",
            "observaciones",
        ),
    ),
    "language": Column("Language", ("language", "idioma", "preferred language", "lang", "lengua")),
}
# A list with first and last names in two columns has a name all the same: in Spanish,
# "Nombre" beside "Apellidos" is the first name, and alone the whole name.
_FIRST_NAMES = ("first name", "given name", "forename", "first", "nombre", "nombres")
_LAST_NAMES = ("last name", "surname", "family name", "last", "apellido", "apellidos")


@dataclass(frozen=True)
class RosterRow:
    """One person as typed in the file, with the spreadsheet row they are on."""

    row_number: int
    name: str
    group: str
    email: str = ""
    phone: str = ""
    notes: str = ""
    language: str = ""


@dataclass(frozen=True)
class RosterFile:
    """The people read from one uploaded file, and the column headers it had."""

    filename: str
    columns: list[str]
    rows: list[RosterRow]


def parse_roster(data: bytes, filename: str) -> RosterFile:
    """The rows of a roster file (.csv or .xlsx), matched to their columns by header."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in ("csv", "xlsx"):
        raise ValidationError(
            _(
                "“{filename}” is not a CSV or Excel (.xlsx) file. Save the roster as one of "
                "those and upload it again."
            ).format(filename=filename)
        )
    check_size(len(data), filename)
    if data.startswith(roster_xlsx.OLE2_SIGNATURE):
        raise ValidationError(
            _(
                "“{filename}” is an old Excel (.xls) file or a password-protected workbook. "
                "Open it in Excel, remove any password, save it as .xlsx or CSV, and upload "
                "again."
            ).format(filename=filename)
        )
    try:
        # A zip is an Excel workbook, whatever its name says.
        if data.startswith(roster_xlsx.ZIP_SIGNATURE):
            return _read_excel(data, filename)
        if extension == "xlsx":
            raise ValidationError(_damaged(filename))
        return _read_table(_csv_lines(data), filename)
    except TooWide as wide:
        raise ValidationError(
            _(
                "“{filename}” has more than {limit} columns (row {row} has something "
                "in column {column}). A roster needs only Name, Stakeholder "
                "group, Email, Phone and Notes: delete the other columns and upload again."
            ).format(
                filename=filename,
                limit=MAX_COLUMNS,
                row=wide.row,
                column=get_column_letter(wide.column),
            )
        ) from None


def check_size(size: int, filename: str) -> None:
    """Refuse a file over the size cap, before anything of it is read or copied."""
    if size > MAX_BYTES:
        raise ValidationError(
            _(
                "“{filename}” is {size} MB; a roster file can be at most "
                "{limit} MB. Keep only the roster's columns and rows (no pictures), or "
                "split it into files of at most {people} people, and upload again."
            ).format(
                filename=filename,
                size=in_figures(size / 1024 / 1024, 1),
                limit=MAX_MEGABYTES,
                people=in_figures(MAX_PEOPLE),
            )
        )


def _read_excel(data: bytes, filename: str) -> RosterFile:
    try:
        return _read_table(roster_xlsx.sheet_rows(data, MAX_UNZIPPED, MAX_CELLS), filename)
    except roster_xlsx.TooBig:
        raise ValidationError(
            _(
                "“{filename}” unpacks to more than {limit} MB, far more "
                "than a roster needs. Copy the roster's rows and columns into a new workbook (or "
                "save it as CSV) and upload that."
            ).format(filename=filename, limit=MAX_UNZIPPED // 1024 // 1024)
        ) from None
    except roster_xlsx.TooManyCells:
        raise ValidationError(
            _(
                "“{filename}” has more than {cells} cells in use (filled or formatted), "
                "more than {people} people need. Copy only the roster's rows and columns "
                "into a new workbook (or save it as CSV) and upload that."
            ).format(filename=filename, cells=in_figures(MAX_CELLS), people=in_figures(MAX_PEOPLE))
        ) from None
    except roster_xlsx.DAMAGED:
        raise ValidationError(_damaged(filename)) from None


def _damaged(filename: str) -> str:
    return _(
        "“{filename}” could not be opened as an Excel workbook; it may be damaged, an old "
        ".xls file, or saved by a program that does not write .xlsx. Open it and save it "
        "again as .xlsx (or CSV), then upload it again."
    ).format(filename=filename)


def _read_table(lines: Iterator[tuple[int, list[str]]], filename: str) -> RosterFile:
    """The headers and people of a file's rows, refused at the first row over a limit."""
    headers: list[str] | None = None
    where: dict[str, int | tuple[int, int]] = {}
    first_headers: list[str] | None = None
    rows: list[RosterRow] = []
    above = 0
    for number, line in lines:
        if number > MAX_LINES:
            raise ValidationError(
                _(
                    "“{filename}” goes on past row {rows}; a roster has at most "
                    "{people} people. Delete the empty or extra rows below the list "
                    "(or copy the list to a new sheet) and upload again."
                ).format(
                    filename=filename, rows=in_figures(MAX_LINES), people=in_figures(MAX_PEOPLE)
                )
            )
        _check_width(line, number)
        if not any(cell.strip() for cell in line):
            continue  # blank lines are spacing, not people
        if headers is None:
            first_headers = first_headers or line
            where = _match_headers(line)
            if _has_required(where):
                headers = line
                continue
            above += 1
            if above >= HEADER_SEARCH:
                break
            continue
        if len(rows) == MAX_PEOPLE:
            raise ValidationError(
                _(
                    "“{filename}” has more than {people} people; a roster file can hold at "
                    "most {people}. Split it into files of at most {people} people "
                    "(for example one per group) and import them one after the other."
                ).format(filename=filename, people=in_figures(MAX_PEOPLE))
            )
        rows.append(_person(number, line, where))
    if first_headers is None:
        raise ValidationError(
            _("“{filename}” is empty: the first row should hold the headers.").format(
                filename=filename
            )
        )
    if headers is None:
        raise ValidationError(_missing_columns(first_headers))
    if not rows:
        raise ValidationError(
            _("“{filename}” has headers but nobody under them.").format(filename=filename)
        )
    return RosterFile(filename, [h.strip() for h in headers if h.strip()], rows)


def _check_width(line: list[str], number: int) -> None:
    extra = next((i for i in range(MAX_COLUMNS, len(line)) if line[i].strip()), None)
    if extra is not None:
        raise TooWide(number, extra + 1)


def header_key(text: str) -> str:
    """A header as compared: letters and digits only, case and accents ignored
    ("Teléfono" is "telefono")."""
    folded = unicodedata.normalize("NFKD", text).casefold()
    return "".join(ch for ch in folded if ch.isalnum() and not unicodedata.combining(ch))


_ALIASES = {field: {header_key(a) for a in c.aliases} for field, c in COLUMNS.items()}


def _match_headers(headers: list[str]) -> dict[str, int | tuple[int, int]]:
    keys = [header_key(h) for h in headers]
    where: dict[str, int | tuple[int, int]] = {}
    for field, aliases in _ALIASES.items():
        found = next((i for i, k in enumerate(keys) if k in aliases), None)
        if found is not None:
            where[field] = found
    first = next((i for i, k in enumerate(keys) if k in _keys(_FIRST_NAMES)), None)
    last = next((i for i, k in enumerate(keys) if k in _keys(_LAST_NAMES)), None)
    if first is not None and last is not None:
        where["name"] = (first, last)
    return where


def _keys(headers: tuple[str, ...]) -> set[str]:
    return {header_key(h) for h in headers}


def _has_required(where: dict[str, int | tuple[int, int]]) -> bool:
    return all(field in where for field, c in COLUMNS.items() if c.required)


def _missing_columns(headers: list[str]) -> str:
    where = _match_headers(headers)
    missing = [c for field, c in COLUMNS.items() if c.required and field not in where]
    found = ", ".join(_short(h) for h in headers if h.strip()) or _("none")
    needed = _(" and ").join(f"“{c.label}”" for c in missing)
    also = "; ".join(f"{c.label}: {', '.join(c.aliases[1:])}" for c in missing)
    optional = ", ".join(c.label for c in COLUMNS.values() if not c.required)
    return _(
        "The file has no {needed} column. Columns found: {found}. "
        "Columns expected: Name and Stakeholder group, and if you have them {optional} "
        "(also accepted — {also}). Rename the column in the first row and upload again."
    ).format(needed=needed, found=found, optional=optional, also=also)


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _person(number: int, line: list[str], where: dict[str, int | tuple[int, int]]) -> RosterRow:
    values: dict[str, str] = {}
    for field, at in where.items():
        if isinstance(at, tuple):
            values[field] = " ".join(p for p in (_cell(line, i) for i in at) if p)
        else:
            values[field] = _cell(line, at)
    return RosterRow(number, **values)


def _cell(line: list[str], index: int) -> str:
    return line[index].strip() if index < len(line) else ""


# ---- CSV -----------------------------------------------------------------------------


def _csv_lines(data: bytes) -> Iterator[tuple[int, list[str]]]:
    text = _decode(data)
    if _looks_binary(text):
        raise ValidationError(
            _(
                "This file does not hold text: it is not a CSV file, whatever its name. Open "
                "the roster in a spreadsheet, save it as “CSV UTF-8” or Excel (.xlsx), and "
                "upload again."
            )
        )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    number = 0
    try:
        for number, line in enumerate(reader, start=1):
            yield number, line
    except csv.Error as problem:
        raise ValidationError(
            _(
                "Row {row} of the CSV file could not be read ({problem}). A quote mark "
                "that is never closed is the usual cause: fix that row in a spreadsheet, save as "
                "CSV again, and upload it again."
            ).format(row=number + 1, problem=problem)
        ) from None


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")  # Excel's "Unicode text"
    try:
        return data.decode("utf-8-sig")  # also strips the BOM Excel writes
    except UnicodeDecodeError:
        pass
    try:
        # Excel on Windows saves "CSV" in the Windows code page, not UTF-8.
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise ValidationError(
            _(
                "The CSV file's characters could not be read. In Excel choose Save As → “CSV "
                "UTF-8”, then upload it again."
            )
        ) from None


def _looks_binary(text: str) -> bool:
    """A picture, archive or program renamed .csv: control characters all through it.
    A stray NUL or bell in one cell is a row's problem, not the file's."""
    sample = text[:4096]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\r\n")
    return controls > len(sample) // 20


def _delimiter(text: str) -> str:
    """Comma, or the semicolon (or tab) Excel uses where the comma is the decimal point."""
    first = next((line for line in text[:65536].splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","
