"""An item people typed, in its reader's language: what it is said in words, the original
one tap away, never the two mixed silently.

A translated item shows its translation with "Translated from English" beneath and a
"Show the original (English)" expander; an item nobody translated yet shows the original
with "No Spanish translation yet"; a translation whose original changed since is not shown
as current: the original is, with words saying the translation is out of date. The words
say it, never a colour alone (WCAG 1.4.1).
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from components.text import escape_markdown
from i18n import _
from services.translations.shown import Showing, Shown, language_name, mark, show_original_words


def translated(item: Shown, key: str) -> None:
    """The item's words as its reader reads them first, then what they are."""
    st.markdown(escape_markdown(item.text))
    translated_note(item, key)


def translated_note(item: Shown, key: str) -> None:
    """Beneath an item already drawn: which words those were, and the original one tap away."""
    words = mark(item)
    if not words:
        return
    st.caption(escape_markdown(words))
    if item.showing is Showing.TRANSLATED:
        with st.expander(show_original_words(item), key=f"original-{key}"):
            # As text: the original is someone's words, shown literally.
            st.text(item.original)


def translated_notes(fields: Sequence[tuple[str, Shown]], key: str) -> None:
    """Beneath an item of several fields already drawn (an agenda step's title and goal):
    what its words are said once when every field's are alike, with every original behind
    one tap, each named by its field's label; else each field's note in turn."""
    marks = {mark(item) for _label, item in fields}
    if len(fields) < 2 or len(marks) != 1:
        for n, (_label, item) in enumerate(fields):
            translated_note(item, key=f"{key}-{n}")
        return
    words = marks.pop()
    if not words:
        return
    st.caption(escape_markdown(words))
    translated = [(label, item) for label, item in fields if item.showing is Showing.TRANSLATED]
    if translated:
        with st.expander(show_original_words(translated[0][1]), key=f"original-{key}"):
            for label, item in translated:
                # As text: the original is someone's words, shown literally.
                st.text(_("{label}: {words}").format(label=label, words=item.original))


def list_note(item: Shown) -> list[str]:
    """For a list drawn as one Markdown element (a table's ideas): the mark, and the
    original beside it, labelled, since a list has no room for a tap per item."""
    words = mark(item)
    if not words:
        return []
    if item.showing is not Showing.TRANSLATED:
        return [words]
    original = _("original ({language}): {words}").format(
        language=language_name(item.source_language), words=item.original
    )
    return [words, original]
