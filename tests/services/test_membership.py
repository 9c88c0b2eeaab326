"""Who sees what: a leader or a scribe reads their own initiatives and nobody else's."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import select

from db.database import Database
from db.models import (
    Account,
    ActionItem,
    AgendaComment,
    Charter,
    Conflict,
    Idea,
    ListeningNote,
    Meeting,
    MeetingTable,
    Option,
    VotingRound,
)
from services.act import action_followup, actions, plan_export
from services.agenda import agenda, agenda_review
from services.converge import tallies, voting_items, voting_reveal, voting_rounds
from services.core import audit, membership
from services.core.actors import SYSTEM, Actor
from services.core.errors import PermissionDenied
from services.core.vocab import Role
from services.partner import (
    charter_commitments,
    charter_pdf,
    charter_screen,
    charter_signoff,
    charters,
)
from services.prepare import imported_credit, interviews, presession_report, surveys
from services.resolve import conflict_parties, conflicts
from services.review import meeting_report, meeting_sheets, trust_pulse
from services.room import ideas, notes, room_control, spotlight, themes, voice
from services.setup import initiatives, meetings, stakeholders, tables
from services.solve import option_citations, option_ratings, options
from tests.factories import Room, build_elsewhere, build_room

pytestmark = pytest.mark.both_databases  # who sees what is filtered by joins in SQL

REFUSED = "not one of yours"


@dataclass(frozen=True)
class Place:
    """The ids a read is called with: an initiative, its meeting, and a table of it."""

    initiative_id: int
    meeting_id: int
    table_id: int


def fill(db, room: Room) -> None:
    """One of everything in the room's initiative, so each read of it has something to show."""
    fac = room.facilitator
    with db.write() as s:
        s.add(ListeningNote(meeting_id=room.meeting_id, table_id=room.table1_id, said="Heard"))
        s.add(Idea(meeting_id=room.meeting_id, table_id=room.table1_id, text="Triage line"))
        s.add(AgendaComment(agenda_item_id=room.item_ids[0], author="Lead", text="Longer?"))
    themes.create_theme(db, fac, room.meeting_id, "Speed")
    options.create_option(db, fac, room.meeting_id, options.OptionFields(title="Co-responders"))
    conflicts.create_conflict(
        db, fac, room.meeting_id, conflicts.ConflictFields(issue="Response times")
    )
    board = ideas.list_ideas(db, room.meeting_id, actor=SYSTEM)
    rnd = voting_rounds.create_round(
        db,
        fac,
        room.meeting_id,
        voting_rounds.NewRound(title="First", mode="dots", idea_ids=[i.id for i in board]),
    )
    voting_rounds.open_round(db, fac, rnd.id)
    actions.create_action(
        db,
        fac,
        room.initiative_id,
        actions.ActionFields(title="Publish times", due_on=date(2020, 1, 1)),
    )
    charters.new_version(
        db, fac, room.initiative_id, charters.CharterFields(mission="Safer responses")
    )
    interviews.create_interview(
        db,
        fac,
        room.initiative_id,
        interviews.InterviewFields(interviewee="Chief", notes="Wants data"),
    )
    initiatives.set_trust_statements(db, fac, room.initiative_id, ["Police listen"])


def nonempty(result) -> bool:
    return bool(result)


