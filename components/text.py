"""Show people's words as words: never as HTML, never as Markdown links or images."""

from __future__ import annotations

import re
from typing import Literal

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


Visibility = Literal["visible", "collapsed"]
_SYNTAX = re.compile(r"[\\`*_~\[\]<>\s]+")
"""Inline syntax, HTML and line breaks (after which block syntax would start): marks
with no words in them, so a label's accessible name drops them."""
_STARTERS = [
    (re.compile(r"([&:$@])(?=\S)"), r"\1 "),
    (re.compile(r"\b(www)\.", re.IGNORECASE), r"\1 ."),
]
"""Characters that act only when something follows at once: an entity ("&amp;"), emoji,
colour and icon codes and link schemes (":red[", "https://"), maths ("$x$"), and the
links GitHub's Markdown makes of bare addresses ("evil@example.com", "www.example"). A
space after them keeps the character, and so how it is read, and stops it acting."""
_BLOCK_START = re.compile(r"^(#|[-+]\s|\d+[.)]\s)")
"""What makes a heading or a list of a line's start ("# ", "- ", "1. "), which a label
unwraps, so its mark would not show."""


def plain_words(text: str) -> str:
    """`text` as Markdown leaves it alone: its syntax marks dropped, its starters spaced."""
    words = _SYNTAX.sub(" ", text)
    for pattern, spaced in _STARTERS:
        words = pattern.sub(spaced, words)
    return " ".join(words.split())


def label_words(text: str, before: str = "") -> tuple[str, Visibility]:
    """A widget's label holding someone's words (`before` them, our own), and its
    visibility: as typed where Markdown leaves the words alone, else drawn above as plain
    text, the label collapsed to the words without their syntax marks.

    Streamlit draws a label as Markdown and hands the same string to the screen reader as
    the control's name: an escaped label ("at night\\.") is read out with its
    backslashes, and GitHub's Markdown still links a bare address after its characters are
    escaped (seen in Chromium), so only plain text shows it inert.
    """
    words = plain_words(text)
    if words == text and not _BLOCK_START.match(text):
        return before + text, "visible"
    st.text(before + text)
    return before + words, "collapsed"
