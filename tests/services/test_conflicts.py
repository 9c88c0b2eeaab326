"""Win-win conflicts: who records them, each side's interests, and closing an agreement."""

import pytest

from db.models import Initiative, Meeting, MeetingTable, Stakeholder
from db.models.enums import ActionStatus, ConflictStatus, StakeholderCategory
from services import actions, charters, conflicts
from services.audit import history
from services.errors import NotFound, PermissionDenied, ValidationError
from tests.factories import build_room


def _conflict(db, room, **extra):
    return conflicts.create_conflict(
        db, room.facilitator, room.meeting_id, "Who answers 911 mental health calls?", **extra
    )


def _agreed(db, room, **extra):
    conflict = _conflict(db, room, **extra)
    return conflicts.set_status(
        db, room.facilitator, conflict.id, "agreed", "Pilot a clinician team", "Draft a budget"
    )


def _foreign_group(db):
    with db.write() as s:
        other = Initiative(name="Elsewhere")
        s.add(other)
        s.flush()
        group = Stakeholder(
            initiative_id=other.id, name="Others", category=StakeholderCategory.OTHER
        )
        s.add(group)
        s.flush()
        return group.id


def _other_meeting_table(db, room):
    with db.write() as s:
        meeting = Meeting(initiative_id=room.initiative_id, title="Second", code="second")
        s.add(meeting)
        s.flush()
        table = MeetingTable(meeting_id=meeting.id, number=3)
        s.add(table)
        s.flush()
        return table.id


def test_a_facilitator_records_a_conflict_for_the_whole_room(db):
    room = build_room(db)
    conflict = _conflict(db, room, owner="Chief", confidential=True)
    assert (conflict.table_id, conflict.status, conflict.confidential) == (
        None,
        ConflictStatus.OPEN,
        True,
    )
    entries = history(db, "conflict", conflict.id)
    assert [(e.action, e.initiative_id) for e in entries] == [("created", room.initiative_id)]


def test_a_scribe_records_a_conflict_for_their_own_table_only(db):
    room = build_room(db)
    mine = conflicts.create_conflict(
        db, room.scribe1, room.meeting_id, "Response times", room.table1_id
    )
    assert mine.table_id == room.table1_id
    with pytest.raises(PermissionDenied, match=r"You scribe table 1.*for table 2"):
        conflicts.create_conflict(db, room.scribe1, room.meeting_id, "X", room.table2_id)
    with pytest.raises(ValidationError, match="Choose your table"):
        conflicts.create_conflict(db, room.scribe1, room.meeting_id, "X")


