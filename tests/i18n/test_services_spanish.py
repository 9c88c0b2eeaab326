"""What services say to a person arrives in that person's language: refusals, labels and
the reports and spreadsheets they build. English stays the source, word for word."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

import i18n
from services.accounts import signin_accounts
from services.act import plan_export
from services.core.actors import require_role
from services.core.errors import PermissionDenied, ValidationError
from services.core.validation import clean_text, not_in_past
from services.core.vocab import ConflictStatus, Role, RoundStatus, label
from services.partner import charters
from services.partner.charter_pdf import charter_pdf
from services.prepare.presession_document import report_html, report_pdf
from services.prepare.presession_report import presession_report
from services.review import meeting_sheets
from services.review.meeting_record import collect
from services.review.meeting_report import SECTIONS, meeting_report_pdf
from services.room import room_control
from tests.factories import build_room
from tests.services.test_meeting_tables import full_meeting


def test_a_refusal_raised_in_spanish_is_spanish_and_names_the_field_in_spanish():
    with i18n.using("es"), pytest.raises(ValidationError) as refused:
        clean_text("   ", i18n.N_("Next step"))
    assert refused.value.message == "“Próximo paso” está vacío. Escriba algo antes de guardar."
    with pytest.raises(ValidationError) as in_english:
        clean_text("   ", i18n.N_("Next step"))
    assert in_english.value.message == "Next step is empty. Type something before saving."


def test_a_date_in_a_spanish_refusal_is_written_the_spanish_way():
    with i18n.using("es"), pytest.raises(ValidationError) as refused:
        not_in_past(date(2026, 3, 5), i18n.N_("Due date"), date(2026, 12, 2))
    assert "5 de marzo de 2026" in refused.value.message
    with pytest.raises(ValidationError) as in_english:
        not_in_past(date(2026, 3, 5), "Due date", date(2026, 12, 2))
    assert in_english.value.message == "Due date (March 5, 2026) is in the past. Pick a later date."


def test_a_role_refusal_names_the_roles_in_spanish(db):
    room = build_room(db)
    with i18n.using("es"), pytest.raises(PermissionDenied) as refused:
        require_role(room.scribe1, Role.FACILITATOR)
    assert refused.value.message == (
        "Solo un facilitador o una facilitadora puede hacer esto; usted inició sesión como "
        "un relator o una relatora de mesa."
    )


def test_a_refusal_from_a_service_call_is_spanish(db):
    room = build_room(db)
    with i18n.using("es"), pytest.raises(ValidationError) as refused:
        room_control.move_step(db, room.facilitator, room.meeting_id, 5)
    assert refused.value.message.startswith("La sala retrocede un paso (-1) o avanza uno (+1)")


def test_stored_values_are_shown_in_the_reader_language_and_stay_english_underneath():
    with i18n.using("es"):
        assert label(ConflictStatus.AGREED) == "Acordado"
        assert label("win_win") == "Resolución de conflictos en la que todos ganan"
    assert label(ConflictStatus.AGREED) == "Agreed"
    assert ConflictStatus.AGREED.value == "agreed"


def test_a_status_takes_its_record_gender_in_spanish():
    # A conflict ("conflicto") is open as "Abierto"; a round ("ronda") as "Abierta".
    with i18n.using("es"):
        assert label(ConflictStatus.OPEN) == "Abierto"
        assert label(RoundStatus.OPEN) == "Abierta"
        assert label(ConflictStatus.AGREED) == "Acordado"
    assert label(ConflictStatus.OPEN) == label(RoundStatus.OPEN) == "Open"


def _pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_charter_pdf_built_in_spanish_has_spanish_headings_and_a_spanish_date(db):
    room = build_room(db)
    charters.new_version(
        db, room.facilitator, room.initiative_id,
        charters.CharterFields(
            mission="Llamadas más seguras",
            shared_goals="Menos crisis terminan en arresto",
            commitments={room.police_id: "Enviar agentes capacitados"},
        ),
    )  # fmt: skip
    with i18n.using("es"):
        text = _pdf_text(charter_pdf(db, room.facilitator, room.initiative_id))
        today = i18n.day(datetime.now(UTC).date())
    for spanish in [
        "Carta de colaboración",
        "Misión",
        "Objetivos compartidos",
        "Reglas básicas y valores",
        "Compromisos",
        "No hay compromiso escrito para esta versión.",
        f"Versión 1, {today}",
        "página 1 de",
    ]:
        assert spanish in text
    assert " de 20" in today  # "2 de diciembre de 2026": the Spanish way, not "2 December"
    for english in ["Partnering Charter", "Shared goals", "Sign-off", "page 1 of"]:
        assert english not in text


def test_the_meeting_report_built_in_spanish_has_spanish_sections(db):
    room = full_meeting(db)
    with i18n.using("es"):
        text = _pdf_text(meeting_report_pdf(db, room.facilitator, room.meeting_id))
        sections = [i18n._(heading) for heading in SECTIONS]
    assert "Informe de la reunión" in text
    assert sections[0] == "Lo que escucharon las mesas"
    positions = [text.index(heading) for heading in sections]
    assert positions == sorted(positions)
    for english in ["Meeting report", "What the tables heard", "The action plan"]:
        assert english not in text


def test_the_meeting_workbook_built_in_spanish_has_spanish_sheets_and_headers(db):
    room = full_meeting(db)
    record = collect(db, room.facilitator, room.meeting_id)
    with i18n.using("es"):
        data = meeting_sheets.xlsx_of(record)
    book = load_workbook(io.BytesIO(data), read_only=True)
    assert "Notas de escucha" in book.sheetnames and "Plan de acción" in book.sheetnames
    headers = [cell.value for cell in next(book["Notas de escucha"].iter_rows(max_row=1))]
    assert headers[:3] == ["Mesa", "Lo dicho", "Paráfrasis"]
    english = load_workbook(io.BytesIO(meeting_sheets.xlsx_of(record)), read_only=True)
    assert "Listening notes" in english.sheetnames


def test_the_action_plan_csv_built_in_spanish_has_spanish_headers(db):
    room = full_meeting(db)
    with db.read() as s:
        rows, _updates = plan_export.rows_in(s, room.facilitator, room.initiative_id, False)
    with i18n.using("es"):
        first_line = plan_export.csv_of(rows).decode("utf-8-sig").splitlines()[0]
    assert first_line.startswith("Acción,Descripción,Medida de cumplimiento,Responsable,Grupo")


def test_the_pre_session_report_built_in_spanish_has_spanish_headings(db):
    room = build_room(db)
    report = presession_report(db, room.facilitator, room.initiative_id)
    with i18n.using("es"):
        page = report_html(report)
        text = _pdf_text(report_pdf(report))
    assert '<html lang="es">' in page
    for spanish in ["Informe previo a la sesión", "Respuesta a la encuesta por grupo", "Invitados"]:
        assert spanish in page and spanish in text
    assert "Pre-session report" not in text and "Survey response by group" not in page
    assert '<html lang="en">' in report_html(report)


def test_a_sign_in_refusal_speaks_spanish(db):
    with i18n.using("es"), pytest.raises(ValidationError) as refused:
        signin_accounts.sign_in(db, "", "")
    assert refused.value.message == (
        "Escriba su nombre de usuario y su contraseña, y luego presione Iniciar sesión."
    )
