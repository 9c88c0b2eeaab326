"""Trust pulse: each group's mean before and after, per question, with the counts behind them,
and nothing from a group where fewer than 5 answered."""

from types import SimpleNamespace

import pytest

import i18n
from db.models import Initiative
from services.core.errors import PermissionDenied
from services.prepare.trust_items import HOW_OFTEN, PROCEDURAL_JUSTICE
from services.review.trust_pulse import TrustChange, table_rows, trust_pulse
from tests.factories import build_room
from tests.trust_answers import add_people, answer, answer_all

pytestmark = pytest.mark.both_databases  # JSON answers; ordered by lower(name)

SAFE = "I feel safe in my neighbourhood"
HEARD = "The police listen to people like me"
RESPECT = PROCEDURAL_JUSTICE[0]


@pytest.fixture
def room(db):
    """Six police officers answer before and after; three residents (too few) as well."""
    room = build_room(db)
    with db.write() as s:
        s.get_one(Initiative, room.initiative_id).trust_statements = [SAFE, HEARD, RESPECT.wording]
    police = add_people(db, room.initiative_id, room.police_id, 6, "pol")
    residents = add_people(db, room.initiative_id, room.residents_id, 3, "res")
    room = SimpleNamespace(**vars(room), police=police, residents=residents)
    # Police before: SAFE 2,3,3,4,4,4 (mean 3.33 -> 3.3); after: 4 x5 and a skip.
    answer_all(db, room.police, "pre", [{SAFE: s, RESPECT.key: 3} for s in (2, 3, 3, 4, 4, 4)])
    answer_all(db, room.police, "post", [{SAFE: 4}] * 5 + [{SAFE: None}])
    answer_all(db, room.residents, "pre", [{SAFE: 1}, {SAFE: 2}, {SAFE: 1, HEARD: 2}])
    return room


def test_means_to_one_decimal_with_counts_and_the_change_between_them(db, room):
    rows = trust_pulse(db, room.facilitator, room.initiative_id)
    police_safe = next(r for r in rows if (r.statement, r.group) == (SAFE, "Police"))
    # The skipped rating after is neither a 3 nor counted: five answered after.
    assert police_safe == TrustChange(SAFE, "Police", 3.3, 6, 4.0, 5, 0.7)


def test_a_group_where_fewer_than_5_answered_shows_no_figure(db, room):
    rows = trust_pulse(db, room.leader, room.initiative_id)
    residents = next(r for r in rows if (r.statement, r.group) == (SAFE, "Residents"))
    assert (residents.before, residents.after, residents.change) == (None, None, None)
    assert residents.n_before == 3 and residents.withheld
    assert table_rows([residents]) == [
        [SAFE, "Residents", "fewer than 5 answered", "fewer than 5 answered", "no answers",
         "no answers", "—"]
    ]  # fmt: skip


def test_published_items_are_kept_under_their_key_on_their_own_scale(db, room):
    rows = trust_pulse(db, room.facilitator, room.initiative_id)
    respect = next(r for r in rows if r.statement == RESPECT.wording)
    assert (respect.group, respect.before, respect.n_before, respect.scale) == (
        "Police",
        3.0,
        6,
        HOW_OFTEN,
    )


def test_answers_stored_under_an_old_statement_still_count(db, room):
    # Older answers were keyed by the statement's words; a statement the facilitator wrote
    # keeps that key, so nothing answered before this change is lost.
    more = add_people(db, room.initiative_id, room.residents_id, 2, "late")
    answer_all(db, more, "pre", [{SAFE: 5}, {SAFE: 5}])
    rows = trust_pulse(db, room.facilitator, room.initiative_id)
    residents = next(r for r in rows if (r.statement, r.group) == (SAFE, "Residents"))
    assert (residents.before, residents.n_before) == (2.8, 5)


def test_an_answer_off_its_scale_is_no_answer(db, room):
    # 5 is not on the 1-4 "how often" scale.
    answer(db, room.participant_ids[0], "pre", {RESPECT.key: 5})
    respect = next(
        r
        for r in trust_pulse(db, room.facilitator, room.initiative_id)
        if r.statement == RESPECT.wording
    )
    assert respect.n_before == 6


def test_a_question_no_group_answered_has_no_rows(db, room):
    rows = trust_pulse(db, room.facilitator, room.initiative_id)
    assert [(r.statement, r.group) for r in rows if r.statement == HEARD] == [(HEARD, "Residents")]


def test_no_statements_or_no_answers_give_no_rows(db):
    room = build_room(db)
    assert trust_pulse(db, room.facilitator, room.initiative_id) == []


def test_a_scribe_is_refused(db, room):
    with pytest.raises(PermissionDenied, match="facilitator or a Thought Leader"):
        trust_pulse(db, room.scribe1, room.initiative_id)


def test_a_question_the_facilitator_translated_is_named_in_spanish_with_its_original(db, room):
    from services.translations import questions, translate

    translate.translate(
        db,
        room.facilitator,
        translate.Translation(
            kind=questions.KIND,
            entity_id=room.initiative_id,
            field=questions.question_field(SAFE),
            text="Me siento seguro en mi barrio",
        ),
    )
    rows = trust_pulse(db, room.facilitator, room.initiative_id)
    with i18n.using("es"):
        named = {r.statement: cells[0] for r, cells in zip(rows, table_rows(rows), strict=True)}
    assert named[SAFE] == (
        "Me siento seguro en mi barrio (Traducido del inglés; original: " + SAFE + ")"
    )
    assert named[HEARD] == HEARD  # not translated: as written
    assert "¿con qué frecuencia" in named[RESPECT.wording]  # published: the catalogue's
    # The product's own question names no English original in the file: fifteen rows of a
    # report repeated each in English.
    assert (
        "original" not in named[RESPECT.wording] and RESPECT.wording not in named[RESPECT.wording]
    )
    # In English the same rows name it as written.
    assert {r.statement: cells[0] for r, cells in zip(rows, table_rows(rows), strict=True)}[
        SAFE
    ] == SAFE


def test_the_files_hold_the_pulse_as_numbers_in_either_language(db, room):
    # As text, a Spanish workbook kept '3,3' and "'+0,7" (a formula guard's apostrophe)
    # where a reader wants numbers, and its zip wrote "3,3" beside another CSV's "29.8".
    import io
    import zipfile

    from openpyxl import load_workbook

    from services.review import meeting_sheets
    from services.review.meeting_record import collect

    with i18n.using("es"):
        record = collect(db, room.facilitator, room.meeting_id)
        book = load_workbook(io.BytesIO(meeting_sheets.xlsx_of(record)))
        csvs = zipfile.ZipFile(io.BytesIO(meeting_sheets.zip_of(record)))
    sheet = book["Pulso de confianza"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    police = next(r for r in rows if r[:2] == [SAFE, "Police"])
    assert police[2:] == [3.3, 6, 4.0, 5, 0.7]
    residents = next(r for r in rows if r[:2] == [SAFE, "Residents"])
    assert residents[2:] == ["menos de 5 respuestas"] * 2 + ["sin respuestas"] * 2 + ["—"]
    text = csvs.read("pulso_de_confianza.csv").decode("utf-8-sig")
    assert f"{SAFE},Police,3.3,6,4.0,5,0.7" in text
    assert "'" not in text.replace("I feel safe", "")
