"""The agenda: items in order, reordering them, and approval lost on any change."""

from typing import TypedDict

import pytest

from db.models import Meeting
from db.models.enums import AgendaStatus, Skill, Step
from services.agenda import agenda
from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import NotFound, PermissionDenied, ValidationError
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # positions from max(); audit details are JSON


def _titles(db, meeting_id):
    items = agenda.list_agenda(db, meeting_id, actor=SYSTEM)
    assert [i.position for i in items] == list(range(1, len(items) + 1))
    return [i.title for i in items]


def _approve(db, meeting_id):
    with db.write() as s:
        s.get_one(Meeting, meeting_id).agenda_status = AgendaStatus.APPROVED


def _status(db, meeting_id):
    with db.read() as s:
        return s.get_one(Meeting, meeting_id).agenda_status


def test_appends_an_item_at_the_end_and_audits_it(db):
    room = build_room(db)
    item = agenda.add_item(
        db,
        room.facilitator,
        room.meeting_id,
        agenda.ItemFields(
            title=" Solve ",
            step="solve",
            minutes=45,
            skill="creative_problem_solving",
            goal="Options",
            materials="Cards",
            prompt="What could work?",
        ),
    )
    assert (item.position, item.title, item.step, item.skill, item.minutes) == (
        4,
        "Solve",
        Step.SOLVE,
        Skill.CREATIVE_PROBLEM_SOLVING,
        45,
    )
    assert (item.goal, item.materials, item.prompt) == ("Options", "Cards", "What could work?")
    assert _titles(db, room.meeting_id) == ["Listen", "Ideas", "Vote", "Solve"]
    assert [e.action for e in history(db, SYSTEM, "agenda_item", item.id)] == ["created"]


def test_the_first_item_of_an_empty_agenda_is_at_position_one(db):
    room = build_room(db)
    with db.write() as s:
        empty = Meeting(initiative_id=room.initiative_id, title="Empty", code="empty-code")
        s.add(empty)
    item = agenda.add_item(
        db,
        room.facilitator,
        empty.id,
        agenda.ItemFields(title="Welcome", step=Step.WELCOME, minutes=10),
    )
    assert (item.position, item.skill) == (1, None)


@pytest.mark.parametrize("bad", [0, 481, -5])
def test_refuses_minutes_outside_one_to_480(db, bad):
    room = build_room(db)
    with pytest.raises(ValidationError, match="Minutes must be between 1 and 480"):
        agenda.add_item(
            db,
            room.facilitator,
            room.meeting_id,
            agenda.ItemFields(title="X", step="listen", minutes=bad),
        )


class _ItemText(TypedDict, total=False):
    goal: str
    materials: str
    prompt: str


def test_refuses_an_empty_title_and_over_long_texts(db):
    room = build_room(db)

    def add(title, **extra):
        fields = agenda.ItemFields(title=title, step="listen", minutes=5, **extra)
        return agenda.add_item(db, room.facilitator, room.meeting_id, fields)

    with pytest.raises(ValidationError, match="Item title is empty"):
        add(" ")
    too_long = "x" * 2001
    texts: list[tuple[_ItemText, str]] = [
        ({"goal": too_long}, "Goal"),
        ({"materials": too_long}, "Materials"),
        ({"prompt": too_long}, "Prompt"),
    ]
    for text, label in texts:
        with pytest.raises(ValidationError, match=f"{label} is 2,001 characters"):
            add("X", **text)


def test_refuses_an_unknown_step_or_skill(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="“dance” is not a step"):
        agenda.add_item(
            db,
            room.facilitator,
            room.meeting_id,
            agenda.ItemFields(title="X", step="dance", minutes=5),
        )
    with pytest.raises(ValidationError, match="“juggling” is not a skill"):
        agenda.add_item(
            db,
            room.facilitator,
            room.meeting_id,
            agenda.ItemFields(title="X", step="listen", minutes=5, skill="juggling"),
        )


def test_names_an_unknown_meeting_or_item(db):
    room = build_room(db)
    with pytest.raises(NotFound, match="No meeting with id 999"):
        agenda.add_item(
            db, room.facilitator, 999, agenda.ItemFields(title="X", step="listen", minutes=5)
        )
    with pytest.raises(NotFound, match="No agenda item with id 999"):
        agenda.move_item(db, room.facilitator, 999, 1)


def test_only_a_facilitator_may_change_the_agenda(db):
    room = build_room(db)
    item_id = room.item_ids[1]
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        agenda.add_item(
            db, room.leader, room.meeting_id, agenda.ItemFields(title="X", step="listen", minutes=5)
        )
    with pytest.raises(PermissionDenied):
        agenda.update_item(
            db,
            room.scribe1,
            item_id,
            agenda.ItemFields(
                title="X", step="listen", minutes=5, skill=None, goal="", materials="", prompt=""
            ),
        )
    with pytest.raises(PermissionDenied):
        agenda.delete_item(db, room.leader, item_id)
    with pytest.raises(PermissionDenied):
        agenda.move_item(db, room.scribe1, item_id, 1)


def test_updates_an_item(db):
    room = build_room(db)
    item = agenda.update_item(
        db,
        room.facilitator,
        room.item_ids[1],
        agenda.ItemFields(
            title="Brainstorm",
            step="diverge",
            minutes=30,
            skill=None,
            goal="G",
            materials="M",
            prompt="P",
        ),
    )
    assert (item.title, item.minutes, item.skill, item.position) == ("Brainstorm", 30, None, 2)
    assert [e.action for e in history(db, SYSTEM, "agenda_item", item.id)] == ["updated"]


