"""The rows of an .xlsx workbook's first visible sheet, read by openpyxl within fixed limits.

openpyxl parses every part read (with defusedxml, so entities are refused) and streams
the sheet and its shared texts; the sheet's <dimension> is never read. Only the parts a
roster needs are read: load_workbook would also parse the styles and every chart sheet
whole, and each listed sheet's start once per listing, none of it bounded.

What openpyxl does not bound is checked first, with zipfile and expat: what the parts
unpack to, and how much of a part openpyxl would hold at once. It holds all of a part it
parses whole (the relationships and the workbook); of one it streams, the row or text it
is on and whatever lies outside rows and texts.

Words for people are the caller's: this module raises `TooBig`, `TooManyCells`, or one of
`DAMAGED` for a workbook that cannot be read.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from typing import IO, Any, cast
from xml.etree.ElementTree import ParseError
from xml.parsers import expat

from openpyxl.packaging.relationship import Relationship, get_dependents, get_rels_path
from openpyxl.packaging.workbook import WorkbookPackage
from openpyxl.reader.strings import read_string_table
from openpyxl.worksheet._reader import WorkSheetParser  # what its read-only sheets stream with
from openpyxl.xml.constants import ARC_ROOT_RELS
from openpyxl.xml.functions import fromstring

ZIP_SIGNATURE = b"PK\x03\x04"
# The OLE2 container of old .xls files and of password-protected workbooks.
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# What a damaged, truncated or hostile workbook raises from zipfile, zlib and the parsers.
DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    IndexError,
    ValueError,
    TypeError,
    NotImplementedError,
    RuntimeError,
    OSError,
    expat.ExpatError,
    ParseError,
)
# A roster workbook has about ten parts; thousands cost time and memory before any is read.
MAX_PARTS = 1_000
# Elements openpyxl may hold at once outside rows and texts, or of a part it parses
# whole: 10,000 cost it up to 10 MB. A roster's workbook part has a few dozen.
MAX_HELD = 10_000
# Elements in one row or text: each costs openpyxl about 550 bytes while the row is read.
MAX_ROW = 16_384  # as many as Excel has columns
_CHUNK = 64 * 1024


class TooBig(Exception):
    """The parts unpack to more than the cap."""


class TooManyCells(Exception):
    """More cells, texts or XML elements than a sheet within the limits can have."""


def sheet_rows(data: bytes, max_unzipped: int, max_cells: int) -> Iterator[tuple[int, list[str]]]:
    """The first visible sheet's rows: each row's number and its values as text, one at a
    time. `max_cells` caps the cells of the sheet (filled or only formatted) and the texts
    shared between them: each costs time to read."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = archive.infolist()
        if len(parts) > MAX_PARTS:
            raise ValueError(f"{len(parts)} parts in one workbook")
        # zipfile unpacks no more than a part's stated size (a part that lies about it
        # fails its checksum), so the stated sizes bound what reading can unpack.
        if sum(part.file_size for part in parts) > max_unzipped:
            raise TooBig()
        book = _target(_relations(archive, ARC_ROOT_RELS), "/officeDocument")
        _held_whole(archive, book)
        # typeshed's openpyxl wants its own tree protocol, which ElementTree's Element
        # (what openpyxl itself passes) does not quite match: Any says "openpyxl's own".
        package = WorkbookPackage.from_tree(cast(Any, fromstring(archive.read(book))))
        if package is None:
            raise KeyError("/officeDocument")
        listed = package.sheets
        relations = _relations(archive, get_rels_path(book))
        worksheets = {r.id: r.target for r in relations if r.Type.endswith("/worksheet")}
        # The first visible worksheet: a hidden one often holds lists; a chart has no rows.
        sheet = min((s for s in listed if s.id in worksheets), key=lambda s: s.state != "visible")
        texts: list[str] = []
        if strings := _target(relations, "/sharedStrings", required=False):
            with _streamed(archive, strings, max_cells) as part:
                texts = read_string_table(part)
        with _streamed(archive, worksheets[sheet.id], max_cells) as part:
            for number, cells in WorkSheetParser(part, texts, data_only=True).parse():
                yield number, _values(cells)


def _relations(archive: zipfile.ZipFile, path: str) -> list[Relationship]:
    _held_whole(archive, path)
    return list(get_dependents(archive, path))


def _target(relations: list[Relationship], kind: str, required: bool = True) -> str:
    """Where the first relationship of this kind points."""
    target = next((r.target for r in relations if r.Type.endswith(kind)), "")
    if required and not target:
        raise KeyError(kind)
    return target


def _held_whole(archive: zipfile.ZipFile, path: str) -> None:
    """Refuse a part openpyxl parses whole unless it is small."""
    _check_shape(archive, path, _Shape(MAX_HELD, MAX_HELD))


def _streamed(archive: zipfile.ZipFile, path: str, max_cells: int) -> IO[bytes]:
    """A part openpyxl streams, opened once its rows, texts and what lies outside them
    are within the limits."""
    _check_shape(archive, path, _Shape(4 * max_cells, max_cells))  # a cell: c, is, t, v
    return archive.open(path)


class _Shape:
    """Counts, for expat's callbacks, the elements openpyxl would hold of a part, and
    refuses the part at the first one over a limit."""

    def __init__(self, max_elements: int, max_cells: int) -> None:
        self.elements_left, self.cells_left = max_elements, max_cells  # cells: <c>, <si>
        self.depth = self.record_depth = self.in_record = self.outside = 0

    def start(self, name: str, _attributes: dict[str, str]) -> None:
        self.elements_left -= 1
        self.depth += 1
        local = name.rpartition("}")[2]
        self.cells_left -= local in ("c", "si")
        if self.record_depth:  # within a row or a text
            self.in_record += 1
        elif local in ("row", "si"):
            self.record_depth, self.in_record = self.depth, 1
        else:
            self.outside += 1
        wide = self.in_record > MAX_ROW or self.outside > MAX_HELD
        if wide or min(self.elements_left, self.cells_left) < 0:
            raise TooManyCells()

    def end(self, _name: str) -> None:
        if self.depth == self.record_depth:
            self.record_depth = 0
        self.depth -= 1


def _check_shape(archive: zipfile.ZipFile, path: str, shape: _Shape) -> None:
    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartElementHandler, parser.EndElementHandler = shape.start, shape.end
    parser.EntityDeclHandler = _refuse_entities
    with archive.open(path) as part:
        while chunk := part.read(_CHUNK):
            parser.Parse(chunk, False)
    parser.Parse(b"", True)


def _refuse_entities(*_declaration: object) -> None:
    # As defusedxml does for openpyxl: an .xlsx never declares one, so any is an attack.
    raise ValueError("an entity declared in a workbook part")


def _values(cells: list[dict[str, Any]]) -> list[str]:
    """A row's values as text, from column A to its last value."""
    by_column = {cell["column"]: text for cell in cells if (text := _text(cell["value"]))}
    return [by_column.get(column, "") for column in range(1, max(by_column, default=0) + 1)]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    # Excel stores a typed-in phone number as a number; 5551234 should not read 5551234.0.
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)
