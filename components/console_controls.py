"""The console's controls: steps, input, timer, with keyboard shortcuts and their legend."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import streamlit as st

import runtime
from components.text import escape_markdown
from i18n import _, ngettext
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


def legend() -> str:
    """The keys in words, in the reader's language (the keys are the same in every one)."""
    return _(
        "**Keyboard:** {next} next step · {back} back a step · {input} open or close input · "
        "{timer} start the timer · {pause} pause or resume the timer. Keys do nothing while "
        "you type in a box."
    ).format(**SHORTCUTS)


def approval_warning(gaps: ApprovalGaps | None, status: MeetingStatus) -> None:
    """Who has not approved the agenda, before the start and while the meeting runs."""
    if gaps is None or status is MeetingStatus.CLOSED:
        return
    parts = []
    if gaps.waiting:
        names = ", ".join(escape_markdown(f"{w.name} ({w.group})") for w in gaps.waiting)
        parts.append(_("Not approved by: {names}.").format(names=names))
    if gaps.groups_without_leader:
        groups = ", ".join(escape_markdown(g) for g in gaps.groups_without_leader)
        parts.append(_("No Thought Leader Team member yet for: {groups}.").format(groups=groups))
    if gaps.approved_by:
        names = ", ".join(escape_markdown(n) for n in gaps.approved_by)
        parts.append(_("Approved by: {names}.").format(names=names))
    if status is MeetingStatus.LIVE:
        lead = _("This meeting is running on an agenda the Thought Leader Team has not approved.")
    else:
        lead = _(
            "The Thought Leader Team has not approved this agenda. You can still start: "
            "the start is recorded with who had not approved."
        )
    st.warning("  \n".join([lead, *parts]), icon=":material/gpp_maybe:")


def step_controls(state: RoomState, control: Control) -> None:
    """Start, or Back and Next; input open or closed; close or reopen the meeting."""
    live = state.status is MeetingStatus.LIVE and state.current is not None
    moves, inputs, close = st.columns([4, 3, 3], vertical_alignment="bottom")
    if not live and state.status is not MeetingStatus.CLOSED:
        if moves.button(_("Start the meeting"), type="primary"):
            control(room_control.start_meeting, done=_("The meeting has started."))
    else:
        back, forward = moves.columns(2)
        # Moving applies the step's plan: input opens where the step takes it, its timer starts.
        if back.button(
            _("◀ Back"),
            disabled=not live or state.position <= 1,
            width="stretch",
            shortcut=_key("back"),
        ):
            control(room_control.move_step, -1, done=_("Moved back one step."))
        if forward.button(
            _("Next ▶"),
            type="primary",
            disabled=not live or state.position >= state.step_count,
            width="stretch",
            shortcut=_key("next"),
        ):
            control(room_control.move_step, +1, done=_("Moved to the next step."))
    key = _key("input")
    if state.input_open:
        if inputs.button(_("Close input"), width="stretch", shortcut=key):
            control(room_control.set_input, False, done=_("Input is closed."))
    elif inputs.button(_("Open input"), width="stretch", disabled=not live, shortcut=key):
        control(room_control.set_input, True, done=_("Input is open."))
    if state.status is MeetingStatus.CLOSED:
        st.session_state.pop(_CLOSING, None)
        if close.button(_("Reopen the meeting"), width="stretch"):
            control(room_control.reopen_meeting, done=_("The meeting is open again."))
    elif close.button(_("Close the meeting"), width="stretch"):
        st.session_state[_CLOSING] = True
    if st.session_state.get(_CLOSING) and state.status is not MeetingStatus.CLOSED:
        _confirm_closing(state, control)


_CLOSING = "console-closing-asked"


