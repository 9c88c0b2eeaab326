"""The roster: who takes part, in which group, at which table, and who sees their contacts."""

from collections import Counter

import pytest

from db.models import ActionItem, Meeting, Participant, Stakeholder
from db.models.enums import StakeholderCategory as Cat
from db.models.enums import VoteMode
from services.act import actions
from services.converge import tallies, voting_ballots, voting_items, voting_rounds
from services.core import codes
from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import NotFound, PermissionDenied, ValidationError
from services.prepare import interviews, surveys
from services.room import ideas
from services.setup import participants
from services.setup.participants import ParticipantFields as PF
from tests.factories import Room, build_elsewhere, build_room

pytestmark = pytest.mark.both_databases  # codes and emails unique; ordered by name


def _add(db, room: Room, **extra):
    fields = {"name": "Ana", "stakeholder_id": room.police_id} | extra
    return participants.create_participant(db, room.facilitator, room.initiative_id, PF(**fields))


def test_creates_a_participant_with_an_unguessable_code_and_audits_it(db):
    room = build_room(db)
    person = _add(
        db,
        room,
        name=" Ana Ruiz ",
        email=" ana@example.org ",
        phone=" 555 ",
        notes="Uses a wheelchair",
        table_id=room.table2_id,
    )
    assert (person.name, person.email, person.phone) == ("Ana Ruiz", "ana@example.org", "555")
    assert person.table_id == room.table2_id
    assert codes.is_new_style(person.code)
    assert _add(db, room, name="Bo").code != person.code
    assert [e.action for e in history(db, SYSTEM, "participant", person.id)] == ["created"]


def test_finds_a_participant_by_code_ignoring_surrounding_spaces(db):
    room = build_room(db)
    person = _add(db, room)
    found = participants.participant_by_code(db, f"  {person.code}\n")
    assert found is not None and found.id == person.id
    assert participants.participant_by_code(db, "no-such-code") is None


@pytest.mark.parametrize("empty", ["", "   ", None])
def test_an_empty_code_finds_nobody(db, empty):
    build_room(db)
    assert participants.participant_by_code(db, empty) is None


@pytest.mark.parametrize("bad", ["", "  "])
def test_refuses_an_empty_name(db, bad):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Name is empty"):
        _add(db, room, name=bad)


def test_refuses_an_email_that_is_not_an_address(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="not an email address"):
        _add(db, room, email="ana at home")


def test_refuses_a_phone_over_forty_characters(db):
    room = build_room(db)
    _add(db, room, phone="1" * 40)
    with pytest.raises(ValidationError, match="Phone is 41 characters"):
        _add(db, room, phone="1" * 41)


