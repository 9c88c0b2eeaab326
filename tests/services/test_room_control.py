"""The room's live state: steps, input, timer and the meeting going live and closing."""

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, func, select, update

import i18n
from db.models import AgendaItem, Meeting, utcnow
from db.models.enums import MeetingStatus, Step
from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import NotAllowedNow, NotFound, PermissionDenied, ValidationError
from services.room import room_control
from services.translations import translate
from tests.factories import build_elsewhere, build_room

pytestmark = pytest.mark.both_databases  # the meeting under row locks; races


def _step(state: room_control.RoomState) -> AgendaItem:
    """The step the room is on, which the test expects it to be on."""
    assert state.current is not None, "the room is on no step"
    return state.current


def _planned(db, room, steps=("Welcome", "Listen")):
    """A second, planned meeting of the room's initiative with the given agenda."""
    with db.write() as s:
        meeting = Meeting(initiative_id=room.initiative_id, title="Second", code="second-code")
        s.add(meeting)
        s.flush()
        s.add_all(
            AgendaItem(meeting_id=meeting.id, position=i, title=t, step=Step.LISTEN, minutes=10)
            for i, t in enumerate(steps, start=1)
        )
        return meeting.id


def _actions(db, room):
    return [e.action for e in history(db, SYSTEM, "meeting", room.meeting_id)]


def test_the_state_names_the_step_its_place_and_the_next_one(db):
    room = build_room(db)
    state = room_control.room_state(db, room.meeting_id, actor=SYSTEM)
    assert (state.status, state.input_open, state.position, state.step_count) == (
        MeetingStatus.LIVE,
        True,
        1,
        3,
    )
    assert (_step(state).title, state.next_title, state.timer_ends_at) == (
        "Listen",
        "Ideas",
        None,
    )


def test_the_room_state_costs_at_most_three_queries(db):
    """The meeting, its agenda, the current step's translation: read every two seconds."""
    room = build_room(db)
    statements = []

    def listener(_conn, _cursor, statement, *_rest):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        room_control.room_state(db, room.meeting_id, actor=SYSTEM)
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    assert len([q for q in statements if q.lstrip().upper().startswith("SELECT")]) <= 3


def test_an_unknown_meeting_is_named_in_the_message(db):
    build_room(db)
    with pytest.raises(NotFound, match="No meeting with id 999"):
        room_control.room_state(db, 999, actor=SYSTEM)


def test_starting_goes_live_on_the_first_step_and_applies_its_plan(db):
    room = build_room(db)
    meeting_id = _planned(db, room)
    before = room_control.room_state(db, meeting_id, actor=SYSTEM)
    assert (before.status, before.position, before.current) == (MeetingStatus.PLANNED, 0, None)
    state = room_control.start_meeting(db, room.facilitator, meeting_id)
    assert (state.status, state.position, _step(state).title) == (
        MeetingStatus.LIVE,
        1,
        "Welcome",
    )
    # The first step here is a listening step: input opens and its 10 minutes run, as on Next.
    assert state.input_open is True
    assert _timer_minutes(state) == 10
    assert [e.action for e in history(db, SYSTEM, "meeting", meeting_id)] == ["started", "step"]


def test_starting_keeps_a_step_the_facilitator_already_chose(db):
    room = build_room(db)
    meeting_id = _planned(db, room)
    with db.write() as s:
        second = s.get(Meeting, meeting_id)
        last = s.scalar(select(func.max(AgendaItem.id)).where(AgendaItem.meeting_id == meeting_id))
        second.current_item_id = last
    state = room_control.start_meeting(db, room.facilitator, meeting_id)
    assert _step(state).title == "Listen"


def test_starting_refuses_a_meeting_without_an_agenda(db):
    room = build_room(db)
    meeting_id = _planned(db, room, steps=())
    with pytest.raises(ValidationError, match=r"no agenda yet\. Add at least one step"):
        room_control.start_meeting(db, room.facilitator, meeting_id)
    assert room_control.room_state(db, meeting_id, actor=SYSTEM).status is MeetingStatus.PLANNED


def _kinds(db, room, kinds):
    """A second meeting of the room's initiative, live on its first step, one item per kind."""
    meeting_id = _planned(db, room, steps=[k.value for k in kinds])
    with db.write() as s:
        items = s.scalars(
            select(AgendaItem).where(AgendaItem.meeting_id == meeting_id).order_by("position")
        )
        for item, kind in zip(items, kinds, strict=True):
            item.step, item.minutes = kind, 5 + item.position
    room_control.start_meeting(db, room.facilitator, meeting_id)
    return meeting_id


