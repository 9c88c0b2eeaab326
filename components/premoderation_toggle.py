"""The console's switch for the current step: show new ideas at once, or approve them first."""

from __future__ import annotations

import streamlit as st

from components.notices import action_runner
from components.text import escape_markdown
from i18n import _
from runtime import Database
from services.core.actors import Actor
from services.room import idea_queue
from services.room.room_control import RoomState


def premoderation_toggle(db: Database, actor: Actor, state: RoomState, title: str | None) -> None:
    """Say in words whether the step on the room holds ideas for approval, with the switch.

    Buttons, not a toggle widget: the setting lives in the database (the agenda editor
    changes it too), and a button never shows a stale remembered state.
    """
    item = state.current
    if item is None:
        return
    act = action_runner(db, actor)
    st.subheader(_("Approve before it shows"))
    title = escape_markdown(title or item.title)  # the step picker's words for it
    words, switch = st.columns([6, 3], vertical_alignment="center")
    if item.premoderate:
        words.markdown(
            _(
                "**On** for “{title}”: new ideas from the tables wait for your approval on "
                "the Idea board before the projector shows them."
            ).format(title=title)
        )
        if switch.button(_("Show new ideas at once"), key="premoderate-off", width="stretch"):
            act(idea_queue.set_premoderate, item.id, False, done=_("New ideas show at once."))
    else:
        words.markdown(
            _(
                "**Off** for “{title}”: new ideas from the tables show on the projector at once."
            ).format(title=title)
        )
        if switch.button(
            _("Approve ideas before they show"), key="premoderate-on", width="stretch"
        ):
            act(
                idea_queue.set_premoderate, item.id, True,
                done=_("New ideas now wait for your approval on the Idea board."),
            )  # fmt: skip