def test_moves_an_item_up_and_down(db):
    room = build_room(db)
    moved = agenda.move_item(db, room.facilitator, room.item_ids[2], -1)
    assert moved.position == 2
    assert _titles(db, room.meeting_id) == ["Listen", "Vote", "Ideas"]
    agenda.move_item(db, room.facilitator, room.item_ids[0], 1)
    assert _titles(db, room.meeting_id) == ["Vote", "Listen", "Ideas"]
    assert [e.action for e in history(db, SYSTEM, "agenda_item", room.item_ids[2])] == ["moved"]


def test_refuses_to_move_past_either_end_or_by_more_than_one(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="“Listen” is already the first item"):
        agenda.move_item(db, room.facilitator, room.item_ids[0], -1)
    with pytest.raises(ValidationError, match="“Vote” is already the last item"):
        agenda.move_item(db, room.facilitator, room.item_ids[2], 1)
    with pytest.raises(ValidationError, match=r"moves up \(-1\) or down \(\+1\)"):
        agenda.move_item(db, room.facilitator, room.item_ids[0], 2)
    assert _titles(db, room.meeting_id) == ["Listen", "Ideas", "Vote"]


def test_deleting_an_item_closes_the_gap(db):
    room = build_room(db)
    agenda.add_item(
        db,
        room.facilitator,
        room.meeting_id,
        agenda.ItemFields(title="Act", step="act", minutes=20),
    )
    agenda.move_item(db, room.facilitator, room.item_ids[1], 1)
    agenda.delete_item(db, room.facilitator, room.item_ids[2])
    assert _titles(db, room.meeting_id) == ["Listen", "Ideas", "Act"]
    assert [e.action for e in history(db, SYSTEM, "agenda_item", room.item_ids[2])] == ["deleted"]


def test_refuses_to_delete_the_item_the_room_is_on(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="The room is on “Listen” right now"):
        agenda.delete_item(db, room.facilitator, room.item_ids[0])
    assert _titles(db, room.meeting_id) == ["Listen", "Ideas", "Vote"]


@pytest.mark.parametrize("change", ["add", "update", "delete", "move"])
def test_any_change_to_an_approved_agenda_sends_it_back_to_draft(db, change):
    room = build_room(db)
    _approve(db, room.meeting_id)
    fac, item_id = room.facilitator, room.item_ids[2]
    if change == "add":
        agenda.add_item(
            db, fac, room.meeting_id, agenda.ItemFields(title="Close", step="close", minutes=5)
        )
    elif change == "update":
        agenda.update_item(
            db,
            fac,
            item_id,
            agenda.ItemFields(
                title="Vote",
                step="converge",
                minutes=25,
                skill=None,
                goal="",
                materials="",
                prompt="",
            ),
        )
    elif change == "delete":
        agenda.delete_item(db, fac, item_id)
    else:
        agenda.move_item(db, fac, item_id, -1)
    assert _status(db, room.meeting_id) is AgendaStatus.DRAFT
    entries = history(db, SYSTEM, "meeting", room.meeting_id)
    assert [(e.action, e.detail) for e in entries] == [
        ("agenda_status", {"from": "approved", "to": "draft"})
    ]


def test_a_change_to_a_draft_agenda_records_no_status_change(db):
    room = build_room(db)
    agenda.add_item(
        db,
        room.facilitator,
        room.meeting_id,
        agenda.ItemFields(title="Close", step="close", minutes=5),
    )
    assert _status(db, room.meeting_id) is AgendaStatus.DRAFT
    assert history(db, SYSTEM, "meeting", room.meeting_id) == []


def _empty_meeting(db, room):
    from services.setup import meetings

    return meetings.create_meeting(
        db, room.facilitator, room.initiative_id, meetings.MeetingFields(title="Follow-up")
    ).id


def test_an_empty_agenda_starts_from_the_standard_one_in_order(db):
    from services.agenda.agenda_template import STANDARD_AGENDA

    room = build_room(db)
    meeting_id = _empty_meeting(db, room)
    made = agenda.add_standard_agenda(db, room.facilitator, meeting_id)
    assert len(made) == len(STANDARD_AGENDA) == 10
    assert _titles(db, meeting_id) == [row[0] for row in STANDARD_AGENDA]
    steps = agenda.list_agenda(db, meeting_id, actor=SYSTEM)
    assert [i.position for i in steps] == list(range(1, 11))
    assert steps[1].skill is Skill.ACTIVE_LISTENING and steps[1].prompt
    assert sum(i.minutes for i in steps) == 310
    assert all(history(db, SYSTEM, "agenda_item", i.id)[0].action == "created" for i in made)


def test_the_standard_agenda_never_lands_on_top_of_steps_already_there(db):
    room = build_room(db)
    before = _titles(db, room.meeting_id)
    with pytest.raises(ValidationError, match="already has steps"):
        agenda.add_standard_agenda(db, room.facilitator, room.meeting_id)
    assert _titles(db, room.meeting_id) == before


def test_only_a_facilitator_may_start_from_the_standard_agenda(db):
    room = build_room(db)
    meeting_id = _empty_meeting(db, room)
    for who in (room.scribe1, room.leader):
        with pytest.raises(PermissionDenied):
            agenda.add_standard_agenda(db, who, meeting_id)
    assert _titles(db, meeting_id) == []
