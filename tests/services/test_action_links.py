"""An action's owner, group and origins must all belong to its initiative."""

import pytest

from db.models import Initiative, Meeting, Participant, Stakeholder
from db.models.enums import StakeholderCategory
from services import actions
from services.errors import ValidationError
from tests.factories import build_room


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
