"""Form helpers: one submission key per filled-in form, so a double tap saves once; a form
that starts empty again once saved and keeps what was typed when refused."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import streamlit as st

from i18n import N_, _


def submission_key(form: str) -> str:
    """The key of the form being filled in; stays the same until `form_saved` is called."""
    name = f"_submission_{form}"
    if name not in st.session_state:
        st.session_state[name] = uuid.uuid4().hex
    return st.session_state[name]


def form_saved(form: str) -> None:
    """The form's contents are stored: the next submission is a new one."""
    st.session_state[f"_submission_{form}"] = uuid.uuid4().hex


def fresh_form_key(form: str) -> str:
    """The key to draw `form` with: a new one after each save through `save_then_fresh`,
    so its fields start empty for the next entry (its widgets are the form's own)."""
    return f"{form}-{st.session_state.get(_generation(form), 0)}"


def save_then_fresh(form: str, save: Callable[[], None]) -> None:
    """Run `save` (an action runner's call: on success the page reruns, refused it returns
    having said why). Saved, the form is drawn anew and empty on the rerun; refused, it
    keeps every field as typed, to correct. Not `clear_on_submit`, which empties the form
    either way: a refused entry would be lost."""
    generation = _generation(form)
    before = st.session_state.get(generation, 0)
    st.session_state[generation] = before + 1  # kept only if the save's rerun comes
    try:
        save()
    except Exception:
        st.session_state[generation] = before
        raise
    st.session_state[generation] = before  # refused in words: the same form, as typed


def date_pattern() -> str:
    """How a date box writes its date for the reader: a Spanish reader's day first."""
    # Translators: how a date box writes a date, one of Streamlit's own patterns:
    # YYYY/MM/DD, DD/MM/YYYY or MM/DD/YYYY, with "/", "-" or "." between.
    return _("YYYY/MM/DD")


def _generation(form: str) -> str:
    return f"_fresh_{form}"


# "Not asked yet" comes first so it is the default: a confirmation is recorded only when
# the scribe says the speaker gave it. The English words are the widget's options (kept in
# the session); the radio shows each through `_()`.
CONFIRMED_LABELS = {
    N_("Not asked yet"): None,
    N_("Yes, they confirmed it"): True,
    N_("No, not quite"): False,
}
FIRST_ANSWER = next(iter(CONFIRMED_LABELS))
