"""Show people's words as words: never as HTML, never as Markdown links or images."""

from __future__ import annotations

import re

import streamlit as st

# Every character CommonMark lets a backslash escape, so none of them acts as syntax.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~=:$&\"'/^%@,;?])")
# Streamlit's Markdown turns a bare https://…, www.… or name@host into a link even when
# every character is escaped (seen in Chromium). An invisible word joiner (U+2060) inside
# each keeps the words as typed on screen and stops the link; the input side removes any
# a person pastes (services/core/validation.py), so none is ever stored.
_AUTOLINKED = re.compile(r"(?i)(:)(?=//)|(www)(?=\.)|(?=@)")
_WORD_JOINER = "\u2060"


def escape_markdown(text: str) -> str:
    """`text` with Markdown syntax neutralised, bare addresses left unlinked, line breaks kept."""
    unlinked = _AUTOLINKED.sub(lambda m: m.group(0) + _WORD_JOINER, text)
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", unlinked)
    return escaped.replace("\r\n", "\n").replace("\n", "  \n")


def plain(text: str) -> None:
    """Write user text literally."""
    st.markdown(escape_markdown(text))


def caption(text: str) -> None:
    """Write user text literally, small."""
    st.caption(escape_markdown(text))
