"""Reading a roster file: forgiving with headers, strict with limits, safe with hostile files.

The hostile workbooks are built here, part by part (tests/services/workbooks.py), as an
attacker would: a 2 KB file whose <dimension> claims every cell Excel has, 20,000 real
rows, a million formatted cells, a zip that unpacks to gigabytes, entities and DTDs. Each
is refused in words that name the limit and the fix, and the test measures what reading
it cost in memory (tracemalloc's peak), not in seconds of a busy machine.
"""

from __future__ import annotations

import csv
import io
import tracemalloc
import zipfile

import pytest
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from services.core.errors import ValidationError
from services.setup import roster_file
from services.setup.roster_file import MAX_COLUMNS, MAX_PEOPLE, parse_roster
from tests.services import workbooks as book

# What reading any file may cost at its peak; a roster of 2,000 people takes about 1 MB.
MEMORY_BOUND = 16 * 1024 * 1024


def _csv(rows: list[list[str]], encoding: str = "utf-8") -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out).writerows(rows)
    return out.getvalue().encode(encoding)


def _refusal(data: bytes, filename: str) -> tuple[str, int]:
    """The refusal of a file, and the peak memory its reading took."""
    tracemalloc.start()
    try:
        with pytest.raises(ValidationError) as refused:
            parse_roster(data, filename)
        return refused.value.message, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# ---- Headers, forgiven -----------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        ["Name", "Stakeholder group", "Email"],
        ["NAME", "stakeholder GROUP", "E-mail"],
        ["  Full  name ", "Stakeholder_Group", "e-mail address"],
        ["name*", "Group:", "EMAIL"],
        ["Participant Name", "Organization", "E‑Mail"],  # a no-break hyphen
        ["\ufeffName", "Stakeholder\u00a0group", "Mail"],
    ],
)
def test_headers_are_matched_ignoring_case_spaces_and_punctuation(headers):
    roster = parse_roster(_csv([headers, ["Ana Ruiz", "Police", "ana@example.org"]]), "r.csv")
    [row] = roster.rows
    assert (row.name, row.group, row.email) == ("Ana Ruiz", "Police", "ana@example.org")


def test_first_and_last_name_columns_make_the_name():
    data = _csv([["First name", "Last name", "Group"], ["Ana", "Ruiz", "Police"], ["Ben", "", "X"]])
    assert [r.name for r in parse_roster(data, "r.csv").rows] == ["Ana Ruiz", "Ben"]


@pytest.mark.parametrize(
    "headers",
    [
        ["Nombre", "Grupo", "Correo electrónico", "Teléfono", "Notas", "Idioma"],
        ["NOMBRE COMPLETO", "Grupo de interés", "Correo", "Telefono", "Observaciones", "Lengua"],
        ["Participante", "Organización", "Correo electronico", "Celular", "Comentarios", "Idioma"],
    ],
)
def test_a_spanish_lists_own_headers_are_read(headers):
    row = ["Ana Ruiz", "Vecinos", "ana@example.org", "555 0100", "silla de ruedas", "español"]
    [read] = parse_roster(_csv([headers, row]), "lista.csv").rows
    assert (read.name, read.group, read.email, read.phone, read.notes, read.language) == (
        "Ana Ruiz", "Vecinos", "ana@example.org", "555 0100", "silla de ruedas", "español",
    )  # fmt: skip


def test_nombre_beside_apellidos_is_the_first_name():
    data = _csv([["Nombre", "Apellidos", "Grupo"], ["Ana", "Ruiz Soto", "Vecinos"]])
    assert [r.name for r in parse_roster(data, "lista.csv").rows] == ["Ana Ruiz Soto"]


def test_a_title_above_the_headers_is_passed_over_and_rows_keep_their_numbers():
    data = _csv([["Roster, March meeting"], [], ["Name", "Group"], ["Ana", "Police"]])
    roster = parse_roster(data, "r.csv")
    assert [(r.row_number, r.name) for r in roster.rows] == [(4, "Ana")]
    assert roster.columns == ["Name", "Group"]


