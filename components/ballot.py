"""A voter's ballot on a phone: big targets, the dots left in words, changes by callback.

Taps run as callbacks, bound to the item they were drawn for, so a tap that lands after
the round closed still reaches the service and gets its refusal instead of vanishing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from components.text import escape_markdown

CHOICE_LABELS = {"agree": "Agree", "disagree": "Disagree", "pass": "Pass / unsure"}


def dots_ballot(view: Any, on_set: Callable[[int, int], None]) -> None:
    """One row per idea with − and + buttons; the dots are shown as numbers and as dots."""
    st.markdown(f"### {view.remaining} of {view.budget} dots left")
    st.caption(f"At most {view.max_per_item} on one idea. Tap + to add a dot, − to take one back.")
    for line in view.items:
        with st.container(border=True):
            st.markdown(escape_markdown(line.text))
            minus, count, plus = st.columns([1, 2, 1], vertical_alignment="center")
            minus.button(
                "−", key=f"minus-{line.item_id}", help="Take a dot back",
                disabled=line.dots == 0, on_click=on_set, args=(line.item_id, line.dots - 1),
                use_container_width=True,
            )  # fmt: skip
            count.markdown(
                f"**{line.dots}** {'●' * line.dots}{'○' * (view.max_per_item - line.dots)}"
            )
            plus.button(
                "+", key=f"plus-{line.item_id}", help="Add a dot",
                disabled=line.dots >= view.max_per_item or view.remaining == 0,
                on_click=on_set, args=(line.item_id, line.dots + 1), use_container_width=True,
            )  # fmt: skip


def choice_ballot(view: Any, on_choose: Callable[[int, str], None]) -> None:
    """One row per statement with agree / disagree / pass; the choice is named in words."""
    answered = sum(1 for line in view.items if line.choice is not None)
    st.markdown(f"### {answered} of {len(view.items)} statements answered")
    for line in view.items:
        with st.container(border=True):
            st.markdown(escape_markdown(line.text))
            current = line.choice.value if line.choice else None
            cols = st.columns(3)
            for col, (value, label) in zip(cols, CHOICE_LABELS.items(), strict=True):
                chosen = value == current
                col.button(
                    f"✓ {label}" if chosen else label, key=f"{value}-{line.item_id}",
                    type="primary" if chosen else "secondary", use_container_width=True,
                    on_click=on_choose, args=(line.item_id, value),
                )  # fmt: skip