# Every read a leader reaches on Prepare, Agenda, Converge, Charter, Actions and Review
# with an initiative or meeting id, and what it shows of the leader's own initiative.
LEADER_READS = {
    "initiative": (
        lambda db, a, p: initiatives.get_initiative(db, p.initiative_id, actor=a),
        lambda r: r.name == "Test City Initiative",
    ),
    "meetings": (lambda db, a, p: meetings.meetings_for(db, a, p.initiative_id), nonempty),
    "meeting": (
        lambda db, a, p: meetings.get_meeting(db, p.meeting_id, actor=a),
        lambda r: r.title == "Meeting",
    ),
    "pre-session report": (
        lambda db, a, p: presession_report.presession_report(db, a, p.initiative_id),
        lambda r: [i.interviewee for i in r.interviews] == ["Chief"],
    ),
    "survey responses": (
        lambda db, a, p: surveys.list_responses(db, a, p.initiative_id),
        lambda r: r == [],
    ),
    "interviews": (lambda db, a, p: interviews.list_interviews(db, a, p.initiative_id), nonempty),
    "trust pulse": (
        lambda db, a, p: trust_pulse.trust_pulse(db, a, p.initiative_id),
        lambda r: {c.statement for c in r} <= {"Police listen"},
    ),
    "agenda": (lambda db, a, p: agenda.list_agenda(db, p.meeting_id, actor=a), nonempty),
    "agenda approval": (
        lambda db, a, p: agenda_review.approval_status(db, a, p.meeting_id),
        lambda r: r.approved is False,
    ),
    "agenda comments": (
        lambda db, a, p: agenda_review.comments(db, a, p.meeting_id),
        lambda r: any(r.values()),
    ),
    "voting rounds": (lambda db, a, p: voting_rounds.list_rounds(db, a, p.meeting_id), nonempty),
    "round on screen": (
        lambda db, a, p: voting_rounds.round_to_show(db, p.meeting_id, actor=a),
        lambda r: r.title == "First",
    ),
    "ideas": (lambda db, a, p: ideas.list_ideas(db, p.meeting_id, actor=a), nonempty),
    "themes": (lambda db, a, p: themes.list_themes(db, a, p.meeting_id), nonempty),
    "charter versions": (lambda db, a, p: charters.list_versions(db, a, p.initiative_id), nonempty),
    "latest charter": (
        lambda db, a, p: charters.latest_charter(db, a, p.initiative_id),
        lambda r: r.version == 1,
    ),
    "charter sign-off": (
        lambda db, a, p: charter_signoff.signoff_status(db, a, p.initiative_id),
        nonempty,
    ),
    "charter PDF": (
        lambda db, a, p: charter_pdf.charter_pdf(db, a, p.initiative_id),
        lambda r: r.startswith(b"%PDF"),
    ),
    "actions": (lambda db, a, p: actions.list_actions(db, a, p.initiative_id), nonempty),
    "overdue actions": (
        lambda db, a, p: action_followup.overdue(db, a, p.initiative_id, date(2026, 1, 1)),
        nonempty,
    ),
    "progress by group": (
        lambda db, a, p: action_followup.progress_by_group(db, a, p.initiative_id),
        nonempty,
    ),
    "plan CSV": (
        lambda db, a, p: plan_export.plan_csv(db, a, p.initiative_id),
        lambda r: b"Publish times" in r,
    ),
    "plan Excel": (
        lambda db, a, p: plan_export.plan_xlsx(db, a, p.initiative_id),
        lambda r: r.startswith(b"PK"),
    ),
    "notes": (lambda db, a, p: notes.list_notes(db, a, p.meeting_id), nonempty),
    "conflicts": (lambda db, a, p: conflicts.list_conflicts(db, a, p.meeting_id), nonempty),
    "voice balance": (
        lambda db, a, p: voice.voice_summary(db, a, p.meeting_id),
        lambda r: r.shares is not None,
    ),
    "meeting report": (
        lambda db, a, p: meeting_report.meeting_report_pdf(db, a, p.meeting_id),
        lambda r: r.startswith(b"%PDF"),
    ),
    "tables zip": (
        lambda db, a, p: meeting_sheets.tables_zip(db, a, p.meeting_id),
        lambda r: r.startswith(b"PK"),
    ),
    "tables Excel": (
        lambda db, a, p: meeting_sheets.tables_xlsx(db, a, p.meeting_id),
        lambda r: r.startswith(b"PK"),
    ),
    "room state": (
        lambda db, a, p: room_control.room_state(db, p.meeting_id, actor=a),
        lambda r: r.current.title == "Listen",
    ),
    "groups": (lambda db, a, p: stakeholders.list_stakeholders(db, a, p.initiative_id), nonempty),
    "tables": (lambda db, a, p: tables.list_tables(db, a, p.meeting_id), nonempty),
    "voice shares": (lambda db, a, p: voice.voice_balance(db, a, p.meeting_id), nonempty),
    "projector's round": (
        lambda db, a, p: voting_reveal.round_on_screen(db, a, p.meeting_id),
        lambda r: r.title == "First",
    ),
    "room's charter": (
        lambda db, a, p: charter_screen.charter_for_room(db, a, p.meeting_id),
        lambda r: r is not None,
    ),
    "spotlight": (lambda db, a, p: spotlight.spotlight(db, a, p.meeting_id), lambda r: r is None),
    "wall version": (
        lambda db, a, p: ideas.wall_version(db, a, p.meeting_id),
        lambda r: r[0] == 1,
    ),
}