def test_refuses_over_long_notes(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Notes is 2,001 characters"):
        _add(db, room, notes="n" * 2001)


def test_refuses_a_group_of_another_initiative(db):
    room = build_room(db)
    other = build_elsewhere(db)
    group_id, _ = other.group_id, other.table_id
    with pytest.raises(ValidationError, match="Others is a group of another initiative"):
        _add(db, room, stakeholder_id=group_id)


def test_refuses_a_table_of_another_initiatives_meeting(db):
    room = build_room(db)
    other = build_elsewhere(db)
    _, table_id = other.group_id, other.table_id
    with pytest.raises(ValidationError, match="Table 7 is in a meeting of another initiative"):
        _add(db, room, table_id=table_id)


def test_names_an_unknown_initiative_group_or_table(db):
    room = build_room(db)
    with pytest.raises(NotFound, match="No initiative with id 999"):
        participants.create_participant(
            db, room.facilitator, 999, PF(name="Ana", stakeholder_id=room.police_id)
        )
    with pytest.raises(NotFound, match="No stakeholder group with id 999"):
        _add(db, room, stakeholder_id=999)
    with pytest.raises(NotFound, match="No table with id 999"):
        _add(db, room, table_id=999)


def test_only_a_facilitator_may_change_the_roster(db):
    room = build_room(db)
    pid = room.participant_ids[0]
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        participants.create_participant(
            db, room.scribe1, room.initiative_id, PF(name="X", stakeholder_id=room.police_id)
        )
    with pytest.raises(PermissionDenied):
        participants.update_participant(
            db, room.leader, pid, PF(name="X", stakeholder_id=room.police_id)
        )
    with pytest.raises(PermissionDenied):
        participants.remove_participant(db, room.leader, pid)
    with pytest.raises(PermissionDenied):
        participants.assign_table(db, room.scribe1, pid, None)
    with pytest.raises(PermissionDenied):
        participants.add_walk_in(
            db, room.scribe1, room.meeting_id, PF(name="X", stakeholder_id=room.police_id)
        )
    with pytest.raises(PermissionDenied):
        participants.mark_present(db, room.leader, pid, room.meeting_id)
    with pytest.raises(PermissionDenied):
        participants.get_participant(db, room.leader, pid)


def test_updates_a_participant_and_keeps_their_code(db):
    room = build_room(db)
    person = _add(db, room)
    changed = participants.update_participant(
        db,
        room.facilitator,
        person.id,
        PF(name="Ana R", stakeholder_id=room.residents_id, email="a@b.org", phone="1", notes="n"),
    )
    assert (changed.name, changed.stakeholder_id, changed.email) == (
        "Ana R",
        room.residents_id,
        "a@b.org",
    )
    assert changed.code == person.code
    found = participants.participant_by_code(db, person.code)
    assert found is not None and found.name == "Ana R"
    assert [e.action for e in history(db, SYSTEM, "participant", person.id)] == [
        "created",
        "updated",
    ]


def test_a_language_is_kept_as_its_code_left_alone_when_not_given_and_refused_when_unknown(db):
    room = build_room(db)
    assert _add(db, room).language == "en"
    person = _add(db, room, name="Lucía", language="Español")
    assert person.language == "es"
    same = PF(name="Lucía P", stakeholder_id=room.police_id)
    assert participants.update_participant(db, room.facilitator, person.id, same).language == "es"
    english = PF(name="Lucía P", stakeholder_id=room.police_id, language="en")
    assert (
        participants.update_participant(db, room.facilitator, person.id, english).language == "en"
    )
    with pytest.raises(ValidationError, match=r"Klingon.*English / Español"):
        _add(db, room, name="Worf", language="Klingon")
    assert [
        p.name
        for p in participants.list_participants(db, room.facilitator, room.initiative_id)
        if p.name == "Worf"
    ] == []


def test_update_refuses_a_group_of_another_initiative(db):
    room = build_room(db)
    other = build_elsewhere(db)
    group_id, _ = other.group_id, other.table_id
    pid = room.participant_ids[0]
    with pytest.raises(ValidationError, match="another initiative"):
        participants.update_participant(
            db, room.facilitator, pid, PF(name="X", stakeholder_id=group_id)
        )


def test_assigns_and_clears_a_table(db):
    room = build_room(db)
    pid = room.participant_ids[0]
    assert participants.assign_table(db, room.facilitator, pid, room.table2_id).table_id == (
        room.table2_id
    )
    assert participants.assign_table(db, room.facilitator, pid, None).table_id is None
    actions = [e.action for e in history(db, SYSTEM, "participant", pid)]
    assert actions == ["table_assigned", "table_assigned"]


def test_assign_table_refuses_a_table_of_another_initiative(db):
    room = build_room(db)
    other = build_elsewhere(db)
    _, table_id = other.group_id, other.table_id
    with pytest.raises(ValidationError, match="another initiative"):
        participants.assign_table(db, room.facilitator, room.participant_ids[0], table_id)


def test_removing_someone_who_left_nothing_behind_deletes_them(db):
    room = build_room(db)
    pid = room.participant_ids[0]
    removal = participants.remove_participant(db, room.facilitator, pid)
    assert (removal.name, removal.deleted, removal.kept) == ("P0", True, ())
    ids = [p.id for p in participants.list_participants(db, room.facilitator, room.initiative_id)]
    assert pid not in ids
    assert [e.action for e in history(db, SYSTEM, "participant", pid)] == ["deleted"]
    with pytest.raises(NotFound, match="No participant with id"):
        participants.remove_participant(db, room.facilitator, pid)


def test_a_facilitator_sees_contact_details_in_the_roster(db):
    room = build_room(db)
    person = _add(db, room, name="Zoe", email="z@x.org", phone="555", notes="Private")
    roster = participants.list_participants(db, room.facilitator, room.initiative_id)
    assert [p.name for p in roster] == ["P0", "P1", "P2", "P3", "Zoe"]
    zoe = roster[-1]
    assert (zoe.email, zoe.phone, zoe.notes, zoe.code) == ("z@x.org", "555", "Private", person.code)


@pytest.mark.parametrize("who", ["scribe1", "leader"])
def test_others_see_the_roster_without_contacts_notes_or_codes_and_nothing_is_erased(db, who):
    room = build_room(db)
    person = _add(
        db, room, name="Zoe", email="z@x.org", phone="555", notes="Private", table_id=room.table1_id
    )
    zoe = participants.list_participants(db, getattr(room, who), room.initiative_id)[-1]
    assert (zoe.id, zoe.name, zoe.stakeholder_id, zoe.table_id) == (
        person.id,
        "Zoe",
        room.police_id,
        room.table1_id,
    )
    assert (zoe.email, zoe.phone, zoe.notes, zoe.code) == ("", "", "", "")
    stored = participants.participant_by_code(db, person.code)
    assert stored is not None
    assert (stored.email, stored.phone, stored.notes) == ("z@x.org", "555", "Private")


def test_people_marked_absent_keep_that_mark_in_the_roster_others_see(db):
    room = build_room(db)
    with db.write() as s:
        s.get_one(Participant, room.participant_ids[1]).absent = True
    roster = participants.list_participants(db, room.leader, room.initiative_id)
    assert [p.absent for p in roster] == [False, True, False, False]


# Add one at the door.


def _seat_counts(db, room):
    people = participants.list_participants(db, room.facilitator, room.initiative_id, True)
    return Counter(p.table_id for p in people)


def test_a_walk_in_gets_the_table_with_the_fewest_people_and_a_code(db):
    room = build_room(db)
    participants.assign_table(db, room.facilitator, room.participant_ids[3], room.table1_id)
    seated = participants.add_walk_in(
        db,
        room.facilitator,
        room.meeting_id,
        PF(name=" Walk In ", stakeholder_id=room.residents_id, email="w@x.org", phone="555"),
    )
    person = seated.participant
    assert (person.name, person.email, person.phone) == ("Walk In", "w@x.org", "555")
    assert seated.table is not None
    assert (seated.table.id, seated.table.number) == (room.table2_id, 2)
    assert person.table_id == room.table2_id and codes.is_new_style(person.code)
    found = participants.participant_by_code(db, person.code)
    assert found is not None and found.id == person.id
    assert [e.action for e in history(db, SYSTEM, "participant", person.id)] == ["walk_in"]
    assert _seat_counts(db, room) == {room.table1_id: 3, room.table2_id: 2}


def test_between_equal_tables_a_walk_in_goes_where_their_group_is_least_represented(db):
    room = build_room(db)
    # Table 1: two police; table 2: two residents. A police walk-in goes to table 2.
    participants.assign_table(db, room.facilitator, room.participant_ids[1], room.table2_id)
    participants.assign_table(db, room.facilitator, room.participant_ids[2], room.table1_id)
    police = participants.add_walk_in(
        db, room.facilitator, room.meeting_id, PF(name="Cop", stakeholder_id=room.police_id)
    )
    assert police.table is not None and police.table.number == 2
    residents = participants.add_walk_in(
        db,
        room.facilitator,
        room.meeting_id,
        PF(name="Neighbour", stakeholder_id=room.residents_id),
    )
    assert residents.table is not None and residents.table.number == 1


def test_a_seat_left_by_someone_absent_is_free_for_a_walk_in(db):
    room = build_room(db)
    with db.write() as s:
        for pid in room.participant_ids[:2]:  # both of table 1
            s.get_one(Participant, pid).absent = True
    seated = participants.add_walk_in(
        db, room.facilitator, room.meeting_id, PF(name="New", stakeholder_id=room.police_id)
    )
    assert seated.table is not None and seated.table.id == room.table1_id


def test_a_walk_in_to_a_meeting_without_tables_is_added_unseated(db):
    room = build_room(db)
    with db.write() as s:
        meeting = Meeting(initiative_id=room.initiative_id, title="Later", code="later-code")
        s.add(meeting)
        s.flush()
        later = meeting.id
    seated = participants.add_walk_in(
        db, room.facilitator, later, PF(name="Early bird", stakeholder_id=room.police_id)
    )
    assert seated.table is None and seated.participant.table_id is None


def test_a_walk_in_is_refused_with_bad_details_or_a_group_of_elsewhere(db):
    room = build_room(db)
    other = build_elsewhere(db)
    with pytest.raises(ValidationError, match="Name is empty"):
        participants.add_walk_in(
            db, room.facilitator, room.meeting_id, PF(name=" ", stakeholder_id=room.police_id)
        )
    with pytest.raises(ValidationError, match="not an email address"):
        participants.add_walk_in(
            db,
            room.facilitator,
            room.meeting_id,
            PF(name="A", stakeholder_id=room.police_id, email="x"),
        )
    with pytest.raises(ValidationError, match="another initiative"):
        participants.add_walk_in(
            db, room.facilitator, room.meeting_id, PF(name="A", stakeholder_id=other.group_id)
        )
    with pytest.raises(NotFound, match="No meeting with id 999"):
        participants.add_walk_in(
            db, room.facilitator, 999, PF(name="A", stakeholder_id=room.police_id)
        )
    assert len(participants.list_participants(db, room.facilitator, room.initiative_id)) == 4


def test_nobody_new_joins_a_retired_group(db):
    room = build_room(db)
    group = _retired_group(db, room)
    with pytest.raises(ValidationError, match="Old is retired, so nobody new joins it"):
        participants.add_walk_in(
            db, room.facilitator, room.meeting_id, PF(name="A", stakeholder_id=group)
        )
    with pytest.raises(ValidationError, match="Old is retired"):
        _add(db, room, stakeholder_id=group)
    pid = room.participant_ids[0]
    with pytest.raises(ValidationError, match="Old is retired"):
        participants.update_participant(
            db, room.facilitator, pid, PF(name="P0", stakeholder_id=group)
        )


def test_someone_already_in_a_retired_group_can_still_be_edited(db):
    room = build_room(db)
    group = _retired_group(db, room)
    with db.write() as s:
        person = Participant(
            initiative_id=room.initiative_id, stakeholder_id=group, name="Was", code="was",
            absent=True,
        )  # fmt: skip
        s.add(person)
        s.flush()
        pid = person.id
    changed = participants.update_participant(
        db, room.facilitator, pid, PF(name="Was here", stakeholder_id=group, notes="left early")
    )
    assert (changed.name, changed.stakeholder_id, changed.notes) == (
        "Was here",
        group,
        "left early",
    )


# Remove: deleted, or kept and marked absent with everything they said.


def _votes_survey_and_interview(db, room, pid: int, code: str) -> int:
    idea = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Co-responders")
    )
    rnd = voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(title="Vote", mode=VoteMode.DOTS, idea_ids=[idea.id]),
    )
    voting_rounds.open_round(db, room.facilitator, rnd.id)
    (item,) = voting_items.round_items(db, SYSTEM, rnd.id)
    voting_ballots.set_dots(db, code, item.id, 2)
    surveys.submit_survey(db, code, "pre", surveys.SurveyFields(top_issues="Slow answers to 911"))
    interviews.create_interview(
        db,
        room.facilitator,
        room.initiative_id,
        interviews.InterviewFields(
            interviewee="P0", notes="Wants a crisis line", participant_id=pid
        ),
    )
    return rnd.id


