"""Lists of listening notes and ideas, user text always shown literally."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import streamlit as st

from components.text import escape_markdown

NEWEST = 20
"""Notes or ideas a page lists before asking: a table's list only grows through a
meeting, and the page is drawn again on every run (bench/)."""
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
_BETWEEN = "\n\n---\n\n"


def note_list(notes: Sequence[Any], group_of: Callable[[Any], str]) -> None:
    """Notes in one bordered box, a rule between them: what was said, what was heard back,
    the interest beneath, and who said it.

    One Markdown element for the whole list, not a box of four per note: every element
    costs the server a message on each run, and a scribe's page lists twenty (bench/).
    """
    if notes:
        with st.container(border=True):
            st.markdown(_BETWEEN.join(note_text(n, group_of(n)) for n in notes))


def idea_list(ideas: Sequence[Any], origin_of: Callable[[Any], list[str]]) -> None:
    """Ideas in one bordered box, a rule between them, each with where it came from."""
    if ideas:
        with st.container(border=True):
            st.markdown(_BETWEEN.join(idea_text(i, origin_of(i)) for i in ideas))


def note_text(note: Any, group: str) -> str:
    """One note as Markdown, its words shown literally."""
    said = [escape_markdown(note.said)]
    if note.paraphrase:
        said.append(f"**I heard:** {escape_markdown(note.paraphrase)}")
    if note.interest:
        said.append(f"**Interest or need:** {escape_markdown(note.interest)}")
    details = [group or "group not given", CONFIRMED_WORDS[note.confirmed]]
    if note.confidential:
        details.append("confidential: never on the projector")
    if note.late:
        details.append("late, saved after input closed")
    return "\n\n".join([*said, _small(details)])


def idea_text(idea: Any, origin: list[str]) -> str:
    """One idea as Markdown, its words shown literally, then where it came from."""
    return f"{escape_markdown(idea.text)}\n\n{_small(origin)}"


def idea_origin(idea: Any, group: str, table: int | None, theme: str = "") -> list[str]:
    """Where an idea came from, and what became of it, in words."""
    origin = [f"table {table}" if table else "facilitator", group or "group not given"]
    if theme:
        origin.append(f"theme: {theme}")
    if idea.status.value != "visible":
        pending = idea.status.value == "pending"
        origin.append("waiting for approval" if pending else idea.status.value)
    if idea.confidential:
        origin.append("confidential")
    if idea.late:
        origin.append("late, saved after input closed")
    return origin


def _small(words: list[str]) -> str:
    return f":small[{escape_markdown(' · '.join(words))}]"
