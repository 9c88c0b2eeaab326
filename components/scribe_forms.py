"""What a table's form says about saving now: open, late, or closed and what to do."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from i18n import N_, _
from services.core.scope import MEETING_CLOSED
from services.room import late_notes

LATE_ALLOWED = N_(
    "Input is closed, but the facilitator allows late notes for this step: "
    "what you save now is marked late."
)
# The services' own sentences, translated where they are shown.
REFUSAL = {late_notes.CLOSED: late_notes.CLOSED_MESSAGE, late_notes.OVER: MEETING_CLOSED}


def save_button(
    gate: str, label: str, late_label: str, on_click: Callable[[], None], *, refused: bool = False
) -> bool:
    """The form's submit button, after a line saying what a save does when input is closed.

    Never disabled: pressed while input is closed it is refused in words and the text stays,
    and the page follows the room within seconds (`follow_room`). After a refusal
    (`refused`) the refusal below says it, so the line is not shown twice.
    """
    if gate == late_notes.LATE:
        st.info(_(LATE_ALLOWED), icon=":material/schedule:")
        label = late_label
    elif gate in REFUSAL and not refused:
        st.warning(_(REFUSAL[gate]), icon=":material/lock:")
    return st.form_submit_button(label, type="primary", width="stretch", on_click=on_click)
