"""Panels of the Converge screen: each round's state and controls, then what it showed."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from components.results import round_results
from components.text import escape_markdown
from components.translated import translated_note
from components.translation_boxes import Box, translation_boxes
from i18n import _
from services.converge.converge_screen import RoundOnConverge
from services.core.vocab import label
from services.translations.translate import translate_all

OPEN, CLOSE, REVEAL, HIDE, DELETE = "open", "close", "reveal", "hide", "delete"


def round_controls(rnd: RoundOnConverge, facilitating: bool, shown: bool) -> str | None:
    """The round's title and state, and a facilitator's buttons for its next step.
    `shown`: whether the room is on its voting step, where the projector shows the round.

    Returns the step pressed (OPEN, CLOSE, REVEAL, HIDE, DELETE), or None.
    """
    st.markdown(f"**{escape_markdown(rnd.called)}** · {label(rnd.mode)} · {label(rnd.status)}")
    if rnd.name is not None:
        translated_note(rnd.name, key=f"round-title-{rnd.id}")
    key, pressed = rnd.id, None
    if facilitating and rnd.is_draft and st.button(_("Open voting"), key=f"open-{key}"):
        pressed = OPEN
    # A draft made by mistake, or left with an empty ballot by an older version, goes.
    if facilitating and rnd.is_draft and st.button(_("Delete this draft"), key=f"delete-{key}"):
        pressed = DELETE
    if facilitating and rnd.is_open and st.button(_("Close voting"), key=f"close-{key}"):
        pressed = CLOSE
    if rnd.turnout is not None:
        turnout = rnd.turnout.words()
        st.caption(
            _("{turnout}: the projector shows this.").format(turnout=turnout)
            if shown
            else _(
                "{turnout}. The projector shows it once the room is on the voting step: "
                "press Next on the Console."
            ).format(turnout=turnout)
        )
    if facilitating and rnd.is_closed:
        if not rnd.revealed:
            said = _("The projector keeps these results hidden until you reveal them.")
        elif shown:
            said = _("The projector shows these results.")
        else:
            said = _("The projector shows these results once the room is on the voting step.")
        st.caption(said)
        if rnd.revealed and st.button(_("Hide the results from the projector"), key=f"hide-{key}"):
            pressed = HIDE
        if not rnd.revealed and st.button(
            _("Reveal the results on the projector"), type="primary", key=f"reveal-{key}"
        ):
            pressed = REVEAL
    return pressed


def round_outcome(rnd: RoundOnConverge) -> None:
    """The round's results once voting has opened, with the credit of an imported one."""
    if rnd.results is None:
        return
    round_results(rnd.called, rnd.results, key=str(rnd.id))
    if rnd.credit:
        st.caption(escape_markdown(rnd.credit))


def round_translation(rnd: RoundOnConverge, act: Callable[..., None]) -> None:
    """The round's title in the other language: what a phone reading that language heads
    its ballot with, marked as a translation."""
    if rnd.name is None:
        return
    with st.expander(_("Translate this round's title"), key=f"translate-round-{rnd.id}"):
        translation_boxes(
            f"round-translation-{rnd.id}",
            [Box("voting_round", rnd.id, "title", rnd.name)],
            lambda entries: act(translate_all, entries, done=_("Translations saved.")),
            _("Leave the box empty to remove the translation."),
        )
