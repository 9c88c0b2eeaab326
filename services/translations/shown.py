"""An item's words as one reader sees them: the translation into their language, or the
original, and which of the two it is (components/translated.py draws it)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import Enum

import i18n
from i18n import ENGLISH, LANGUAGES, N_, _

DEFAULT_SOURCE = ENGLISH
"""The language an original is taken to be in when nothing records its language: what
was typed before languages were recorded (written.py), or came from a file."""


class Showing(Enum):
    """Which words a reader is shown first, and why."""

    ORIGINAL = "original"
    """The original is in the reader's language."""
    TRANSLATED = "translated"
    """A current translation into the reader's language."""
    MISSING = "missing"
    """The original is in another language and nobody translated it yet."""
    OUT_OF_DATE = "out_of_date"
    """A translation exists, but the original changed since: the original is shown."""


@dataclass(frozen=True, slots=True)
class Stored:
    """One translation as the table holds it: what the batch read returns. With no `text`,
    no translation: only the language the original is written in (written.py)."""

    text: str
    source_language: str
    source_hash: str


@dataclass(frozen=True, slots=True)
class Shown:
    """One field of one item in its reader's language."""

    original: str
    source_language: str
    language: str
    """The reader's language."""
    showing: Showing
    translation: str = ""
    """The stored translation, current or not, into the reader's language, or from it when
    the original is theirs; '' when there is none."""
    supplied: bool = False
    """Words the product supplies (a published trust question), translated by its
    catalogue: a file names no original for them (`with_original`)."""

    @property
    def text(self) -> str:
        """What the reader reads first: the current translation, else the original."""
        return self.translation if self.showing is Showing.TRANSLATED else self.original

    @property
    def translated(self) -> bool:
        return self.showing is Showing.TRANSLATED


def fingerprint(original: str) -> str:
    """The hash of the original's words a translation records: when they change, it is
    out of date. Whitespace at the ends does not count (the services trim it anyway)."""
    return hashlib.sha256(original.strip().encode("utf-8")).hexdigest()


def shown(
    original: str, stored: Stored | None, language: str, source: str = DEFAULT_SOURCE
) -> Shown:
    """`original` as a reader of `language` should see it, given its stored translation.

    `source`: the language the original is written in when nothing stored says so (a
    note's field whose other fields' translations do)."""
    if not original.strip():
        return original_shown(original, language)  # nothing written: nothing to say of it
    if stored is None or not stored.text:
        source = stored.source_language if stored is not None else source
        showing = Showing.ORIGINAL if language == source else Showing.MISSING
        return Shown(original, source, language, showing)
    if stored.source_language == language:
        # The stored translation is into another language; this reader reads the original
        # (and a translator among them finds the translation they may correct).
        return Shown(original, language, language, Showing.ORIGINAL, stored.text)
    current = stored.source_hash == fingerprint(original)
    showing = Showing.TRANSLATED if current else Showing.OUT_OF_DATE
    return Shown(original, stored.source_language, language, showing, stored.text)


def catalogue_shown(original: str) -> Shown:
    """Words the product itself supplies in English (the standard and published trust
    questions), in the run's language through the catalogue, marked as a translation; a
    facilitator's own words, which the catalogue lacks, as written (and said so)."""
    language = i18n.current()
    words = _(original)
    if words == original:
        return shown(original, None, language)
    said = shown(original, Stored(words, ENGLISH, fingerprint(original)), language)
    return replace(said, supplied=True)


def question_shown(wording: str, stored: Stored | None, language: str) -> Shown:
    """A survey question as a reader of `language` reads it: one the facilitator wrote in
    the translation they gave it (`stored`), a published one in the catalogue's words, or
    as written, said so."""
    return catalogue_shown(wording) if stored is None else shown(wording, stored, language)


def original_shown(original: str, language: str) -> Shown:
    """An item nobody may translate (or read without the table): shown as it is."""
    return Shown(original, language, language, Showing.ORIGINAL)


_FROM = {
    ENGLISH: N_("Translated from English"),
    "es": N_("Translated from Spanish"),
}
_MISSING = {
    ENGLISH: N_("No English translation yet"),
    "es": N_("No Spanish translation yet"),
}
_OUT_OF_DATE = {
    ENGLISH: N_("The English translation is out of date: the original changed since"),
    "es": N_("The Spanish translation is out of date: the original changed since"),
}
_SHOW_ORIGINAL = {
    ENGLISH: N_("Show the original (English)"),
    "es": N_("Show the original (Spanish)"),
}
_LANGUAGE_NAME = {ENGLISH: N_("English"), "es": N_("Spanish")}


def mark(item: Shown) -> str:
    """The words that say which text this is, in the reader's language; '' for an original
    in their own language, which needs none."""
    if item.showing is Showing.TRANSLATED:
        return _(_FROM.get(item.source_language, _FROM[ENGLISH]))
    if item.showing is Showing.MISSING:
        return _(_MISSING.get(item.language, _MISSING[ENGLISH]))
    if item.showing is Showing.OUT_OF_DATE:
        return _(_OUT_OF_DATE.get(item.language, _OUT_OF_DATE[ENGLISH]))
    return ""


def labelled(item: Shown) -> str:
    """The item's words with what they are after them, for a line with no room beneath
    (a picker's option): "Más binomios (Traducido del inglés)"."""
    words = mark(item)
    return f"{item.text} ({words})" if words else item.text


def marked_first(item: Shown) -> str:
    """The item's words with what they are before them, for a line that may be cut short
    (a projector's card): "(Traducido del inglés) Más binomios"."""
    words = mark(item)
    return f"({words}) {item.text}" if words else item.text


def field_text(words: Mapping[str, Shown], name: str, written: str) -> str:
    """An item's field `name` in its reader's language: its translation where `words`
    (`fields_shown`'s answer) holds one, else `written`, the field as written."""
    shown = words.get(name)
    return shown.text if shown is not None else written


def room_words(item: Shown) -> str:
    """For the projector, read from across the room: a translation with its mark first
    (`marked_first`), else the words as typed, unmarked: a mark on every untranslated card
    would crowd out the words."""
    return marked_first(item) if item.translated else item.original


def words_language(item: Shown) -> str:
    """The language of `room_words(item)`: the reader's for a translation, else the
    original's."""
    return item.language if item.translated else item.source_language


def with_original(item: Shown) -> str:
    """For a cell of a report or a spreadsheet, where nothing opens: a translation with
    what it is and the original after it; the product's own words in the reader's language
    alone (a report of fifteen published questions repeated each in English); anything else
    as it was written."""
    if item.supplied:
        return item.text
    if item.showing is not Showing.TRANSLATED:
        return item.original
    return _("{words} ({mark}; original: {original})").format(
        words=item.translation, mark=mark(item), original=item.original
    )


def show_original_words(item: Shown) -> str:
    """The label of the tap that shows the original: "Show the original (English)"."""
    return _(_SHOW_ORIGINAL.get(item.source_language, _SHOW_ORIGINAL[ENGLISH]))


def language_name(language: str) -> str:
    """A language by its name in the reader's language: "Spanish" / "español"."""
    words = _LANGUAGE_NAME.get(language)
    return _(words) if words else LANGUAGES.get(language, language)


def other_language(language: str) -> str:
    """The language a translation of an original in `language` is in (two languages)."""
    return next((code for code in LANGUAGES if code != language), language)
