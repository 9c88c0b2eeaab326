"""Expanders and tabs whose content is drawn once a person has opened them, not on every
run.

Streamlit draws an expander's or a tab's content, seen or not, on every run: on the Agenda
that was ten steps' editing forms (about 180 fields) that nobody had asked for, on Set up
four tabs behind the one open; most of each page's work in the browser and on the server.
Kept once opened, so a form's typing survives shutting the expander or turning to another
tab, as it did when everything was drawn.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st
from streamlit.elements.lib.mutable_expander_container import ExpanderContainer
from streamlit.elements.lib.mutable_tab_container import TabContainer

OPENED = "_opened_once"
"""The session's keys of the expanders and tabs opened so far."""


def expander_once_opened(
    label: str, *, key: str, expanded: bool = False
) -> tuple[ExpanderContainer, bool]:
    """The expander `label` (keyed `key`, open at first when `expanded`) and whether to draw
    its content: once it has been opened in this session, on every run after."""
    box = st.expander(label, expanded=expanded, key=key, on_change="rerun")
    return box, _once(key, bool(box.open))


def will_draw(key: str) -> bool:
    """Whether the expander keyed `key` draws its content on this run (it is open, or was
    opened before in this session): for a page to read what that content needs only when
    it does. Streamlit sets a widget's state before the run its change starts. (An
    expander drawn `expanded` before it has a state draws it too: its page reads for that
    case itself.)"""
    return key in st.session_state.get(OPENED, ()) or bool(st.session_state.get(key))


def tabs_once_opened(labels: Sequence[str], *, key: str) -> list[tuple[TabContainer, bool]]:
    """The tabs `labels` (keyed `key`), each with whether to draw its content: the open one,
    and every one opened before in this session."""
    tabs = st.tabs(list(labels), key=key, on_change="rerun")
    # By place, not label: the labels change with the page's language.
    return [(tab, _once(f"{key}:{n}", bool(tab.open))) for n, tab in enumerate(tabs)]


def _once(key: str, is_open: bool) -> bool:
    opened: set[str] = st.session_state.setdefault(OPENED, set())
    if is_open:
        opened.add(key)
    return key in opened
