"""Form helpers: one submission key per filled-in form, so a double tap saves once."""

from __future__ import annotations

import uuid

import streamlit as st

from i18n import N_


def submission_key(form: str) -> str:
    """The key of the form being filled in; stays the same until `form_saved` is called."""
    name = f"_submission_{form}"
    if name not in st.session_state:
        st.session_state[name] = uuid.uuid4().hex
    return st.session_state[name]


def form_saved(form: str) -> None:
    """The form's contents are stored: the next submission is a new one."""
    st.session_state[f"_submission_{form}"] = uuid.uuid4().hex


# "Not asked yet" comes first so it is the default: a confirmation is recorded only when
# the scribe says the speaker gave it. The English words are the widget's options (kept in
# the session); the radio shows each through `_()`.
CONFIRMED_LABELS = {
    N_("Not asked yet"): None,
    N_("Yes, they confirmed it"): True,
    N_("No, not quite"): False,
}
FIRST_ANSWER = next(iter(CONFIRMED_LABELS))
