"""The console's "The room" tab: live table activity and voice balance, and the agenda."""

from __future__ import annotations

import streamlit as st

from components.console_panels import activity_table, voice_panel
from components.records import show_records
from i18n import _
from runtime import Database
from services.core.actors import Actor
from services.room import activity, voice
from services.room.console_screen import ConsoleScreen

WINDOW = 5
"""Minutes of activity a table is judged on: silent when it sent nothing in them."""


@st.fragment(run_every="5s")
def live_panels(db: Database, actor: Actor, meeting_id: int) -> None:
    """Redrawn every five seconds with its own narrow reads: who is talking, who is not."""
    st.subheader(_("Table activity, last {minutes} minutes").format(minutes=WINDOW))
    activity_table(activity.activity_by_table(db, actor, meeting_id, WINDOW), WINDOW)
    st.subheader(_("Voice balance"))
    voice_panel(voice.voice_summary(db, actor, meeting_id))


def agenda_table(screen: ConsoleScreen) -> None:
    """The agenda, the step the room is on marked."""
    st.subheader(_("Agenda"))
    show_records(
        list(screen.steps),
        {
            "#": "position",
            _("Step"): screen.title_of,
            _("Now"): lambda i: _("▶ now") if screen.is_now(i) else "",
            _("Minutes"): "minutes",
        },
        _("The agenda is empty: draft it on the Agenda screen."),
    )
