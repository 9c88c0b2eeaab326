"""Expanders whose content is drawn once a person has opened them, not on every run.

Streamlit draws an expander's content, shut or open, on every run: on the Agenda that was
ten steps' editing forms (about 180 fields) that nobody had asked for, most of the page's
work in the browser and on the server. Kept once opened, so a form's typing survives
shutting the expander again, as it did when everything was drawn.
"""

from __future__ import annotations

import streamlit as st
from streamlit.elements.lib.mutable_expander_container import ExpanderContainer

_OPENED = "_expanders_opened"


def expander_once_opened(label: str, *, key: str) -> tuple[ExpanderContainer, bool]:
    """The expander `label` (keyed `key`) and whether to draw its content: once it has been
    opened in this session, on every run after."""
    box = st.expander(label, key=key, on_change="rerun")
    opened: set[str] = st.session_state.setdefault(_OPENED, set())
    if box.open:
        opened.add(key)
    return box, key in opened
