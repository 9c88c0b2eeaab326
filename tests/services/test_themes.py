"""Themes: the facilitator's groups of related ideas."""

import pytest

from db.models import Meeting
from db.models.enums import VoteMode
from services.converge import voting_rounds
from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import NotFound, PermissionDenied, ValidationError
from services.room import ideas, themes
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # names unique in any case; ordered by lower(name)


def test_creates_a_theme_and_records_it(db):
    room = build_room(db)
    theme = themes.create_theme(db, room.facilitator, room.meeting_id, " Response ", "Who comes")
    assert (theme.name, theme.description, theme.meeting_id) == (
        "Response",
        "Who comes",
        room.meeting_id,
    )
    assert [e.action for e in history(db, SYSTEM, "theme", theme.id)] == ["created"]


def test_refuses_a_duplicate_name_whatever_its_case(db):
    room = build_room(db)
    themes.create_theme(db, room.facilitator, room.meeting_id, "Response")
    with pytest.raises(ValidationError, match="already a theme called “Response”"):
        themes.create_theme(db, room.facilitator, room.meeting_id, "RESPONSE")


def test_the_same_name_may_be_used_in_another_meeting(db):
    room = build_room(db)
    with db.write() as s:
        other = Meeting(initiative_id=room.initiative_id, title="Other", code="other-code")
        s.add(other)
        s.flush()
        other_id = other.id
    themes.create_theme(db, room.facilitator, room.meeting_id, "Response")
    assert themes.create_theme(db, room.facilitator, other_id, "Response").meeting_id == other_id


@pytest.mark.parametrize(("name", "message"), [("  ", "Theme name is empty"), ("x" * 201, "200")])
def test_refuses_an_empty_or_over_long_name(db, name, message):
    room = build_room(db)
    with pytest.raises(ValidationError, match=message):
        themes.create_theme(db, room.facilitator, room.meeting_id, name)


def test_refuses_an_unknown_meeting(db):
    room = build_room(db)
    with pytest.raises(NotFound, match="No meeting with id 999"):
        themes.create_theme(db, room.facilitator, 999, "x")


def test_only_a_facilitator_manages_themes(db):
    room = build_room(db)
    theme = themes.create_theme(db, room.facilitator, room.meeting_id, "Response")
    calls = [
        lambda a: themes.create_theme(db, a, room.meeting_id, "x"),
        lambda a: themes.update_theme(db, a, theme.id, "x"),
        lambda a: themes.delete_theme(db, a, theme.id),
        lambda a: themes.assign_theme(db, a, [], theme.id),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied, match="Only a facilitator"):
            call(room.scribe1)


def test_renames_a_theme_and_may_change_only_its_case(db):
    room = build_room(db)
    theme = themes.create_theme(db, room.facilitator, room.meeting_id, "response")
    assert themes.update_theme(db, room.facilitator, theme.id, "Response", "d").name == "Response"
    themes.create_theme(db, room.facilitator, room.meeting_id, "Trust")
    with pytest.raises(ValidationError, match="already a theme called “Trust”"):
        themes.update_theme(db, room.facilitator, theme.id, "trust")
    assert [e.action for e in history(db, SYSTEM, "theme", theme.id)] == ["created", "updated"]


def test_lists_themes_by_name(db):
    room = build_room(db)
    for name in ["trust", "Response", "alternatives"]:
        themes.create_theme(db, room.facilitator, room.meeting_id, name)
    names = [t.name for t in themes.list_themes(db, room.facilitator, room.meeting_id)]
    assert names == ["alternatives", "Response", "trust"]


def test_assigns_ideas_to_a_theme_and_takes_them_out_again(db):
    room = build_room(db)
    theme = themes.create_theme(db, room.facilitator, room.meeting_id, "Response")
    a = ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="a"))
    b = ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="b"))
    assigned = themes.assign_theme(db, room.facilitator, [a.id, b.id], theme.id)
    assert [i.theme_id for i in assigned] == [theme.id, theme.id]
    themes.assign_theme(db, room.facilitator, [a.id], None)
    board = {i.id: i.theme_id for i in ideas.list_ideas(db, room.meeting_id, actor=SYSTEM)}
    assert board == {a.id: None, b.id: theme.id}
    assert [e.action for e in history(db, SYSTEM, "idea", a.id)] == ["created", "themed", "themed"]


def test_refuses_to_theme_an_idea_of_another_meeting(db):
    room = build_room(db)
    with db.write() as s:
        other = Meeting(initiative_id=room.initiative_id, title="Other", code="other-code")
        s.add(other)
        s.flush()
        other_id = other.id
    theme = themes.create_theme(db, room.facilitator, other_id, "Elsewhere")
    idea = ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="a"))
    with pytest.raises(ValidationError, match=f"Idea #{idea.id} belongs to another meeting"):
        themes.assign_theme(db, room.facilitator, [idea.id], theme.id)


def test_assigning_an_unknown_theme_or_idea_is_refused(db):
    room = build_room(db)
    theme = themes.create_theme(db, room.facilitator, room.meeting_id, "Response")
    with pytest.raises(NotFound, match="No theme with id 999"):
        themes.assign_theme(db, room.facilitator, [], 999)
    with pytest.raises(NotFound, match="No idea with id 999"):
        themes.assign_theme(db, room.facilitator, [999], theme.id)


def test_deleting_a_theme_leaves_its_ideas_without_one(db):
    room = build_room(db)
    theme = themes.create_theme(db, room.facilitator, room.meeting_id, "Response")
    idea = ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="a"))
    themes.assign_theme(db, room.facilitator, [idea.id], theme.id)
    themes.delete_theme(db, room.facilitator, theme.id)
    assert themes.list_themes(db, room.facilitator, room.meeting_id) == []
    assert [i.theme_id for i in ideas.list_ideas(db, room.meeting_id, actor=SYSTEM)] == [None]
    assert history(db, SYSTEM, "theme", theme.id)[-1].action == "deleted"


def test_refuses_to_delete_a_theme_on_an_opened_ballot(db):
    room = build_room(db)
    theme = themes.create_theme(db, room.facilitator, room.meeting_id, "Response")
    rnd = voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(title="Themes", mode=VoteMode.DOTS, theme_ids=[theme.id]),
    )
    voting_rounds.open_round(db, room.facilitator, rnd.id)
    with pytest.raises(ValidationError, match="on the ballot of Themes"):
        themes.delete_theme(db, room.facilitator, theme.id)
    assert len(themes.list_themes(db, room.facilitator, room.meeting_id)) == 1