def _confirm_closing(state: RoomState, control: Control) -> None:
    """Closing ends every open vote and turns the phones to the feedback form: one click
    beside Next did it, mid-meeting (a helper's walk). Asked first, under the controls."""
    st.warning(
        _(
            "Close the meeting? Every open vote closes, the tablets stop taking notes and "
            "ideas, and the phones turn to the feedback form. You can reopen it."
        )
    )
    yes, no, _rest = st.columns([3, 3, 4])
    if no.button(_("Keep the meeting open"), width="stretch"):
        del st.session_state[_CLOSING]
        st.rerun()
    if yes.button(_("Yes, close the meeting"), type="primary", width="stretch"):
        del st.session_state[_CLOSING]
        # Stay on it: with no pick of their own, people work on the next meeting to be held
        # once this one has closed, and the console moved to it, offering "Start the
        # meeting" right under "The meeting is closed." (a helper's walk).
        runtime.choose(runtime.current_initiative_id(), state.meeting_id)
        control(room_control.close_meeting, done=_("The meeting is closed."))


def timer_controls(state: RoomState, control: Control) -> None:
    """A timer of chosen length, pause and resume, and +1 / +5 minutes."""
    live = state.status is MeetingStatus.LIVE and state.current is not None
    closed = state.status is MeetingStatus.CLOSED
    length, start, hold, more = st.columns([3, 2, 2, 3], vertical_alignment="bottom")
    minutes = length.number_input(
        _("Timer (minutes)"),
        1,
        room_control.TIMER_MAX,
        state.current.minutes if state.current else 10,
    )
    if start.button(_("Start timer"), disabled=closed, width="stretch", shortcut=_key("timer")):
        done = _("Timer set for {minutes} minutes.").format(minutes=minutes)
        control(room_control.start_timer, int(minutes), done=done)
    if state.paused:
        if hold.button(_("Resume timer"), width="stretch", shortcut=_key("pause")):
            control(room_control.resume_timer, done=_("The timer is running again."))
    else:
        running = bool(state.seconds_left(datetime.now(UTC)))
        if hold.button(
            _("Pause timer"),
            disabled=closed or not running,
            width="stretch",
            shortcut=_key("pause"),
        ):
            control(room_control.pause_timer, done=_("The timer is paused."))
    for extra, column in zip(room_control.EXTENSIONS, more.columns(2), strict=True):
        more_time = ngettext("+{n} minute", "+{n} minutes", extra).format(n=extra)
        if column.button(more_time, disabled=not live, width="stretch"):
            done = ngettext(
                "Added {n} minute to the timer.", "Added {n} minutes to the timer.", extra
            ).format(n=extra)
            control(room_control.extend_timer, extra, done=done)


KEYS_ON = "console_keys"
"""The facilitator's switch for the single-key shortcuts (WCAG 2.1.4 asks that they can be
turned off: speech input and some keyboards press letters a person did not mean as keys)."""


def _key(name: str) -> str | None:
    return SHORTCUTS[name] if st.session_state.get(KEYS_ON, True) else None


def shortcut_legend() -> None:
    """The keys, in words, where the facilitator sees them while running the room, and the
    switch that turns them off."""
    if st.toggle(_("Keyboard shortcuts"), value=True, key=KEYS_ON):
        st.caption(legend())


def step_jump(screen: ConsoleScreen, control: Control) -> None:
    """Any step of the agenda, picked by its title, and a button to take the room there."""
    state = screen.room
    if not screen.steps:
        return
    live = state.status is MeetingStatus.LIVE and state.current is not None
    pick, go = st.columns([6, 2], vertical_alignment="bottom")
    titles = {
        i.id: _("{position}. {title} ({step}, {minutes} min)").format(
            position=i.position, title=screen.title_of(i), step=label(i.step), minutes=i.minutes
        )
        for i in screen.steps
    }
    chosen = pick.selectbox(
        _("Step to jump to"),
        list(titles),
        index=state.position - 1 if state.current else 0,
        format_func=titles.__getitem__,
    )
    if go.button(_("Go to this step"), disabled=not live, width="stretch"):
        where = escape_markdown(titles[chosen])
        control(
            room_control.go_to_step,
            chosen,
            done=_("The room is on step {where}.").format(where=where),
        )