def _timer_minutes(state):
    """The timer's length in whole minutes, read back from its end."""
    return round(state.seconds_left(utcnow()) / 60)


def test_next_applies_each_steps_plan_input_by_kind_and_its_own_minutes(db):
    room = build_room(db)
    kinds = [Step.WELCOME, Step.LISTEN, Step.DIVERGE, Step.CONVERGE, Step.SOLVE]
    kinds += [Step.RESOLVE, Step.PARTNER, Step.ACT, Step.BREAK, Step.CLOSE]
    meeting_id = _kinds(db, room, kinds)
    seen = []
    for _ in kinds[1:]:
        state = room_control.move_step(db, room.facilitator, meeting_id, +1)
        seen.append((_step(state).step, state.input_open, _timer_minutes(state)))
    quiet = {Step.BREAK, Step.CLOSE}
    assert seen == [(k, k not in quiet, 5 + n) for n, k in enumerate(kinds[1:], start=2)]


def test_back_applies_the_earlier_steps_plan_too(db):
    room = build_room(db)
    meeting_id = _kinds(db, room, [Step.WELCOME, Step.LISTEN])
    room_control.move_step(db, room.facilitator, meeting_id, +1)
    back = room_control.move_step(db, room.facilitator, meeting_id, -1)
    assert (_step(back).title, back.input_open, _timer_minutes(back)) == ("welcome", False, 6)
    forward = room_control.move_step(db, room.facilitator, meeting_id, +1)
    assert (forward.input_open, _timer_minutes(forward)) == (True, 7)


def test_moving_replaces_the_old_timer_and_audits_the_plan_it_applied(db):
    room = build_room(db)
    room_control.start_timer(db, room.facilitator, room.meeting_id, 90)
    state = room_control.move_step(db, room.facilitator, room.meeting_id, +1)
    assert (state.position, _step(state).title, state.next_title) == (2, "Ideas", "Vote")
    assert (state.input_open, _timer_minutes(state)) == (True, 20)
    back = room_control.move_step(db, room.facilitator, room.meeting_id, -1)
    assert (back.position, _step(back).title) == (1, "Listen")
    assert _actions(db, room) == ["timer started", "step", "step"]
    entry = history(db, SYSTEM, "meeting", room.meeting_id)[1]
    assert {k: entry.detail[k] for k in ("to", "input_open", "timer_minutes")} == {
        "to": room.item_ids[1],
        "input_open": True,
        "timer_minutes": 20,
    }


def test_arriving_on_a_quiet_step_closes_input_left_open(db):
    room = build_room(db)
    meeting_id = _kinds(db, room, [Step.LISTEN, Step.CLOSE])
    room_control.set_input(db, room.facilitator, meeting_id, True)
    state = room_control.move_step(db, room.facilitator, meeting_id, +1)
    assert (_step(state).step, state.input_open) == (Step.CLOSE, False)


def test_the_last_step_has_no_next_title(db):
    room = build_room(db)
    state = room_control.go_to_step(db, room.facilitator, room.meeting_id, room.item_ids[2])
    assert (state.position, state.next_title) == (3, None)


@pytest.mark.parametrize(
    ("item", "direction", "end"),
    [(0, -1, "first step; there is no step before"), (2, +1, "last step; there is no step after")],
)
def test_moving_past_either_end_is_refused_and_changes_nothing(db, item, direction, end):
    room = build_room(db)
    room_control.go_to_step(db, room.facilitator, room.meeting_id, room.item_ids[item])
    room_control.set_input(db, room.facilitator, room.meeting_id, True)
    with pytest.raises(ValidationError, match=f"on the {end} it"):
        room_control.move_step(db, room.facilitator, room.meeting_id, direction)
    state = room_control.room_state(db, room.meeting_id, actor=SYSTEM)
    assert (state.position, state.input_open) == (item + 1, True)


def test_a_move_of_more_than_one_step_is_refused(db):
    room = build_room(db)
    with pytest.raises(ValidationError, match="one step back"):
        room_control.move_step(db, room.facilitator, room.meeting_id, 2)


def test_jumping_to_a_step_applies_its_plan_and_is_audited(db):
    room = build_room(db)
    room_control.set_input(db, room.facilitator, room.meeting_id, False)
    state = room_control.go_to_step(db, room.facilitator, room.meeting_id, room.item_ids[2])
    assert (state.position, _step(state).title, state.input_open) == (3, "Vote", True)
    assert _timer_minutes(state) == 20
    entry = history(db, SYSTEM, "meeting", room.meeting_id)[-1]
    assert (entry.action, entry.detail["to"]) == ("step", room.item_ids[2])


