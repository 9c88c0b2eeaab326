"""The projector frame: large type readable from the back of the room, no sidebar."""

from __future__ import annotations

from typing import Any

import streamlit as st

from components.text import escape_markdown

# Static CSS only: no user text ever reaches this string.
_PROJECTOR_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] { display: none; }
[data-testid="stMainBlockContainer"] { max-width: 100%; padding: 1.5rem 3rem; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li {
  font-size: 1.9rem; line-height: 1.35;
}
/* The idea wall's quotes: the room's words in full-strength text, not faded. */
[data-testid="stMarkdownContainer"] blockquote {
  color: inherit; opacity: 1; border-left: 0.35rem solid #1d4ed8; margin-bottom: 1.2rem;
}
[data-testid="stMarkdownContainer"] blockquote p { color: inherit; font-size: 1.9rem; }
h1 { font-size: 3.4rem !important; }
h2 { font-size: 2.6rem !important; }
h3 { font-size: 2.1rem !important; }
</style>
"""


def projector_frame() -> None:
    """Hide the sidebar and enlarge the type for a 1920×1080 screen."""
    st.html(_PROJECTOR_CSS)


def idea_wall(ideas: list[Any], columns: int = 3, limit: int = 24) -> None:
    """The newest ideas, newest first, dealt across the columns as quoted blocks.

    One Markdown element per column, not a bordered box per idea: every element costs the
    server a message on each two-second refresh of every projector (bench/).
    """
    shown = list(reversed(ideas))[:limit]
    st.markdown(f"## {len(ideas)} ideas so far")
    for index, column in enumerate(st.columns(columns)):
        dealt = shown[index::columns]
        if dealt:
            column.markdown("\n\n".join(quoted(idea.text) for idea in dealt))
    if len(ideas) > limit:
        st.caption(f"Showing the newest {limit} of {len(ideas)}.")


def quoted(text: str) -> str:
    """`text`, literally, as one Markdown block quote: every line marked, so a blank line
    in someone's idea cannot end the quote and run into the next one."""
    return "\n".join(f"> {line}" for line in escape_markdown(text).split("\n"))


def ranking_list(ranking: list[Any], limit: int = 5) -> None:
    """The top of the common-ground ranking, numbered, with whether it unites or divides."""
    st.markdown("### Common ground: ranked by support across every group")
    for place, row in enumerate(ranking[:limit], start=1):
        verdict = "divides the groups" if row.divides else "backed across the groups"
        st.markdown(f"{place}. {escape_markdown(row.text)} — *{verdict}*")


def spotlight_panel(spot: Any) -> None:
    """One conflict's sides in columns: each position, and apart, the interests beneath."""
    st.markdown(f"## Working through: {escape_markdown(spot.issue)}")
    if not spot.sides:
        return
    for column, side in zip(st.columns(len(spot.sides)), spot.sides, strict=True):
        with column, st.container(border=True):
            st.markdown(f"### {escape_markdown(side.group)}")
            st.markdown(f"**Position:** {escape_markdown(side.position or '—')}")
            st.markdown(f"**Interests:** {escape_markdown(side.interests or '—')}")
    if spot.agreement:
        st.markdown(f"**Agreement:** {escape_markdown(spot.agreement)}")