# Every read a scribe reaches on Listen, Ideas, Solve and Conflicts.
SCRIBE_READS = {
    name: LEADER_READS[name]
    for name in (
        "initiative",
        "meetings",
        "meeting",
        "room state",
        "ideas",
        "themes",
        "round on screen",
        "conflicts",
        "groups",
        "tables",
        "spotlight",
        "wall version",
    )
} | {
    "own table's notes": (
        lambda db, a, p: notes.list_notes(db, a, p.meeting_id, p.table_id),
        nonempty,
    ),
    "options": (lambda db, a, p: options.list_options(db, a, p.meeting_id), nonempty),
    "option ratings": (
        lambda db, a, p: option_ratings.ratings_summary(db, a, p.meeting_id),
        nonempty,
    ),
}


@dataclass(frozen=True)
class World:
    """The room with one of everything (`fill`), and another initiative with the same
    records (`fill_elsewhere`): what every read below is tried on."""

    db: Database
    room: Room
    mine: Place
    theirs: Place


@pytest.fixture(scope="module")
def world(module_db: Database) -> Iterator[World]:
    """Built once per module and database: the reads below only read it (no download
    among them writes an audit entry)."""
    room, mine, theirs = places(module_db)
    fill_elsewhere(module_db, room.facilitator, theirs.meeting_id, theirs.initiative_id)
    yield World(module_db, room, mine, theirs)


def places(db):
    room = build_room(db)
    fill(db, room)
    other = build_elsewhere(db)
    # So that the facilitator's read of it has a charter to print, like the room's.
    charters.new_version(
        db,
        room.facilitator,
        other.initiative_id,
        charters.CharterFields(mission="Elsewhere's charter"),
    )
    mine = Place(room.initiative_id, room.meeting_id, room.table1_id)
    theirs = Place(other.initiative_id, other.meeting_id, other.table_id)
    return room, mine, theirs


# Reads that reach a record by its own id: the record's initiative decides.
RECORD_READS = {
    "ballot": (lambda db, a, r: voting_items.round_items(db, a, r["round"]), nonempty),
    "round results": (
        lambda db, a, r: tallies.results(db, a, r["round"]),
        lambda x: len(x.totals) == 1,
    ),
    "round credit": (
        lambda db, a, r: imported_credit.round_credit(db, a, r["round"]),
        lambda x: x is None,
    ),
    "action updates": (
        lambda db, a, r: action_followup.updates(db, a, r["action"]),
        lambda x: x == [],
    ),
    "charter version": (
        lambda db, a, r: charters.get_charter(db, a, r["charter"]),
        lambda x: x.version == 1,
    ),
    "commitments": (
        lambda db, a, r: charter_commitments.commitments(db, a, r["charter"]),
        lambda x: x == [],
    ),
    "signatures": (
        lambda db, a, r: charter_signoff.signatures(db, a, r["charter"]),
        lambda x: x == [],
    ),
    "conflict sides": (
        lambda db, a, r: conflict_parties.list_parties(db, a, r["conflict"]),
        lambda x: x == [],
    ),
    "citations": (
        lambda db, a, r: option_citations.citations(db, a, r["option"]),
        lambda x: x == [],
    ),
}


