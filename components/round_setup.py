"""The form a facilitator fills in to put ideas or themes to a vote."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from components.moderation import idea_label
from i18n import N_, _
from services.converge.converge_screen import BallotChoices, BallotIdea
from services.converge.voting_rounds import NewRound

MODES = {"dots": N_("Dot voting"), "agree_disagree": N_("Agree / disagree / pass")}


def new_round_form(choices: BallotChoices, on_create: Callable[..., None]) -> None:
    """Title, mode, budget, and the ideas or themes on the ballot."""
    with st.form("new-round"):
        title = st.text_input(_("Round title"), _("Which ideas should the city act on first?"))
        mode = st.radio(
            _("How people vote"), list(MODES), format_func=lambda m: _(MODES[m]), horizontal=True
        )
        budget_col, max_col = st.columns(2)
        budget = budget_col.number_input(_("Dots per person"), 1, 50, 5)
        most = max_col.number_input(_("Most dots on one idea"), 1, 50, 3)
        # A list with nothing to pick is drawn greyed out, its label below 4.5:1: words instead.
        picked = (
            st.multiselect(
                _("Ideas on the ballot"),
                choices.ideas,
                format_func=_idea_label,
                placeholder=_("Choose options"),
            )
            if choices.ideas
            else _none(_("No ideas yet to put on the ballot: tables add them on Ideas."))
        )
        theme_picks = (
            st.multiselect(
                _("Themes on the ballot"),
                choices.themes,
                format_func=lambda t: t.name,
                placeholder=_("Choose options"),
            )
            if choices.themes
            else _none(_("No themes yet: the facilitator groups ideas into themes on Ideas."))
        )
        if st.form_submit_button(_("Create the round"), type="primary"):
            on_create(
                NewRound(
                    title=title, mode=mode, budget=int(budget), max_per_item=int(most),
                    idea_ids=[i.id for i in picked], theme_ids=[t.id for t in theme_picks],
                )
            )  # fmt: skip


def _idea_label(idea: BallotIdea) -> str:
    """The idea as the facilitator reads it, and what those words are, after them: a
    long idea is cut, its mark kept."""
    label = idea_label(idea)
    return f"{label} ({idea.mark})" if idea.mark else label


def _none(words: str) -> list:
    st.caption(words)
    return []
