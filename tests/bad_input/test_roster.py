"""The roster file: hostile names imported exactly, bad rows reported by number in words."""

from __future__ import annotations

import csv
import io

import pytest

from services.setup import participants
from services.setup.roster_check import check_roster
from services.setup.roster_file import parse_roster
from services.setup.roster_import import import_roster
from tests.bad_input.corpus import CASES, Rule, case
from tests.bad_input.plain import LEAKS
from tests.factories import build_room

# A lone surrogate cannot be written to a UTF-8 file at all, so no upload can hold one.
IN_A_FILE = [c for c in CASES if c.rule is not Rule.BROKEN]
REASON = {
    Rule.EMPTY: "Name is missing",
    Rule.TOO_LONG: "the limit is 200",
    Rule.CONTROL: "control characters",
}


def roster_csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(["Name", "Stakeholder group", "Notes"])
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


@pytest.mark.both_databases  # a bulk import; Postgres refuses NUL bytes
def test_every_hostile_name_is_imported_exactly_or_its_row_refused_in_words(db):
    room = build_room(db)
    rows = [[c.text, "Police", f"row of {c.name}"] for c in IN_A_FILE]
    rows.append(["Someone", case("100,000 characters").text, ""])
    rows.append(["Someone else", "nul\x00group", ""])
    roster = parse_roster(roster_csv(rows), "roster.csv")
    check = check_roster(db, room.facilitator, room.initiative_id, roster)
    bad = {b.row_number: b for b in check.bad}
    for number, c in enumerate(IN_A_FILE, start=2):
        if c.rule is Rule.EXACT:
            assert number not in bad, (c.name, bad.get(number))
        else:
            reasons = " ".join(bad[number].reasons)
            assert REASON[c.rule] in reasons, (c.name, reasons)
    for number in (len(IN_A_FILE) + 2, len(IN_A_FILE) + 3):
        (reason,) = bad[number].reasons
        assert reason.startswith("The group is not one of this initiative's groups"), reason
    for row in check.bad:
        for reason in row.reasons:
            assert len(reason) < 300 and not any(leak in reason for leak in LEAKS), reason
    result = import_roster(db, room.facilitator, room.initiative_id, roster, only_good_rows=True)
    names = {
        p.name for p in participants.list_participants(db, room.facilitator, room.initiative_id)
    }
    exact = {c.stored for c in IN_A_FILE if c.rule is Rule.EXACT}
    assert exact <= names and result.imported == len(exact)
