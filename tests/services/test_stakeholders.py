"""Stakeholder groups: the rules a facilitator meets when setting them up."""

import pytest

from db.models import Account, Idea, Participant
from db.models.enums import Role
from services.accounts import accounts
from services.act import actions
from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import NotFound, PermissionDenied, ValidationError
from services.partner import charter_commitments, charters
from services.resolve import conflict_parties, conflicts
from services.room import ideas, notes
from services.setup import stakeholders
from tests.factories import account_of, build_room

pytestmark = pytest.mark.both_databases  # group names unique in any case (integrity retry)


def test_creates_a_group_and_records_it_in_the_audit_trail(db):
    room = build_room(db)
    group = stakeholders.create_stakeholder(
        db,
        room.facilitator,
        room.initiative_id,
        stakeholders.StakeholderFields(name="  Youth Council ", category="youth"),
    )
    assert group.name == "Youth Council"
    names = [g.name for g in stakeholders.list_stakeholders(db, SYSTEM, room.initiative_id)]
    assert names == ["Police", "Residents", "Youth Council"]
    assert [e.action for e in history(db, SYSTEM, "stakeholder", group.id)] == ["created"]


@pytest.mark.parametrize("bad", ["", "   ", "\t\n"])
def test_refuses_an_empty_name(db, bad):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Group name is empty"):
        stakeholders.create_stakeholder(
            db,
            room.facilitator,
            room.initiative_id,
            stakeholders.StakeholderFields(name=bad, category="youth"),
        )


def test_refuses_a_name_over_the_limit(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="limit is 200"):
        stakeholders.create_stakeholder(
            db,
            room.facilitator,
            room.initiative_id,
            stakeholders.StakeholderFields(name="x" * 201, category="youth"),
        )


def test_refuses_a_duplicate_name_whatever_its_case(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="already a group"):
        stakeholders.create_stakeholder(
            db,
            room.facilitator,
            room.initiative_id,
            stakeholders.StakeholderFields(name="POLICE", category="other"),
        )


def test_refuses_an_unknown_category(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="not a stakeholder category"):
        stakeholders.create_stakeholder(
            db,
            room.facilitator,
            room.initiative_id,
            stakeholders.StakeholderFields(name="X", category="pirates"),
        )


def test_refuses_an_unknown_initiative(db):
    room = build_room(db)
    with pytest.raises(NotFound, match="No initiative with id 999"):
        stakeholders.create_stakeholder(
            db, room.facilitator, 999, stakeholders.StakeholderFields(name="X", category="youth")
        )


def test_only_a_facilitator_may_create_groups(db):
    room = build_room(db)
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        stakeholders.create_stakeholder(
            db,
            room.scribe1,
            room.initiative_id,
            stakeholders.StakeholderFields(name="X", category="youth"),
        )


def test_updates_name_and_category(db):
    room = build_room(db)
    group = stakeholders.update_stakeholder(
        db,
        room.facilitator,
        room.residents_id,
        stakeholders.StakeholderFields(name="Neighbours", category="residents_911", is_major=False),
    )
    assert (group.name, group.is_major) == ("Neighbours", False)


def test_refuses_to_delete_a_group_in_use_naming_what_uses_it_and_suggesting_retiring(db):
    room = build_room(db)
    with pytest.raises(ValidationError) as refused:
        stakeholders.delete_stakeholder(db, room.facilitator, room.police_id)
    assert refused.value.message.startswith(
        "Police cannot be deleted: it is still used by 2 people on the roster and "
        "1 leader account. Retire it instead:"
    )
    assert len(stakeholders.list_stakeholders(db, SYSTEM, room.initiative_id)) == 2
    assert history(db, SYSTEM, "stakeholder", room.police_id) == []


def test_deletes_an_empty_group(db):
    room = build_room(db)
    group = stakeholders.create_stakeholder(
        db,
        room.facilitator,
        room.initiative_id,
        stakeholders.StakeholderFields(name="Faith", category="faith"),
    )
    stakeholders.delete_stakeholder(db, room.facilitator, group.id)
    assert group.id not in [
        g.id for g in stakeholders.list_stakeholders(db, SYSTEM, room.initiative_id)
    ]