def test_removing_someone_who_voted_keeps_them_absent_and_everything_they_said(db):
    room = build_room(db)
    pid = room.participant_ids[0]
    round_id = _votes_survey_and_interview(db, room, pid, "code-0")

    removal = participants.remove_participant(db, room.facilitator, pid)

    assert (removal.deleted, removal.kept) == (
        False,
        ("1 vote", "1 survey answer", "1 interview note"),
    )
    assert removal.kept_in_words() == "1 vote, 1 survey answer and 1 interview note"
    (total,) = tallies.totals(db, SYSTEM, round_id)
    assert (total.dots, total.voters) == (2, 1)
    [answer] = surveys.list_responses(db, room.facilitator, room.initiative_id)
    assert (answer.participant_id, answer.top_issues) == (pid, "Slow answers to 911")
    [note] = interviews.list_interviews(db, room.facilitator, room.initiative_id)
    assert (note.participant_id, note.notes) == (pid, "Wants a crisis line")
    everyone = participants.list_participants(db, room.facilitator, room.initiative_id)
    kept = next(p for p in everyone if p.id == pid)
    assert (kept.absent, kept.table_id, kept.code) == (True, None, "code-0")
    present = participants.list_participants(db, room.facilitator, room.initiative_id, True)
    assert pid not in [p.id for p in present]
    [entry] = history(db, SYSTEM, "participant", pid)
    assert entry.action == "marked_absent"
    assert entry.detail["former_table_id"] == room.table1_id
    assert entry.detail["kept"] == ["1 vote", "1 survey answer", "1 interview note"]


