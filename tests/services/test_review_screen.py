"""The Review screen's one read: what each role sees, and that its downloads hold the same."""

import io
import zipfile

import pandas as pd
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from db.models import Idea
from services.core.errors import PermissionDenied
from services.review import meeting_report, meeting_sheets, review_screen
from services.room import idea_merge, ideas
from tests.factories import build_room
from tests.services.test_meeting_tables import full_meeting


def _merged_and_hidden(db, room):
    """Table 2 proposes what table 1 did (merged away), one more is hidden, one the room's."""
    fac = room.facilitator
    kept = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Street lights on Elm")
    )
    twin = ideas.add_idea(
        db, room.scribe2, ideas.NewIdea(table_id=room.table2_id, text="Lights on Elm street")
    )
    idea_merge.merge_ideas(db, fac, kept.id, [twin.id])
    ideas.hide_idea(
        db,
        fac,
        ideas.add_idea(
            db, room.scribe2, ideas.NewIdea(table_id=room.table2_id, text="Off topic")
        ).id,
    )
    ideas.add_idea(
        db, fac, ideas.NewIdea(table_id=None, text="Whole-room idea", meeting_id=room.meeting_id)
    )


def _screen_ideas(screen):
    return {(t.number, p.idea.text) for t in screen.tables for p in t.ideas}


def _screen_notes(screen):
    return {(t.number, said.note.said) for t in screen.tables for said in t.notes}


def _number(label):
    return None if label == "Whole room" else int(label.removeprefix("Table ").split()[0])


def _sheets(data: bytes) -> dict[str, pd.DataFrame]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name.removesuffix(".csv"): pd.read_csv(
                io.BytesIO(archive.read(name)), encoding="utf-8-sig", keep_default_na=False
            )
            for name in archive.namelist()
        }


def _pdf_text(data: bytes) -> str:
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())


def test_a_leader_sees_no_confidential_item_and_the_ideas_each_table_proposed(db):
    room = full_meeting(db)
    _merged_and_hidden(db, room)
    screen = review_screen.read(db, room.leader, room.meeting_id)
    assert _screen_ideas(screen) == {
        (1, "A youth centre"),
        (2, '=HYPERLINK("http://x","y")'),
        (1, "Street lights on Elm"),
        (2, "Lights on Elm street"),  # merged into table 1's, still table 2's proposal
        (None, "Whole-room idea"),
    }
    assert _screen_notes(screen) == {(1, "We wait an hour for help")}
    assert [c.issue for c in screen.record.conflicts] == ["Response times"]
    assert dict(screen.figures) == {
        "Listening notes": 1,
        "Ideas": 5,
        "Voting rounds": 1,
        "Conflicts": 1,
        "Actions": 1,
    }
    assert screen.record.private is False
    assert [r.title for r in screen.rounds] == ["First vote"]
    assert screen.charter_version == 1
    assert [(g.stakeholder, g.status.value) for g in screen.signoff] == [
        ("Police", "signed"),
        ("Residents", "not signed"),
    ]


def test_a_leader_who_asks_for_confidential_items_still_gets_none(db):
    room = full_meeting(db)
    screen = review_screen.read(db, room.leader, room.meeting_id, include_private=True)
    assert screen.record.private is False
    assert "Secret idea" not in {p.idea.text for p in screen.record.ideas}


def test_a_facilitator_sees_what_a_leader_does_until_they_ask_for_more(db):
    room = full_meeting(db)
    _merged_and_hidden(db, room)
    shared = review_screen.read(db, room.facilitator, room.meeting_id)
    leader = review_screen.read(db, room.leader, room.meeting_id)
    assert _screen_ideas(shared) == _screen_ideas(leader)
    assert _screen_notes(shared) == _screen_notes(leader)
    asked = review_screen.read(db, room.facilitator, room.meeting_id, include_private=True)
    assert asked.record.private is True
    assert _screen_ideas(asked) - _screen_ideas(shared) == {(1, "Secret idea"), (2, "Off topic")}
    assert _screen_notes(asked) - _screen_notes(shared) == {(2, "Secret note")}
    assert [c.issue for c in asked.record.conflicts] == ["Response times", "Informant names"]


@pytest.mark.parametrize("scribe", ["scribe1", "scribe2"])
def test_a_scribe_of_this_or_another_table_has_no_review_screen(db, scribe):
    room = build_room(db)
    with pytest.raises(PermissionDenied):
        review_screen.read(db, getattr(room, scribe), room.meeting_id)


@pytest.mark.parametrize(("role", "private"), [("leader", False), ("facilitator", True)])
def test_the_sheets_and_the_report_hold_what_the_screen_shows(db, role, private):
    room = full_meeting(db)
    _merged_and_hidden(db, room)
    screen = review_screen.read(db, getattr(room, role), room.meeting_id, private)
    sheets = _sheets(meeting_sheets.zip_of(screen.record))
    report = _pdf_text(meeting_report.report_pdf(screen.record))

    notes_sheet = sheets["listening_notes"]
    sheet_notes = {
        # The sheet names a confidential note as such, as it does an idea, a conflict.
        (_number(t), s.removesuffix(" (confidential)"))
        for t, s in zip(notes_sheet["Table"], notes_sheet["Said"], strict=True)
    }
    assert sheet_notes == _screen_notes(screen)
    ideas_sheet = sheets["ideas"]
    sheet_ideas = {
        # The sheet names a confidential idea as such, and neutralises a formula.
        (_number(t), i.removesuffix(" (confidential)").removeprefix("'"))
        for t, i in zip(ideas_sheet["Table"], ideas_sheet["Idea"], strict=True)
    }
    assert sheet_ideas == _screen_ideas(screen)
    issues = [i.removesuffix(" (confidential)") for i in sheets["conflicts"]["Issue"]]
    assert issues == [c.issue for c in screen.record.conflicts]
    counts = dict(screen.figures)
    assert len(sheets["action_plan"]) == counts["Actions"]
    assert len(ideas_sheet) == counts["Ideas"]

    for table in screen.tables:
        for said in table.notes:
            assert said.note.said in report
        for proposed in table.ideas:
            assert proposed.idea.text.replace('"', "") in report.replace('"', "")
    assert "Lights on Elm street" in report and "[merged into #" in report
    assert ("Secret idea" in report) is private and ("Off topic" in report) is private
    assert ("Informant names" in report) is private


def _ballot_words(screen):
    return {
        row.text
        for shown in screen.rounds
        for row in (*shown.results.totals, *shown.results.ranking)
    }


def test_an_idea_marked_confidential_after_the_vote_is_named_by_number_as_in_the_files(db):
    room = full_meeting(db)
    with db.write() as s:
        s.scalars(select(Idea).where(Idea.text == "A youth centre")).one().confidential = True
    leader = review_screen.read(db, room.leader, room.meeting_id)
    words = _ballot_words(leader)
    assert "A youth centre" not in words
    [unnamed] = [w for w in words if w.endswith("(confidential)")]
    assert unnamed in set(meeting_sheets.safe_frames(leader.record)["Votes"]["Item"])
    asked = review_screen.read(db, room.facilitator, room.meeting_id, include_private=True)
    assert "A youth centre" in _ballot_words(asked)