def test_jumping_back_to_a_quiet_step_closes_input(db):
    room = build_room(db)
    meeting_id = _kinds(db, room, [Step.WELCOME, Step.LISTEN, Step.DIVERGE])
    ids = [i.id for i in _agenda(db, meeting_id)]
    room_control.go_to_step(db, room.facilitator, meeting_id, ids[2])
    state = room_control.go_to_step(db, room.facilitator, meeting_id, ids[0])
    assert (state.position, state.input_open, _timer_minutes(state)) == (1, False, 6)


def test_jumping_is_refused_in_words_before_the_start_and_after_the_close(db):
    room = build_room(db)
    meeting_id = _planned(db, room)
    first = _agenda(db, meeting_id)[0].id
    with pytest.raises(NotAllowedNow, match=r"has not started\. Start it to move"):
        room_control.go_to_step(db, room.facilitator, meeting_id, first)
    room_control.close_meeting(db, room.facilitator, room.meeting_id)
    with pytest.raises(NotAllowedNow, match=r"is closed\. Reopen it to move"):
        room_control.go_to_step(db, room.facilitator, room.meeting_id, room.item_ids[2])
    assert room_control.room_state(db, room.meeting_id, actor=SYSTEM).position == 1


def test_jumping_to_the_current_step_leaves_input_as_it_is(db):
    room = build_room(db)
    state = room_control.go_to_step(db, room.facilitator, room.meeting_id, room.item_ids[0])
    assert state.input_open is True
    assert _actions(db, room) == []


def test_jumping_to_another_meetings_step_is_refused(db):
    room = build_room(db)
    other = _planned(db, room)
    foreign = _step(room_control.start_meeting(db, room.facilitator, other)).id
    with pytest.raises(ValidationError, match="another meeting's agenda"):
        room_control.go_to_step(db, room.facilitator, room.meeting_id, foreign)


def test_steps_do_not_move_before_the_meeting_starts(db):
    room = build_room(db)
    meeting_id = _planned(db, room)
    with pytest.raises(NotAllowedNow, match=r"has not started\. Start it"):
        room_control.move_step(db, room.facilitator, meeting_id, +1)


def test_input_opens_and_closes_and_each_change_is_audited(db):
    room = build_room(db)
    assert room_control.set_input(db, room.facilitator, room.meeting_id, False).input_open is False
    assert room_control.set_input(db, room.facilitator, room.meeting_id, True).input_open is True
    assert room_control.room_state(db, room.meeting_id, actor=SYSTEM).input_open is True
    assert _actions(db, room) == ["input closed", "input opened"]


def test_input_does_not_open_before_the_meeting_is_live(db):
    room = build_room(db)
    meeting_id = _planned(db, room)
    with pytest.raises(NotAllowedNow, match=r"not live\. Start or reopen it"):
        room_control.set_input(db, room.facilitator, meeting_id, True)


def test_input_does_not_open_without_a_current_step(db):
    room = build_room(db)
    with db.write() as s:
        meeting = s.get(Meeting, room.meeting_id)
        meeting.current_item_id, meeting.input_open = None, False
    with pytest.raises(NotAllowedNow, match="on no step yet"):
        room_control.set_input(db, room.facilitator, room.meeting_id, True)


def _agenda(db, meeting_id):
    with db.read() as s:
        query = select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
        return list(s.scalars(query.order_by(AgendaItem.position)))


@pytest.mark.parametrize("minutes", [1, 5])
def test_adding_minutes_extends_a_running_timer(db, minutes):
    room = build_room(db)
    started = room_control.start_timer(db, room.facilitator, room.meeting_id, 10)
    state = room_control.extend_timer(db, room.facilitator, room.meeting_id, minutes)
    assert started.timer_ends_at is not None
    assert state.timer_ends_at == started.timer_ends_at + timedelta(minutes=minutes)
    assert (
        room_control.room_state(db, room.meeting_id, actor=SYSTEM).timer_ends_at
        == state.timer_ends_at
    )
    assert _actions(db, room) == ["timer started", "timer extended"]
    assert history(db, SYSTEM, "meeting", room.meeting_id)[-1].detail == {"minutes": minutes}


@pytest.mark.parametrize("minutes", [1, 5])
def test_adding_minutes_without_a_timer_starts_one_that_long(db, minutes):
    room = build_room(db)
    before = utcnow()
    state = room_control.extend_timer(db, room.facilitator, room.meeting_id, minutes)
    later = timedelta(minutes=minutes)
    assert state.timer_ends_at is not None
    assert before + later <= state.timer_ends_at <= utcnow() + later
    assert _actions(db, room) == ["timer started"]


