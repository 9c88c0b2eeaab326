"""Set up › Initiative and meetings › the meetings: add, change, archive, and work on one.

Times are typed and shown in the browser's time zone (st.context.timezone), named beside
them; the database keeps them in UTC.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st

import runtime
from components.records import show_records
from services.core.actors import Actor
from services.core.vocab import label
from services.setup import meetings

DEFAULT_START = time(18, 0)


def meetings_panel(
    db, actor: Actor, act: Callable[..., None], initiative_id: int, worked_on: int | None
) -> None:
    """The initiative's meetings in a list, a form to add one, and one to change one."""
    zone = browser_zone()
    st.header("Meetings")
    every = meetings.meetings_for(db, actor, initiative_id, include_archived=True)
    show_records(
        every,
        {
            "Meeting": "title",
            "When": lambda m: when_text(m.starts_at, zone),
            "Where": "location",
            "Status": lambda m: "archived" if m.archived else label(m.status),
            "Worked on": lambda m: "yes, this one" if m.id == worked_on else "",
        },
        "This initiative has no meeting yet. Add its first one below.",
        key="meetings-list",
    )
    with st.expander("Add a meeting", expanded=not every):
        meeting_form(
            "new-meeting", None, zone,
            lambda *f: act(meetings.create_meeting, initiative_id, *f, done="Meeting added."),
            "Add the meeting",
        )  # fmt: skip
    if every:
        change_one(every, act, worked_on, zone)


def change_one(every: list, act: Callable[..., None], worked_on: int | None, zone) -> None:
    """Pick a meeting; work on it, change it, archive or restore it."""
    st.subheader("Change a meeting")
    titles = {m.id: f"{m.title} · {when_text(m.starts_at, zone)}" for m in every}
    default = list(titles).index(worked_on) if worked_on in titles else 0
    chosen_id = st.selectbox(
        "Meeting to change", list(titles), index=default, format_func=titles.get
    )
    chosen = next(m for m in every if m.id == chosen_id)
    if chosen.archived:
        st.caption("Archived: out of the pickers until restored.")
        if st.button("Restore this meeting", key=f"restore-{chosen.id}"):
            act(meetings.restore_meeting, chosen.id, done="Meeting restored.")
        return
    if chosen.id != worked_on and st.button("Work on this meeting", key=f"focus-{chosen.id}"):
        act(_switch, chosen.initiative_id, chosen.id, done="Every screen now works on it.")
    meeting_form(
        f"edit-meeting-{chosen.id}", chosen, zone,
        lambda *f: act(meetings.update_meeting, chosen.id, *f, done="Meeting saved."),
        "Save the meeting",
    )  # fmt: skip
    if st.button("Archive this meeting", key=f"archive-meeting-{chosen.id}"):
        act(meetings.archive_meeting, chosen.id, done="Meeting archived.")


def meeting_form(key: str, meeting, zone, save: Callable[..., None], button: str) -> None:
    """Title, day, start time and place; the day may stay empty until it is known."""
    local = meeting.starts_at.astimezone(zone) if meeting and meeting.starts_at else None
    with st.form(key, clear_on_submit=meeting is None):
        title = st.text_input("Meeting title", meeting.title if meeting else "", key=f"{key}-title")
        day = st.date_input(
            "Date (leave empty if not known yet)", local.date() if local else None, key=f"{key}-day"
        )
        start = st.time_input(
            f"Start time ({zone_name(zone)})",
            local.time() if local else DEFAULT_START,
            key=f"{key}-time",
        )
        where = st.text_input("Location", meeting.location if meeting else "", key=f"{key}-where")
        if st.form_submit_button(button, type="primary" if meeting is None else "secondary"):
            save(
                meetings.MeetingFields(
                    title=title, starts_at=starts_at(day, start, zone), location=where
                )
            )


def starts_at(day: date | None, start: time | None, zone: tzinfo) -> datetime | None:
    """The start as an aware datetime in `zone`; None without a day."""
    if day is None:
        return None
    return datetime.combine(day, start or DEFAULT_START, tzinfo=zone)


def when_text(moment: datetime | None, zone: tzinfo) -> str:
    """A start as people read it in their own time zone, or "date not set"."""
    if moment is None:
        return "date not set"
    return f"{moment.astimezone(zone):%a %d %b %Y, %H:%M}"


def browser_zone() -> tzinfo:
    """The browser's time zone, else UTC (a test, or a browser that did not say)."""
    name = st.context.timezone
    try:
        return ZoneInfo(name) if name else UTC
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def zone_name(zone: tzinfo) -> str:
    return getattr(zone, "key", None) or "UTC"


def _switch(db, actor: Actor, initiative_id: int, meeting_id: int) -> None:
    runtime.choose(initiative_id, meeting_id)
