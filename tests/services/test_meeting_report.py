"""The meeting report PDF: every section in order, what it says, and what it leaves out."""

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

import i18n
from db.models import Meeting
from services.act import actions
from services.core.errors import PermissionDenied
from services.review.meeting_report import NOTES_PER_TABLE, SECTIONS, meeting_report_pdf
from services.room import notes
from services.setup import meetings
from tests.factories import build_room
from tests.services.test_meeting_tables import CODES, EMAIL, PHONE, full_meeting


def _text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def _flat(text: str) -> str:
    """The text with line breaks as spaces: long lines wrap wherever the page ends."""
    return " ".join(text.split())


def test_the_pdf_opens_with_the_title_page_and_every_section_in_order(db):
    room = full_meeting(db)
    data = meeting_report_pdf(db, room.facilitator, room.meeting_id)
    assert data.startswith(b"%PDF-")
    text = _flat(_text(data))
    for expected in ["Meeting report", "Test City Initiative", "Test City", "Meeting"]:
        assert expected in text
    positions = [text.index(heading) for heading in SECTIONS]
    assert positions == sorted(positions)
    assert "page 1 of" in text


def test_the_pdf_carries_what_was_heard_proposed_voted_and_agreed(db):
    room = full_meeting(db)
    text = _flat(_text(meeting_report_pdf(db, room.leader, room.meeting_id)))
    for expected in [
        "We wait an hour for help",
        "Heard as: Help comes too late",
        "Interest beneath: Safety at night",
        "A youth centre",
        "1. A youth centre",  # the top of the common-ground ranking
        "Strongest common ground: A youth centre",
        "Crisis team answers at night",
        "Police: signed, by Lead",
        "Residents: not signed",
        "Train officers",
        "Zoë Owner",
    ]:
        assert expected in text, expected


def test_confidential_items_and_contact_details_stay_out(db):
    room = full_meeting(db)
    for actor, private in [(room.leader, True), (room.facilitator, False)]:
        text = _text(meeting_report_pdf(db, actor, room.meeting_id, include_private=private))
        for secret in ["Secret idea", "Secret note", "Informant names", EMAIL, PHONE, *CODES]:
            assert secret not in text
    asked = _text(meeting_report_pdf(db, room.facilitator, room.meeting_id, True))
    assert "Secret idea" in asked and "Informant names" in asked
    assert "This report includes confidential items" in _flat(asked)


def test_a_meeting_with_nothing_yet_still_builds_and_says_so(db):
    room = build_room(db)
    text = _flat(_text(meeting_report_pdf(db, room.leader, room.meeting_id)))
    for heading in SECTIONS:
        assert heading in text
    for empty in [
        "No listening notes were taken at this meeting.",
        "No ideas were put forward at this meeting.",
        "No themes were made.",
        "No voting round was opened at this meeting.",
        "No conflicts were recorded at this meeting.",
        "The partnering charter has not been written yet.",
        "The action plan has no actions yet.",
    ]:
        assert empty in text, empty


def test_long_lists_are_capped_and_say_how_many_were_left_out(db):
    room = build_room(db)
    for i in range(NOTES_PER_TABLE + 3):
        notes.add_note(db, room.scribe1, room.table1_id, notes.NoteFields(said=f"Note number {i}"))
    text = _flat(_text(meeting_report_pdf(db, room.facilitator, room.meeting_id)))
    assert f"Note number {NOTES_PER_TABLE - 1}" in text
    assert f"Note number {NOTES_PER_TABLE} " not in text
    assert "and 3 more notes, left out here" in text


def test_a_scribe_is_refused(db):
    room = build_room(db)
    with pytest.raises(PermissionDenied):
        meeting_report_pdf(db, room.scribe1, room.meeting_id)


def test_the_title_page_gives_the_start_at_the_meetings_own_hour(db):
    room = full_meeting(db)
    with db.read() as s:
        meeting = s.get_one(Meeting, room.meeting_id)
        title, location = meeting.title, meeting.location
    chicago = datetime(2027, 3, 6, 18, 0, tzinfo=ZoneInfo("America/Chicago"))
    fields = meetings.MeetingFields(title=title, starts_at=chicago, location=location)
    meetings.update_meeting(db, room.facilitator, room.meeting_id, fields)
    text = _flat(_text(meeting_report_pdf(db, room.facilitator, room.meeting_id)))
    assert "6:00 PM CST" in text and "UTC" not in text.split("page 1 of")[0]  # _flat: one space


def test_an_actions_due_date_is_written_as_its_reader_writes_dates(db):
    room = full_meeting(db)
    fields = actions.ActionFields(title="Open the youth centre", due_on=date(2027, 3, 15))
    actions.create_action(db, room.facilitator, room.initiative_id, fields)
    english = _flat(_text(meeting_report_pdf(db, room.facilitator, room.meeting_id)))
    assert "due March 15, 2027" in english
    with i18n.using("es"):
        spanish = _flat(_text(meeting_report_pdf(db, room.facilitator, room.meeting_id)))
    assert "vence el 15 de marzo de 2027" in spanish


def test_a_groups_signature_is_dated_as_its_reader_writes_dates(db):
    room = full_meeting(db)
    signed = datetime.now(ZoneInfo("UTC")).date()  # the day full_meeting signed
    with i18n.using("en"):
        english_day = i18n.day(signed)
    with i18n.using("es"):
        spanish_day = i18n.day(signed)
        spanish = _flat(_text(meeting_report_pdf(db, room.facilitator, room.meeting_id)))
    english = _flat(_text(meeting_report_pdf(db, room.facilitator, room.meeting_id)))
    assert f"Police: signed, by Lead on {english_day}" in english
    assert f"por Lead el {spanish_day}" in spanish
    assert signed.isoformat() not in english + spanish