def test_adding_minutes_after_time_is_up_counts_from_now_not_from_the_old_end(db):
    room = build_room(db)
    with db.write() as s:
        s.get_one(Meeting, room.meeting_id).timer_ends_at = utcnow() - timedelta(minutes=30)
    before = utcnow()
    state = room_control.extend_timer(db, room.facilitator, room.meeting_id, 5)
    assert state.timer_ends_at is not None
    assert before + timedelta(minutes=5) <= state.timer_ends_at


def test_adding_minutes_past_the_longest_timer_is_refused_and_keeps_the_timer(db):
    room = build_room(db)
    started = room_control.start_timer(db, room.facilitator, room.meeting_id, 178)
    with pytest.raises(ValidationError, match=r"past 180 minutes\. Start a shorter timer"):
        room_control.extend_timer(db, room.facilitator, room.meeting_id, 5)
    assert (
        room_control.room_state(db, room.meeting_id, actor=SYSTEM).timer_ends_at
        == started.timer_ends_at
    )


@pytest.mark.parametrize("minutes", [0, -1, 181])
def test_adding_a_nonsense_number_of_minutes_is_refused(db, minutes):
    room = build_room(db)
    with pytest.raises(ValidationError, match="between 1 and 180"):
        room_control.extend_timer(db, room.facilitator, room.meeting_id, minutes)
    assert room_control.room_state(db, room.meeting_id, actor=SYSTEM).timer_ends_at is None


def test_adding_minutes_is_refused_in_words_before_the_start_and_after_the_close(db):
    room = build_room(db)
    meeting_id = _planned(db, room)
    with pytest.raises(NotAllowedNow, match=r"has not started\. Start it to add time"):
        room_control.extend_timer(db, room.facilitator, meeting_id, 1)
    room_control.close_meeting(db, room.facilitator, room.meeting_id)
    with pytest.raises(NotAllowedNow, match=r"is closed\. Reopen it to add time"):
        room_control.extend_timer(db, room.facilitator, room.meeting_id, 5)
    assert room_control.room_state(db, room.meeting_id, actor=SYSTEM).timer_ends_at is None


def test_the_timer_ends_the_given_minutes_from_now(db):
    room = build_room(db)
    before = utcnow()
    state = room_control.start_timer(db, room.facilitator, room.meeting_id, 12)
    assert state.timer_ends_at is not None
    assert before + timedelta(minutes=12) <= state.timer_ends_at <= utcnow() + timedelta(minutes=12)
    assert (
        room_control.room_state(db, room.meeting_id, actor=SYSTEM).timer_ends_at
        == state.timer_ends_at
    )
    left = state.seconds_left(utcnow())
    assert left is not None and 11 * 60 < left <= 12 * 60
    assert room_control.clear_timer(db, room.facilitator, room.meeting_id).timer_ends_at is None
    assert _actions(db, room) == ["timer started", "timer cleared"]


@pytest.mark.parametrize("minutes", [0, 181, -5])
def test_a_timer_outside_one_to_180_minutes_is_refused(db, minutes):
    room = build_room(db)
    with pytest.raises(ValidationError, match="between 1 and 180"):
        room_control.start_timer(db, room.facilitator, room.meeting_id, minutes)


def test_seconds_left_rounds_up_never_goes_negative_and_is_none_without_a_timer():
    end = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)
    state = room_control.RoomState(1, "M", MeetingStatus.LIVE, True, 1, 1, None, None, end)
    assert state.seconds_left(end - timedelta(seconds=90.2)) == 91
    assert state.seconds_left(end + timedelta(minutes=3)) == 0
    no_timer = room_control.RoomState(1, "M", MeetingStatus.LIVE, True, 1, 1, None, None, None)
    assert no_timer.seconds_left(end) is None


def test_closing_stops_input_and_timer_and_reopening_resumes_the_step(db):
    room = build_room(db)
    room_control.move_step(db, room.facilitator, room.meeting_id, +1)
    room_control.set_input(db, room.facilitator, room.meeting_id, True)
    room_control.start_timer(db, room.facilitator, room.meeting_id, 5)
    closed = room_control.close_meeting(db, room.facilitator, room.meeting_id)
    assert (closed.status, closed.input_open, closed.timer_ends_at) == (
        MeetingStatus.CLOSED,
        False,
        None,
    )
    with pytest.raises(NotAllowedNow, match="not live"):
        room_control.set_input(db, room.facilitator, room.meeting_id, True)
    with pytest.raises(NotAllowedNow, match=r"is closed\. Reopen it"):
        room_control.move_step(db, room.facilitator, room.meeting_id, +1)
    with pytest.raises(NotAllowedNow, match=r"was closed\. Reopen it"):
        room_control.start_meeting(db, room.facilitator, room.meeting_id)
    reopened = room_control.reopen_meeting(db, room.facilitator, room.meeting_id)
    assert (reopened.status, _step(reopened).title, reopened.input_open) == (
        MeetingStatus.LIVE,
        "Ideas",
        False,
    )
    assert _actions(db, room)[-2:] == ["closed", "reopened"]