def records(db, meeting_id: int) -> dict[str, int]:
    """The id of the first of each kind of record in the meeting (or its initiative)."""
    with db.read() as s:
        initiative_id = s.get_one(Meeting, meeting_id).initiative_id
        first = {
            "round": select(VotingRound.id).where(VotingRound.meeting_id == meeting_id),
            "conflict": select(Conflict.id).where(Conflict.meeting_id == meeting_id),
            "option": select(Option.id).where(Option.meeting_id == meeting_id),
            "action": select(ActionItem.id).where(ActionItem.initiative_id == initiative_id),
            "charter": select(Charter.id).where(Charter.initiative_id == initiative_id),
        }
        return {kind: s.scalars(query.order_by("id")).first() for kind, query in first.items()}


def fill_elsewhere(db, fac, meeting_id: int, initiative_id: int) -> None:
    """The records of `fill` in the other initiative too (its charter `places` makes)."""
    idea = ideas.add_idea(
        db, fac, ideas.NewIdea(table_id=None, text="Their idea", meeting_id=meeting_id)
    )
    rnd = voting_rounds.create_round(
        db, fac, meeting_id, voting_rounds.NewRound(title="Theirs", mode="dots", idea_ids=[idea.id])
    )
    voting_rounds.open_round(db, fac, rnd.id)
    conflicts.create_conflict(db, fac, meeting_id, conflicts.ConflictFields(issue="Their conflict"))
    options.create_option(db, fac, meeting_id, options.OptionFields(title="Their option"))
    actions.create_action(db, fac, initiative_id, actions.ActionFields(title="Their action"))


@pytest.mark.parametrize("read", sorted(RECORD_READS))
@pytest.mark.parametrize("who", ["leader", "scribe1"])
def test_a_read_of_a_record_by_its_id_is_refused_outside_the_reader_s_initiatives(
    world: World, read, who
):
    db, room, mine, theirs = world.db, world.room, world.mine, world.theirs
    call, shows = RECORD_READS[read]
    assert shows(call(db, getattr(room, who), records(db, mine.meeting_id)))
    with pytest.raises(PermissionDenied, match=REFUSED):
        call(db, getattr(room, who), records(db, theirs.meeting_id))
    call(db, room.facilitator, records(db, theirs.meeting_id))


def test_a_confidential_record_s_details_stay_with_those_who_may_read_it(db):
    room = build_room(db)
    fac = room.facilitator
    action = actions.create_action(
        db, fac, room.initiative_id, actions.ActionFields(title="Quiet", confidential=True)
    )
    conflict = conflicts.create_conflict(
        db,
        room.scribe1,
        room.meeting_id,
        conflicts.ConflictFields(issue="Quiet", confidential=True),
        room.table1_id,
    )
    assert action_followup.updates(db, fac, action.id) == []
    assert conflict_parties.list_parties(db, room.scribe1, conflict.id) == []
    with pytest.raises(PermissionDenied, match="confidential"):
        action_followup.updates(db, room.leader, action.id)
    for reader in (room.leader, room.scribe2):
        with pytest.raises(PermissionDenied, match="confidential"):
            conflict_parties.list_parties(db, reader, conflict.id)
    # The audit trail keeps the words of confidential and deleted records: facilitators'.
    assert audit.history(db, fac, "conflict", conflict.id)
    for reader in (room.leader, room.scribe1):
        with pytest.raises(PermissionDenied, match="Only a facilitator"):
            audit.history(db, reader, "conflict", conflict.id)


@pytest.mark.parametrize("read", sorted(LEADER_READS))
def test_a_leader_reads_their_own_initiative_and_is_refused_another(world: World, read):
    db, room, mine, theirs = world.db, world.room, world.mine, world.theirs
    call, shows = LEADER_READS[read]
    assert shows(call(db, room.leader, mine))
    with pytest.raises(PermissionDenied, match=REFUSED):
        call(db, room.leader, theirs)
    # A facilitator belongs everywhere: the same read of the other initiative works.
    call(db, room.facilitator, theirs)


@pytest.mark.parametrize("read", sorted(SCRIBE_READS))
def test_a_scribe_reads_their_own_initiative_and_is_refused_another(world: World, read):
    db, room, mine, theirs = world.db, world.room, world.mine, world.theirs
    call, shows = SCRIBE_READS[read]
    assert shows(call(db, room.scribe1, mine))
    with pytest.raises(PermissionDenied, match=REFUSED):
        call(db, room.scribe1, theirs)


