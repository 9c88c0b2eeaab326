"""No group of fewer than 5 shows anything: every path a survey answer leaves by.

Six police officers answer (means 4.3 before and 4.7 after); three residents answer too,
with a mean of 1.3 and a quote of their own. Every screen table, report and export must
carry the police figures, say "fewer than 5 answered" for the residents, and never carry
1.3, the residents' words, or any answer beside a name.
"""

from __future__ import annotations

import io
import json
import zipfile

import pandas as pd
import pytest
from pypdf import PdfReader

from components.trust_chart import trust_table
from db.models import Initiative
from services.archive import initiative_export
from services.core.small_groups import MIN_GROUP, WITHHELD, can_show, count_words
from services.prepare.presession_document import report_html, report_pdf
from services.prepare.presession_report import presession_report
from services.review import meeting_sheets
from services.review.meeting_report import meeting_report_pdf
from services.review.trust_pulse import trust_pulse
from tests.factories import build_room
from tests.trust_answers import add_people, answer

pytestmark = pytest.mark.both_databases  # counts and JSON answers grouped by group

SAFE = "I feel safe in my neighbourhood"
SMALL_MEAN = "1.3"
QUOTE = "Residents-only remark about the desk sergeant"


@pytest.fixture
def room(db):
    room = build_room(db)
    with db.write() as s:
        s.get_one(Initiative, room.initiative_id).trust_statements = [SAFE]
    police = add_people(db, room.initiative_id, room.police_id, 6, "pol")
    residents = add_people(db, room.initiative_id, room.residents_id, 3, "res")
    for pid, before, after in zip(police, (4, 4, 4, 4, 5, 5), (5, 5, 5, 4, 5, 4), strict=True):
        answer(db, pid, "pre", {SAFE: before}, top_issues="Response times")
        answer(db, pid, "post", {SAFE: after}, what_worked="Small tables")
    for pid, before in zip(residents, (1, 1, 2), strict=True):
        answer(db, pid, "pre", {SAFE: before}, top_issues=QUOTE)
    return room


def test_the_rule_is_five():
    assert MIN_GROUP == 5
    assert [can_show(n) for n in (0, 4, 5)] == [False, False, True]
    assert [count_words(n) for n in (0, 3, 7)] == ["no answers", WITHHELD, "7"]


def _pdf(data: bytes) -> str:
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())


def _shows_police_withholds_residents(text: str) -> None:
    assert "4.3" in text and "4.7" in text, "the police figures are missing"
    assert WITHHELD in text, "the residents' figure is not said to be withheld"
    assert SMALL_MEAN not in text, "the residents' mean leaked"


def test_screen_table(db, room):
    rows = trust_pulse(db, room.facilitator, room.initiative_id)
    table = trust_table(rows).to_csv(index=False)
    _shows_police_withholds_residents(table)


def test_presession_report_html_and_pdf(db, room):
    report = presession_report(db, room.facilitator, room.initiative_id)
    html = report_html(report)
    assert "4.3" in html and WITHHELD in html and SMALL_MEAN not in html
    pdf = _pdf(report_pdf(report))
    assert "4.3" in pdf and WITHHELD in pdf and SMALL_MEAN not in pdf
    assert "pol 0" not in html and "res 0" not in html  # no one's name beside an answer


def test_meeting_report_pdf(db, room):
    text = _pdf(meeting_report_pdf(db, room.facilitator, room.meeting_id))
    assert "How trust moved, by group" in text
    _shows_police_withholds_residents(text)


@pytest.mark.parametrize("private", [False, True])
def test_meeting_tables_csv_and_excel(db, room, private):
    with zipfile.ZipFile(
        io.BytesIO(meeting_sheets.tables_zip(db, room.facilitator, room.meeting_id, private))
    ) as z:
        csv = z.read("trust_pulse.csv").decode("utf-8-sig")
    _shows_police_withholds_residents(csv)
    book = pd.read_excel(
        io.BytesIO(meeting_sheets.tables_xlsx(db, room.facilitator, room.meeting_id, private)),
        sheet_name="Trust pulse",
    )
    _shows_police_withholds_residents(book.to_csv(index=False))


def test_initiative_export_leaves_answers_out_unless_moving_the_whole_install(db, room):
    shared = initiative_export.to_json(
        initiative_export.export_initiative(db, room.facilitator, room.initiative_id)
    )
    assert QUOTE not in shared
    assert json.loads(shared)["tables"].get("survey_response", []) == []
    whole = initiative_export.export_initiative(
        db, room.facilitator, room.initiative_id, include_private=True
    )
    # The private export moves an installation whole, answers with it.
    assert len(whole["tables"]["survey_response"]) == 15