def test_refuses_an_empty_issue_a_foreign_table_and_leaders(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Issue is empty"):
        conflicts.create_conflict(db, room.facilitator, room.meeting_id, " ")
    with pytest.raises(ValidationError, match="table is at another meeting"):
        conflicts.create_conflict(
            db, room.facilitator, room.meeting_id, "X", _other_meeting_table(db, room)
        )
    with pytest.raises(NotFound, match="No meeting with id 999"):
        conflicts.create_conflict(db, room.facilitator, 999, "X")
    with pytest.raises(PermissionDenied, match="Only a facilitator or a table scribe"):
        conflicts.create_conflict(db, room.leader, room.meeting_id, "X")


def test_updates_by_the_tables_scribe_but_not_another(db):
    room = build_room(db)
    conflict = conflicts.create_conflict(db, room.scribe1, room.meeting_id, "X", room.table1_id)
    updated = conflicts.update_conflict(
        db, room.scribe1, conflict.id, "Y", "Two options", "Ana", True
    )
    assert (updated.issue, updated.options, updated.owner, updated.confidential) == (
        "Y",
        "Two options",
        "Ana",
        True,
    )
    with pytest.raises(PermissionDenied, match="You scribe table 2"):
        conflicts.update_conflict(db, room.scribe2, conflict.id, "Z", "", "", False)


def test_a_scribe_may_not_change_a_whole_room_conflict(db):
    room = build_room(db)
    conflict = _conflict(db, room)
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        conflicts.update_conflict(db, room.scribe1, conflict.id, "Z", "", "", False)


def test_only_a_facilitator_deletes_a_conflict(db):
    room = build_room(db)
    conflict = conflicts.create_conflict(db, room.scribe1, room.meeting_id, "X", room.table1_id)
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        conflicts.delete_conflict(db, room.scribe1, conflict.id)
    conflicts.delete_conflict(db, room.facilitator, conflict.id)
    assert conflicts.list_conflicts(db, room.facilitator, room.meeting_id) == []
    with pytest.raises(NotFound, match="No conflict with id"):
        conflicts.delete_conflict(db, room.facilitator, conflict.id)


def test_each_group_has_one_party_row_that_setting_again_rewrites(db):
    room = build_room(db)
    conflict = _conflict(db, room)
    first = conflicts.set_party(
        db, room.facilitator, conflict.id, room.residents_id, "Police out", "Safety"
    )
    again = conflicts.set_party(
        db, room.facilitator, conflict.id, room.residents_id, "", "Being heard"
    )
    conflicts.set_party(
        db, room.facilitator, conflict.id, room.police_id, "Keep control", "Officer safety"
    )
    assert again.id == first.id
    parties = conflicts.list_parties(db, conflict.id)
    assert [(name, p.position, p.interests) for p, name in parties] == [
        ("Police", "Keep control", "Officer safety"),
        ("Residents", "", "Being heard"),
    ]


def test_party_refuses_empty_text_and_a_group_of_another_initiative(db):
    room = build_room(db)
    conflict = _conflict(db, room)
    with pytest.raises(ValidationError, match="position, its interests, or both"):
        conflicts.set_party(db, room.facilitator, conflict.id, room.police_id, " ", "")
    with pytest.raises(ValidationError, match="Others is not a group of this initiative"):
        conflicts.set_party(db, room.facilitator, conflict.id, _foreign_group(db), "P", "I")
    with pytest.raises(NotFound, match="No stakeholder group with id 999"):
        conflicts.set_party(db, room.facilitator, conflict.id, 999, "P", "I")


def test_removes_a_party_and_refuses_one_that_is_not_there(db):
    room = build_room(db)
    conflict = _conflict(db, room)
    conflicts.set_party(db, room.facilitator, conflict.id, room.police_id, "P", "I")
    conflicts.remove_party(db, room.facilitator, conflict.id, room.police_id)
    assert conflicts.list_parties(db, conflict.id) == []
    with pytest.raises(NotFound, match="not a party to this conflict"):
        conflicts.remove_party(db, room.facilitator, conflict.id, room.police_id)


def test_agreed_needs_an_agreement(db):
    room = build_room(db)
    conflict = _conflict(db, room)
    with pytest.raises(ValidationError, match="Write down what both sides agreed"):
        conflicts.set_status(db, room.facilitator, conflict.id, ConflictStatus.AGREED, "  ")
    with pytest.raises(ValidationError, match="not a conflict status"):
        conflicts.set_status(db, room.facilitator, conflict.id, "solved")


def test_history_shows_every_move_of_the_status(db):
    room = build_room(db)
    conflict = conflicts.create_conflict(db, room.scribe1, room.meeting_id, "X", room.table1_id)
    conflicts.set_status(db, room.scribe1, conflict.id, "exploring")
    done = conflicts.set_status(
        db, room.facilitator, conflict.id, "agreed", "Joint patrols", "Ask council"
    )
    conflicts.set_status(db, room.facilitator, conflict.id, "parked", next_step="Revisit in May")
    assert (done.agreement, done.next_step) == ("Joint patrols", "Ask council")
    moves = [
        (e.detail["from"], e.detail["to"])
        for e in history(db, "conflict", conflict.id)
        if e.action == "status"
    ]
    assert moves == [("open", "exploring"), ("exploring", "agreed"), ("agreed", "parked")]
    with pytest.raises(PermissionDenied, match="You scribe table 2"):
        conflicts.set_status(db, room.scribe2, conflict.id, "open")


def test_leaders_never_see_confidential_conflicts(db):
    room = build_room(db)
    open_one = _conflict(db, room)
    secret = _conflict(db, room, confidential=True)
    assert [c.id for c in conflicts.list_conflicts(db, room.facilitator, room.meeting_id)] == [
        open_one.id,
        secret.id,
    ]
    assert [c.id for c in conflicts.list_conflicts(db, room.leader, room.meeting_id)] == [
        open_one.id
    ]
    shown = conflicts.list_conflicts(
        db, room.facilitator, room.meeting_id, include_confidential=False
    )
    assert [c.id for c in shown] == [open_one.id]


def test_an_agreement_becomes_a_draft_action_once(db):
    room = build_room(db)
    conflict = _agreed(db, room, confidential=True)
    action = conflicts.agreement_to_action(db, room.facilitator, conflict.id)
    assert (action.title, action.description) == (
        "Who answers 911 mental health calls?",
        "Pilot a clinician team",
    )
    assert (action.conflict_id, action.ready, action.confidential) == (conflict.id, False, True)
    assert action.status is ActionStatus.NOT_STARTED
    assert [a.id for a in actions.list_actions(db, room.facilitator, room.initiative_id)] == [
        action.id
    ]
    assert [e.action for e in history(db, "action_item", action.id)] == ["created"]
    with pytest.raises(ValidationError, match="already the action"):
        conflicts.agreement_to_action(db, room.facilitator, conflict.id)


def test_a_long_issue_is_shortened_to_fit_an_action_title(db):
    room = build_room(db)
    conflict = _conflict(db, room)
    conflicts.update_conflict(db, room.facilitator, conflict.id, "word\n" * 100, "", "", False)
    conflicts.set_status(db, room.facilitator, conflict.id, "agreed", "A")
    title = conflicts.agreement_to_action(db, room.facilitator, conflict.id).title
    assert len(title) == 200
    assert title.startswith("word word") and title.endswith("…")


def test_only_agreed_conflicts_turn_into_actions_or_rules(db):
    room = build_room(db)
    conflict = _conflict(db, room)
    with pytest.raises(ValidationError, match="This conflict is open, not agreed"):
        conflicts.agreement_to_action(db, room.facilitator, conflict.id)
    with pytest.raises(ValidationError, match="not agreed"):
        conflicts.agreement_to_ground_rule(db, room.facilitator, conflict.id)
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        conflicts.agreement_to_action(db, room.scribe1, conflict.id)
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        conflicts.agreement_to_ground_rule(db, room.scribe1, conflict.id)


def test_an_agreement_becomes_a_ground_rule_in_a_new_charter_version(db):
    room = build_room(db)
    conflict = _agreed(db, room)
    with pytest.raises(ValidationError, match="no charter yet"):
        conflicts.agreement_to_ground_rule(db, room.facilitator, conflict.id)
    first = charters.new_version(
        db,
        room.facilitator,
        room.initiative_id,
        "Safer calls",
        ground_rules="Listen first",
        roles="Chair rotates",
        commitments={room.police_id: "Share data"},
    )
    charter = conflicts.agreement_to_ground_rule(db, room.facilitator, conflict.id)
    assert charter.version == first.version + 1
    assert charter.ground_rules == "Listen first\nPilot a clinician team"
    assert (charter.mission, charter.roles) == ("Safer calls", "Chair rotates")
    assert [c.text for c, _ in charters.commitments(db, charter.id)] == ["Share data"]
    assert "made_ground_rule" in [e.action for e in history(db, "conflict", conflict.id)]
    with pytest.raises(ValidationError, match="already has this agreement"):
        conflicts.agreement_to_ground_rule(db, room.facilitator, conflict.id)
