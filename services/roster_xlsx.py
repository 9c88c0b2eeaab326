"""The rows of an .xlsx workbook's first sheet, read as a stream within fixed limits.

Read with a SAX-like target, never as a tree: what is kept is the current row (at most
`max_columns` values) and the shared strings, however many elements the XML holds. The
sheet's <dimension> is never read. A part's stated size bounds what zipfile will unpack,
so the unpacked-size cap holds before anything is read. A DTD or entity declaration is
refused outright, as defusedxml does it: an .xlsx never has one, so any is an attack.

Words for people are the caller's: this module raises `TooWide`, `TooBig`, `TooManyCells`,
or one of `DAMAGED` for a workbook that cannot be read.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from xml.parsers import expat

ZIP_SIGNATURE = b"PK\x03\x04"
# The OLE2 container of old .xls files and of password-protected workbooks.
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# What a damaged, truncated or hostile workbook raises from zipfile, zlib and the parser.
DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    IndexError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    OSError,
    expat.ExpatError,
)
EXCEL_COLUMNS = 16_384  # XFD, the last column Excel has
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Limits:
    """How much of a workbook may be read."""

    max_columns: int
    max_unzipped: int  # bytes the parts read may unpack to, all together
    # Cells in the sheet (filled or only formatted), and distinct texts in the workbook.
    # Each costs a few microseconds to read, so this bounds the time a file can take.
    max_cells: int

    @property
    def max_elements(self) -> int:
        """XML elements in one part: a cell is at most four (c, is, t, v)."""
        return 4 * self.max_cells


class TooWide(Exception):
    """A value past the last column allowed: where it is, for the refusal."""

    def __init__(self, row: int, column: int) -> None:
        super().__init__(row, column)
        self.row, self.column = row, column


class TooBig(Exception):
    """The parts to read unpack to more than the cap."""


class TooManyCells(Exception):
    """More cells, texts or XML elements than a sheet within the limits can have."""


def sheet_rows(data: bytes, limits: Limits) -> Iterator[tuple[int, list[str]]]:
    """The first sheet's rows: each row's number and its values as text, one at a time."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        budget = _Budget(archive, limits.max_unzipped)
        book = _resolve("", _relations(budget, "_rels/.rels").target("officeDocument"))
        relations = _relations(budget, _rels_path(book))
        sheet = _resolve(book, _first_sheet(budget, book, relations))
        strings_part = relations.target("sharedStrings", required=False)
        strings = _SharedStrings(limits)
        if strings_part:
            budget.read(_resolve(book, strings_part), strings)
        yield from budget.stream(sheet, _SheetRows(strings.values, limits))


def _first_sheet(budget: _Budget, book: str, relations: _Relations) -> str:
    """The first visible worksheet (a hidden one often holds lists; a chart holds no rows)."""
    sheets = _Collect({"sheet"}, 1_000)
    budget.read(book, sheets)
    visible = [s for s in sheets.found if s.get("state", "visible") == "visible"]
    for sheet in visible + [s for s in sheets.found if s not in visible]:
        target = relations.target("worksheet", _rel_id(sheet), required=False)
        if target:
            return target
    raise KeyError("the workbook has no worksheet")


def column_letter(number: int) -> str:
    """A column's letters as Excel shows them: 1 is A, 31 is AE."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class _Budget:
    """The archive's parts, each read only while the unpacked total stays under the cap."""

    def __init__(self, archive: zipfile.ZipFile, cap: int) -> None:
        self.archive = archive
        self.left = cap

    def read(self, path: str, target: _Target) -> None:
        """Feed the whole part (or until the target has what it needs) to `target`."""
        for _ in self.stream(path, target):
            pass

    def stream(self, path: str, target: _Target) -> Iterator[tuple[int, list[str]]]:
        """Feed the part to `target` chunk by chunk, passing on the rows it completes."""
        size = self.archive.getinfo(path).file_size
        if size > self.left:
            raise TooBig(path)
        self.left -= size
        parser = _parser(target)
        with self.archive.open(path) as part:
            while not target.done and (chunk := part.read(_CHUNK)):
                parser.Parse(chunk, False)
                yield from target.take()
        if not target.done:
            parser.Parse(b"", True)
        yield from target.take()


def _parser(target: _Target) -> expat.XMLParserType:
    """Expat, calling `target` back, with DTDs and entities refused (an .xlsx has none).
    Expat itself is used, not ElementTree's Python wrapper: four times faster per cell."""
    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartDoctypeDeclHandler = _refuse_declarations
    parser.EntityDeclHandler = _refuse_declarations
    parser.ExternalEntityRefHandler = _refuse_declarations
    parser.StartElementHandler = target.start
    parser.EndElementHandler = target.end
    parser.CharacterDataHandler = target.data
    parser.buffer_text = True
    return parser


def _refuse_declarations(*_details: object) -> None:
    raise ValueError("a DTD or entity in a workbook part")


class _Target:
    """What the XML parser calls back: by local name, with no tree built, and refused
    once the part holds more elements than `max_elements`."""

    done = False

    def __init__(self, max_elements: int = 100_000) -> None:
        self._names: dict[str, str] = {}
        self._elements_left = max_elements

    def _local(self, tag: str) -> str:
        # Tags repeat by the million in a big sheet: split each distinct one once.
        name = self._names.get(tag)
        if name is None:
            name = self._names[tag] = tag.rpartition("}")[2]
        return name

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self._elements_left -= 1
        if self._elements_left < 0:
            raise TooManyCells()
        self.opened(self._local(tag), attrib)

    def end(self, tag: str) -> None:
        self.closed(self._local(tag))

    def data(self, text: str) -> None:
        pass

    def opened(self, name: str, attrib: dict[str, str]) -> None:
        pass

    def closed(self, name: str) -> None:
        pass

    def take(self) -> list[tuple[int, list[str]]]:
        return []