def test_refuses_to_delete_a_group_still_named_on_an_idea_and_says_so(db):
    from services.room import ideas

    room = build_room(db)
    group = stakeholders.create_stakeholder(
        db,
        room.facilitator,
        room.initiative_id,
        stakeholders.StakeholderFields(name="Faith", category="faith"),
    )
    ideas.add_idea(
        db,
        room.scribe1,
        ideas.NewIdea(table_id=room.table1_id, text="Chaplains on calls", stakeholder_id=group.id),
    )
    with pytest.raises(
        ValidationError, match="Faith cannot be deleted: it is still used by 1 idea"
    ):
        stakeholders.delete_stakeholder(db, room.facilitator, group.id)
    assert group.id in [
        g.id for g in stakeholders.list_stakeholders(db, SYSTEM, room.initiative_id)
    ]


def _faith(db, room):
    return stakeholders.create_stakeholder(
        db,
        room.facilitator,
        room.initiative_id,
        stakeholders.StakeholderFields(name="Faith", category="faith"),
    ).id


def _use(db, room, what: str, group: int) -> None:
    """Make one record of kind `what` name the group."""
    fac = room.facilitator
    if what == "person":
        with db.write() as s:
            s.add(
                Participant(
                    initiative_id=room.initiative_id,
                    stakeholder_id=group,
                    name="A",
                    code="a",
                    absent=True,
                )
            )
    elif what == "leader":
        with db.write() as s:
            s.add(
                Account(
                    username="fl",
                    display_name="FL",
                    role=Role.LEADER,
                    password_hash="x",
                    stakeholder_id=group,
                )
            )
    elif what == "note":
        notes.add_note(
            db,
            room.scribe1,
            room.table1_id,
            notes.NoteFields(said="We pray for peace", stakeholder_id=group),
        )
    elif what == "idea":
        ideas.add_idea(
            db,
            room.scribe1,
            ideas.NewIdea(table_id=room.table1_id, text="Chaplains", stakeholder_id=group),
        )
    elif what == "conflict":
        conflict = conflicts.create_conflict(
            db, fac, room.meeting_id, conflicts.ConflictFields(issue="Patrol hours")
        )
        conflict_parties.set_party(
            db,
            fac,
            conflict.id,
            conflict_parties.PartyFields(
                stakeholder_id=group, position="More patrols", interests="Safety"
            ),
        )
    elif what == "commitment":
        charter = charters.new_version(
            db, fac, room.initiative_id, charters.CharterFields(mission="Safer calls")
        )
        charter_commitments.set_commitment(db, fac, charter.id, group, "Host the meetings")
    elif what == "action":
        actions.create_action(
            db, fac, room.initiative_id, actions.ActionFields(title="Vigil", stakeholder_id=group)
        )


USES = {
    "person": "1 person on the roster",
    "leader": "1 leader account",
    "note": "1 listening note",
    "idea": "1 idea",
    "conflict": "1 side of a conflict",
    "commitment": "1 charter commitment",
    "action": "1 action",
}


@pytest.mark.parametrize("what", USES)
def test_each_kind_of_record_that_names_a_group_keeps_it_and_is_named(db, what):
    room = build_room(db)
    group = _faith(db, room)
    _use(db, room, what, group)
    with pytest.raises(ValidationError, match=f"still used by {USES[what]}. Retire it instead"):
        stakeholders.delete_stakeholder(db, room.facilitator, group)
    assert group in [g.id for g in stakeholders.list_stakeholders(db, SYSTEM, room.initiative_id)]


def test_a_signature_keeps_a_group(db):
    from services.partner import charter_signoff

    room = build_room(db)
    charter = charters.new_version(
        db, room.facilitator, room.initiative_id, charters.CharterFields(mission="Safer calls")
    )
    charter_signoff.sign(db, room.leader, charter.id)
    with pytest.raises(ValidationError, match="1 charter signature"):
        stakeholders.delete_stakeholder(db, room.facilitator, room.police_id)


def test_deleting_an_unused_group_is_audited(db):
    room = build_room(db)
    group = _faith(db, room)
    stakeholders.delete_stakeholder(db, room.facilitator, group)
    assert [e.action for e in history(db, SYSTEM, "stakeholder", group)] == ["created", "deleted"]


def test_renames_keeping_names_unique_in_the_initiative_whatever_the_case(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="There is already a group called “police”"):
        stakeholders.update_stakeholder(
            db,
            room.facilitator,
            room.residents_id,
            stakeholders.StakeholderFields(name="police", category="residents_911", is_major=True),
        )
    # Changing only the case of its own name is no clash with itself.
    renamed = stakeholders.update_stakeholder(
        db,
        room.facilitator,
        room.police_id,
        stakeholders.StakeholderFields(name="POLICE", category="police_department", is_major=False),
    )
    assert (renamed.name, renamed.is_major) == ("POLICE", False)
    [entry] = history(db, SYSTEM, "stakeholder", room.police_id)
    assert (entry.action, entry.detail["was"], entry.detail["name"]) == (
        "updated",
        "Police",
        "POLICE",
    )