def test_removing_an_action_owner_keeps_them_as_the_owner(db):
    room = build_room(db)
    pid = room.participant_ids[2]
    action = actions.create_action(
        db,
        room.facilitator,
        room.initiative_id,
        actions.ActionFields(title="Monthly data", owner_participant_id=pid),
    )
    removal = participants.remove_participant(db, room.facilitator, pid)
    assert (removal.deleted, removal.kept) == (False, ("1 action they own",))
    with db.read() as s:
        assert s.get_one(ActionItem, action.id).owner_participant_id == pid


def test_removing_someone_already_absent_again_changes_nothing_they_said(db):
    room = build_room(db)
    pid = room.participant_ids[0]
    round_id = _votes_survey_and_interview(db, room, pid, "code-0")
    participants.remove_participant(db, room.facilitator, pid)
    again = participants.remove_participant(db, room.facilitator, pid)
    assert not again.deleted
    assert tallies.totals(db, SYSTEM, round_id)[0].dots == 2


def test_someone_absent_has_no_seat_until_marked_present(db):
    room = build_room(db)
    pid = room.participant_ids[0]
    with db.write() as s:
        person = s.get_one(Participant, pid)
        person.absent, person.table_id = True, None
    with pytest.raises(ValidationError, match="P0 is marked absent, so they have no seat"):
        participants.assign_table(db, room.facilitator, pid, room.table2_id)
    with pytest.raises(ValidationError, match="marked absent"):
        participants.update_participant(
            db,
            room.facilitator,
            pid,
            PF(name="P0", stakeholder_id=room.police_id, table_id=room.table2_id),
        )
    # Table 1 now has one person (P1, residents); table 2 has two: P0 goes back to table 1.
    seated = participants.mark_present(db, room.facilitator, pid, room.meeting_id)
    assert seated.table is not None
    assert (seated.participant.absent, seated.table.id) == (False, room.table1_id)
    assert [e.action for e in history(db, SYSTEM, "participant", pid)] == ["marked_present"]
    assert participants.assign_table(db, room.facilitator, pid, room.table2_id).table_id == (
        room.table2_id
    )


def test_marking_present_refuses_a_retired_group_and_another_initiatives_meeting(db):
    room = build_room(db)
    other = build_elsewhere(db)
    group = _retired_group(db, room)
    with db.write() as s:
        person = Participant(
            initiative_id=room.initiative_id, stakeholder_id=group, name="Gone", code="gone",
            absent=True,
        )  # fmt: skip
        s.add(person)
        s.flush()
        pid = person.id
    with pytest.raises(ValidationError, match="Away is a meeting of another initiative"):
        participants.mark_present(db, room.facilitator, pid, other.meeting_id)
    with pytest.raises(ValidationError, match="Old is retired"):
        participants.mark_present(db, room.facilitator, pid, room.meeting_id)
    assert participants.get_participant(db, room.facilitator, pid).absent


def _retired_group(db, room) -> int:
    with db.write() as s:
        group = Stakeholder(
            initiative_id=room.initiative_id, name="Old", category=Cat.OTHER, retired=True
        )
        s.add(group)
        s.flush()
        return group.id