class _Collect(_Target):
    """The attributes of the first `limit` elements with one of these names."""

    def __init__(self, names: set[str], limit: int) -> None:
        super().__init__()
        self.names, self.limit = names, limit
        self.found: list[dict[str, str]] = []

    def opened(self, name: str, attrib: dict[str, str]) -> None:
        if name in self.names and not self.done:
            self.found.append(dict(attrib))
            self.done = len(self.found) >= self.limit


@dataclass(frozen=True)
class _Relations:
    items: list[dict[str, str]]

    def target(self, kind: str, rel_id: str = "", required: bool = True) -> str:
        """Where the relationship of this kind (and id, when given) points."""
        for rel in self.items:
            if rel.get("Type", "").endswith(f"/{kind}") and (not rel_id or rel.get("Id") == rel_id):
                return rel.get("Target", "")
        if required:
            raise KeyError(kind)
        return ""


def _relations(budget: _Budget, path: str) -> _Relations:
    found = _Collect({"Relationship"}, 10_000)
    budget.read(path, found)
    return _Relations(found.found)


def _rel_id(attrib: dict[str, str]) -> str:
    return next((v for k, v in attrib.items() if _local(k) == "id"), "")


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _rels_path(path: str) -> str:
    folder, name = posixpath.split(path)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _resolve(base: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), target))


class _Texts(_Target):
    """Gathers the text of a string item or inline string: its runs, not phonetic guides."""

    def __init__(self, max_elements: int) -> None:
        super().__init__(max_elements)
        self.parts: list[str] = []
        self.in_text = False
        self.phonetic = 0

    def opened(self, name: str, attrib: dict[str, str]) -> None:
        if name == "rPh":
            self.phonetic += 1
        elif name == "t" and not self.phonetic:
            self.in_text = True

    def closed(self, name: str) -> None:
        if name == "rPh":
            self.phonetic -= 1
        elif name == "t":
            self.in_text = False

    def data(self, text: str) -> None:
        if self.in_text:
            self.parts.append(text)

    def text(self) -> str:
        joined = "".join(self.parts)
        self.parts = []
        return joined


class _SharedStrings(_Texts):
    def __init__(self, limits: Limits) -> None:
        super().__init__(limits.max_elements)
        self.cap = limits.max_cells
        self.values: list[str] = []

    def closed(self, name: str) -> None:
        super().closed(name)
        if name == "si":
            if len(self.values) == self.cap:
                raise TooManyCells()
            self.values.append(self.text())


class _SheetRows(_Texts):
    """Each row's number and values, handed over as soon as the row closes."""

    def __init__(self, strings: list[str], limits: Limits) -> None:
        super().__init__(limits.max_elements)
        self.strings = strings
        self.max_columns = limits.max_columns
        self.cells_left = limits.max_cells
        self.ready: list[tuple[int, list[str]]] = []
        self.row_number = 0
        self.column = 0
        self.cells: dict[int, str] = {}
        self.kind = "n"
        self.in_value = False

    def opened(self, name: str, attrib: dict[str, str]) -> None:
        super().opened(name, attrib)
        if name == "row":
            self.row_number = int(attrib.get("r") or self.row_number + 1)
            self.column, self.cells = 0, {}
        elif name == "c":
            self.cells_left -= 1
            if self.cells_left < 0:
                raise TooManyCells()
            self.column = _column_of(attrib.get("r"), self.column + 1)
            self.kind = attrib.get("t", "n")
            self.parts = []
        elif name == "v":
            self.in_value = True

    def data(self, text: str) -> None:
        if self.in_value or self.in_text:
            self.parts.append(text)

    def closed(self, name: str) -> None:
        super().closed(name)
        if name == "v":
            self.in_value = False
        elif name == "c":
            value = _cell_value(self.kind, self.text(), self.strings)
            if value:
                if self.column > self.max_columns:
                    raise TooWide(self.row_number, self.column)
                self.cells[self.column] = value
        elif name == "row":
            width = max(self.cells, default=0)
            self.ready.append(
                (self.row_number, [self.cells.get(i, "") for i in range(1, width + 1)])
            )
        elif name == "sheetData":
            self.done = True

    def take(self) -> list[tuple[int, list[str]]]:
        ready, self.ready = self.ready, []
        return ready


_CELL_REF = re.compile(r"([A-Za-z]{1,3})(\d+)$")


def _column_of(reference: str | None, following: int) -> int:
    if not reference:
        return following
    match = _CELL_REF.match(reference)
    if not match:
        raise ValueError(f"bad cell reference {reference!r}")
    number = 0
    for letter in match.group(1).upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    if number > EXCEL_COLUMNS:
        raise ValueError(f"column past XFD: {reference!r}")
    return number


def _cell_value(kind: str, raw: str, strings: list[str]) -> str:
    if not raw:
        return ""
    if kind == "s":
        index = int(raw)
        if index < 0:
            raise IndexError(index)
        return strings[index]
    if kind == "b":
        return "TRUE" if raw.strip() == "1" else "FALSE"
    if kind == "n":
        return _number(raw)
    return raw  # inlineStr, str (a formula's text), e (an error such as #N/A), d (ISO date)


def _number(raw: str) -> str:
    # Excel stores a typed-in phone number as a number; 5551234 should not read 5551234.0.
    try:
        value = float(raw)
    except ValueError:
        return raw
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return raw
