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
from components.forms import date_pattern
from components.records import show_records
from i18n import _, weekday_moment
from runtime import Database
from services.core.actors import Actor
from services.core.vocab import label
from services.setup import meetings
from services.setup.meetings import Meeting

DEFAULT_START = time(18, 0)


def meetings_panel(
    db: Database, actor: Actor, act: Callable[..., None], initiative_id: int, worked_on: int | None
) -> None:
    """The initiative's meetings in a list, a form to add one, and one to change one."""
    zone = browser_zone()
    st.header(_("Meetings"))
    every = meetings.meetings_for(db, actor, initiative_id, include_archived=True)
    show_records(
        every,
        {
            _("Meeting"): "title",
            _("When"): lambda m: when_text(m.starts_at, zone),
            _("Where"): "location",
            _("Status"): lambda m: _("archived") if m.archived else label(m.status),
            _("Worked on"): lambda m: _("yes, this one") if m.id == worked_on else "",
        },
        _("This initiative has no meeting yet. Add its first one below."),
        key="meetings-list",
    )
    with st.expander(_("Add a meeting"), expanded=not every):
        added = _("Meeting added.")
        meeting_form(
            "new-meeting", None, zone,
            lambda *f: act(meetings.create_meeting, initiative_id, *f, done=added),
            _("Add the meeting"),
        )  # fmt: skip
    if every:
        change_one(every, act, worked_on, zone)


def change_one(
    every: list[Meeting], act: Callable[..., None], worked_on: int | None, zone: tzinfo
) -> None:
    """Pick a meeting; work on it, change it, archive or restore it."""
    st.subheader(_("Change a meeting"))
    titles = {m.id: f"{m.title} · {when_text(m.starts_at, zone)}" for m in every}
    default = list(titles).index(worked_on) if worked_on in titles else 0
    chosen_id = st.selectbox(
        _("Meeting to change"), list(titles), index=default, format_func=lambda m: titles[m]
    )
    chosen = next(m for m in every if m.id == chosen_id)
    if chosen.archived:
        st.caption(_("Archived: out of the pickers until restored."))
        if st.button(_("Restore this meeting"), key=f"restore-{chosen.id}"):
            act(meetings.restore_meeting, chosen.id, done=_("Meeting restored."))
        return
    work_on = _("Work on this meeting")
    if chosen.id != worked_on and st.button(work_on, key=f"focus-{chosen.id}"):
        act(_switch, chosen.initiative_id, chosen.id, done=_("Every screen now works on it."))
    saved = _("Meeting saved.")
    meeting_form(
        f"edit-meeting-{chosen.id}", chosen, zone,
        lambda *f: act(meetings.update_meeting, chosen.id, *f, done=saved),
        _("Save the meeting"),
    )  # fmt: skip
    if st.button(_("Archive this meeting"), key=f"archive-meeting-{chosen.id}"):
        act(meetings.archive_meeting, chosen.id, done=_("Meeting archived."))


def meeting_form(
    key: str, meeting: Meeting | None, zone: tzinfo, save: Callable[..., None], button: str
) -> None:
    """Title, day, start time and place; the day may stay empty until it is known."""
    local = meeting.starts_at.astimezone(zone) if meeting and meeting.starts_at else None
    with st.form(key, clear_on_submit=meeting is None):
        title = st.text_input(
            _("Meeting title"), meeting.title if meeting else "", key=f"{key}-title"
        )
        day = st.date_input(
            _("Date (leave empty if not known yet)"),
            local.date() if local else None,
            key=f"{key}-day",
            format=date_pattern(),
        )
        start = st.time_input(
            _("Start time ({zone})").format(zone=zone_name(zone)),
            local.time() if local else DEFAULT_START,
            key=f"{key}-time",
        )
        where = st.text_input(
            _("Location"), meeting.location if meeting else "", key=f"{key}-where"
        )
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
    """A start as people read it in their own time zone, or "date not set": "Sat 16 Jan
    2027, 18:00", "sáb 16 ene 2027, 18:00"."""
    if moment is None:
        return _("date not set")
    return weekday_moment(moment.astimezone(zone))


def browser_zone() -> tzinfo:
    """The browser's time zone, else UTC (a test, or a browser that did not say)."""
    name = st.context.timezone
    try:
        return ZoneInfo(name) if name else UTC
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def zone_name(zone: tzinfo) -> str:
    return getattr(zone, "key", None) or "UTC"


def _switch(db: Database, actor: Actor, initiative_id: int, meeting_id: int) -> None:
    runtime.choose(initiative_id, meeting_id)
