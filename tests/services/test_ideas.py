"""Ideas on the board: adding, editing, hiding and removing them, and listing the board."""

import pytest
from sqlalchemy import func, select

from db.models import Idea, Meeting, RoundItem
from db.models.enums import IdeaStatus, VoteMode
from services.converge import voting_rounds
from services.core import writes
from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import NotAllowedNow, NotFound, PermissionDenied, ValidationError
from services.room import idea_merge, ideas
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # counts and max() over times


def _close_input(db, room):
    with db.write() as s:
        s.get_one(Meeting, room.meeting_id).input_open = False


def _other_meeting(db, room):
    with db.write() as s:
        other = Meeting(initiative_id=room.initiative_id, title="Other", code="other-code")
        s.add(other)
        s.flush()
        return other.id


def _count(db):
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Idea))


def test_adds_an_idea_at_a_table_and_audits_it(db):
    room = build_room(db)
    idea = ideas.add_idea(
        db,
        room.scribe1,
        ideas.NewIdea(
            table_id=room.table1_id, text=" Co-responders ", stakeholder_id=room.police_id
        ),
    )
    assert (idea.meeting_id, idea.table_id, idea.text) == (
        room.meeting_id,
        room.table1_id,
        "Co-responders",
    )
    assert (idea.status, idea.stakeholder_id) == (IdeaStatus.VISIBLE, room.police_id)
    assert [e.action for e in history(db, SYSTEM, "idea", idea.id)] == ["created"]


def test_a_repeated_submission_key_returns_the_first_idea(db):
    room = build_room(db)
    first = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="One", submission_key="k")
    )
    again = ideas.add_idea(
        db,
        room.scribe1,
        ideas.NewIdea(table_id=room.table1_id, text="One again", submission_key="k"),
    )
    assert again.id == first.id
    assert _count(db) == 1


def test_two_taps_racing_past_the_look_up_still_save_one_idea(db, monkeypatch):
    room = build_room(db)
    first = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="One", submission_key="k")
    )
    real = writes._by_key
    calls = []
    monkeypatch.setattr(
        writes, "_by_key", lambda *a: calls.append(a) or (None if len(calls) == 1 else real(*a))
    )
    again = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="One", submission_key="k")
    )
    assert (again.id, len(calls), _count(db)) == (first.id, 2, 1)


def test_a_facilitator_adds_an_idea_from_no_table_to_a_named_meeting(db):
    room = build_room(db)
    idea = ideas.add_idea(
        db,
        room.facilitator,
        ideas.NewIdea(table_id=None, text="Imported", meeting_id=room.meeting_id),
    )
    assert (idea.table_id, idea.meeting_id) == (None, room.meeting_id)


def test_an_idea_from_no_table_needs_a_meeting(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="needs its meeting"):
        ideas.add_idea(db, room.facilitator, ideas.NewIdea(table_id=None, text="Imported"))


def test_only_a_facilitator_adds_an_idea_from_no_table(db):
    room = build_room(db)
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        ideas.add_idea(
            db, room.scribe1, ideas.NewIdea(table_id=None, text="x", meeting_id=room.meeting_id)
        )


def test_refuses_a_table_that_is_not_in_the_named_meeting(db):
    room = build_room(db)
    other_id = _other_meeting(db, room)
    with pytest.raises(ValidationError, match="Table 1 is not part of this meeting"):
        ideas.add_idea(
            db,
            room.facilitator,
            ideas.NewIdea(table_id=room.table1_id, text="x", meeting_id=other_id),
        )


def test_a_scribe_cannot_add_while_input_is_closed_but_a_facilitator_can(db):
    room = build_room(db)
    _close_input(db, room)
    with pytest.raises(NotAllowedNow, match="Input is closed"):
        ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="x"))
    assert (
        ideas.add_idea(
            db, room.facilitator, ideas.NewIdea(table_id=room.table1_id, text="x")
        ).table_id
        == room.table1_id
    )


def test_a_scribe_cannot_add_at_another_table_and_a_leader_not_at_all(db):
    room = build_room(db)
    with pytest.raises(PermissionDenied, match="table 2's page"):
        ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table2_id, text="x"))
    with pytest.raises(PermissionDenied, match="Only a facilitator or a table scribe"):
        ideas.add_idea(db, room.leader, ideas.NewIdea(table_id=room.table1_id, text="x"))
    assert _count(db) == 0


@pytest.mark.parametrize(("text", "message"), [(" ", "Idea is empty"), ("x" * 2001, "2,001")])
def test_refuses_empty_or_over_long_text(db, text, message):
    room = build_room(db)
    with pytest.raises(ValidationError, match=message):
        ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text=text))


def test_updates_text_group_and_confidentiality(db):
    room = build_room(db)
    idea = ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="x"))
    changed = ideas.update_idea(
        db,
        room.scribe1,
        idea.id,
        ideas.IdeaFields(text="y", stakeholder_id=room.residents_id, confidential=True),
    )
    assert (changed.text, changed.stakeholder_id, changed.confidential) == (
        "y",
        room.residents_id,
        True,
    )
    assert changed.updated_at > idea.updated_at
    assert [e.action for e in history(db, SYSTEM, "idea", idea.id)] == ["created", "updated"]


