"""The action plan: the SMART check, drafts, follow-up updates and who is behind."""

from datetime import date, timedelta

import pytest

from db.models import Initiative, Meeting, Participant, Stakeholder
from db.models.enums import ActionStatus, StakeholderCategory
from services import actions
from services.audit import history
from services.errors import NotFound, PermissionDenied, ValidationError
from tests.factories import build_room

TODAY = date.today()
HOW = "Train two call takers a month in crisis triage"


def _smart(room, **changes):
    values = {
        "title": "Triage training",
        "description": HOW,
        "measure": "All 24 call takers trained",
        "owner_participant_id": room.participant_ids[0],
        "due_on": TODAY + timedelta(days=30),
        "ready": True,
    }
    return values | changes


def _foreign(db):
    with db.write() as s:
        other = Initiative(name="Elsewhere")
        s.add(other)
        s.flush()
        group = Stakeholder(
            initiative_id=other.id, name="Others", category=StakeholderCategory.OTHER
        )
        meeting = Meeting(initiative_id=other.id, title="Away", code="away")
        s.add_all([group, meeting])
        s.flush()
        person = Participant(initiative_id=other.id, stakeholder_id=group.id, name="Z", code="z")
        s.add(person)
        s.flush()
        return group.id, meeting.id, person.id


def test_a_complete_action_passes_the_smart_check():
    assert actions.smart_check("T", HOW, "Done when", 1, TODAY, TODAY) == []


@pytest.mark.parametrize(
    ("changes", "letters"),
    [
        ({"title": " "}, ["S"]),
        ({"description": "Too short"}, ["S"]),
        ({"measure": ""}, ["M"]),
        ({"owner": None}, ["A"]),
        ({"due_on": None}, ["T"]),
        ({"due_on": TODAY - timedelta(days=1)}, ["T"]),
        (
            {"title": "", "description": "", "measure": "", "owner": None, "due_on": None},
            ["S", "M", "A", "T"],
        ),
    ],
)
def test_the_smart_check_names_each_missing_letter(changes, letters):
    args = {"title": "T", "description": HOW, "measure": "M", "owner": 1, "due_on": TODAY} | changes
    gaps = actions.smart_check(
        args["title"], args["description"], args["measure"], args["owner"], args["due_on"], TODAY
    )
    assert [g.letter for g in gaps] == letters
    assert all(g.message for g in gaps)


def test_saves_an_incomplete_draft(db):
    room = build_room(db)
    action = actions.create_action(
        db, room.facilitator, room.initiative_id, "Something about triage"
    )
    assert (action.ready, action.status, action.stakeholder_id) == (
        False,
        ActionStatus.NOT_STARTED,
        None,
    )
    assert [e.action for e in history(db, "action_item", action.id)] == ["created"]


def test_refuses_to_mark_ready_what_is_not_smart_and_says_what_is_missing(db):
    room = build_room(db)
    values = _smart(room, measure="", due_on=TODAY - timedelta(days=1))
    with pytest.raises(ValidationError, match=r"\(M, T missing\).*Measurable.*Time-bound.*draft"):
        actions.create_action(db, room.facilitator, room.initiative_id, **values)
    assert actions.list_actions(db, room.facilitator, room.initiative_id) == []


def test_a_ready_action_counts_for_its_owners_group_unless_told_otherwise(db):
    room = build_room(db)
    mine = actions.create_action(db, room.facilitator, room.initiative_id, **_smart(room))
    assert (mine.ready, mine.stakeholder_id) == (True, room.police_id)
    theirs = actions.create_action(
        db, room.facilitator, room.initiative_id, **_smart(room, stakeholder_id=room.residents_id)
    )
    assert theirs.stakeholder_id == room.residents_id