def test_a_meeting_that_never_started_cannot_be_reopened(db):
    room = build_room(db)
    meeting_id = _planned(db, room)
    with pytest.raises(NotAllowedNow, match=r"has not started yet\. Start it instead"):
        room_control.reopen_meeting(db, room.facilitator, meeting_id)


@pytest.mark.parametrize(
    ("call", "args"),
    [
        (room_control.start_meeting, ()),
        (room_control.move_step, (1,)),
        (room_control.go_to_step, (None,)),
        (room_control.set_input, (False,)),
        (room_control.start_timer, (5,)),
        (room_control.extend_timer, (5,)),
        (room_control.clear_timer, ()),
        (room_control.close_meeting, ()),
        (room_control.reopen_meeting, ()),
    ],
)
def test_only_a_facilitator_runs_the_room(db, call, args):
    room = build_room(db)
    for who in (room.scribe1, room.leader):
        with pytest.raises(PermissionDenied, match="Only a facilitator"):
            call(db, who, room.meeting_id, *args)
    state = room_control.room_state(db, room.meeting_id, actor=SYSTEM)
    assert (state.status, state.position, state.input_open) == (MeetingStatus.LIVE, 1, True)


def test_the_state_of_one_meeting_ignores_another_meetings_agenda(db):
    room = build_room(db)
    elsewhere = build_elsewhere(db)
    with db.write() as s:
        away = AgendaItem(
            meeting_id=elsewhere.meeting_id, position=1, title="Away", step=Step.WELCOME, minutes=5
        )
        s.add(away)
    assert room_control.room_state(db, room.meeting_id, actor=SYSTEM).step_count == 3
    assert room_control.room_state(db, elsewhere.meeting_id, actor=SYSTEM).step_count == 1


@pytest.mark.postgres_only  # SQLite writers queue behind one lock: this race cannot happen
def test_a_step_move_waiting_on_a_close_sees_the_meeting_closed(db):
    room = build_room(db)
    outcome = []

    def move():
        try:
            outcome.append(room_control.move_step(db, room.facilitator, room.meeting_id, +1))
        except NotAllowedNow as exc:
            outcome.append(exc)

    # Another facilitator's close holds the meeting row while this move arrives.
    with db.engine.begin() as other:
        other.execute(select(Meeting.id).where(Meeting.id == room.meeting_id).with_for_update())
        mover = threading.Thread(target=move)
        mover.start()
        time.sleep(0.3)
        other.execute(
            update(Meeting)
            .where(Meeting.id == room.meeting_id)
            .values(status=MeetingStatus.CLOSED, input_open=False)
        )
    mover.join(timeout=10)
    assert isinstance(outcome[0], NotAllowedNow)
    state = room_control.room_state(db, room.meeting_id, actor=SYSTEM)
    assert (state.status, state.position) == (MeetingStatus.CLOSED, 1)


def test_the_current_steps_title_and_question_read_in_each_readers_language(db):
    room = build_room(db)
    item_id = room.item_ids[0]
    with db.write() as s:
        s.get_one(AgendaItem, item_id).prompt = "What did you hear?"
    translate.translate_all(
        db,
        room.facilitator,
        [
            translate.Translation(
                kind="agenda_item", entity_id=item_id, text="Escuchar", field="title"
            ),
            translate.Translation(
                kind="agenda_item", entity_id=item_id, text="¿Qué escuchó?", field="prompt"
            ),
        ],
    )
    for reading in ("en", "es"):  # one stored translation serves a reader of either
        with i18n.using(reading):
            state = room_control.room_state(db, room.meeting_id, actor=SYSTEM)
        title, prompt = state.step_title("es"), state.step_prompt("es")
        assert title is not None and prompt is not None
        assert (title.text, title.translated, prompt.text) == ("Escuchar", True, "¿Qué escuchó?")
        original = state.step_title("en")
        assert original is not None and (original.text, original.translated) == ("Listen", False)
