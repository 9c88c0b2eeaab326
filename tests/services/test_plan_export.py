"""Exporting the action plan: the rows, CSV and Excel people take away, and what stays out."""

import io
import zipfile
from datetime import UTC, date, datetime, timedelta

import pandas as pd
import pytest

from services.act import action_followup, actions
from services.act.plan_export import PLAN_COLUMNS, UPDATE_COLUMNS, plan_csv, plan_rows, plan_xlsx
from services.core.errors import NotFound, PermissionDenied
from services.resolve import conflicts
from services.room import ideas, themes
from services.setup import participants
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # coalesce() and joins in SQL

DUE = date.today() + timedelta(days=10)
FORMULA = '=HYPERLINK("http://x","y")'
EMAIL, PHONE = "zoe@example.org", "+1 555 0100"


def _plan(db):
    """A room whose plan has a ready action with updates, a formula title and secrets."""
    room = build_room(db)
    fac = room.facilitator
    owner = room.participant_ids[0]
    participants.update_participant(
        db,
        fac,
        owner,
        participants.ParticipantFields(
            name="Zoë Owner",
            stakeholder_id=room.police_id,
            email=EMAIL,
            phone=PHONE,
            notes="call after 6",
            table_id=room.table1_id,
        ),
    )
    theme = themes.create_theme(db, fac, room.meeting_id, "Youth")
    idea = ideas.add_idea(
        db, fac, ideas.NewIdea(table_id=None, text="A youth centre", meeting_id=room.meeting_id)
    )
    secret = conflicts.create_conflict(
        db,
        fac,
        room.meeting_id,
        conflicts.ConflictFields(issue="Informant names", confidential=True),
    )
    ready = actions.create_action(
        db,
        fac,
        room.initiative_id,
        actions.ActionFields(
            title="Train officers",
            description="Two days of crisis training for every patrol officer",
            measure="All officers certified",
            owner_participant_id=owner,
            due_on=DUE,
            charter_goal="Safer calls",
            ready=True,
        ),
        actions.ActionLinks(idea_id=idea.id, theme_id=theme.id),
    )
    actions.create_action(db, fac, room.initiative_id, actions.ActionFields(title=FORMULA))
    actions.create_action(
        db,
        fac,
        room.initiative_id,
        actions.ActionFields(title="Review cases"),
        actions.ActionLinks(conflict_id=secret.id),
    )
    actions.create_action(
        db, fac, room.initiative_id, actions.ActionFields(title="Hidden work", confidential=True)
    )
    action_followup.add_update(db, room.leader, ready.id, "in_progress", "Started training")
    action_followup.add_update(db, fac, ready.id, "done")
    return room, secret


def test_rows_list_the_plan_by_due_date_with_owner_group_status_and_what_it_serves(db):
    room, _ = _plan(db)
    rows = plan_rows(db, room.facilitator, room.initiative_id)
    assert [r["Action"] for r in rows] == ["Train officers", FORMULA, "Review cases"]
    first = rows[0]
    assert list(first) == PLAN_COLUMNS
    assert first["Owner"] == "Zoë Owner"
    assert first["Group"] == "Police"
    assert (first["Due"], first["Status"], first["Ready"]) == (DUE, "Done", "Yes")
    assert first["Serves"] == "Idea: A youth centre; Theme: Youth; Charter goal: Safer calls"
    assert first["Last update"] == "Status set to done"
    assert first["Last update on"] == _utc_today()
    assert (rows[1]["Owner"], rows[1]["Status"], rows[1]["Ready"]) == ("", "Not started", "No")


def test_the_csv_opens_in_pandas_with_every_column_and_the_title_neutralised(db):
    room, _ = _plan(db)
    data = plan_csv(db, room.facilitator, room.initiative_id)
    assert data.startswith(b"\xef\xbb\xbf")  # the byte order mark Excel needs for accents
    df = pd.read_csv(io.BytesIO(data), keep_default_na=False)
    assert list(df.columns) == PLAN_COLUMNS
    assert df["Action"].tolist() == ["Train officers", "'" + FORMULA, "Review cases"]
    assert df["Owner"].tolist()[0] == "Zoë Owner"
    assert df["Due"].tolist()[0] == DUE.isoformat()


