"""What a table's form says about saving now: open, late, or closed and what to do."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components.drafts import Draft
from components.forms import form_saved
from components.live_region import say
from components.notices import show_error
from i18n import N_, _
from services.core.errors import DomainError
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


@dataclass(frozen=True)
class TableForm:
    """A table's form ("note", "idea") that saves from its button's callback, before it is
    drawn again: saved, its fields empty; refused, every word stays and the refusal shows.

    `draft` holds its typed fields (the browser keeps them too); `resets` are its other
    fields as they start (a group not chosen, a box not ticked).
    """

    name: str
    draft: Draft
    resets: Mapping[str, object] = field(default_factory=dict)

    def save(self, store: Callable[[], str]) -> None:
        """Run `store`, which saves and returns what to say; keep its outcome for the form."""
        try:
            said = store()
        except DomainError as error:
            st.session_state[self._outcome] = error
            return
        form_saved(self.name)
        self.draft.saved()
        st.session_state.update(self.resets)
        st.session_state[self._outcome] = said

    def outcome(self) -> str | DomainError | None:
        """What the last save left (once): the words to say, the refusal, or nothing."""
        return st.session_state.pop(self._outcome, None)

    @property
    def _outcome(self) -> str:
        return f"_{self.name}_outcome"


def show_outcome(region: DeltaGenerator, result: object) -> None:
    """A refusal where the form's message goes, or the save said in its live `region`.

    The message's place is drawn either way, so what follows keeps its place when the
    message goes (an expander drawn anew would close as a note was picked in it).
    """
    place = st.empty()
    if isinstance(result, DomainError):
        with place:
            show_error(result)
    elif isinstance(result, str) and result:
        say(region, result)
