"""The projector's fingerprint of the idea wall changes with every change the room can see."""

import pytest

from services.core.actors import SYSTEM
from services.room import idea_merge, ideas
from services.translations import translate
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # max(updated_at): times read back from an aggregate


def test_every_change_the_room_sees_changes_the_wall_version(db):
    room = build_room(db)
    seen = [ideas.wall_version(db, SYSTEM, room.meeting_id)]

    def changed() -> bool:
        seen.append(ideas.wall_version(db, SYSTEM, room.meeting_id))
        return seen[-1] != seen[-2]

    first = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Co-responders")
    )
    assert changed()
    second = ideas.add_idea(
        db, room.scribe2, ideas.NewIdea(table_id=room.table2_id, text="A crisis line")
    )
    assert changed()
    ideas.update_idea(db, room.scribe1, first.id, ideas.IdeaFields(text="Co-responders at night"))
    assert changed()
    ideas.hide_idea(db, room.facilitator, second.id)
    assert changed()
    ideas.show_idea(db, room.facilitator, second.id)
    assert changed()
    ideas.update_idea(
        db, room.scribe2, second.id, ideas.IdeaFields(text="A crisis line", confidential=True)
    )
    assert changed()
    ideas.update_idea(
        db, room.scribe2, second.id, ideas.IdeaFields(text="A crisis line", confidential=False)
    )
    assert changed()
    idea_merge.merge_ideas(db, room.facilitator, first.id, [second.id])
    assert changed()
    # The wall shows an idea's translation too: writing, rewriting and removing one.
    for spanish in ("Binomios de noche", "Binomios por la noche", ""):
        translate.translate(
            db,
            room.facilitator,
            translate.Translation(kind="idea", entity_id=first.id, text=spanish),
        )
        assert changed(), spanish
    assert not changed(), "nothing happened, so the version stays"


def test_ideas_the_room_does_not_see_leave_the_version_alone(db):
    room = build_room(db)
    before = ideas.wall_version(db, SYSTEM, room.meeting_id)
    ideas.add_idea(
        db,
        room.scribe1,
        ideas.NewIdea(table_id=room.table1_id, text="Between us", confidential=True),
    )
    assert ideas.wall_version(db, SYSTEM, room.meeting_id) == before
