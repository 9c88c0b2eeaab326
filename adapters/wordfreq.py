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
# Markup someone typed ("<b>", "</script>") is shown as text everywhere, but its tag names
# are not words anyone said: a survey's cloud counted "script" (a helper's walk).
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")

# Words every facilitated idea is full of, which would crowd out what the ideas are about.
FILLER = frozenset(
    {
        "idea", "ideas", "think", "thinks", "need", "needs", "needed", "would", "could",
        "should", "also", "people", "make", "makes", "get", "gets", "like", "really",
        "want", "wants", "maybe", "just", "lot", "lots", "thing", "things", "way", "ways",
        "something", "everyone", "more", "much", "many", "will", "can", "etc",
    }
)  # fmt: skip

# Spanish's function words of three letters or more, and its filler, as FILLER is
# English's: wordcloud's list is English only, and a Spanish-speaking room's cloud was
# led by "que" and "para" (a helper's walk). A list of words, not a library's worth.
SPANISH = frozenset(
    {
        "que", "para", "con", "una", "uno", "unos", "unas", "los", "las", "del", "por",
        "como", "más", "mas", "pero", "sus", "son", "entre", "sin", "sobre", "este", "esta",
        "estos", "estas", "ese", "esa", "esos", "esas", "eso", "esto", "aquel", "aquella",
        "ser", "hay", "han", "fue", "era", "está", "están", "estar", "muy", "también",
        "cuando", "donde", "dónde", "quien", "quién", "cual", "cuál", "porque", "qué",
        "todo", "todos", "toda", "todas", "otro", "otra", "otros", "otras", "hasta", "desde",
        "durante", "ante", "bajo", "tras", "cada", "nos", "les", "ella", "ellos", "ellas",
        "usted", "ustedes", "nosotros", "nosotras", "nuestro", "nuestra", "nuestros",
        "nuestras", "mis", "tus", "tiene", "tienen", "tener", "hacer", "puede", "pueden",
        "así", "aquí", "allí", "algo", "alguien", "nada", "nadie", "cómo", "sea", "sean",
        "lo", "mucho", "mucha", "muchos", "muchas", "menos", "poco", "tan", "tanto",
        "creo", "necesitamos", "necesita", "necesitan", "debe", "deben", "debería",
        "deberían", "podría", "podrían", "quiero", "queremos", "gente", "personas", "cosa",
        "cosas", "idea", "ideas", "etc",
    }
)  # fmt: skip

# The subject of these meetings: never dropped, whatever a stop list says.
KEEP = frozenset({"police", "community", "911"})

# "don't" splits into "don" and "t", so the halves of contracted stop words are stop words.
_CONTRACTION_PARTS = {part for word in STOPWORDS for part in _WORD.findall(word.lower())}
STOP_WORDS = (
    frozenset({w.lower() for w in STOPWORDS} | _CONTRACTION_PARTS | FILLER | SPANISH) - KEEP
)


def words(text: str) -> list[str]:
    """The countable words of `text`: lowercased, at least three characters, no stop words."""
    # NFC joins a letter and its combining accent, so "café" is one word however it was typed.
    normal = _TAG.sub(" ", unicodedata.normalize("NFC", text)).lower()
    return [w for w in _WORD.findall(normal) if len(w) >= MIN_LENGTH and w not in STOP_WORDS]


def word_frequencies(
    texts: Iterable[str], max_words: int = 150, *, once_per_text: bool = False
) -> dict[str, int]:
    """The `max_words` most used words and their counts, most used first, ties alphabetical.

    `once_per_text`: a word counts once in each text, so a count is how many texts use it;
    for answers, one per person, so one long answer cannot outweigh everyone else's (one
    respondent's paragraph gave "barrio" 18 of the survey's counts: a helper's walk)."""
    counts = Counter(
        w for text in texts for w in (set(words(text)) if once_per_text else words(text))
    )
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return dict(ranked[: max(max_words, 0)])