def test_refuses_links_into_another_initiative(db):
    room = build_room(db)
    group_id, meeting_id, person_id = _foreign(db)
    for link, label in [
        ({"owner_participant_id": person_id}, "owner"),
        ({"stakeholder_id": group_id}, "group"),
        ({"meeting_id": meeting_id}, "meeting"),
    ]:
        with pytest.raises(ValidationError, match=f"That {label} belongs to another initiative"):
            actions.create_action(db, room.facilitator, room.initiative_id, "X", **link)


def test_refuses_unknown_links_and_an_empty_title(db):
    room = build_room(db)
    with pytest.raises(NotFound, match="No participant with id 999"):
        actions.create_action(
            db, room.facilitator, room.initiative_id, "X", owner_participant_id=999
        )
    with pytest.raises(NotFound, match="No conflict with id 999"):
        actions.create_action(db, room.facilitator, room.initiative_id, "X", conflict_id=999)
    with pytest.raises(NotFound, match="No initiative with id 999"):
        actions.create_action(db, room.facilitator, 999, "X")
    with pytest.raises(ValidationError, match="Action title is empty"):
        actions.create_action(db, room.facilitator, room.initiative_id, "")


@pytest.mark.parametrize("who", ["scribe1", "leader"])
def test_only_a_facilitator_creates_edits_and_deletes_actions(db, who):
    room = build_room(db)
    action = actions.create_action(db, room.facilitator, room.initiative_id, "X")
    actor = getattr(room, who)
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        actions.create_action(db, actor, room.initiative_id, "X")
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        actions.update_action(db, actor, action.id, "Y", "", "", None, None, None, "", False, False)
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        actions.delete_action(db, actor, action.id)


def test_updating_to_ready_runs_the_smart_check(db):
    room = build_room(db)
    action = actions.create_action(db, room.facilitator, room.initiative_id, "Draft")
    with pytest.raises(ValidationError, match="not SMART yet"):
        actions.update_action(
            db, room.facilitator, action.id, "Draft", "", "", None, None, None, "", False, True
        )
    v = _smart(room)
    updated = actions.update_action(
        db, room.facilitator, action.id, v["title"], v["description"], v["measure"],
        v["owner_participant_id"], None, v["due_on"], "Goal 2", True, True,
    )  # fmt: skip
    assert (updated.ready, updated.stakeholder_id, updated.charter_goal) == (
        True,
        room.police_id,
        "Goal 2",
    )
    assert [e.action for e in history(db, "action_item", action.id)] == ["created", "updated"]


def test_deletes_an_action(db):
    room = build_room(db)
    action = actions.create_action(db, room.facilitator, room.initiative_id, "X")
    actions.delete_action(db, room.facilitator, action.id)
    assert actions.list_actions(db, room.facilitator, room.initiative_id) == []
    with pytest.raises(NotFound, match="No action with id"):
        actions.delete_action(db, room.facilitator, action.id)


def test_lists_by_due_date_with_undated_last_and_hides_confidential_from_leaders(db):
    room = build_room(db)
    undated = actions.create_action(db, room.facilitator, room.initiative_id, "Undated")
    later = actions.create_action(
        db, room.facilitator, room.initiative_id, "Later", due_on=TODAY + timedelta(9)
    )
    soon = actions.create_action(
        db, room.facilitator, room.initiative_id, "Soon", due_on=TODAY, confidential=True
    )
    every = actions.list_actions(db, room.facilitator, room.initiative_id)
    assert [a.id for a in every] == [soon.id, later.id, undated.id]
    assert [a.id for a in actions.list_actions(db, room.leader, room.initiative_id)] == [
        later.id,
        undated.id,
    ]
    hidden = actions.list_actions(
        db, room.facilitator, room.initiative_id, include_confidential=False
    )
    assert [a.id for a in hidden] == [later.id, undated.id]