def test_a_leader_belongs_to_the_initiative_of_the_group_they_speak_for(db):
    room = build_room(db)
    other = build_elsewhere(db)
    with db.read() as s:
        assert membership.member_initiative_ids(s, room.leader) == {room.initiative_id}
        assert membership.is_member(s, room.leader, room.initiative_id)
        assert not membership.is_member(s, room.leader, other.initiative_id)


def test_a_leader_moved_to_another_group_follows_it_at_once(db):
    room = build_room(db)
    other = build_elsewhere(db)
    with db.write() as s:
        s.get_one(Account, room.leader.account_id).stakeholder_id = other.group_id
    with db.read() as s:
        assert membership.member_initiative_ids(s, room.leader) == {other.initiative_id}


def test_a_leader_with_no_group_belongs_nowhere_and_is_told_why(db):
    room = build_room(db)
    with db.write() as s:
        s.get_one(Account, room.leader.account_id).stakeholder_id = None
    with db.read() as s:
        assert membership.member_initiative_ids(s, room.leader) == set()
        with pytest.raises(PermissionDenied, match="the initiative of the group they speak for"):
            membership.require_member(s, room.leader, room.initiative_id)


def test_a_scribe_belongs_to_every_initiative_where_they_scribe_a_table(db):
    room = build_room(db)
    other = build_elsewhere(db)
    with db.read() as s:
        assert membership.member_initiative_ids(s, room.scribe1) == {room.initiative_id}
    with db.write() as s:
        s.get_one(MeetingTable, other.table_id).scribe_account_id = room.scribe1.account_id
    with db.read() as s:
        assert membership.member_initiative_ids(s, room.scribe1) == {
            room.initiative_id,
            other.initiative_id,
        }
        # The other scribe of the room was not given that table.
        assert not membership.is_member(s, room.scribe2, other.initiative_id)


def test_a_scribe_reads_a_meeting_of_their_initiative_where_they_have_no_table(db):
    room = build_room(db)
    follow_up = meetings.create_meeting(
        db, room.facilitator, room.initiative_id, meetings.MeetingFields(title="Follow-up")
    )
    assert themes.list_themes(db, room.scribe1, follow_up.id) == []
    with db.read() as s:
        membership.require_meeting_member(s, room.scribe1, follow_up.id)


def test_a_scribe_keeps_an_initiative_whose_meeting_was_archived(db):
    room = build_room(db)
    room_control.close_meeting(db, room.facilitator, room.meeting_id)
    meetings.archive_meeting(db, room.facilitator, room.meeting_id)
    with db.read() as s:
        assert membership.is_member(s, room.scribe1, room.initiative_id)


def test_a_scribe_with_no_table_belongs_nowhere_and_is_told_why(db):
    room = build_room(db)
    with db.write() as s:
        for table_id in (room.table1_id, room.table2_id):
            s.get_one(MeetingTable, table_id).scribe_account_id = None
    with db.read() as s:
        assert membership.member_initiative_ids(s, room.scribe1) == set()
        with pytest.raises(PermissionDenied, match="where they scribe a table"):
            membership.require_member(s, room.scribe1, room.initiative_id)


def test_a_facilitator_belongs_everywhere_without_a_query(db):
    room = build_room(db)
    other = build_elsewhere(db)
    with db.read() as s:
        assert membership.member_initiative_ids(s, room.facilitator) is None
        assert membership.is_member(s, room.facilitator, other.initiative_id)
        membership.require_meeting_member(s, room.facilitator, other.meeting_id)


def test_a_meeting_that_does_not_exist_is_refused_to_a_leader_like_another_initiative(db):
    room = build_room(db)
    with db.read() as s, pytest.raises(PermissionDenied, match=REFUSED):
        membership.require_meeting_member(s, room.leader, 999)


def test_an_account_less_leader_belongs_nowhere(db):
    build_room(db)
    nobody = Actor(None, Role.LEADER, "Ghost")
    with db.read() as s:
        assert membership.member_initiative_ids(s, nobody) == set()
