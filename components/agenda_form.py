"""The facilitator's form for one agenda step: title, skill, minutes, goal, materials, and
whether its ideas wait for approval."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from services.core.vocab import Skill, Step, label


def step_form(key: str, item: Any, on_save: Callable[..., None], button: str) -> None:
    """A new step (item None) or the fields of an existing one."""
    steps, skills = list(Step), [None, *Skill]
    with st.form(key, clear_on_submit=item is None):
        title = st.text_input("Step title", item.title if item else "")
        left, right, minutes_col = st.columns([2, 2, 1])
        step = left.selectbox(
            "What the room does", steps, format_func=label,
            index=steps.index(item.step) if item else 0,
        )  # fmt: skip
        skill = right.selectbox(
            "Citizen leadership skill", skills,
            format_func=lambda s: "— none —" if s is None else label(s),
            index=skills.index(item.skill) if item else 0,
        )  # fmt: skip
        minutes = minutes_col.number_input("Minutes", 1, 480, item.minutes if item else 20)
        goal = st.text_area("Goal", item.goal if item else "", height=70)
        materials = st.text_input("Materials", item.materials if item else "")
        prompt = st.text_input(
            "Question for the room (shown on the projector)", item.prompt if item else ""
        )
        premoderate = st.checkbox(
            "Approve before it shows: new ideas from the tables wait for your approval "
            "before the projector shows them",
            bool(item and item.premoderate),
        )
        if st.form_submit_button(button, type="primary"):
            on_save(title, step, int(minutes), skill, goal, materials, prompt, premoderate)
