"""An action's owner, group and origins must all belong to its initiative."""

from typing import TypedDict

import pytest

from services.act import actions
from services.core.errors import ValidationError
from tests.factories import build_elsewhere, build_room


class _Link(TypedDict, total=False):
    owner_participant_id: int
    stakeholder_id: int
    meeting_id: int


def test_refuses_links_into_another_initiative(db):
    room = build_room(db)
    other = build_elsewhere(db)
    group_id, meeting_id, person_id = other.group_id, other.meeting_id, other.participant_id
    links: list[tuple[_Link, str]] = [
        ({"owner_participant_id": person_id}, "owner"),
        ({"stakeholder_id": group_id}, "group"),
        ({"meeting_id": meeting_id}, "meeting"),
    ]
    for link, label in links:
        with pytest.raises(ValidationError, match=f"That {label} belongs to another initiative"):
            actions.create_action(
                db,
                room.facilitator,
                room.initiative_id,
                actions.ActionFields(
                    title="X",
                    owner_participant_id=link.get("owner_participant_id"),
                    stakeholder_id=link.get("stakeholder_id"),
                ),
                actions.ActionLinks(meeting_id=link.get("meeting_id")),
            )
