"""A box per item for its words in the other language, saved in one press: the
facilitator's survey questions and interviews on Prepare, the board's themes on Ideas, a
conflict and its sides, an action of the plan.

Each box is labelled with the item's words and the language wanted ("“Response times” in
Spanish") and holds the translation stored, so it is corrected where it was written; a
box left empty removes its translation. What the readers of that language then see is the
translation, marked as one, with the original one tap away (components/translated.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import streamlit as st

from components.text import label_words
from i18n import _
from services.translations.shown import Shown, language_name, other_language
from services.translations.translate import Translation


@dataclass(frozen=True, slots=True)
class Box:
    """One item's field to translate, and its words as the service read them for a reader
    of the other language (the stored translation included)."""

    kind: str
    entity_id: int
    field: str
    words: Shown


def translation_boxes(
    key: str, boxes: Sequence[Box], on_save: Callable[[list[Translation]], None], note: str
) -> None:
    """One form of `boxes`, `note` above them; pressing save hands every box's entry to
    `on_save` (translate.translate_all keeps them in one write)."""
    with st.form(key):
        st.caption(note)
        typed = []
        for box in boxes:
            words = box.words
            written_in = words.source_language
            label = _("“{words}” in {language}").format(
                words=words.original, language=language_name(other_language(written_in))
            )
            # Someone's words in a label: plain words, or drawn above as text
            # (components/text.py). Keyed by the item, so a box never shows another item's
            # typing after the list changed.
            item = f"{key}-{box.kind}-{box.entity_id}-{box.field}"
            shown, visibility = label_words(label)
            text = st.text_input(shown, words.translation, key=item, label_visibility=visibility)
            typed.append((box, written_in, text))
        if st.form_submit_button(_("Save the translations")):
            on_save(
                [
                    Translation(
                        kind=box.kind,
                        entity_id=box.entity_id,
                        field=box.field,
                        text=text,
                        source_language=written_in,
                    )
                    for box, written_in, text in typed
                ]
            )
