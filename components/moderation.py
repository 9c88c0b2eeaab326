"""The facilitator's moderation controls on the idea board; they call back, never query."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st


def idea_label(idea: Any) -> str:
    """A short, plain label for an idea in a picker."""
    text = idea.text if len(idea.text) <= 90 else idea.text[:87] + "…"
    return f"#{idea.id} {text}"


def edit_panel(ideas: list[Any], on_save: Callable[[Any, str], None], on_toggle: Callable) -> None:
    """Pick one idea, then edit its words or hide / show it."""
    chosen = st.selectbox("Idea to edit, hide or show", ideas, format_func=idea_label, index=None)
    if chosen is None:
        return
    with st.form(f"moderate-{chosen.id}"):
        text = st.text_area("Idea text", chosen.text)
        save = st.form_submit_button("Save the wording")
    if save:
        on_save(chosen, text)
    hidden = chosen.status.value == "hidden"
    if st.button("Show it again" if hidden else "Hide it from the board", key=f"t-{chosen.id}"):
        on_toggle(chosen, hidden)


def merge_panel(ideas: list[Any], on_merge: Callable[[int, list[int]], None]) -> None:
    """Choose the idea that stays and the duplicates that fold into it."""
    keep = st.selectbox("Idea that stays", ideas, format_func=idea_label, index=None, key="keep")
    others = [i for i in ideas if keep is None or i.id != keep.id]
    dups = st.multiselect("Its duplicates", others, format_func=idea_label, key="dups")
    st.caption("Duplicates keep their history; their votes move to the idea that stays.")
    if st.button("Merge", disabled=keep is None or not dups):
        on_merge(keep.id, [d.id for d in dups])


def theme_panel(
    ideas: list[Any],
    themes: dict[int, str],
    on_create: Callable[[str], None],
    on_assign: Callable[[list[int], int | None], None],
) -> None:
    """Name a theme, and group ideas under it."""
    with st.form("new-theme", clear_on_submit=True):
        name = st.text_input("New theme name")
        if st.form_submit_button("Add theme"):
            on_create(name)
    picked = st.multiselect("Ideas to group", ideas, format_func=idea_label, key="theme-ideas")
    options = [None, *themes]
    theme = st.selectbox(
        "Under theme",
        options,
        format_func=lambda t: "— no theme —" if t is None else themes[t],
        key="theme-target",
    )
    if st.button("Group them", disabled=not picked):
        on_assign([i.id for i in picked], theme)
