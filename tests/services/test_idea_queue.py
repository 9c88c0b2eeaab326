"""Pre-moderation: a step set to "approve before it shows" holds the tables' new ideas until
the facilitator approves them, and nothing the room sees shows one before that."""

import pytest

from db.models import AgendaItem, Meeting, Participant
from db.models.enums import IdeaStatus, VoteMode
from services.converge import voting_rounds
from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import PermissionDenied, ValidationError
from services.review import meeting_record
from services.room import idea_merge, idea_queue, ideas
from services.room.idea_flags import PHONE, PROFANITY, ROSTER_NAME
from tests.factories import build_elsewhere, build_room

pytestmark = pytest.mark.both_databases  # queue ordering and counts


def _premoderated_ideas_step(db, room):
    """The room on its ideas step, switched to approve-first by the facilitator."""
    with db.write() as s:
        s.get_one(Meeting, room.meeting_id).current_item_id = room.item_ids[1]
    idea_queue.set_premoderate(db, room.facilitator, room.item_ids[1], True)


def _room_sees(db, room):
    """Every way the room reads the board: the projector's list and its version, the report."""
    shown = [
        i.text
        for i in ideas.list_ideas(
            db, room.meeting_id, ideas.IdeaFilter(include_confidential=False), actor=SYSTEM
        )
    ]
    record = meeting_record.collect(db, room.leader, room.meeting_id)
    reported = list(record.frames["Ideas"]["Idea"])
    return shown, ideas.wall_version(db, SYSTEM, room.meeting_id)[0], reported


def test_a_table_idea_in_a_premoderated_step_waits_and_the_room_does_not_see_it(db):
    room = build_room(db)
    ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Shown before the switch")
    )
    _premoderated_ideas_step(db, room)
    waiting = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="More street lights")
    )
    assert waiting.status is IdeaStatus.PENDING
    assert _room_sees(db, room) == (["Shown before the switch"], 1, ["Shown before the switch"])
    # The scribe's own table board lists only what the room sees; the waiting list has it.
    board = ideas.list_ideas(
        db, room.meeting_id, ideas.IdeaFilter(table_id=room.table1_id), actor=room.scribe1
    )
    assert [i.text for i in board] == ["Shown before the switch"]
    assert [i.text for i in idea_queue.waiting_at_table(db, room.scribe1, room.table1_id)] == [
        "More street lights"
    ]


def test_approving_puts_the_idea_in_front_of_the_room_and_audits_it(db):
    room = build_room(db)
    _premoderated_ideas_step(db, room)
    waiting = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="More street lights")
    )
    before = ideas.wall_version(db, SYSTEM, room.meeting_id)
    approved = idea_queue.approve_idea(db, room.facilitator, waiting.id)
    assert approved.status is IdeaStatus.VISIBLE
    assert ideas.wall_version(db, SYSTEM, room.meeting_id) != before
    assert _room_sees(db, room) == (["More street lights"], 1, ["More street lights"])
    assert idea_queue.waiting_at_table(db, room.scribe1, room.table1_id) == []
    assert [e.action for e in history(db, SYSTEM, "idea", waiting.id)] == ["created", "approved"]


def test_rejecting_keeps_the_idea_hidden_with_its_history(db):
    room = build_room(db)
    _premoderated_ideas_step(db, room)
    waiting = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Call 206-555-0134")
    )
    assert idea_queue.reject_idea(db, room.facilitator, waiting.id).status is IdeaStatus.HIDDEN
    assert _room_sees(db, room) == ([], 0, [])
    kept = ideas.list_ideas(
        db, room.meeting_id, ideas.IdeaFilter(include_hidden=True), actor=room.facilitator
    )
    assert [(i.text, i.status) for i in kept] == [("Call 206-555-0134", IdeaStatus.HIDDEN)]
    assert [e.action for e in history(db, SYSTEM, "idea", waiting.id)] == ["created", "rejected"]
    assert idea_queue.approval_queue(db, room.facilitator, room.meeting_id) == []


def test_a_decided_idea_cannot_be_decided_again_the_other_way(db):
    room = build_room(db)
    _premoderated_ideas_step(db, room)
    waiting = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Lights")
    )
    idea_queue.approve_idea(db, room.facilitator, waiting.id)
    # A second tap on Approve changes nothing; Reject after it says why it cannot.
    assert idea_queue.approve_idea(db, room.facilitator, waiting.id).status is IdeaStatus.VISIBLE
    with pytest.raises(ValidationError, match="no longer waiting for approval"):
        idea_queue.reject_idea(db, room.facilitator, waiting.id)
    assert [e.action for e in history(db, SYSTEM, "idea", waiting.id)] == ["created", "approved"]


