"""Counting the words people used, for the word cloud and its table."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from wordcloud import STOPWORDS

MIN_LENGTH = 3

# Letters (with diacritics) and digits; everything else separates words.
_WORD = re.compile(r"[^\W_]+")

# Words every facilitated idea is full of, which would crowd out what the ideas are about.
FILLER = frozenset(
    {
        "idea", "ideas", "think", "thinks", "need", "needs", "needed", "would", "could",
        "should", "also", "people", "make", "makes", "get", "gets", "like", "really",
        "want", "wants", "maybe", "just", "lot", "lots", "thing", "things", "way", "ways",
        "something", "everyone", "more", "much", "many", "will", "can", "etc",
    }
)  # fmt: skip

# The subject of these meetings: never dropped, whatever a stop list says.
KEEP = frozenset({"police", "community", "911"})

# "don't" splits into "don" and "t", so the halves of contracted stop words are stop words.
_CONTRACTION_PARTS = {part for word in STOPWORDS for part in _WORD.findall(word.lower())}
STOP_WORDS = frozenset({w.lower() for w in STOPWORDS} | _CONTRACTION_PARTS | FILLER) - KEEP


def words(text: str) -> list[str]:
    """The countable words of `text`: lowercased, at least three characters, no stop words."""
    # NFC joins a letter and its combining accent, so "café" is one word however it was typed.
    normal = unicodedata.normalize("NFC", text).lower()
    return [w for w in _WORD.findall(normal) if len(w) >= MIN_LENGTH and w not in STOP_WORDS]


def word_frequencies(texts: Iterable[str], max_words: int = 150) -> dict[str, int]:
    """The `max_words` most used words and their counts, most used first, ties alphabetical."""
    counts = Counter(w for text in texts for w in words(text))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return dict(ranked[: max(max_words, 0)])