def test_the_workbook_has_the_plan_and_every_dated_update_on_its_own_sheet(db):
    room, _ = _plan(db)
    data = plan_xlsx(db, room.facilitator, room.initiative_id)
    sheets = pd.read_excel(io.BytesIO(data), sheet_name=None)
    assert list(sheets) == ["Action plan", "Updates"]
    plan, updates = sheets["Action plan"], sheets["Updates"]
    assert list(plan.columns) == PLAN_COLUMNS
    assert plan["Action"].tolist() == ["Train officers", "'" + FORMULA, "Review cases"]
    assert plan["Due"].iloc[0].date() == DUE
    assert list(updates.columns) == UPDATE_COLUMNS
    assert updates.fillna("").values.tolist() == [
        ["Train officers", pd.Timestamp(_utc_today()), "In progress", "Started training", "Lead"],
        ["Train officers", pd.Timestamp(_utc_today()), "Done", "", "Fac"],
    ]
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        sheet_xml = "".join(
            book.read(n).decode() for n in book.namelist() if n.startswith("xl/worksheets/")
        )
    assert "<f>" not in sheet_xml  # no cell is stored as a formula


def test_confidential_actions_are_left_out_unless_a_facilitator_asks(db):
    room, secret = _plan(db)
    shared = plan_rows(db, room.facilitator, room.initiative_id)
    assert "Hidden work" not in [r["Action"] for r in shared]
    assert shared[2]["Serves"] == f"Conflict: #{secret.id} (confidential)"
    full = plan_rows(db, room.facilitator, room.initiative_id, include_confidential=True)
    assert "Hidden work (confidential)" in [r["Action"] for r in full]
    assert "Conflict: Informant names" in [r["Serves"] for r in full]


def test_a_leader_never_gets_confidential_actions_even_when_asking(db):
    room, _ = _plan(db)
    for export in (plan_csv, plan_xlsx):
        data = export(db, room.leader, room.initiative_id, include_confidential=True)
        text = data.decode("utf-8-sig") if export is plan_csv else _unzipped(data)
        assert "Hidden work" not in text
        assert "Informant names" not in text
        assert "Train officers" in text


def test_no_email_phone_or_roster_notes_appear_anywhere_in_the_exports(db):
    room, _ = _plan(db)
    csv_text = plan_csv(db, room.facilitator, room.initiative_id, True).decode("utf-8-sig")
    xlsx_text = _unzipped(plan_xlsx(db, room.facilitator, room.initiative_id, True))
    for text in (csv_text, xlsx_text):
        assert "Zoë Owner" in text
        for secret in (EMAIL, PHONE, "call after 6", "code-0"):
            assert secret not in text


def test_an_empty_plan_exports_its_headers_only(db):
    room = build_room(db)
    assert plan_rows(db, room.facilitator, room.initiative_id) == []
    df = pd.read_csv(io.BytesIO(plan_csv(db, room.facilitator, room.initiative_id)))
    assert (list(df.columns), len(df)) == (PLAN_COLUMNS, 0)
    sheets = pd.read_excel(io.BytesIO(plan_xlsx(db, room.leader, room.initiative_id)), None)
    assert [len(s) for s in sheets.values()] == [0, 0]


def test_a_table_scribe_may_not_export_the_plan(db):
    room, _ = _plan(db)
    for export in (plan_rows, plan_csv, plan_xlsx):
        with pytest.raises(PermissionDenied, match="Only a facilitator or a Thought Leader"):
            export(db, room.scribe1, room.initiative_id)


def test_an_unknown_initiative_is_reported(db):
    room = build_room(db)
    with pytest.raises(NotFound, match="No initiative with id 999"):
        plan_csv(db, room.facilitator, 999)


def _unzipped(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return "".join(book.read(name).decode() for name in book.namelist())


def _utc_today() -> date:
    # Updates are dated by their UTC timestamp, whatever the machine's time zone.
    return datetime.now(UTC).date()