def test_approve_all_approves_only_this_meetings_waiting_ideas(db):
    room = build_room(db)
    _premoderated_ideas_step(db, room)
    first = ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="One"))
    second = ideas.add_idea(db, room.scribe2, ideas.NewIdea(table_id=room.table2_id, text="Two"))
    rejected = ideas.add_idea(
        db, room.scribe2, ideas.NewIdea(table_id=room.table2_id, text="Three")
    )
    idea_queue.reject_idea(db, room.facilitator, rejected.id)
    assert idea_queue.approve_all(db, room.facilitator, room.meeting_id) == 2
    assert _room_sees(db, room)[0] == ["One", "Two"]
    assert [e.action for e in history(db, SYSTEM, "idea", first.id)] == ["created", "approved"]
    assert [e.action for e in history(db, SYSTEM, "idea", second.id)] == ["created", "approved"]
    assert idea_queue.approve_all(db, room.facilitator, room.meeting_id) == 0


def test_approve_all_with_the_ideas_on_screen_leaves_a_newer_one_waiting(db):
    room = build_room(db)
    _premoderated_ideas_step(db, room)
    seen = ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Seen"))
    newer = ideas.add_idea(
        db, room.scribe2, ideas.NewIdea(table_id=room.table2_id, text="Arrived after the page drew")
    )
    assert idea_queue.approve_all(db, room.facilitator, room.meeting_id, [seen.id]) == 1
    queue = idea_queue.approval_queue(db, room.facilitator, room.meeting_id)
    assert [q.idea.id for q in queue] == [newer.id]


def test_the_queue_lists_waiting_ideas_oldest_first_with_their_flags_in_words(db):
    room = build_room(db)
    with db.write() as s:
        s.add(
            Participant(
                initiative_id=room.initiative_id,
                stakeholder_id=room.police_id,
                name="María López",
                code="code-maria",
            )
        )
    elsewhere = build_elsewhere(db)
    with db.write() as s:
        s.add(
            Participant(
                initiative_id=elsewhere.initiative_id,
                stakeholder_id=elsewhere.group_id,
                name="Other Person",
                code="code-other",
            )
        )
    _premoderated_ideas_step(db, room)
    ideas.add_idea(
        db,
        room.scribe1,
        ideas.NewIdea(table_id=room.table1_id, text="Ask Maria Lopez, 206-555-0134"),
    )
    ideas.add_idea(
        db,
        room.scribe2,
        ideas.NewIdea(table_id=room.table2_id, text="Esto es una mierda; Other Person agrees"),
    )
    queue = idea_queue.approval_queue(db, room.facilitator, room.meeting_id)
    assert [(q.idea.text, q.table_number) for q in queue] == [
        ("Ask Maria Lopez, 206-555-0134", 1),
        ("Esto es una mierda; Other Person agrees", 2),
    ]
    assert [(f.kind, f.reason) for f in queue[0].flags] == [
        (PHONE, "looks like a phone number: 206-555-0134"),
        (ROSTER_NAME, "names a person on the roster: María López"),
    ]
    # Another initiative's roster is not this room's: only the profanity is flagged.
    assert [f.kind for f in queue[1].flags] == [PROFANITY]


def test_only_a_facilitator_approves_rejects_switches_or_reads_the_queue(db):
    room = build_room(db)
    _premoderated_ideas_step(db, room)
    waiting = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Lights")
    )
    for actor in (room.scribe1, room.leader):
        with pytest.raises(PermissionDenied):
            idea_queue.approve_idea(db, actor, waiting.id)
        with pytest.raises(PermissionDenied):
            idea_queue.reject_idea(db, actor, waiting.id)
        with pytest.raises(PermissionDenied):
            idea_queue.approve_all(db, actor, room.meeting_id)
        with pytest.raises(PermissionDenied):
            idea_queue.approval_queue(db, actor, room.meeting_id)
        with pytest.raises(PermissionDenied):
            idea_queue.set_premoderate(db, actor, room.item_ids[1], False)
    hidden_too = ideas.IdeaFilter(include_hidden=True)
    assert ideas.list_ideas(db, room.meeting_id, hidden_too, actor=SYSTEM)[0].status is (
        IdeaStatus.PENDING
    )


def test_a_scribe_reads_only_their_own_tables_waiting_ideas(db):
    room = build_room(db)
    _premoderated_ideas_step(db, room)
    ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Lights"))
    with pytest.raises(PermissionDenied, match="scribe for table 2"):
        idea_queue.waiting_at_table(db, room.scribe2, room.table1_id)
    with pytest.raises(PermissionDenied, match="scribe for table 2"):
        idea_queue.table_ideas(db, room.scribe2, room.table1_id, {1})
    assert [i.text for i in idea_queue.waiting_at_table(db, room.facilitator, room.table1_id)] == [
        "Lights"
    ]


