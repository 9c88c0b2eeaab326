"""The console's controls: steps, input, timer, with keyboard shortcuts and their legend."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import streamlit as st

from components.text import escape_markdown
from services.agenda.agenda_gaps import ApprovalGaps
from services.core.vocab import MeetingStatus, label
from services.room import room_control
from services.room.console_screen import ConsoleScreen
from services.room.room_control import RoomState

Control = Callable[..., None]

# One key per hand movement a facilitator repeats all session. Streamlit's own shortcuts
# (button shortcut=) ignore keys typed into a text box, reserve C and R, and show the key
# on the button itself.
SHORTCUTS = {
    "next": "N",
    "back": "B",
    "input": "I",
    "timer": "T",
    "pause": "P",
}
LEGEND = (
    f"**Keyboard:** {SHORTCUTS['next']} next step · {SHORTCUTS['back']} back a step · "
    f"{SHORTCUTS['input']} open or close input · {SHORTCUTS['timer']} start the timer · "
    f"{SHORTCUTS['pause']} pause or resume the timer. Keys do nothing while you type in a box."
)


def approval_warning(gaps: ApprovalGaps | None, status: MeetingStatus) -> None:
    """Who has not approved the agenda, before the start and while the meeting runs."""
    if gaps is None or status is MeetingStatus.CLOSED:
        return
    parts = []
    if gaps.waiting:
        names = ", ".join(escape_markdown(f"{w.name} ({w.group})") for w in gaps.waiting)
        parts.append(f"Not approved by: {names}.")
    if gaps.groups_without_leader:
        groups = ", ".join(escape_markdown(g) for g in gaps.groups_without_leader)
        parts.append(f"No Thought Leader Team member yet for: {groups}.")
    if gaps.approved_by:
        parts.append(f"Approved by: {', '.join(escape_markdown(n) for n in gaps.approved_by)}.")
    if status is MeetingStatus.LIVE:
        lead = "This meeting is running on an agenda the Thought Leader Team has not approved."
    else:
        lead = (
            "The Thought Leader Team has not approved this agenda. You can still start: "
            "the start is recorded with who had not approved."
        )
    st.warning("  \n".join([lead, *parts]), icon=":material/gpp_maybe:")


def step_controls(state: RoomState, control: Control) -> None:
    """Start, or Back and Next; input open or closed; close or reopen the meeting."""
    live = state.status is MeetingStatus.LIVE and state.current is not None
    moves, inputs, close = st.columns([4, 3, 3], vertical_alignment="bottom")
    if not live and state.status is not MeetingStatus.CLOSED:
        if moves.button("Start the meeting", type="primary"):
            control(room_control.start_meeting, done="The meeting has started.")
    else:
        back, forward = moves.columns(2)
        # Moving applies the step's plan: input opens where the step takes it, its timer starts.
        if back.button(
            "◀ Back",
            disabled=not live or state.position <= 1,
            width="stretch",
            shortcut=_key("back"),
        ):
            control(room_control.move_step, -1, done="Moved back one step.")
        if forward.button(
            "Next ▶",
            type="primary",
            disabled=not live or state.position >= state.step_count,
            width="stretch",
            shortcut=_key("next"),
        ):
            control(room_control.move_step, +1, done="Moved to the next step.")
    key = _key("input")
    if state.input_open:
        if inputs.button("Close input", width="stretch", shortcut=key):
            control(room_control.set_input, False, done="Input is closed.")
    elif inputs.button("Open input", width="stretch", disabled=not live, shortcut=key):
        control(room_control.set_input, True, done="Input is open.")
    if state.status is MeetingStatus.CLOSED:
        if close.button("Reopen the meeting", width="stretch"):
            control(room_control.reopen_meeting, done="The meeting is open again.")
    elif close.button("Close the meeting", width="stretch"):
        control(room_control.close_meeting, done="The meeting is closed.")


def timer_controls(state: RoomState, control: Control) -> None:
    """A timer of chosen length, pause and resume, and +1 / +5 minutes."""
    live = state.status is MeetingStatus.LIVE and state.current is not None
    closed = state.status is MeetingStatus.CLOSED
    length, start, hold, more = st.columns([3, 2, 2, 3], vertical_alignment="bottom")
    minutes = length.number_input(
        "Timer (minutes)",
        1,
        room_control.TIMER_MAX,
        state.current.minutes if state.current else 10,
    )
    if start.button("Start timer", disabled=closed, width="stretch", shortcut=_key("timer")):
        control(room_control.start_timer, int(minutes), done=f"Timer set for {minutes} minutes.")
    if state.paused:
        if hold.button("Resume timer", width="stretch", shortcut=_key("pause")):
            control(room_control.resume_timer, done="The timer is running again.")
    else:
        running = bool(state.seconds_left(datetime.now(UTC)))
        if hold.button(
            "Pause timer",
            disabled=closed or not running,
            width="stretch",
            shortcut=_key("pause"),
        ):
            control(room_control.pause_timer, done="The timer is paused.")
    for extra, column in zip(room_control.EXTENSIONS, more.columns(2), strict=True):
        unit = "minute" if extra == 1 else "minutes"
        if column.button(f"+{extra} {unit}", disabled=not live, width="stretch"):
            control(room_control.extend_timer, extra, done=f"Added {extra} {unit} to the timer.")


KEYS_ON = "console_keys"
"""The facilitator's switch for the single-key shortcuts (WCAG 2.1.4 asks that they can be
turned off: speech input and some keyboards press letters a person did not mean as keys)."""


def _key(name: str) -> str | None:
    return SHORTCUTS[name] if st.session_state.get(KEYS_ON, True) else None


def shortcut_legend() -> None:
    """The keys, in words, where the facilitator sees them while running the room, and the
    switch that turns them off."""
    if st.toggle("Keyboard shortcuts", value=True, key=KEYS_ON):
        st.caption(LEGEND)


def step_jump(screen: ConsoleScreen, control: Control) -> None:
    """Any step of the agenda, picked by its title, and a button to take the room there."""
    state = screen.room
    if not screen.steps:
        return
    live = state.status is MeetingStatus.LIVE and state.current is not None
    pick, go = st.columns([6, 2], vertical_alignment="bottom")
    titles = {
        i.id: f"{i.position}. {i.title} ({label(i.step)}, {i.minutes} min)" for i in screen.steps
    }
    chosen = pick.selectbox(
        "Step to jump to",
        list(titles),
        index=state.position - 1 if state.current else 0,
        format_func=titles.__getitem__,
    )
    if go.button("Go to this step", disabled=not live, width="stretch"):
        where = escape_markdown(titles[chosen])
        control(room_control.go_to_step, chosen, done=f"The room is on step {where}.")
