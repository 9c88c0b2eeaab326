"""Where the room is: the current step, its prompt, whether input is open, the timer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import streamlit as st

from components.text import escape_markdown
from i18n import _
from services.core.actors import Actor
from services.room import late_notes
from services.room.room_control import RoomState
from workarounds.fragment_inline_call import InlineCall


def timer_text(seconds_left: int | None, *, paused: bool = False) -> str:
    """'12:05 left', 'Paused — 4:12 left', 'Time is up', or '' when no timer runs."""
    if seconds_left is None:
        return ""
    if seconds_left <= 0 and not paused:
        return _("Time is up")
    minutes, seconds = divmod(max(0, seconds_left), 60)
    # Translators: {time} is minutes and seconds, "12:05".
    left = _("{time} left").format(time=f"{minutes}:{seconds:02d}")
    # In words: a clock that merely stops looks like a frozen screen, not a choice.
    # Translators: {left} is "4:12 left".
    return _("Paused — {left}").format(left=left) if paused else left


def room_timer_text(state: RoomState, now: datetime | None = None) -> str:
    """The room's timer as every screen words it, paused or running (see `timer_text`)."""
    return timer_text(state.seconds_left(now or datetime.now(UTC)), paused=state.paused)


def step_heading(state: RoomState) -> str:
    """'Step 3 of 10: Ideas for better 911 response', or why there is no step."""
    if state.current is None:
        return _("The meeting has not started yet")
    return _("Step {position} of {count}: {title}").format(
        position=state.position, count=state.step_count, title=state.current.title
    )


def countdown_text(seconds_left: int | None, *, paused: bool = False) -> str:
    """'Timer: 12:05 left', 'Timer: Paused — 4:12 left', 'Timer: Time is up', or
    'No timer is running'."""
    timer = timer_text(seconds_left, paused=paused)
    return _("Timer: {timer}").format(timer=timer) if timer else _("No timer is running")


def live_countdown(read_state: Callable[[], RoomState]) -> None:
    """The room's timer, redrawn every second by itself and nothing else on the page.

    `read_state` reads the room afresh, so a timer another facilitator started, extended or
    cleared shows within a second too.
    """

    @st.fragment(run_every="1s")
    def tick() -> None:
        state = read_state()
        left = state.seconds_left(datetime.now(UTC))
        icon = ":material/alarm:" if left == 0 else ":material/timer:"
        if state.paused:
            icon = ":material/pause_circle:"
        st.markdown(f"### {icon} {countdown_text(left, paused=state.paused)}")

    tick()


def show_room_banner(
    state: RoomState, now: datetime | None = None, *, with_timer: bool = True
) -> None:
    """The step, prompt, input state and timer; words, not colour, carry the state.

    A screen that shows `live_countdown` passes `with_timer=False`, so the timer is not
    shown twice, once frozen.
    """
    now = now or datetime.now(UTC)
    st.subheader(escape_markdown(step_heading(state)))
    if state.current is not None and state.current.prompt:
        st.markdown("**" + _("Question:") + "** " + escape_markdown(state.current.prompt))
    status = _("Input is open") if state.input_open else _("Input is closed")
    timer = room_timer_text(state, now) if with_timer else ""
    line = f"{status} · {timer}" if timer else status
    if state.input_open:
        st.success(line, icon=":material/edit_note:")
    else:
        st.warning(line, icon=":material/lock:")


def follow_room(
    read_state: Callable[[], RoomState], drawn: RoomState, actor: Actor, every: str = "2s"
) -> None:
    """The banner on a table's screen, read afresh every two seconds, so it follows the room.

    When what a save from this screen would do changes (input opens or closes, late notes
    are allowed or stopped, the meeting closes), the whole page runs again so its forms say
    so. Text being typed survives that run: the browser keeps it as a draft (drafts.py).
    """
    page_gate = late_notes.input_gate(drawn, actor.is_facilitator)
    inline = InlineCall()

    @st.fragment(run_every=every)
    def banner() -> None:
        state = drawn if inline.first() else read_state()
        show_room_banner(state)
        if state.current is not None and state.current.late_notes and not state.input_open:
            st.info(_("Late notes are allowed for this step: they are marked late."))
        if late_notes.input_gate(state, actor.is_facilitator) != page_gate:
            st.rerun()

    banner()