def test_the_switch_follows_the_step_the_room_is_on_and_is_audited(db):
    room = build_room(db)
    idea_queue.set_premoderate(db, room.facilitator, room.item_ids[1], True)
    # The room is still on the listening step, which shows ideas at once.
    assert (
        ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Now")).status
        is IdeaStatus.VISIBLE
    )
    with db.write() as s:
        s.get_one(Meeting, room.meeting_id).current_item_id = room.item_ids[1]
    assert (
        ideas.add_idea(
            db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Later")
        ).status
        is IdeaStatus.PENDING
    )
    idea_queue.set_premoderate(db, room.facilitator, room.item_ids[1], False)
    assert (
        ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Free")).status
        is IdeaStatus.VISIBLE
    )
    with db.read() as s:
        assert s.get_one(AgendaItem, room.item_ids[1]).premoderate is False
    assert [
        (e.action, e.detail["premoderate"])
        for e in history(db, SYSTEM, "agenda_item", room.item_ids[1])
    ] == [
        ("premoderate", True),
        ("premoderate", False),
    ]


def test_the_facilitators_own_idea_needs_no_approval(db):
    room = build_room(db)
    _premoderated_ideas_step(db, room)
    mine = ideas.add_idea(
        db,
        room.facilitator,
        ideas.NewIdea(table_id=None, text="From the front", meeting_id=room.meeting_id),
    )
    assert mine.status is IdeaStatus.VISIBLE


def test_a_scribe_rewording_a_shown_idea_sends_it_back_for_approval(db):
    room = build_room(db)
    _premoderated_ideas_step(db, room)
    idea = ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Lights"))
    idea_queue.approve_idea(db, room.facilitator, idea.id)
    same = ideas.update_idea(db, room.scribe1, idea.id, ideas.IdeaFields(text="Lights"))
    assert same.status is IdeaStatus.VISIBLE
    changed = ideas.update_idea(
        db, room.scribe1, idea.id, ideas.IdeaFields(text="Lights, and a phone: 206-555-0134")
    )
    assert changed.status is IdeaStatus.PENDING
    assert _room_sees(db, room)[:2] == ([], 0)
    # The facilitator's own rewording is already approved.
    idea_queue.approve_idea(db, room.facilitator, idea.id)
    fixed = ideas.update_idea(
        db, room.facilitator, idea.id, ideas.IdeaFields(text="Lights on Pine Street")
    )
    assert fixed.status is IdeaStatus.VISIBLE


def test_a_waiting_idea_goes_on_no_ballot_and_takes_no_merge(db):
    room = build_room(db)
    _premoderated_ideas_step(db, room)
    waiting = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Lights")
    )
    shown = ideas.add_idea(
        db, room.facilitator, ideas.NewIdea(table_id=None, text="Lamps", meeting_id=room.meeting_id)
    )
    with pytest.raises(ValidationError, match=r"waiting for approval\. Approve it before voting"):
        voting_rounds.create_round(
            db,
            room.facilitator,
            room.meeting_id,
            voting_rounds.NewRound(title="R", mode=VoteMode.DOTS, idea_ids=[waiting.id]),
        )
    with pytest.raises(ValidationError, match=r"waiting for approval\. Approve it first"):
        idea_merge.merge_ideas(db, room.facilitator, waiting.id, [shown.id])
    assert ideas.list_ideas(db, room.meeting_id, actor=SYSTEM)[0].status is IdeaStatus.VISIBLE


def test_the_facilitators_private_record_names_waiting_ideas_as_such(db):
    room = build_room(db)
    _premoderated_ideas_step(db, room)
    ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Lights"))
    record = meeting_record.collect(db, room.facilitator, room.meeting_id, include_private=True)
    frame = record.frames["Ideas"]
    assert list(zip(frame["Idea"], frame["Status"], strict=True)) == [
        ("Lights", "Waiting for approval")
    ]


def test_a_scribe_learns_what_became_of_the_ideas_that_waited(db):
    room = build_room(db)
    _premoderated_ideas_step(db, room)
    kept = ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Lights"))
    dropped = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Call 206-555-0134")
    )
    other = ideas.add_idea(db, room.scribe2, ideas.NewIdea(table_id=room.table2_id, text="Benches"))
    idea_queue.approve_idea(db, room.facilitator, kept.id)
    idea_queue.reject_idea(db, room.facilitator, dropped.id)
    decided = idea_queue.table_ideas(
        db, room.scribe1, room.table1_id, {kept.id, dropped.id, other.id}
    )
    # Another table's idea is not told to this scribe, even when asked for by id.
    assert [(i.text, i.status) for i in decided] == [
        ("Lights", IdeaStatus.VISIBLE),
        ("Call 206-555-0134", IdeaStatus.HIDDEN),
    ]