def test_updates_move_the_status_and_are_kept_in_order(db):
    room = build_room(db)
    action = actions.create_action(db, room.facilitator, room.initiative_id, "X")
    actions.add_update(db, room.leader, action.id, "in_progress", "Started training")
    actions.add_update(db, room.facilitator, action.id, ActionStatus.IN_PROGRESS, "Half done")
    last = actions.add_update(db, room.leader, action.id, "done")
    assert [(u.status, u.note) for u in actions.updates(db, action.id)] == [
        (ActionStatus.IN_PROGRESS, "Started training"),
        (ActionStatus.IN_PROGRESS, "Half done"),
        (ActionStatus.DONE, ""),
    ]
    assert last.account_id == room.leader.account_id
    moves = [
        (e.detail["from"], e.detail["to"])
        for e in history(db, "action_item", action.id)
        if e.action == "status"
    ]
    assert moves == [
        ("not_started", "in_progress"),
        ("in_progress", "in_progress"),
        ("in_progress", "done"),
    ]
    assert (
        actions.list_actions(db, room.facilitator, room.initiative_id)[0].status
        is ActionStatus.DONE
    )


def test_an_update_must_say_something(db):
    room = build_room(db)
    action = actions.create_action(db, room.facilitator, room.initiative_id, "X")
    with pytest.raises(ValidationError, match="Nothing to record"):
        actions.add_update(db, room.facilitator, action.id, "not_started", " ")
    with pytest.raises(ValidationError, match="not an action status"):
        actions.add_update(db, room.facilitator, action.id, "finished")
    with pytest.raises(NotFound, match="No action with id 999"):
        actions.add_update(db, room.facilitator, 999, "done")


def test_scribes_may_not_update_and_leaders_not_confidential_actions(db):
    room = build_room(db)
    secret = actions.create_action(db, room.facilitator, room.initiative_id, "X", confidential=True)
    with pytest.raises(
        PermissionDenied, match="Only a facilitator or a Thought Leader Team member"
    ):
        actions.add_update(db, room.scribe1, secret.id, "done")
    with pytest.raises(PermissionDenied, match="confidential"):
        actions.add_update(db, room.leader, secret.id, "done")
    assert actions.updates(db, secret.id) == []


def test_overdue_lists_unfinished_actions_past_their_date(db):
    room = build_room(db)
    late = actions.create_action(
        db, room.facilitator, room.initiative_id, "Late", due_on=TODAY - timedelta(3)
    )
    later = actions.create_action(
        db,
        room.facilitator,
        room.initiative_id,
        "Later",
        due_on=TODAY - timedelta(1),
        confidential=True,
    )
    done = actions.create_action(
        db, room.facilitator, room.initiative_id, "Done", due_on=TODAY - timedelta(5)
    )
    actions.add_update(db, room.facilitator, done.id, "done")
    actions.create_action(db, room.facilitator, room.initiative_id, "Today", due_on=TODAY)
    actions.create_action(db, room.facilitator, room.initiative_id, "Undated")
    assert [a.id for a in actions.overdue(db, room.initiative_id, TODAY)] == [late.id, later.id]
    assert [
        a.id for a in actions.overdue(db, room.initiative_id, TODAY, include_confidential=False)
    ] == [late.id]


def test_progress_counts_each_groups_actions_by_status(db):
    room = build_room(db)
    police = [
        actions.create_action(
            db, room.facilitator, room.initiative_id, f"P{i}", stakeholder_id=room.police_id
        )
        for i in range(3)
    ]
    actions.add_update(db, room.facilitator, police[0].id, "done")
    actions.add_update(db, room.facilitator, police[1].id, "blocked")
    actions.create_action(db, room.facilitator, room.initiative_id, "Nobody's")
    rows = actions.progress_by_group(db, room.initiative_id)
    assert [(r.stakeholder_id, r.stakeholder, r.total) for r in rows] == [
        (room.police_id, "Police", 3),
        (room.residents_id, "Residents", 0),
        (None, "No group", 1),
    ]
    assert rows[0].counts == {
        ActionStatus.NOT_STARTED: 1,
        ActionStatus.IN_PROGRESS: 0,
        ActionStatus.DONE: 1,
        ActionStatus.BLOCKED: 1,
    }
    assert rows[2].counts[ActionStatus.NOT_STARTED] == 1
