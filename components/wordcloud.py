"""The ideas' word cloud, with its words and counts as text beside it."""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass

import pyarrow as pa
import streamlit as st

from adapters.wordcloud_render import render_png
from adapters.wordfreq import word_frequencies
from components.text import escape_markdown
from i18n import N_, _

MAX_WORDS = 60
"""The picture is read across a room at a glance: its most used words, every one of them in
the table beside it. Layout time grows with words: 2,000 took ~9 s; on today's machine 150
took 0.46 s a picture and 60 take 0.2 s. (Laying 150 out at half size and drawing them at
twice that, wordcloud's `scale`, took 0.18 s, but set words edge to edge, reading as one:
"trainedofficers" on the projector.)"""

CAPTION_WORDS = 10


# The spinner is drawn by the caller, in the reader's language: this one would be fixed at
# import, before any language is known.
@st.cache_data(max_entries=32, show_spinner=False)
def word_cloud_png(
    frequencies: tuple[tuple[str, int], ...], width: int = 1200, height: int = 600
) -> bytes:
    """The cloud of `frequencies`, drawn once per content (sorted pairs, so equal input hits)."""
    return render_png(frequencies, width, height)


def caption_text(frequencies: dict[str, int], top: int = CAPTION_WORDS) -> str:
    """'Most frequent words: police (12), response (9), …': the picture said in words."""
    return _(CAPTION).format(words=top_words(frequencies, top))


CAPTION = N_("Most frequent words: {words}")


def top_words(frequencies: dict[str, int], top: int = CAPTION_WORDS) -> str:
    """'police (12), response (9), …': the caption's words, the same in every language."""
    shown = [f"{word} ({count})" for word, count in list(frequencies.items())[:top]]
    more = ", …" if len(frequencies) > top else ""
    return ", ".join(shown) + more


def show_word_cloud(texts: list[str], key: str, max_words: int = MAX_WORDS) -> None:
    """The word cloud of `texts`, captioned with its top words, and every count in a table."""
    counts, table = counted_words(tuple(texts))
    show_word_counts(counts, key, max_words, DrawnCloud(table=table))


# Keyed by the texts themselves, through Python's own tuple hash: counting every idea's
# words again on each run was a fifth of the idea board at 10× the data (bench/), and
# st.cache_data would hash the texts its slower way. Callers only read what it returns.
@functools.lru_cache(maxsize=16)
def counted_words(texts: tuple[str, ...]) -> tuple[dict[str, int], pa.Table]:
    """Every word of `texts` counted, most used first, and the same as word_table()."""
    counts = word_frequencies(texts, max_words=sys.maxsize)
    return counts, word_table(counts)


def cloud_words(counts: dict[str, int], max_words: int = MAX_WORDS) -> tuple[tuple[str, int], ...]:
    """The words a picture is drawn from: the most used, sorted so equal input hits the cache."""
    return tuple(sorted(list(counts.items())[: min(max_words, MAX_WORDS)]))


def word_table(counts: dict[str, int]) -> pa.Table:
    """Every counted word and its count, most used first: the cloud's text alternative.

    Its column names are the English keys; `show_word_counts` shows them translated."""
    return pa.table({"Word": list(counts), "Count": list(counts.values())})


@dataclass(frozen=True, slots=True, kw_only=True)
class DrawnCloud:
    """What the caller made already of exactly the counts shown: their cloud, their
    word_table, or both."""

    picture: bytes | None = None
    table: pa.Table | None = None


def show_word_counts(
    counts: dict[str, int],
    key: str,
    max_words: int = MAX_WORDS,
    drawn: DrawnCloud | None = None,
    projector: bool = False,
) -> None:
    """The word cloud of counted words (most used first), its caption, and the table.

    On the `projector`, which cannot scroll, the picture alone: its caption, which names
    the top words and their counts, is its text, drawn by the projector in each of its
    languages (projector_views.cloud_caption_html).
    """
    picture = drawn.picture if drawn is not None else None
    table = drawn.table if drawn is not None else None
    if not counts:
        st.info(_("No ideas yet, so no word cloud."))
        return
    top = dict(list(counts.items())[: min(max_words, MAX_WORDS)])
    if picture is None:
        with st.spinner(_("Drawing the word cloud…")):
            picture = word_cloud_png(cloud_words(counts, max_words))
    st.image(
        picture,
        caption=None if projector else escape_markdown(caption_text(top)),
        width="stretch",
        # Said outright: "auto" re-encoded the PNG as JPEG on every run, 14 ms of a
        # projector's refresh (bench/), and blurred the letters.
        output_format="PNG",
        alt=_("Word cloud of the words used most in the ideas: bigger words were used more."),
    )
    if projector:
        return
    shown = table if table is not None else word_table(counts)
    with st.expander(_("Word counts as a table"), key=f"{key}-expander"):
        st.dataframe(
            shown.rename_columns([_("Word"), _("Count")]), hide_index=True, key=f"{key}-table"
        )
