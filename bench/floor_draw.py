"""The floor's drawing: a recorded run's messages drawn again through Streamlit's own calls.

Each recorded `add_block` opens the same block (`DeltaGenerator._block`, what st.container,
st.columns, st.form and st.expander end by calling) in the container its path names; each
element is drawn with the `st.*` call that makes it — a button with st.button, a ballot
control with st.segmented_control, a note with st.markdown, a heading, an alert, a text
area, a select box, radio buttons, a placeholder (st.empty) — with the same label, text
and options, so Streamlit builds the protobuf, registers the widget and computes its id
as it did for the app.
Elements no `st.*` call can redraw from their message alone (an image already in the
media store, a component, a page link, a table's Arrow bytes) go through
`DeltaGenerator._enqueue`, the step every `st.*` call ends with. Any other message is
handed to the script run's context as it was sent.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from typing import Any

import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.errors import StreamlitAPIException
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

_HEADINGS = {"h1": "title", "h2": "header", "h3": "subheader"}
_ALERTS = {1: "error", 2: "warning", 3: "info", 4: "success"}
_CAPTION, _DIVIDER = 2, 5
_PILLS, _MULTI, _PASSWORD = 1, 1, 1


def replay(messages: Iterable[ForwardMsg]) -> None:
    """Draw a recorded run's messages, in order, where their paths put them."""
    keys = (f"floor-{n}" for n in itertools.count())
    opened: dict[tuple[int, ...], DeltaGenerator] = {}
    for message in messages:
        path = tuple(message.metadata.delta_path)
        delta = message.delta
        kind = delta.WhichOneof("type") if message.WhichOneof("type") == "delta" else None
        # A fragment's run names blocks it did not open: it draws at the top instead.
        where = opened.get(path[:-1]) or (st.sidebar if path[:1] == (1,) else st._main)
        if kind == "add_block":
            opened[path] = where._block(delta.add_block)
        elif kind == "new_element":
            element = delta.new_element
            name = element.WhichOneof("type")
            if name is not None:
                draw(where, name, getattr(element, name), next(keys))
        else:
            message.ClearField("hash")
            ctx = get_script_run_ctx()
            if ctx is not None:
                ctx.enqueue(message)


def draw(where: DeltaGenerator, kind: str, proto: Any, key: str) -> None:
    """One element through the `st.*` call that makes it, else through `_enqueue`."""
    call = _CALLS.get(kind)
    if call is not None:
        try:
            call(where, proto, key)
            return
        except (StreamlitAPIException, ValueError, TypeError):
            pass  # what st.* refuses to redraw from the message alone, it is sent as is
    where._enqueue(kind, proto)


def _markdown(where: DeltaGenerator, p: Any, _key: str) -> None:
    if p.element_type == _CAPTION:
        where.caption(p.body, unsafe_allow_html=p.allow_html)
    elif p.element_type == _DIVIDER:
        where.divider()
    else:
        where.markdown(p.body, unsafe_allow_html=p.allow_html)


def _heading(where: DeltaGenerator, p: Any, _key: str) -> None:
    command = _HEADINGS.get(p.tag)
    if command is None:
        raise ValueError(f"no st.* call draws a {p.tag} heading")
    getattr(where, command)(p.body, anchor=p.anchor or None)


def _alert(where: DeltaGenerator, p: Any, _key: str) -> None:
    getattr(where, _ALERTS[p.format])(p.body)


def _button(where: DeltaGenerator, p: Any, key: str) -> None:
    where.button(p.label, key=key, help=p.help or None, disabled=p.disabled)


def _button_group(where: DeltaGenerator, p: Any, key: str) -> None:
    options = [o.content for o in p.options]
    command = where.pills if p.style == _PILLS else where.segmented_control
    mode = "multi" if p.click_mode == _MULTI else "single"
    command(p.label, options, selection_mode=mode, key=key, disabled=p.disabled)


def _text_input(where: DeltaGenerator, p: Any, key: str) -> None:
    kind = "password" if p.type == _PASSWORD else "default"
    where.text_input(p.label, p.default, max_chars=p.max_chars or None, type=kind, key=key)


def _text_area(where: DeltaGenerator, p: Any, key: str) -> None:
    where.text_area(p.label, p.default, max_chars=p.max_chars or None, key=key)


def _selectbox(where: DeltaGenerator, p: Any, key: str) -> None:
    index = p.default if p.HasField("default") else None
    where.selectbox(p.label, list(p.options), index=index, key=key)


def _radio(where: DeltaGenerator, p: Any, key: str) -> None:
    index = p.default if p.HasField("default") else None
    where.radio(p.label, list(p.options), index=index, horizontal=p.horizontal, key=key)


def _checkbox(where: DeltaGenerator, p: Any, key: str) -> None:
    where.checkbox(p.label, p.default, key=key)


def _html(where: DeltaGenerator, p: Any, _key: str) -> None:
    where.html(p.body)


def _empty(where: DeltaGenerator, _p: Any, _key: str) -> None:
    where.empty()


_CALLS: dict[str, Callable[[DeltaGenerator, Any, str], None]] = {
    "markdown": _markdown,
    "heading": _heading,
    "alert": _alert,
    "button": _button,
    "button_group": _button_group,
    "text_input": _text_input,
    "text_area": _text_area,
    "selectbox": _selectbox,
    "radio": _radio,
    "checkbox": _checkbox,
    "html": _html,
    "empty": _empty,
}
