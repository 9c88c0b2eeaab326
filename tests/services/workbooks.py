"""Excel workbooks built by hand, part by part, as a hostile or unusual program would write
them: a lying <dimension>, shared strings, rows without numbers, 20,000 real rows."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    f'<Relationships xmlns="{_PKG_RELS}"><Relationship Id="rId1" '
    f'Type="{_DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    f'<workbook xmlns="{MAIN}" xmlns:r="{_DOC_RELS}"><sheets>'
    '<sheet name="Roster" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    f'<Relationships xmlns="{_PKG_RELS}">'
    f'<Relationship Id="rId1" Type="{_DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)


def shared_strings(texts: list[str]) -> str:
    items = "".join(f"<si><t>{escape(t)}</t></si>" for t in texts)
    return f'<sst xmlns="{MAIN}" count="{len(texts)}" uniqueCount="{len(texts)}">{items}</sst>'


def sheet(rows: Iterable[str], dimension: str = "A1:B2") -> str:
    """A worksheet whose <sheetData> holds `rows` (already XML) under a claimed dimension."""
    return (
        f'<worksheet xmlns="{MAIN}"><dimension ref="{dimension}"/>'
        f"<sheetData>{''.join(rows)}</sheetData></worksheet>"
    )


def shared_row(number: int, indexes: list[int]) -> str:
    """A row whose cells point into the shared strings, columns A, B, …"""
    cells = "".join(
        f'<c r="{chr(ord("A") + i)}{number}" t="s"><v>{index}</v></c>'
        for i, index in enumerate(indexes)
    )
    return f'<row r="{number}">{cells}</row>'


def workbook(
    sheet_xml: str, strings: list[str] | None = None, parts: dict[str, bytes] | None = None
) -> bytes:
    """A complete .xlsx: the sheet, its shared strings, and any part replaced by `parts`."""
    files = {
        "[Content_Types].xml": CONTENT_TYPES.encode(),
        "_rels/.rels": PACKAGE_RELS.encode(),
        "xl/workbook.xml": WORKBOOK.encode(),
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS.encode(),
        "xl/worksheets/sheet1.xml": sheet_xml.encode(),
        "xl/sharedStrings.xml": shared_strings(strings or []).encode(),
    }
    files.update(parts or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, body in files.items():
            archive.writestr(name, body)
    return out.getvalue()
