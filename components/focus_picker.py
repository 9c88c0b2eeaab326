"""The sidebar's picker of the initiative and meeting a person works on, remembered per browser.

Every screen reads its initiative and meeting from runtime.focus, so changing them here
switches every screen. The choice is kept in the session at once and in a cookie for the
next visit: Streamlit reads cookies (st.context.cookies) but has no call to write one, so
a line of script in st.html writes it. The value is two numbers built here, never text
from a person, and the server checks it again on every run (services/setup/focus.py).
"""

from __future__ import annotations

import json
from datetime import datetime

import streamlit as st

import runtime
from i18n import _, short_day
from services.core.actors import Actor
from services.core.meeting_time import in_its_zone
from services.core.vocab import MeetingStatus

PICKED_INITIATIVE = "focus_picker_initiative"
PICKED_MEETING = "focus_picker_meeting"
REMEMBER_SECONDS = 365 * 24 * 3600


def focus_picker(actor: Actor) -> None:
    """ "Initiative" and "Meeting" selectboxes, when there is more than one to choose from.

    Drawn where it is called: app.py calls it in the sidebar of every signed-in screen.
    """
    here = runtime.focus(actor)
    remember_in_browser()
    if len(here.initiatives) < 2 and len(here.meetings) < 2:
        return
    names = {i.id: i.name for i in here.initiatives}
    # Set before the widget is drawn, so a choice made elsewhere (Set up) shows here too.
    st.session_state[PICKED_INITIATIVE] = here.initiative_id
    st.selectbox(
        _("Initiative"), list(names), format_func=names.__getitem__, key=PICKED_INITIATIVE,
        on_change=_picked_initiative,
    )  # fmt: skip
    if here.meetings:
        titles = {
            m.id: meeting_label(m.title, in_its_zone(m.starts_at, m.time_zone), m.status)
            for m in here.meetings
        }
        st.session_state[PICKED_MEETING] = here.meeting_id
        st.selectbox(
            _("Meeting"), list(titles), format_func=titles.__getitem__, key=PICKED_MEETING,
            on_change=_picked_meeting,
        )  # fmt: skip


def meeting_label(title: str, starts_at: datetime | None, status: MeetingStatus) -> str:
    """A meeting as the picker names it: day (in the meeting's own zone: 18:00 in Chicago
    is the next day in UTC), whether it is live or over, then its title. The title last:
    the picker shows one line, and a long title cut the day and "live now" off the end."""
    parts = []
    if starts_at is not None:
        parts.append(short_day(starts_at))  # "Mar 5, 2026", "5 mar 2026"
    if status is MeetingStatus.LIVE:
        parts.append(_("live now"))
    elif status is MeetingStatus.CLOSED:
        # Translators: a meeting that is over, in the meeting picker.
        parts.append(_("closed"))
    return " · ".join([*parts, title])


def remember_in_browser() -> None:
    """Write this session's choice to the browser's cookie while the cookie says otherwise.

    The cookie the server sees is the one sent when the session connected, so after a
    choice it differs for the rest of the session and the script is drawn on every run;
    the browser runs it only when its text changes.
    """
    chosen = runtime.chosen_focus()
    if chosen is None:
        return
    value = runtime.focus_cookie_value(*chosen)
    if value == runtime.remembered_focus():
        return
    cookie = f"{runtime.focus_cookie_name()}={value}; path=/; max-age={REMEMBER_SECONDS}"
    # A JSON string is a JavaScript string; "<" escaped so nothing can close the script.
    line = json.dumps(f"{cookie}; samesite=strict").replace("<", "\\u003c")
    # The element holds no text; the style keeps its slot from adding a gap to the sidebar.
    st.html(
        "<style>[data-testid=stElementContainer]:has(script[data-remember-focus])"
        "{display: none}</style>"
        f"<script data-remember-focus>document.cookie = {line};</script>",
        unsafe_allow_javascript=True,
    )


def _picked_initiative() -> None:
    # Another initiative starts on its own newest meeting.
    runtime.choose(st.session_state[PICKED_INITIATIVE], None)


def _picked_meeting() -> None:
    runtime.choose(st.session_state[PICKED_INITIATIVE], st.session_state[PICKED_MEETING])
