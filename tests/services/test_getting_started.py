"""Starting an initiative makes it and its first meeting together, or neither."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from db.models.enums import Role
from services.core import audit
from services.core.actors import SYSTEM, Actor
from services.core.errors import PermissionDenied, ValidationError
from services.setup import getting_started, initiatives, meetings

pytestmark = pytest.mark.both_databases  # an initiative and its meeting made together or not at all

FACILITATOR = Actor(None, Role.FACILITATOR, "Maria")
WHEN = datetime(2027, 3, 1, 18, tzinfo=UTC)


def start(db, actor=FACILITATOR, **changes):
    fields = {
        "name": "Eastside Initiative",
        "city": "Eastside",
        "purpose": "Agree how the city answers crisis calls.",
        "meeting_title": "First session",
        "starts_at": WHEN,
        "location": "Library, main hall",
    } | changes
    return getting_started.start_initiative(
        db,
        actor,
        initiatives.InitiativeFields(
            name=fields["name"], city=fields["city"], purpose=fields["purpose"]
        ),
        meetings.MeetingFields(
            title=fields["meeting_title"],
            starts_at=fields["starts_at"],
            location=fields["location"],
        ),
    )


def test_makes_the_initiative_and_its_first_meeting(db):
    started = start(db)
    initiative = initiatives.get_initiative(db, started.initiative_id, actor=SYSTEM)
    assert (initiative.name, initiative.city) == ("Eastside Initiative", "Eastside")
    assert not initiative.is_demo
    (meeting,) = meetings.list_meetings(db, SYSTEM, started.initiative_id)
    assert meeting.id == started.meeting_id
    assert (meeting.title, meeting.location, meeting.starts_at) == (
        "First session",
        "Library, main hall",
        WHEN,
    )
    assert [e.action for e in audit.history(db, SYSTEM, "meeting", meeting.id)] == ["created"]


def test_a_meeting_date_is_optional(db):
    started = start(db, starts_at=None, location="")
    assert meetings.get_meeting(db, started.meeting_id, actor=SYSTEM).starts_at is None


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"meeting_title": "  "}, "Meeting title is empty"),
        ({"meeting_title": "x" * 201}, "Meeting title is 201 characters"),
        ({"location": "Hall\x00"}, "Location contains invisible control"),
        ({"starts_at": datetime(2027, 3, 1, 18)}, "no time zone"),
        ({"name": ""}, "Initiative name is empty"),
    ],
)
def test_a_bad_field_writes_nothing(db, changes, says):
    with pytest.raises(ValidationError, match=says):
        start(db, **changes)
    assert initiatives.list_initiatives(db) == []


def test_a_taken_name_is_refused_and_adds_no_meeting(db):
    start(db)
    with pytest.raises(ValidationError, match="already an initiative"):
        start(db, meeting_title="Another session")
    (only,) = initiatives.list_initiatives(db)
    assert [m.title for m in meetings.list_meetings(db, SYSTEM, only.id)] == ["First session"]


def test_only_a_facilitator_starts_one(db):
    with pytest.raises(PermissionDenied):
        start(db, actor=Actor(None, Role.LEADER, "Lee"))
    assert initiatives.list_initiatives(db) == []
