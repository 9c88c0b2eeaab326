"""Set up › Initiative: what the initiative is called, where and why."""

from __future__ import annotations

import streamlit as st

from components.setup.context import SetupContext
from components.text import escape_markdown
from services import initiatives


def initiative_tab(ctx: SetupContext) -> None:
    """The initiative's name, city and purpose."""
    initiative = initiatives.get_initiative(ctx.db, ctx.initiative_id)
    st.subheader(escape_markdown(initiative.name))
    st.caption(escape_markdown(f"{initiative.city} · {initiative.purpose}"))
