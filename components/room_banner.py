"""Where the room is: the current step, its prompt, whether input is open, the timer."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import streamlit as st

from components.text import escape_markdown


def timer_text(seconds_left: int | None) -> str:
    """'12:05 left', 'Time is up', or '' when no timer runs."""
    if seconds_left is None:
        return ""
    if seconds_left <= 0:
        return "Time is up"
    minutes, seconds = divmod(seconds_left, 60)
    return f"{minutes}:{seconds:02d} left"


def step_heading(state: Any) -> str:
    """'Step 3 of 10: Ideas for better 911 response', or why there is no step."""
    if state.current is None:
        return "The meeting has not started yet"
    return f"Step {state.position} of {state.step_count}: {state.current.title}"


def show_room_banner(state: Any, now: datetime | None = None) -> None:
    """The step, prompt, input state and timer; words, not colour, carry the state."""
    now = now or datetime.now(UTC)
    st.subheader(escape_markdown(step_heading(state)))
    if state.current is not None and state.current.prompt:
        st.markdown(f"**Question:** {escape_markdown(state.current.prompt)}")
    status = "Input is open" if state.input_open else "Input is closed"
    timer = timer_text(state.seconds_left(now))
    line = f"{status} · {timer}" if timer else status
    if state.input_open:
        st.success(line, icon=":material/edit_note:")
    else:
        st.warning(line, icon=":material/lock:")