def test_a_missing_column_names_the_columns_found_and_the_ones_expected():
    with pytest.raises(ValidationError) as refused:
        parse_roster(b"Name,E-mail,Phone\nAna,a@example.org,555\n", "r.csv")
    message = refused.value.message
    assert message.startswith("The file has no “Stakeholder group” column.")
    assert "Columns found: Name, E-mail, Phone." in message
    assert "Columns expected: Name and Stakeholder group, and if you have them Email" in message
    assert "group, organisation" in message and "Rename the column" in message


def test_a_semicolon_separated_csv_from_a_european_excel_is_read():
    roster = parse_roster("Name;Stakeholder group\nJosé;Police\n".encode("cp1252"), "r.csv")
    assert [(r.name, r.group) for r in roster.rows] == [("José", "Police")]


def test_a_utf16_csv_with_its_byte_order_mark_is_read():
    roster = parse_roster("Name,Group\nZoë,Police\n".encode("utf-16"), "r.csv")
    assert roster.rows[0].name == "Zoë"


# ---- CSV limits --------------------------------------------------------------------------


def test_a_file_over_the_size_cap_is_refused_before_it_is_read():
    data = b"Name,Group\n" + b"\xff" * roster_file.MAX_BYTES  # unreadable if it were read
    message, _ = _refusal(data, "big.csv")
    assert message == (
        "“big.csv” is 2.0 MB; a roster file can be at most 2 MB. Keep only the roster's "
        "columns and rows (no pictures), or split it into files of at most 2,000 people, "
        "and upload again."
    )


def test_a_csv_of_2000_people_is_read_and_one_more_is_refused_with_the_fix():
    rows = [["Name", "Group"]] + [[f"P{n}", "Police"] for n in range(MAX_PEOPLE)]
    assert len(parse_roster(_csv(rows), "r.csv").rows) == MAX_PEOPLE
    message, peak = _refusal(_csv([*rows, ["One more", "Police"]]), "r.csv")
    assert message == (
        "“r.csv” has more than 2,000 people; a roster file can hold at most 2,000. Split it "
        "into files of at most 2,000 people (for example one per group) and import them one "
        "after the other."
    )
    assert peak < MEMORY_BOUND


def test_a_million_row_csv_is_refused_at_the_first_row_over_the_cap():
    # 1.5 MB: under the size cap, so the row cap is what stops it, while reading.
    data = b"Name,Group\n" + b"a,b\n" * 390_000
    message, peak = _refusal(data, "r.csv")
    assert "more than 2,000 people" in message
    assert peak < MEMORY_BOUND


def test_a_value_past_the_30th_column_is_refused_naming_the_column():
    wide = ["Name", "Group", *([""] * (MAX_COLUMNS - 2)), "Extra"]
    message, _ = _refusal(_csv([wide, ["Ana", "Police"]]), "r.csv")
    assert message == (
        "“r.csv” has more than 30 columns (row 1 has something in column AE). A roster needs "
        "only Name, Stakeholder group, Email, Phone and Notes: delete the other columns and "
        "upload again."
    )


def test_empty_columns_past_the_30th_are_no_reason_to_refuse():
    data = b"Name,Group" + b"," * 500 + b"\nAna,Police" + b"," * 500 + b"\n"
    assert parse_roster(data, "r.csv").rows[0].group == "Police"


def test_a_csv_that_goes_on_past_row_10000_is_refused():
    data = b"Name,Group\nAna,Police\n" + b",\n" * 10_000 + b"Ben,Police\n"
    message, _ = _refusal(data, "r.csv")
    assert message.startswith("“r.csv” goes on past row 10,000; a roster has at most 2,000")
    assert "Delete the empty or extra rows below the list" in message


