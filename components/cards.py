"""Cards for one listening note or one idea, user text always shown literally."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

import streamlit as st

from components.text import escape_markdown

NEWEST = 20
"""Cards a page draws before asking: each costs about 1 ms of server time on every run
(bench/), and a table's list only grows through a meeting."""
T = TypeVar("T")


def newest_first(items: Sequence[T], noun: str, key: str, limit: int = NEWEST) -> Sequence[T]:
    """The newest `limit` of `items` (given newest first), or all when the reader asks."""
    if len(items) <= limit:
        return items
    if st.toggle(f"Show all {len(items)} {noun}, not only the newest {limit}", key=key):
        return items
    return items[:limit]


CONFIRMED_WORDS = {
    True: "✓ confirmed by the speaker",
    False: "✗ not confirmed",
    None: "? not checked",
}


def note_card(note: Any, group: str) -> None:
    """What was said, what was heard back, the interest beneath, and who said it.

    One Markdown element for the words: each element costs the server a message on every
    run of a page that lists twenty of them (bench/).
    """
    said = [escape_markdown(note.said)]
    if note.paraphrase:
        said.append(f"**I heard:** {escape_markdown(note.paraphrase)}")
    if note.interest:
        said.append(f"**Interest or need:** {escape_markdown(note.interest)}")
    details = [group or "group not given", CONFIRMED_WORDS[note.confirmed]]
    if note.confidential:
        details.append("confidential: never on the projector")
    with st.container(border=True):
        st.markdown("\n\n".join(said))
        st.caption(escape_markdown(" · ".join(details)))


def idea_card(idea: Any, group: str, table: int | None, theme: str = "") -> None:
    """One idea on the board, with where it came from."""
    with st.container(border=True):
        st.markdown(escape_markdown(idea.text))
        origin = [f"table {table}" if table else "facilitator", group or "group not given"]
        if theme:
            origin.append(f"theme: {theme}")
        if idea.status.value != "visible":
            origin.append(idea.status.value)
        if idea.confidential:
            origin.append("confidential")
        st.caption(escape_markdown(" · ".join(origin)))