def test_a_group_of_another_initiative_may_share_a_name(db):
    from tests.factories import build_elsewhere

    room = build_room(db)
    build_elsewhere(db)
    made = stakeholders.create_stakeholder(
        db,
        room.facilitator,
        room.initiative_id,
        stakeholders.StakeholderFields(name="Others", category="other"),
    )
    assert made.name == "Others"


def test_retires_and_restores_a_group_keeping_it_on_old_records(db):
    room = build_room(db)
    group = _faith(db, room)
    idea = ideas.add_idea(
        db,
        room.scribe1,
        ideas.NewIdea(table_id=room.table1_id, text="Chaplains", stakeholder_id=group),
    )
    retired = stakeholders.retire_stakeholder(db, room.facilitator, group)
    assert retired.retired
    active = [g.name for g in stakeholders.list_stakeholders(db, SYSTEM, room.initiative_id, False)]
    assert active == ["Police", "Residents"]
    every = [g.name for g in stakeholders.list_stakeholders(db, SYSTEM, room.initiative_id)]
    assert every == ["Faith", "Police", "Residents"]
    with db.read() as s:
        assert s.get_one(Idea, idea.id).stakeholder_id == group
    restored = stakeholders.restore_stakeholder(db, room.facilitator, group)
    assert not restored.retired
    actions_done = [e.action for e in history(db, SYSTEM, "stakeholder", group)]
    assert actions_done == ["created", "retired", "restored"]


def test_refuses_to_retire_a_group_with_people_in_the_room(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match=r"Police still has 2 people in the room\. Move them"):
        stakeholders.retire_stakeholder(db, room.facilitator, room.police_id)
    with db.write() as s:
        for pid in room.participant_ids[::2]:  # the police
            s.get_one(Participant, pid).absent = True
    assert stakeholders.retire_stakeholder(db, room.facilitator, room.police_id).retired


def test_the_overview_counts_people_present_and_lists_retired_groups_last(db):
    room = build_room(db)
    group = _faith(db, room)
    stakeholders.retire_stakeholder(db, room.facilitator, group)
    with db.write() as s:
        s.get_one(Participant, room.participant_ids[0]).absent = True
    rows = [
        (g.name, g.retired, g.people)
        for g in stakeholders.group_overview(db, SYSTEM, room.initiative_id)
    ]
    assert rows == [("Police", False, 1), ("Residents", False, 2), ("Faith", True, 0)]


def test_no_new_leader_speaks_for_a_retired_group(db, fast_bcrypt):
    room = build_room(db)
    group = _faith(db, room)
    stakeholders.retire_stakeholder(db, room.facilitator, group)
    with pytest.raises(ValidationError, match="Faith is retired, so nobody new speaks for it"):
        accounts.create_account(
            db,
            room.facilitator,
            accounts.NewAccount(
                username="faith.lead",
                display_name="Faith lead",
                role="leader",
                password="a-long-password",
                email="",
                stakeholder_id=group,
            ),
        )
    with pytest.raises(ValidationError, match="Faith is retired"):
        accounts.update_account(
            db,
            room.facilitator,
            account_of(room.leader),
            accounts.AccountFields(
                display_name="Lead", email="", stakeholder_id=group, active=True
            ),
        )


def test_a_leader_of_a_group_retired_later_keeps_their_account_editable(db):
    room = build_room(db)
    with db.write() as s:
        for pid in room.participant_ids[::2]:
            s.get_one(Participant, pid).absent = True
    stakeholders.retire_stakeholder(db, room.facilitator, room.police_id)
    kept = accounts.update_account(
        db,
        room.facilitator,
        account_of(room.leader),
        accounts.AccountFields(
            display_name="Lead R", email="", stakeholder_id=room.police_id, active=True
        ),
    )
    assert (kept.display_name, kept.stakeholder_id) == ("Lead R", room.police_id)


def test_only_a_facilitator_retires_restores_or_deletes_groups(db):
    room = build_room(db)
    for change in (
        stakeholders.retire_stakeholder,
        stakeholders.restore_stakeholder,
        stakeholders.delete_stakeholder,
    ):
        with pytest.raises(PermissionDenied):
            change(db, room.leader, room.police_id)
    with pytest.raises(NotFound, match="No stakeholder group with id 999"):
        stakeholders.retire_stakeholder(db, room.facilitator, 999)