def test_a_quote_never_closed_is_refused_with_its_row():
    data = b'Name,Group\nAna,Police\n"Ben,' + b"x" * 200_000 + b"\n"
    message, _ = _refusal(data, "r.csv")
    assert message.startswith("Row 3 of the CSV file could not be read")
    assert "A quote mark that is never closed is the usual cause" in message


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40,  # a picture renamed .csv
        b"\x7fELF\x02\x01\x01" + b"\x00" * 4000,  # a program
    ],
)
def test_a_binary_file_named_csv_is_refused_in_words(data):
    message, _ = _refusal(data, "roster.csv")
    assert ("does not hold text" in message) or ("characters could not be read" in message)
    assert "CSV UTF-8" in message


def test_a_csv_in_no_known_encoding_is_refused_in_words():
    message, _ = _refusal(b"Name,Group\nA\x81\x8d\x90,Police\n", "r.csv")
    assert "characters could not be read" in message and "CSV UTF-8" in message


def test_a_stray_nul_in_one_cell_is_that_rows_problem_not_the_files():
    roster = parse_roster(b"Name,Group\nAna\x00,Police\nBen,Police\n", "r.csv")
    assert [r.name for r in roster.rows] == ["Ana\x00", "Ben"]


# ---- Excel --------------------------------------------------------------------------------

STRINGS = ["Name", "Stakeholder group", "Ana Ruiz", "Police", "Ben Okafor", "Residents"]


def test_a_workbook_with_shared_strings_rich_text_and_unnumbered_rows_is_read():
    strings = [*STRINGS, ""]
    empty = "<si><t></t></si>"
    rich = (
        "<si><r><t>Cleo </t></r><r><rPr><b/></rPr><t>Park</t></r>"
        '<rPh sb="0" eb="4"><t>クレオ</t></rPh></si>'  # a phonetic guide, as Excel writes it
    )
    data = book.workbook(
        book.sheet(
            [
                book.shared_row(1, [0, 1]),
                '<row><c t="s"><v>2</v></c><c t="s"><v>3</v></c></row>',  # no numbers
                '<row r="4"><c r="A4" t="s"><v>6</v></c><c r="B4" t="inlineStr">'
                '<is><t>Residents</t></is></c><c r="C4"><v>5550102</v></c></row>',
            ]
        ),
        strings,
        {"xl/sharedStrings.xml": book.shared_strings(strings).replace(empty, rich).encode()},
    )
    roster = parse_roster(data, "r.xlsx")
    assert [(r.row_number, r.name, r.group) for r in roster.rows] == [
        (2, "Ana Ruiz", "Police"),
        (4, "Cleo Park", "Residents"),
    ]


def test_the_first_visible_sheet_is_the_roster():
    workbook = Workbook()
    lists = workbook.active
    assert isinstance(lists, Worksheet)  # a new workbook starts with one worksheet
    lists.title = "Lists"
    lists.append(["Police", "Residents"])
    lists.sheet_state = "hidden"
    roster = workbook.create_sheet("Roster")
    for row in (["Name", "Group"], ["Ana", "Police"]):
        roster.append(row)
    out = io.BytesIO()
    workbook.save(out)
    assert parse_roster(out.getvalue(), "r.xlsx").rows[0].name == "Ana"


