"""Show people's words as words: never as HTML, never as Markdown links or images."""

from __future__ import annotations

import re

import streamlit as st

# Every character CommonMark lets a backslash escape, so none of them acts as syntax.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~=:$&\"'/^%@,;?])")


def escape_markdown(text: str) -> str:
    """`text` with Markdown syntax neutralised and line breaks kept."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return escaped.replace("\r\n", "\n").replace("\n", "  \n")


def plain(text: str) -> None:
    """Write user text literally."""
    st.markdown(escape_markdown(text))


def caption(text: str) -> None:
    """Write user text literally, small."""
    st.caption(escape_markdown(text))
