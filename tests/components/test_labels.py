"""A widget's label holding someone's words: plain words as its accessible name, never an
escaping backslash; words Markdown would act on drawn apart as text (components/text.py)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from components.text import label_words


def test_words_markdown_leaves_alone_are_the_label_as_typed():
    for words in (
        "I feel safe walking home at night.",
        "Which neighbourhood do you live in?",
        "¿En qué barrio vive? (opcional)",
        "Rate 1.5 or 2, please!",
    ):
        assert label_words(words) == (words, "visible")
    assert label_words("night.", before="Idea 1 of 2: ") == ("Idea 1 of 2: night.", "visible")


def test_words_markdown_would_act_on_are_drawn_as_text_and_named_without_their_marks():
    def page() -> None:
        import streamlit as st

        from components.text import label_words

        for typed in ("a *bold* claim", "# A heading?", "see https://evil.example", "1. first"):
            label, visibility = label_words(typed)
            st.text_input(label, label_visibility=visibility)

    at = AppTest.from_function(page).run()
    assert [t.value for t in at.text] == [
        "a *bold* claim",
        "# A heading?",
        "see https://evil.example",
        "1. first",
    ]
    assert [t.label for t in at.text_input] == [
        "a bold claim",
        "# A heading?",
        "see https: //evil.example",
        "1. first",
    ]
