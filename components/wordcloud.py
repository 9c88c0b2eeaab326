"""The ideas' word cloud, with its words and counts as text beside it."""

from __future__ import annotations

import io
import sys
from random import Random
from typing import Any

import pandas as pd
import streamlit as st
from wordcloud import WordCloud

from components.text import escape_markdown
from services.wordfreq import word_frequencies

MAX_WORDS = 150
"""Layout time grows fast with distinct words (2,000 take ~9 s, 150 ~1 s), so cap them."""

CAPTION_WORDS = 10

# Dark enough for 4.5:1 on white even at the smallest size (contrast on white in brackets):
# navy #0B3C5D (11.6), brick #7B241C (10.0), forest #145A32 (8.3), plum #4A235A (12.5),
# rust #8B3A00 (7.8), steel blue #1B4F72 (8.7), blue #0072B2 (5.2), charcoal #333333 (12.6).
PALETTE = (
    "#0B3C5D",
    "#7B241C",
    "#145A32",
    "#4A235A",
    "#8B3A00",
    "#1B4F72",
    "#0072B2",
    "#333333",
)
_SEED = 7  # the same words always land in the same places


def _dark_colour(*_args: Any, random_state: Random | None = None, **_kwargs: Any) -> str:
    """One of the high-contrast palette colours, picked by the cloud's seeded randomness."""
    return (random_state or Random(_SEED)).choice(PALETTE)


@st.cache_data(max_entries=32, show_spinner="Drawing the word cloud…")
def word_cloud_png(
    frequencies: tuple[tuple[str, int], ...], width: int = 1200, height: int = 600
) -> bytes:
    """A PNG word cloud of `frequencies` ((word, count) pairs, sorted so equal input hits)."""
    cloud = WordCloud(
        width=width,
        height=height,
        background_color="white",
        color_func=_dark_colour,
        random_state=_SEED,
        max_words=max(len(frequencies), 1),
        prefer_horizontal=1.0,  # sideways words are hard to read, on a projector most of all
        min_font_size=12,  # smaller words are dropped from the picture; the table keeps them
    )
    cloud.generate_from_frequencies(dict(frequencies))
    buffer = io.BytesIO()
    cloud.to_image().save(buffer, format="PNG")
    return buffer.getvalue()


def caption_text(frequencies: dict[str, int], top: int = CAPTION_WORDS) -> str:
    """'Most frequent words: police (12), response (9), …': the picture said in words."""
    shown = [f"{word} ({count})" for word, count in list(frequencies.items())[:top]]
    more = ", …" if len(frequencies) > top else ""
    return f"Most frequent words: {', '.join(shown)}{more}"


def show_word_cloud(texts: list[str], key: str, max_words: int = MAX_WORDS) -> None:
    """The word cloud of `texts`, captioned with its top words, and every count in a table."""
    counts = word_frequencies(texts, max_words=sys.maxsize)
    if not counts:
        st.info("No ideas yet, so no word cloud.")
        return
    top = dict(list(counts.items())[: min(max_words, MAX_WORDS)])
    st.image(
        word_cloud_png(tuple(sorted(top.items()))),
        caption=escape_markdown(caption_text(top)),
        width="stretch",
        alt="Word cloud of the words used most in the ideas: bigger words were used more.",
    )
    with st.expander("Word counts as a table", key=f"{key}-expander"):
        table = pd.DataFrame({"Word": list(counts), "Count": list(counts.values())})
        st.dataframe(table, hide_index=True, key=f"{key}-table")
