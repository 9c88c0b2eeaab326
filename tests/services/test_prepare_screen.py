"""Prepare's read model: what each role sees, and downloads built from what the screen holds."""

import io
from datetime import date

import pandas as pd
import pytest

from components.sheets import invitation_sheet_html
from db.models import Interview, Participant, SurveyResponse
from db.models.enums import SurveyKind
from services.core.errors import PermissionDenied
from services.prepare import invitations, prepare_screen
from services.prepare.presession_document import report_html
from services.prepare.presession_report import presession_report
from tests.factories import build_elsewhere, build_room

BASE = "https://cg.example.org"


@pytest.fixture
def room(db):
    room = build_room(db)
    with db.write() as s:
        s.get_one(Participant, room.participant_ids[0]).email = "p0@example.org"
        s.add(
            SurveyResponse(
                participant_id=room.participant_ids[0],
                kind=SurveyKind.PRE,
                top_issues="Speeding cars",
            )
        )
        s.add_all(
            Interview(
                initiative_id=room.initiative_id,
                interviewee=who,
                notes=notes,
                held_on=date(2026, 5, day),
                confidential=secret,
            )
            for who, notes, day, secret in [
                ("Chief", "Shares data monthly", 1, False),
                ("Informant", "Names a witness", 2, True),
            ]
        )
    return room


def test_a_facilitator_sees_every_part_of_prepare(db, room):
    screen = prepare_screen.read(db, room.facilitator, room.meeting_id, BASE)
    assert screen.facilitating and screen.initiative_id == room.initiative_id
    assert screen.survey is not None and screen.survey.survey_open is True
    shown = screen.invitations
    assert shown is not None
    assert (shown.counts.invited, shown.counts.with_email) == (4, 1)
    assert [p.name for p in shown.people] == ["P0", "P1", "P2", "P3"]
    assert shown.reachable and shown.heading.initiative == "Test City Initiative"
    assert [name for _, name in screen.roster] == ["P0", "P1", "P2", "P3"]
    assert [i.interviewee for i in screen.interviews] == ["Informant", "Chief"]
    assert [r.top_issues for r in screen.responses] == ["Speeding cars"]
    # The report goes round the room: no confidential interview, even for a facilitator.
    assert [n.interviewee for n in screen.report.interviews] == ["Chief"]


def test_a_leader_sees_the_report_and_what_is_not_confidential_only(db, room):
    screen = prepare_screen.read(db, room.leader, room.meeting_id, BASE)
    assert not screen.facilitating
    assert (screen.survey, screen.invitations, screen.roster) == (None, None, ())
    assert [i.interviewee for i in screen.interviews] == ["Chief"]
    assert [r.top_issues for r in screen.responses] == ["Speeding cars"]
    assert screen.report == presession_report(db, room.leader, room.initiative_id)


def test_scribes_of_either_table_are_refused(db, room):
    for scribe in (room.scribe1, room.scribe2):
        with pytest.raises(PermissionDenied):
            prepare_screen.read(db, scribe, room.meeting_id, BASE)


def test_a_leader_of_this_initiative_cannot_read_another_one(db, room):
    elsewhere = build_elsewhere(db)
    with pytest.raises(PermissionDenied):
        prepare_screen.read(db, room.leader, elsewhere.meeting_id, BASE)


def test_links_only_this_computer_opens_are_flagged(db, room):
    screen = prepare_screen.read(db, room.facilitator, room.meeting_id, "http://localhost:8501")
    assert screen.invitations is not None and not screen.invitations.reachable


def test_the_invitation_sheet_and_the_mail_merge_hold_the_people_the_screen_lists(db, room):
    shown = prepare_screen.read(db, room.facilitator, room.meeting_id, BASE).invitations
    assert shown is not None
    sheet = invitation_sheet_html(shown.heading, shown.people)
    for person in shown.people:
        assert person.name in sheet and person.survey_link in sheet
    merge = pd.read_csv(
        io.BytesIO(invitations.mail_merge_csv(db, room.facilitator, room.meeting_id, BASE))
    )
    screen_rows = [(p.name, p.group, p.survey_link, p.vote_link) for p in shown.people]
    file_rows = list(merge[["Name", "Group", "Survey link", "Voting link"]].itertuples(index=False))
    assert screen_rows == [tuple(r) for r in file_rows]
    assert [(p.name, p.group, p.survey_link) for p in shown.preview] == [r[:3] for r in screen_rows]


def test_the_report_download_holds_the_response_rows_the_screen_shows(db, room):
    report = prepare_screen.read(db, room.facilitator, room.meeting_id, BASE).report
    page = report_html(report)
    for row in report.responses:
        assert row.group in page
    assert [(r.group, r.invited, r.responded) for r in report.responses] == [
        ("Police", 2, 1),
        ("Residents", 2, 0),
    ]
