"""Cards for one listening note or one idea, user text always shown literally."""

from __future__ import annotations

from typing import Any

import streamlit as st

from components.text import escape_markdown

CONFIRMED_WORDS = {
    True: "✓ confirmed by the speaker",
    False: "✗ not confirmed",
    None: "? not checked",
}


def note_card(note: Any, group: str) -> None:
    """What was said, what was heard back, the interest beneath, and who said it."""
    with st.container(border=True):
        st.markdown(escape_markdown(note.said))
        if note.paraphrase:
            st.markdown(f"**I heard:** {escape_markdown(note.paraphrase)}")
        if note.interest:
            st.markdown(f"**Interest or need:** {escape_markdown(note.interest)}")
        details = [group or "group not given", CONFIRMED_WORDS[note.confirmed]]
        if note.confidential:
            details.append("confidential: never on the projector")
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