def test_a_scribe_may_not_update_another_tables_idea_or_one_from_no_table(db):
    room = build_room(db)
    theirs = ideas.add_idea(db, room.scribe2, ideas.NewIdea(table_id=room.table2_id, text="x"))
    loose = ideas.add_idea(
        db, room.facilitator, ideas.NewIdea(table_id=None, text="x", meeting_id=room.meeting_id)
    )
    with pytest.raises(PermissionDenied, match="table 2's page"):
        ideas.update_idea(db, room.scribe1, theirs.id, ideas.IdeaFields(text="y"))
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        ideas.update_idea(db, room.scribe1, loose.id, ideas.IdeaFields(text="y"))


def test_a_scribe_may_not_update_once_input_is_closed(db):
    room = build_room(db)
    idea = ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="x"))
    _close_input(db, room)
    with pytest.raises(NotAllowedNow):
        ideas.update_idea(db, room.scribe1, idea.id, ideas.IdeaFields(text="y"))


def test_hides_and_shows_an_idea_and_records_both(db):
    room = build_room(db)
    idea = ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="x"))
    assert ideas.hide_idea(db, room.facilitator, idea.id).status is IdeaStatus.HIDDEN
    assert ideas.list_ideas(db, room.meeting_id, actor=SYSTEM) == []
    assert ideas.show_idea(db, room.facilitator, idea.id).status is IdeaStatus.VISIBLE
    assert [e.action for e in history(db, SYSTEM, "idea", idea.id)] == [
        "created",
        "hidden",
        "visible",
    ]


def test_hiding_a_hidden_idea_changes_nothing(db):
    room = build_room(db)
    idea = ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="x"))
    ideas.hide_idea(db, room.facilitator, idea.id)
    ideas.hide_idea(db, room.facilitator, idea.id)
    assert len(history(db, SYSTEM, "idea", idea.id)) == 2


def test_a_merged_idea_cannot_be_hidden_or_shown(db):
    room = build_room(db)
    keep = ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="keep"))
    dup = ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="dup"))
    idea_merge.merge_ideas(db, room.facilitator, keep.id, [dup.id])
    with pytest.raises(ValidationError, match=f"merged into idea #{keep.id}"):
        ideas.show_idea(db, room.facilitator, dup.id)
    with pytest.raises(ValidationError, match=f"merged into idea #{keep.id}"):
        ideas.hide_idea(db, room.facilitator, dup.id)


def test_only_a_facilitator_hides_shows_or_deletes(db):
    room = build_room(db)
    idea = ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="x"))
    for action in (ideas.hide_idea, ideas.show_idea, ideas.delete_idea):
        with pytest.raises(PermissionDenied, match="Only a facilitator"):
            action(db, room.scribe1, idea.id)


def test_deletes_an_idea_and_takes_it_off_a_draft_ballot(db):
    room = build_room(db)
    idea = ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="x"))
    voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(title="R", mode=VoteMode.DOTS, idea_ids=[idea.id]),
    )
    ideas.delete_idea(db, room.facilitator, idea.id)
    assert _count(db) == 0
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(RoundItem)) == 0
    assert [e.action for e in history(db, SYSTEM, "idea", idea.id)] == ["created", "deleted"]


def test_refuses_to_delete_an_idea_on_an_opened_ballot(db):
    room = build_room(db)
    idea = ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="x"))
    rnd = voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(title="First vote", mode=VoteMode.DOTS, idea_ids=[idea.id]),
    )
    voting_rounds.open_round(db, room.facilitator, rnd.id)
    with pytest.raises(ValidationError, match="on the ballot of First vote"):
        ideas.delete_idea(db, room.facilitator, idea.id)
    assert _count(db) == 1


def test_refuses_to_delete_an_idea_others_were_merged_into(db):
    room = build_room(db)
    keep = ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="keep"))
    dup = ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="dup"))
    idea_merge.merge_ideas(db, room.facilitator, keep.id, [dup.id])
    with pytest.raises(ValidationError, match="1 other idea"):
        ideas.delete_idea(db, room.facilitator, keep.id)


def test_deleting_an_unknown_idea_is_refused(db):
    room = build_room(db)
    with pytest.raises(NotFound, match="No idea with id 999"):
        ideas.delete_idea(db, room.facilitator, 999)


def test_lists_the_board_oldest_first_with_its_filters(db):
    room = build_room(db)
    a = ideas.add_idea(
        db,
        room.scribe1,
        ideas.NewIdea(table_id=room.table1_id, text="a", stakeholder_id=room.police_id),
    )
    b = ideas.add_idea(
        db, room.scribe2, ideas.NewIdea(table_id=room.table2_id, text="b", confidential=True)
    )
    c = ideas.add_idea(
        db,
        room.scribe1,
        ideas.NewIdea(table_id=room.table1_id, text="c", stakeholder_id=room.residents_id),
    )
    d = ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="d"))
    ideas.hide_idea(db, room.facilitator, c.id)
    idea_merge.merge_ideas(db, room.facilitator, a.id, [d.id])

    def ids(**kwargs):
        which = ideas.IdeaFilter(**kwargs)
        return [i.id for i in ideas.list_ideas(db, room.meeting_id, which, actor=SYSTEM)]

    assert ids() == [a.id, b.id]
    assert ids(include_hidden=True) == [a.id, b.id, c.id, d.id]
    assert ids(table_id=room.table2_id) == [b.id]
    assert ids(stakeholder_id=room.police_id) == [a.id]
    assert ids(include_confidential=False) == [a.id]
