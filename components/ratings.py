"""A rating question with its scale's words on every choice and nothing chosen for you.

The trust pulse compares answers before and after the meeting; a control that starts on the
middle of the scale records a "3" from everyone who scrolls past, so no choice is made here
until the person makes one, and "Prefer not to say" is always there to take it back. Each
choice carries its words ("4 Agree", "3 Often"), on the page, not behind a help icon: on a
phone nobody hovers, and a bare number means nothing without its scale.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import streamlit as st

from components.text import label_words
from components.translated import translated_note
from i18n import N_, _
from services.prepare.trust_items import AGREEMENT as AGREEMENT_SCALE
from services.prepare.trust_items import Scale, TrustItem
from services.translations.shown import Shown, catalogue_shown

SKIP = N_("Prefer not to say")

# Static CSS only: no user text reaches it. The statement reads as the question; each
# choice is a whole row a thumb can hit (44 px, WCAG 2.5.5), with a gap between rows so a
# neighbour is not pressed by mistake.
_ROOMY_CHOICES = """
<style>
[class*="st-key-rating-"] [data-testid="stWidgetLabel"] p { font-size: 1rem; font-weight: 600; }
[class*="st-key-rating-"] [role="radiogroup"] { gap: 0.25rem; }
[class*="st-key-rating-"] [role="radiogroup"] label {
  min-height: 44px; align-items: center; width: 100%; margin: 0;
}
</style>
"""


def roomy_choices() -> None:
    """Make every rating's choices at least 44 px tall; call once per page."""
    st.html(_ROOMY_CHOICES)


def choice_words(scale: Scale) -> dict[int, str]:
    """Each answer's number with its words: {1: '1 Strongly disagree', …}."""
    return {n: f"{n} {_(words)}" for n, words in enumerate(scale.words, start=1)}


def rating(asked: Shown, scale: Scale, earlier: int | None, key: str) -> int | None:
    """Ask the question `asked` (in the reader's language) on `scale`: 1 to scale.top, or
    None when skipped.

    `earlier` is their own saved answer, shown chosen again when they come back; without
    one nothing is chosen. The scale's words are shown in the reader's language; so is the
    question: a published one in the catalogue's words, one the facilitator wrote in the
    translation they gave it, or as written, said so."""
    words = choice_words(scale)
    choices: list[int | str] = [*words, SKIP]
    index = choices.index(earlier) if earlier is not None and earlier in words else None
    skip = _(SKIP)
    # The question's words as the radio group's name, plain (components/text.py).
    label, visibility = label_words(asked.text)
    picked = st.radio(
        label,
        choices,
        index=index,
        format_func=lambda choice: words.get(choice, skip) if isinstance(choice, int) else skip,
        key=key,
        label_visibility=visibility,
    )
    translated_note(asked, key=key)
    return picked if isinstance(picked, int) else None


def agreement(statement: str, earlier: int | None, key: str) -> int | None:
    """How far the person agrees with `statement`: 1 to 5, or None when skipped."""
    return rating(catalogue_shown(statement), AGREEMENT_SCALE, earlier, key)


def trust_answers(
    items: Sequence[TrustItem],
    earlier: Mapping[str, int] | None,
    key: str,
    asked: Callable[[str], Shown] = catalogue_shown,
) -> dict[str, int | None]:
    """One question per trust item, in order, answers by item key; skipped ones are None.

    `asked` gives a question's words in the reader's language from its wording."""
    earlier = earlier or {}
    return {
        item.key: rating(
            asked(item.wording), item.scale, earlier.get(item.key), f"rating-{key}-{n}"
        )
        for n, item in enumerate(items)
    }
