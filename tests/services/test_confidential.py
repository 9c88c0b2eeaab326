"""Confidential, per kind and per role: a facilitator reads all; a scribe their own tables'
only; a Thought Leader Team member none. Notes, ideas, conflicts, actions, interviews."""

from __future__ import annotations

from datetime import date

import pytest

from services.act import action_followup, actions, actions_screen
from services.core.errors import PermissionDenied
from services.prepare import interviews
from services.resolve import conflicts
from services.review import review_screen
from services.room import ideas, notes
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # who reads what is filtered in SQL


def _secrets(db):
    """One open and one confidential record of each kind, at table 1 where a kind has tables."""
    room = build_room(db)
    t1, fac = room.table1_id, room.facilitator
    for secret in (False, True):
        word = "secret" if secret else "open"
        notes.add_note(
            db, room.scribe1, t1, notes.NoteFields(said=f"{word} note", confidential=secret)
        )
        ideas.add_idea(
            db, room.scribe1, ideas.NewIdea(table_id=t1, text=f"{word} idea", confidential=secret)
        )
        conflicts.create_conflict(
            db,
            room.scribe1,
            room.meeting_id,
            conflicts.ConflictFields(issue=f"{word} table conflict", confidential=secret),
            table_id=t1,
        )
        conflicts.create_conflict(
            db,
            fac,
            room.meeting_id,
            conflicts.ConflictFields(issue=f"{word} room conflict", confidential=secret),
            table_id=None,
        )
        actions.create_action(
            db,
            fac,
            room.initiative_id,
            actions.ActionFields(title=f"{word} action", confidential=secret),
        )
        interviews.create_interview(
            db,
            fac,
            room.initiative_id,
            interviews.InterviewFields(
                interviewee="A resident", notes=f"{word} interview", confidential=secret
            ),
        )
    return room


def _read(db, room, actor, kind):
    if kind == "notes":
        table = room.table1_id if actor is room.scribe1 else None
        if actor is room.scribe2:
            table = room.table2_id
        return {n.said for n in notes.list_notes(db, actor, room.meeting_id, table)}
    if kind == "ideas":
        return {i.text for i in ideas.list_ideas(db, room.meeting_id, actor=actor)}
    if kind == "conflicts":
        return {c.issue for c in conflicts.list_conflicts(db, actor, room.meeting_id)}
    if kind == "actions":
        return {a.title for a in actions.list_actions(db, actor, room.initiative_id)}
    return {i.notes for i in interviews.list_interviews(db, actor, room.initiative_id)}


SEEN = {
    # kind: {role: what they read}; None = refused outright
    "notes": {
        "facilitator": {"open note", "secret note"},
        "own scribe": {"open note", "secret note"},
        "other scribe": set(),  # their own table's notes: none were taken there
        "leader": {"open note"},
    },
    "ideas": {
        "facilitator": {"open idea", "secret idea"},
        "own scribe": {"open idea", "secret idea"},
        "other scribe": {"open idea"},
        "leader": {"open idea"},
    },
    "conflicts": {
        "facilitator": {
            "open table conflict",
            "secret table conflict",
            "open room conflict",
            "secret room conflict",
        },
        "own scribe": {"open table conflict", "secret table conflict", "open room conflict"},
        "other scribe": {"open table conflict", "open room conflict"},
        "leader": {"open table conflict", "open room conflict"},
    },
    "actions": {
        "facilitator": {"open action", "secret action"},
        "own scribe": {"open action"},
        "other scribe": {"open action"},
        "leader": {"open action"},
    },
    "interviews": {
        "facilitator": {"open interview", "secret interview"},
        "own scribe": None,
        "other scribe": None,
        "leader": {"open interview"},
    },
}


@pytest.mark.parametrize("kind", sorted(SEEN))
def test_each_role_reads_only_the_confidential_it_may(db, kind):
    room = _secrets(db)
    who = {
        "facilitator": room.facilitator,
        "own scribe": room.scribe1,
        "other scribe": room.scribe2,
        "leader": room.leader,
    }
    for role, expected in SEEN[kind].items():
        if expected is None:
            with pytest.raises(PermissionDenied):
                _read(db, room, who[role], kind)
        else:
            assert _read(db, room, who[role], kind) == expected, (kind, role)


def test_a_scribe_cannot_read_another_table_s_notes_at_all(db):
    room = _secrets(db)
    with pytest.raises(PermissionDenied):
        notes.list_notes(db, room.scribe2, room.meeting_id, room.table1_id)


def _counted(progress) -> int:
    return sum(row.total for row in progress)


def test_progress_by_group_counts_confidential_actions_only_for_a_facilitator(db):
    """Actions and Review count the plan per group: a count of confidential actions would
    tell a leader they exist, so only the facilitator's counts hold them; on Review, only
    when the facilitator includes confidential items, as its record and files do."""
    room = _secrets(db)
    today = date(2026, 1, 1)
    for actor, expected in ((room.facilitator, 2), (room.leader, 1)):
        on_actions = actions_screen.read(db, actor, room.initiative_id, today).progress
        on_review = review_screen.read(db, actor, room.meeting_id, True).progress
        assert _counted(on_actions) == _counted(on_review) == expected, actor.role
    for actor in (room.facilitator, room.leader):
        shared = review_screen.read(db, actor, room.meeting_id).progress
        assert _counted(shared) == 1, actor.role
    for actor, expected in ((room.facilitator, 2), (room.leader, 1), (room.scribe1, 1)):
        progress = action_followup.progress_by_group(db, actor, room.initiative_id)
        assert _counted(progress) == expected, actor.role
    for screen in (
        lambda: actions_screen.read(db, room.scribe1, room.initiative_id, today),
        lambda: review_screen.read(db, room.scribe1, room.meeting_id),
    ):
        with pytest.raises(PermissionDenied):  # a scribe opens neither screen
            screen()