def test_a_lying_dimension_is_never_believed():
    # Two real rows under a <dimension> that claims all 17 billion cells Excel has.
    rows = [book.shared_row(1, [0, 1]), book.shared_row(2, [2, 3])]
    data = book.workbook(book.sheet(rows, dimension="A1:XFD1048576"), STRINGS)
    tracemalloc.start()
    try:
        roster = parse_roster(data, "r.xlsx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [(r.name, r.group) for r in roster.rows] == [("Ana Ruiz", "Police")]
    assert peak < 1024 * 1024


def test_a_small_file_claiming_every_cell_excel_has_is_refused_at_once():
    # The attack of issue 15: a few kilobytes whose dimension (and corner cells) claim
    # A1:XFD1048576. A reader that believed it would fill 17 billion cells.
    rows = [
        book.shared_row(1, [0, 1]).replace("</row>", '<c r="XFD1" t="s"><v>2</v></c></row>'),
        *(book.shared_row(n, [2, 3]) for n in range(2, 40)),
        '<row r="1048576"><c r="XFD1048576" t="s"><v>2</v></c></row>',
    ]
    data = book.workbook(book.sheet(rows, dimension="A1:XFD1048576"), STRINGS)
    assert len(data) < 5 * 1024
    message, peak = _refusal(data, "claims.xlsx")
    assert message == (
        "“claims.xlsx” has more than 30 columns (row 1 has something in column XFD). A "
        "roster needs only Name, Stakeholder group, Email, Phone and Notes: delete the other "
        "columns and upload again."
    )
    assert peak < 1024 * 1024


def test_a_file_whose_rows_go_on_to_the_last_row_is_refused_without_reading_the_gap():
    rows = [book.shared_row(1, [0, 1]), book.shared_row(2, [2, 3])]
    rows.append('<row r="1048576"><c r="A1048576" t="s"><v>4</v></c></row>')
    data = book.workbook(book.sheet(rows, dimension="A1:XFD1048576"), STRINGS)
    message, peak = _refusal(data, "r.xlsx")
    assert message.startswith("“r.xlsx” goes on past row 10,000")
    assert peak < 1024 * 1024


def test_a_workbook_of_20000_real_rows_is_refused_at_the_first_row_over_the_cap():
    rows = [book.shared_row(1, [0, 1])]
    rows += [book.shared_row(n, [2 + n % 2 * 2, 3 + n % 2 * 2]) for n in range(2, 20_002)]
    data = book.workbook(book.sheet(rows, dimension="A1:B20001"), STRINGS)
    message, peak = _refusal(data, "big.xlsx")
    assert message.startswith("“big.xlsx” has more than 2,000 people")
    assert "Split it into files of at most 2,000 people" in message
    assert peak < MEMORY_BOUND


def test_a_million_formatted_cells_are_refused_by_the_cell_cap():
    formatted = "".join('<c s="1"/>' for _ in range(16_000))
    rows = [book.shared_row(1, [0, 1])] + [f'<row r="{n}">{formatted}</row>' for n in range(2, 9)]
    data = book.workbook(book.sheet(rows), STRINGS)
    message, peak = _refusal(data, "styled.xlsx")
    assert message.startswith("“styled.xlsx” has more than 100,000 cells in use")
    assert "Copy only the roster's rows and columns into a new workbook" in message
    assert peak < MEMORY_BOUND


def test_a_workbook_that_unpacks_to_gigabytes_is_refused_before_unpacking():
    # 3 million shared strings: 60 MB of XML in a zip of about 100 KB.
    data = book.workbook(book.sheet([book.shared_row(1, [0, 1])]), ["x"] * 3_000_000)
    assert len(data) < 200 * 1024
    message, peak = _refusal(data, "bomb.xlsx")
    assert message.startswith("“bomb.xlsx” unpacks to more than 10 MB")
    assert peak < MEMORY_BOUND


def test_a_workbook_that_lies_about_a_parts_size_cannot_unpack_more():
    # zipfile stops at the stated size: the rest of the part is cut off, and the cut XML
    # is a damaged workbook, not a bigger one.
    data = bytearray(book.workbook(book.sheet([book.shared_row(1, [0, 1])]), ["x"] * 100_000))
    marker = b"xl/sharedStrings.xml"
    for at in (i for i in range(len(data)) if data.startswith(marker, i)):
        header = data.rfind(b"PK\x01\x02", 0, at)  # the central directory's entry
        if header != -1 and at - header == 46:
            data[header + 24 : header + 28] = (64).to_bytes(4, "little")
    message, _ = _refusal(bytes(data), "liar.xlsx")
    assert "could not be opened as an Excel workbook" in message


@pytest.mark.parametrize(
    "declaration",
    [
        # The billion laughs: entities that expand to gigabytes.
        '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
        # An external entity that would read a file of the server into a cell.
        '<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    ],
)
def test_a_workbook_with_a_dtd_or_entities_is_refused(declaration):
    entity = "&c;" if "ENTITY c" in declaration else "&x;"
    sheet = book.sheet(
        [
            book.shared_row(1, [0, 1]),
            f'<row r="2"><c r="A2" t="inlineStr"><is><t>{entity}</t></is></c>'
            '<c r="B2" t="s"><v>3</v></c></row>',
        ]
    )
    data = book.workbook(sheet.replace("<worksheet", declaration + "<worksheet", 1), STRINGS)
    message, _ = _refusal(data, "entities.xlsx")
    assert "could not be opened as an Excel workbook" in message
    assert "root:" not in message


def test_parts_a_roster_does_not_need_are_never_read():
    # 400,000 cell formats: 20 KB zipped, 7 MB of XML that openpyxl's load_workbook parses
    # whole (11 s and 345 MB). The roster is read without touching them.
    formats = '<xf numFmtId="0"/>' * 400_000
    styles = f'<styleSheet xmlns="{book.MAIN}"><cellXfs>{formats}</cellXfs></styleSheet>'
    rows = [book.shared_row(1, [0, 1]), book.shared_row(2, [2, 3])]
    data = book.workbook(book.sheet(rows), STRINGS, {"xl/styles.xml": styles.encode()})
    tracemalloc.start()
    try:
        roster = parse_roster(data, "r.xlsx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [r.name for r in roster.rows] == ["Ana Ruiz"]
    assert peak < 1024 * 1024


HEADERS_ONLY = book.sheet([book.shared_row(1, [0, 1])])


@pytest.mark.parametrize(
    "sheet_xml, workbook_xml",
    [
        # One row of 20,000 formatted cells: more than Excel has columns.
        (book.sheet(['<row r="1">' + '<c s="1"/>' * 20_000 + "</row>"]), book.WORKBOOK),
        # 10,001 merged ranges, which openpyxl holds for as long as it reads the sheet.
        (
            HEADERS_ONLY.replace(
                "</sheetData>",
                "</sheetData><mergeCells>" + '<mergeCell ref="C1:D2"/>' * 10_001 + "</mergeCells>",
            ),
            book.WORKBOOK,
        ),
        # 10,001 names in the workbook part, which openpyxl parses whole.
        (
            HEADERS_ONLY,
            book.WORKBOOK.replace(
                "</workbook>",
                "<definedNames>"
                + '<definedName name="n">1</definedName>' * 10_001
                + "</definedNames></workbook>",
            ),
        ),
    ],
    ids=["a row wider than Excel", "outside the rows", "a part read whole"],
)
def test_more_than_openpyxl_should_hold_at_once_is_refused_before_it_reads(sheet_xml, workbook_xml):
    data = book.workbook(sheet_xml, STRINGS, {"xl/workbook.xml": workbook_xml.encode()})
    message, peak = _refusal(data, "held.xlsx")
    assert message.startswith("“held.xlsx” has more than 100,000 cells in use")
    assert peak < 1024 * 1024


def test_a_zip_of_thousands_of_parts_is_refused_as_damaged():
    data = book.workbook(
        book.sheet([book.shared_row(1, [0, 1])]), STRINGS, {f"x/{n}.xml": b"" for n in range(1_000)}
    )
    message, _ = _refusal(data, "parts.xlsx")
    assert "could not be opened as an Excel workbook" in message


def test_an_old_xls_or_a_password_protected_workbook_is_named_as_such():
    message, _ = _refusal(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, "old.xlsx")
    assert message.startswith("“old.xlsx” is an old Excel (.xls) file or a password-protected")
    assert "save it as .xlsx or CSV" in message


def test_a_workbook_saved_with_a_csv_name_is_read_as_the_workbook_it_is():
    data = book.workbook(
        book.sheet([book.shared_row(1, [0, 1]), book.shared_row(2, [2, 3])]), STRINGS
    )
    assert parse_roster(data, "roster.csv").rows[0].name == "Ana Ruiz"


def test_a_zip_that_is_no_workbook_is_refused_as_damaged():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "hello")
    message, _ = _refusal(out.getvalue(), "r.xlsx")
    assert "could not be opened as an Excel workbook" in message
