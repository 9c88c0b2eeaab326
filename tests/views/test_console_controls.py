"""The console's pause and resume, its agenda-approval warning and its keyboard legend."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from db.models import Meeting
from services.agenda import agenda_review
from services.converge import voting_rounds
from services.core.actors import SYSTEM
from services.core.vocab import MeetingStatus, VoteMode
from services.room import ideas, room_control
from services.setup import languages
from services.translations import translate
from tests.views.helpers import by_label, click, countdown, texts

PAUSED = re.compile(r"^pause_circle Timer: Paused — (\d+):(\d\d) left$")


def _console(room_app):
    return room_app("fac").run().switch_page("views/console.py").run()


def _paused_line(at) -> str:
    return countdown(at)


def test_pausing_on_the_console_says_paused_in_words_and_resume_runs_again(room_app, db):
    room = room_app.room
    room_control.start_timer(db, room.facilitator, room.meeting_id, 5)
    at = click(_console(room_app), "Pause timer")
    assert "The timer is paused." in texts(at)
    state = room_control.room_state(db, room.meeting_id, actor=SYSTEM)
    assert state.paused and state.timer_paused_seconds is not None
    shown = PAUSED.match(_paused_line(at))
    assert shown is not None
    minutes, seconds = shown.groups()
    assert int(minutes) * 60 + int(seconds) == state.timer_paused_seconds
    assert [b.label for b in at.button if b.label.endswith("timer")] == [
        "Start timer",
        "Resume timer",
    ]
    at = click(at, "+1 minute")
    assert room_control.room_state(db, room.meeting_id, actor=SYSTEM).timer_paused_seconds == (
        state.timer_paused_seconds + 60
    )
    at = click(at, "Resume timer")
    resumed = room_control.room_state(db, room.meeting_id, actor=SYSTEM)
    left = resumed.seconds_left(datetime.now(UTC))
    assert not resumed.paused and left is not None and left > 5 * 60
    assert _paused_line(at).startswith("timer Timer: ")
    assert "Paused" not in _paused_line(at)


def test_pause_is_shut_when_no_timer_runs(room_app):
    at = _console(room_app)
    assert by_label(at.button, "Pause timer").disabled


def test_the_tablet_banner_says_the_timer_is_paused(room_app, db):
    room = room_app.room
    room_control.start_timer(db, room.facilitator, room.meeting_id, 5)
    with db.write() as s:
        meeting = s.get_one(Meeting, room.meeting_id)
        meeting.timer_ends_at, meeting.timer_paused_seconds = None, 252
    at = room_app("s1", {"table": "1"}).run().switch_page("views/listen.py").run()
    assert "Input is open · Paused — 4:12 left" in [s.value for s in at.success]


def test_the_phone_ballot_says_the_timer_is_paused(room_app, db):
    room = room_app.room
    idea = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Co-responders")
    )
    rnd = voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(title="Priorities", mode=VoteMode.DOTS, idea_ids=[idea.id]),
    )
    voting_rounds.open_round(db, room.facilitator, rnd.id)
    with db.write() as s:
        s.get_one(Meeting, room.meeting_id).timer_paused_seconds = 61
    at = room_app(query={"code": "code-2"}).run().switch_page("views/vote.py").run()
    assert countdown(at) == "pause_circle Timer: Paused — 1:01 left"


def test_an_unapproved_agenda_is_named_on_the_console_while_live(room_app):
    at = _console(room_app)
    (warning,) = [w.value for w in at.warning if "Thought Leader Team" in w.value]
    assert warning.startswith("This meeting is running on an agenda the Thought Leader Team")
    assert "Not approved by: Lead \\(Police\\)." in warning
    assert "No Thought Leader Team member yet for: Residents." in warning


def test_an_approved_agenda_brings_no_warning(room_app, db):
    agenda_review.approve(db, room_app.room.leader, room_app.room.meeting_id)
    at = _console(room_app)
    assert not [w for w in at.warning if "Thought Leader Team" in w.value]


def test_before_the_start_the_warning_says_starting_still_works_and_start_runs(room_app, db):
    room = room_app.room
    with db.write() as s:
        meeting = s.get_one(Meeting, room.meeting_id)
        meeting.status, meeting.current_item_id, meeting.input_open = (
            MeetingStatus.PLANNED,
            None,
            False,
        )
    at = _console(room_app)
    (warning,) = [w.value for w in at.warning if "Thought Leader Team" in w.value]
    assert "You can still start" in warning and "Lead \\(Police\\)" in warning
    at = click(at, "Start the meeting")
    state = room_control.room_state(db, room.meeting_id, actor=SYSTEM)
    # The first step listens: input opens and its 20 minutes run, as Next would do.
    assert (state.status, state.position, state.input_open) == (MeetingStatus.LIVE, 1, True)
    left = state.seconds_left(datetime.now(UTC))
    assert left is not None and 19 * 60 < left <= 20 * 60
    assert "The meeting has started." in texts(at)


def test_the_keys_are_on_the_buttons_and_in_a_legend(room_app):
    at = _console(room_app)
    keys = {b.label: b.proto.shortcut for b in at.button if b.proto.shortcut}
    assert keys == {
        "◀ Back": "b",
        "Next ▶": "n",
        "Close input": "i",
        "Start timer": "t",
        "Pause timer": "p",
    }
    (legend,) = [c.value for c in at.caption if c.value.startswith("**Keyboard:**")]
    assert "N next step" in legend and "P pause or resume the timer" in legend
    assert "while you type in a box" in legend


def test_the_facilitator_can_turn_the_single_key_shortcuts_off(room_app):
    at = _console(room_app)
    [switch] = [t for t in at.toggle if t.label == "Keyboard shortcuts"]
    switch.set_value(False).run()
    assert [b.label for b in at.button if b.proto.shortcut] == []
    assert not [c for c in at.caption if c.value.startswith("**Keyboard:**")]
    [switch] = [t for t in at.toggle if t.label == "Keyboard shortcuts"]
    switch.set_value(True).run()
    assert {b.proto.shortcut for b in at.button if b.proto.shortcut} == set("bnitp")


def test_a_spanish_reading_facilitator_picks_steps_by_their_spanish_titles(room_app, db):
    room = room_app.room
    entry = translate.Translation(
        kind="agenda_item", entity_id=room.item_ids[1], field="title", text="Ideas nuevas"
    )
    translate.translate(db, room.facilitator, entry)
    languages.set_own_language(db, room.facilitator, "es")
    room_control.go_to_step(db, room.facilitator, room.meeting_id, room.item_ids[1])
    at = _console(room_app)
    # The step the room is on, where the console names it: its switches and its agenda.
    assert any("“Ideas nuevas”" in t for t in texts(at)), texts(at)
    agenda = at.dataframe[-1].value
    assert list(agenda.iloc[:, 1]) == ["Listen", "Ideas nuevas", "Vote"]
    picker = by_label(at.selectbox, "Paso al que ir")
    # A step with a translation is named by it; one without, as written.
    assert [option.split(" (")[0] for option in picker.options] == [
        "1. Listen",
        "2. Ideas nuevas",
        "3. Vote",
    ]


def test_closing_the_meeting_is_asked_first_and_keep_keeps_it_open(room_app, db):
    # One click beside Next closed every vote and turned the phones to the feedback form.
    room = room_app.room
    room_control.start_meeting(db, room.facilitator, room.meeting_id)

    def status():
        return room_control.room_state(db, room.meeting_id, actor=SYSTEM).status

    at = click(_console(room_app), "Close the meeting")
    assert any("Close the meeting? Every open vote closes" in w.value for w in at.warning)
    assert status() is MeetingStatus.LIVE
    at = click(at, "Keep the meeting open")
    assert not [w for w in at.warning if "Close the meeting?" in w.value]
    assert status() is MeetingStatus.LIVE
    # A planned meeting after it: with no pick of their own, people move to it once this
    # one closes; the console the facilitator closed it on stays on it.
    from services.setup import meetings

    meetings.create_meeting(
        db, room.facilitator, room.initiative_id, meetings.MeetingFields(title="Follow-up")
    )
    at = click(click(at, "Close the meeting"), "Yes, close the meeting")
    assert status() is MeetingStatus.CLOSED
    assert "The meeting is closed." in texts(at)
    labels = [b.label for b in at.button]
    assert "Reopen the meeting" in labels and "Start the meeting" not in labels
