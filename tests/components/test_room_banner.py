"""The room's timer in words: running, paused, up, or none."""

import json
from datetime import UTC, datetime, timedelta

import i18n
from components.room_banner import (
    countdown_html,
    countdown_shown,
    countdown_text,
    room_timer_text,
    timer_text,
)
from services.core.vocab import MeetingStatus
from services.room.room_control import RoomState

NOW = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)


def _state(ends_at=None, paused=None):
    return RoomState(1, "M", MeetingStatus.LIVE, True, 1, 3, None, None, ends_at, paused)


def test_a_paused_timer_says_paused_and_what_is_left():
    assert timer_text(252, paused=True) == "Paused — 4:12 left"
    assert countdown_text(252, paused=True) == "Timer: Paused — 4:12 left"
    assert room_timer_text(_state(paused=252), NOW) == "Paused — 4:12 left"


def test_a_paused_timer_stays_put_while_the_clock_moves():
    state = _state(paused=61)
    assert room_timer_text(state, NOW) == room_timer_text(state, NOW + timedelta(hours=1))


def test_a_running_timer_counts_and_then_says_time_is_up():
    state = _state(ends_at=NOW + timedelta(seconds=125))
    assert room_timer_text(state, NOW) == "2:05 left"
    assert room_timer_text(state, NOW + timedelta(minutes=5)) == "Time is up"
    assert room_timer_text(_state(), NOW) == ""
    assert countdown_text(None) == "No timer is running"


def test_the_countdown_heading_is_whole_before_its_script_runs():
    body = countdown_html(725)
    assert countdown_shown(body) == ("timer", "Timer: 12:05 left")
    assert countdown_shown(countdown_html(0)) == ("alarm", "Timer: Time is up")
    assert countdown_shown(countdown_html(61, paused=True)) == (
        "pause_circle",
        "Timer: Paused — 1:01 left",
    )
    assert countdown_shown(countdown_html(None)) == ("timer", "No timer is running")
    # The icon is decoration: its ligature name is hidden from screen readers.
    assert '<span data-cg-icon aria-hidden="true"' in body


def test_the_countdown_script_gets_numbers_and_the_catalogues_words_only():
    body = countdown_html(725)
    said = json.loads(body[body.index("const said = ") + 13 : body.index(";\n  const from")])
    assert said == {
        "key": "0",
        "left": 725,
        "paused": False,
        "left_words": "{time} left",
        "up_words": "Time is up",
        "line": "Timer: {timer}",
    }
    with i18n.using("es"):
        spanish = countdown_html(725)
    assert countdown_shown(spanish) == ("timer", "Temporizador: quedan 12:05")
    assert '"left_words": "quedan {time}"' in spanish
