"""A five-point agreement question with its words on every choice and nothing chosen for you.

The trust pulse compares answers before and after the meeting; a control that starts on the
middle of the scale records a "3" from everyone who scrolls past, so no choice is made here
until the person makes one, and "Prefer not to say" is always there to take it back.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from components.text import escape_markdown

AGREEMENT = {
    1: "1 Strongly disagree",
    2: "2 Disagree",
    3: "3 Neither agree nor disagree",
    4: "4 Agree",
    5: "5 Strongly agree",
}
SKIP = "Prefer not to say"
_CHOICES: list[int | str] = [*AGREEMENT, SKIP]

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


def agreement(statement: str, earlier: int | None, key: str) -> int | None:
    """Ask how far the person agrees with `statement`: 1 to 5, or None when skipped.

    `earlier` is their own saved answer, shown chosen again when they come back; without
    one nothing is chosen."""
    index = _CHOICES.index(earlier) if earlier in AGREEMENT else None
    picked = st.radio(
        escape_markdown(statement),
        _CHOICES,
        index=index,
        format_func=lambda choice: AGREEMENT.get(choice, SKIP),
        key=key,
    )
    return picked if isinstance(picked, int) else None


def agreement_answers(
    statements: list[str], earlier: Mapping[str, int] | None, key: str
) -> dict[str, int | None]:
    """One agreement question per statement, in order; skipped ones answer None."""
    earlier = earlier or {}
    return {
        statement: agreement(statement, earlier.get(statement), f"rating-{key}-{number}")
        for number, statement in enumerate(statements)
    }
