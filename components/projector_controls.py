"""The console's projector settings: whether its pages turn or are held (WCAG 2.2.2), and
the language it speaks: one, or English and Spanish side by side."""

from __future__ import annotations

import streamlit as st

from components.notices import action_runner
from i18n import _
from runtime import Database
from services.core.actors import Actor
from services.room import projector_settings
from services.room.projector_settings import PROJECTOR_LANGUAGES
from services.room.room_control import RoomState


def projector_controls(db: Database, actor: Actor, state: RoomState) -> None:
    """Say in words whether the projector's pages turn or are held, with the switch.

    Buttons, not a toggle widget: the setting lives on the meeting, shared by every
    facilitator's console, and a button never shows a stale remembered state.
    """
    act = action_runner(db, actor)
    st.subheader(_("Projector"))
    projector_language_choice(db, actor, state)
    words, switch = st.columns([6, 3], vertical_alignment="center")
    if state.pages_held_at is not None:
        words.markdown(
            _(
                "**Projector pages: held.** Long lists of ideas, results and charter clauses "
                "stay on the page they showed, for the room to read, until you let them turn."
            )
        )
        if switch.button(_("Let the pages turn"), key="pages-turn", width="stretch"):
            act(
                projector_settings.hold_pages, state.meeting_id, False,
                done=_("The projector's pages turn again."),
            )  # fmt: skip
    else:
        words.markdown(
            _(
                "**Projector pages: turning.** Long lists of ideas, results and charter "
                "clauses turn a page every few seconds. Hold them when the room needs longer "
                "to read."
            )
        )
        if switch.button(_("Hold the current page"), key="pages-hold", width="stretch"):
            act(
                projector_settings.hold_pages, state.meeting_id, True,
                done=_("The projector holds its current page."),
            )  # fmt: skip


def projector_language_choice(db: Database, actor: Actor, state: RoomState) -> None:
    """The projector's language: its browser's, English, Spanish, or both side by side."""
    act = action_runner(db, actor)
    choices = list(PROJECTOR_LANGUAGES)
    chosen = st.radio(
        _("The projector speaks"),
        choices,
        index=choices.index(state.projector_language) if state.projector_language in choices else 0,
        format_func=lambda choice: _(PROJECTOR_LANGUAGES[choice]),
        horizontal=True,
        # Keyed by what is stored: another facilitator's change draws it afresh, never stale.
        key=f"projector-language-{state.projector_language}",
    )
    if chosen != state.projector_language:
        done = _("The projector now speaks: {language}.").format(
            language=_(PROJECTOR_LANGUAGES[chosen])
        )
        act(projector_settings.set_language, state.meeting_id, chosen, done=done)
