"""The demo is tagged as the demo's, and removing it takes all of it and nothing else."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

import i18n
from db.models import Account, AuditEntry, Initiative, Meeting, Participant, Stakeholder
from db.models.enums import Role, StakeholderCategory
from seed.demo import DEMO_NAME, build_demo, demo_usernames
from services.accounts import accounts
from services.core.actors import SYSTEM, Actor
from services.core.errors import NotFound, PermissionDenied, ValidationError
from services.review.meeting_record import _label, collect
from services.setup import (
    demo,
    getting_started,
    initiatives,
    meetings,
    participants,
    stakeholders,
)

pytestmark = pytest.mark.both_databases  # tagged rows found and removed across foreign keys

PASSWORD = "a-demo-password"


def real_install(db):
    """A facilitator's own account and initiative, beside the demo."""
    me = accounts.create_account(
        db,
        SYSTEM,
        accounts.NewAccount(
            username="maria.lopez", display_name="Maria", role=Role.FACILITATOR, password=PASSWORD
        ),
    )
    actor = Actor(me.id, Role.FACILITATOR, "Maria")
    started = getting_started.start_initiative(
        db,
        actor,
        initiatives.InitiativeFields(name="Eastside Initiative", city="Eastside"),
        meetings.MeetingFields(
            title="First session",
            starts_at=datetime(2027, 3, 1, 18, tzinfo=UTC),
            location="Library",
        ),
    )
    group = stakeholders.create_stakeholder(
        db,
        actor,
        started.initiative_id,
        stakeholders.StakeholderFields(name="Youth", category=StakeholderCategory.YOUTH),
    )
    participants.create_participant(
        db,
        actor,
        started.initiative_id,
        participants.ParticipantFields(name="Ana Diaz", stakeholder_id=group.id),
    )
    return actor, started


def count(db, model, *where) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def test_the_seed_tags_its_initiative_and_every_login_it_makes(db, fast_bcrypt):
    summary = build_demo(db, PASSWORD)
    (initiative,) = demo.demo_initiatives(db, SYSTEM)
    assert initiative.id == summary.initiative_id and initiative.name == DEMO_NAME
    assert demo.demo_usernames(db, SYSTEM) == sorted(demo_usernames()) == sorted(summary.usernames)
    assert demo.has_demo(db, SYSTEM)


def test_a_second_seed_finds_the_demo_by_its_tag_even_renamed(db, fast_bcrypt):
    first = build_demo(db, PASSWORD)
    with db.write() as s:
        s.get(Initiative, first.initiative_id).name = "Our practice run"
    again = build_demo(db, PASSWORD)
    assert not again.created and again.initiative_id == first.initiative_id
    assert count(db, Initiative) == 1


def test_demo_logins_step_aside_for_a_facilitator_named_facilitator(db, fast_bcrypt):
    accounts.create_account(
        db,
        SYSTEM,
        accounts.NewAccount(
            username="facilitator",
            display_name="Real One",
            role=Role.FACILITATOR,
            password=PASSWORD,
        ),
    )
    summary = build_demo(db, PASSWORD)
    assert summary.usernames == demo_usernames("demo-")
    assert demo.demo_usernames(db, SYSTEM) == sorted(demo_usernames("demo-"))
    with db.read() as s:
        mine = s.scalar(select(Account).where(Account.username == "facilitator"))
    assert not mine.is_demo


def test_when_every_demo_username_is_taken_nothing_is_written(db, fast_bcrypt):
    for username in ("scribe3", "demo-leader2"):
        accounts.create_account(
            db,
            SYSTEM,
            accounts.NewAccount(
                username=username, display_name="Taken", role=Role.SCRIBE, password=PASSWORD
            ),
        )
    with pytest.raises(ValidationError, match="already taken"):
        build_demo(db, PASSWORD)
    assert count(db, Initiative) == 0 and count(db, Account) == 2


def test_removing_the_demo_takes_its_data_and_logins_and_keeps_the_rest(db, fast_bcrypt):
    summary = build_demo(db, PASSWORD)
    actor, mine = real_install(db)
    # A real leader the facilitator pointed at a demo group by mistake keeps their login.
    demo_group = stakeholders.list_stakeholders(db, SYSTEM, summary.initiative_id)[0]
    accounts.create_account(
        db,
        actor,
        accounts.NewAccount(
            username="kim.leader",
            display_name="Kim",
            role=Role.LEADER,
            password=PASSWORD,
            stakeholder_id=demo_group.id,
        ),
    )
    assert count(db, Participant, Participant.initiative_id == summary.initiative_id) == 56

    removed = demo.remove_demo(db, actor)

    assert removed.initiatives == [DEMO_NAME]
    assert removed.usernames == sorted(demo_usernames())
    assert not demo.has_demo(db, SYSTEM)
    assert count(db, Initiative) == 1
    for model in (Meeting, Participant, Stakeholder):
        assert count(db, model, model.initiative_id == summary.initiative_id) == 0
        assert count(db, model, model.initiative_id == mine.initiative_id) == 1
    with db.read() as s:
        left = {a.username: a.stakeholder_id for a in s.scalars(select(Account))}
        trail = s.scalar(select(AuditEntry).where(AuditEntry.entity == "demo"))
    assert left == {"maria.lopez": None, "kim.leader": None}
    assert trail.action == "removed" and trail.actor == "Maria"
    assert trail.detail["usernames"] == removed.usernames


def test_a_demo_login_cannot_remove_the_demo(db, fast_bcrypt):
    build_demo(db, PASSWORD)
    with db.read() as s:
        demo_facilitator = s.scalar(select(Account).where(Account.username == "facilitator"))
    actor = Actor(demo_facilitator.id, Role.FACILITATOR, "Facilitator")
    with pytest.raises(ValidationError, match="one of the demo's logins"):
        demo.remove_demo(db, actor)
    assert demo.has_demo(db, SYSTEM) and count(db, Account) == 17


def test_only_a_facilitator_removes_the_demo(db, fast_bcrypt):
    build_demo(db, PASSWORD)
    with pytest.raises(PermissionDenied):
        demo.remove_demo(db, Actor(None, Role.SCRIBE, "A scribe"))
    assert demo.has_demo(db, SYSTEM)


def test_no_demo_means_nothing_to_remove(db, fast_bcrypt):
    actor, _mine = real_install(db)
    assert not demo.has_demo(db, SYSTEM)
    with pytest.raises(NotFound, match="no demo"):
        demo.remove_demo(db, actor)
    assert count(db, Initiative) == 1


def test_an_interrupted_removal_finishes_on_the_next_try(db, fast_bcrypt):
    summary = build_demo(db, PASSWORD)
    actor, _mine = real_install(db)
    initiatives.delete_initiative(db, actor, summary.initiative_id)  # the logins stayed
    assert demo.has_demo(db, SYSTEM)
    assert demo.remove_demo(db, actor).usernames == sorted(demo_usernames())
    assert not demo.has_demo(db, SYSTEM)


def test_the_demo_tables_are_known_by_their_number_in_either_language(db, fast_bcrypt):
    # Named "Table 1", the Spanish meeting record read "Mesa 1 (Table 1)".
    summary = build_demo(db, PASSWORD)
    with db.read() as s:
        meeting_id = s.scalars(
            select(Meeting.id).where(Meeting.initiative_id == summary.initiative_id)
        ).one()
    with i18n.using("es"):
        record = collect(db, SYSTEM, meeting_id)
        labels = [_label(t) for t in record.tables]
    assert labels[:2] == ["Mesa 1", "Mesa 2"], labels
