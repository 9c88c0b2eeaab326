"""A voter's ballot on a phone: one labelled row of choices per idea, the dots left in words.

Taps run as callbacks bound to the item they were drawn for, so a tap that lands after
the round closed still reaches the service and gets its refusal instead of vanishing.
Each control is reset from the stored vote on every run, so a refused tap shows what
really counts, not what was tapped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from components.text import escape_markdown

CHOICE_LABELS = {"agree": "Agree", "disagree": "Disagree", "pass": "Pass / unsure"}


def _synced(key: str, stored: Any) -> str:
    st.session_state[key] = stored
    return key


def dots_ballot(view: Any, on_set: Callable[[int, int], None]) -> None:
    """Per idea, a row 0…max of how many dots it gets; the total left is said in words."""
    st.markdown(f"### {view.remaining} of {view.budget} dots left")
    st.caption(f"Give each idea 0 to {view.max_per_item} dots. Tap a number to change it.")
    for n, line in enumerate(view.items, start=1):
        key = _synced(f"dots-{view.round_id}-{line.item_id}", line.dots)
        with st.container(border=True):
            st.markdown(escape_markdown(line.text))
            st.segmented_control(
                # Numbered, so a screen reader tells one idea's row from the next.
                f"Your dots on idea {n} of {len(view.items)}",
                list(range(view.max_per_item + 1)),
                required=True,
                key=key,
                on_change=lambda item=line.item_id, k=key: on_set(item, st.session_state[k]),
                width="stretch",
            )


def choice_ballot(view: Any, on_choose: Callable[[int, str], None]) -> None:
    """Per statement, agree / disagree / pass; the choice is named in words."""
    answered = sum(1 for line in view.items if line.choice is not None)
    st.markdown(f"### {answered} of {len(view.items)} statements answered")
    for n, line in enumerate(view.items, start=1):
        stored = line.choice.value if line.choice else None
        key = _synced(f"choice-{view.round_id}-{line.item_id}", stored)
        with st.container(border=True):
            st.markdown(escape_markdown(line.text))
            st.segmented_control(
                f"Your view on statement {n} of {len(view.items)}",
                list(CHOICE_LABELS),
                format_func=CHOICE_LABELS.get,
                key=key,
                on_change=lambda item=line.item_id, k=key: _chosen(on_choose, item, k),
                width="stretch",
            )


def _chosen(on_choose: Callable[[int, str], None], item: int, key: str) -> None:
    # Tapping the chosen answer again clears the control; the stored choice stays.
    if st.session_state[key] is not None:
        on_choose(item, st.session_state[key])
