"""The Action plan screen's one read: what each role sees, and that its files hold the same."""

import io
from datetime import date, timedelta

import pandas as pd
import pytest

from db.models import Participant
from services.act import action_followup, actions, actions_screen, plan_export
from services.core.errors import PermissionDenied
from tests.factories import build_room

TODAY = date(2026, 5, 20)


def _plan(db):
    room = build_room(db)
    fac = room.facilitator
    late = actions.create_action(
        db,
        fac,
        room.initiative_id,
        actions.ActionFields(
            title="Train officers", stakeholder_id=room.police_id, due_on=TODAY - timedelta(days=3)
        ),
    )
    actions.create_action(
        db, fac, room.initiative_id, actions.ActionFields(title="Open a youth centre")
    )
    done = actions.create_action(
        db,
        fac,
        room.initiative_id,
        actions.ActionFields(title="Publish response times", due_on=TODAY - timedelta(days=9)),
    )
    action_followup.add_update(db, fac, done.id, "done", "Published online")
    actions.create_action(
        db,
        fac,
        room.initiative_id,
        actions.ActionFields(
            title="Name the informant's handler",
            confidential=True,
            due_on=TODAY - timedelta(days=1),
        ),
    )
    action_followup.add_update(db, fac, late.id, "in_progress", "Two sessions booked")
    return room


def test_a_leader_reads_the_plan_without_confidential_actions(db):
    room = _plan(db)
    screen = actions_screen.read(db, room.leader, room.initiative_id, TODAY)
    assert [p.title for p in screen.plan] == [
        "Publish response times",
        "Train officers",
        "Open a youth centre",
    ]
    assert [p.title for p in screen.overdue] == ["Train officers"]
    assert screen.plan[1].group == "Police"
    assert [u.note for u in screen.plan[1].updates] == ["Two sessions booked"]
    assert screen.people == {}


def test_a_facilitator_reads_every_action_and_may_pick_owners(db):
    room = _plan(db)
    screen = actions_screen.read(db, room.facilitator, room.initiative_id, TODAY)
    assert "Name the informant's handler" in [p.title for p in screen.plan]
    assert [p.title for p in screen.overdue] == ["Train officers", "Name the informant's handler"]
    assert len(screen.people) == len(room.participant_ids)
    assert set(screen.groups.values()) == {"Police", "Residents"}


@pytest.mark.parametrize("scribe", ["scribe1", "scribe2"])
def test_a_scribe_has_no_action_plan_screen(db, scribe):
    room = build_room(db)
    with pytest.raises(PermissionDenied):
        actions_screen.read(db, getattr(room, scribe), room.initiative_id, TODAY)


@pytest.mark.parametrize("role", ["leader", "facilitator"])
def test_the_csv_and_workbook_hold_the_screens_plan_without_confidential_actions(db, role):
    room = _plan(db)
    screen = actions_screen.read(db, getattr(room, role), room.initiative_id, TODAY)
    shared = [p for p in screen.plan if not p.action.confidential]
    rows, updates = screen.files
    csv = pd.read_csv(io.BytesIO(plan_export.csv_of(rows)), encoding="utf-8-sig")
    assert list(csv["Action"]) == [p.title for p in shared]
    assert list(csv["Status"]) == [plan_export.status_words(p.action.status) for p in shared]
    book = pd.read_excel(io.BytesIO(plan_export.xlsx_of(rows, updates)), sheet_name=None)
    assert list(book["Action plan"]["Action"]) == [p.title for p in shared]
    assert sorted(book["Updates"]["Note"]) == sorted(u.note for p in shared for u in p.updates)
    # The files it replaces on the screen, read on their own, say the same.
    assert plan_export.plan_csv(db, getattr(room, role), room.initiative_id) == (
        plan_export.csv_of(rows)
    )


def test_each_action_names_its_owner_for_every_reader_of_the_plan(db):
    room = build_room(db)
    with db.read() as s:
        name = s.get_one(Participant, room.participant_ids[0]).name
    fields = actions.ActionFields(
        title="Train dispatchers", owner_participant_id=room.participant_ids[0]
    )
    actions.create_action(db, room.facilitator, room.initiative_id, fields)
    actions.create_action(
        db, room.facilitator, room.initiative_id, actions.ActionFields(title="Find a room")
    )
    for actor in (room.facilitator, room.leader):  # the plan's files name them to both
        screen = actions_screen.read(db, actor, room.initiative_id, TODAY)
        assert {p.title: p.owner for p in screen.plan} == {
            "Train dispatchers": name,
            "Find a room": "",
        }
