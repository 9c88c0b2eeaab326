"""The sidebar picker, who sees which initiative, and Set up › Initiative and meetings."""

from __future__ import annotations

import ast
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import runtime
from db.models import Account, Meeting
from db.models.enums import MeetingStatus, Role
from services.core.actors import SYSTEM
from services.room import room_control
from services.setup import initiatives, meetings
from tests.factories import build_elsewhere
from tests.views.conftest import _app_factory
from tests.views.helpers import by_label, click, texts

ROOT = Path(__file__).resolve().parents[2]


def picker(at, label: str):
    """The sidebar's selectbox labelled `label`, which the test expects to be shown."""
    found = [s for s in at.sidebar.selectbox if s.label == label]
    assert found, f"no {label} picker in the sidebar"
    return found[0]


def has_picker(at, label: str) -> bool:
    return any(s.label == label for s in at.sidebar.selectbox)


def headers(at) -> list[str]:
    return [h.value for h in [*at.header, *at.subheader]]


def errors(at) -> list[str]:
    """The page's error messages as the reader sees them (they are shown escaped)."""
    return [e.value.replace("\\", "") for e in at.error]


def meetings_table(at):
    """The Set up list of the initiative's meetings, as a DataFrame."""
    (table,) = [d.value for d in at.dataframe if "Worked on" in d.value.columns]
    return table


def set_up(at):
    return at.switch_page("views/setup.py").run()


def test_the_picker_switches_every_screen_to_the_chosen_initiative(room_app, db):
    room = room_app.room
    build_elsewhere(db)  # newer: where a facilitator starts without a choice
    at = room_app("fac").run()
    assert [s.value for s in at.subheader] == ["Elsewhere", "Your screens"]
    chooser = picker(at, "Initiative")
    assert chooser.options == ["Elsewhere", "Test City Initiative"]
    chooser.set_value(room.initiative_id).run()
    assert not at.exception
    assert next(s.value for s in at.subheader) == "Test City Initiative"
    assert picker(at, "Meeting").value == room.meeting_id
    assert picker(at, "Meeting").options == ["live now · Meeting"]
    set_up(at)
    assert "Test City Initiative" in headers(at)
    at.switch_page("views/agenda.py").run()
    assert any("Listen" in t for t in texts(at)), texts(at)


def test_a_meeting_picked_in_the_sidebar_is_the_one_every_screen_works_on(room_app, db):
    room = room_app.room
    follow_up = meetings.create_meeting(
        db, room.facilitator, room.initiative_id, meetings.MeetingFields(title="Follow-up")
    )
    at = room_app("fac").run()
    assert picker(at, "Meeting").value == room.meeting_id  # live: the default, not the newest
    at.switch_page("views/agenda.py").run()
    assert any("3 steps" in t for t in texts(at)), texts(at)
    picker(at, "Meeting").set_value(follow_up.id).run()
    assert not any("3 steps" in t for t in texts(at)), texts(at)
    at.switch_page("views/home.py").run()
    assert any(t.startswith("Meeting: Follow") for t in texts(at)), texts(at)


def test_a_leader_never_sees_another_initiative_even_when_it_is_remembered(room_app, db):
    room = room_app.room
    other = build_elsewhere(db)
    at = room_app("lead")
    # What a shared browser's cookie or an old session might still hold.
    at.session_state[runtime.INITIATIVE_KEY] = other.initiative_id
    at.session_state[runtime.MEETING_KEY] = other.meeting_id
    at.run()
    assert not has_picker(at, "Initiative")  # one initiative, one meeting: nothing to pick
    assert next(s.value for s in at.subheader) == "Test City Initiative"
    at.switch_page("views/review.py").run()
    assert not at.exception and not at.error
    meetings.create_meeting(
        db, room.facilitator, room.initiative_id, meetings.MeetingFields(title="Follow-up")
    )
    at.run()
    assert picker(at, "Initiative").options == ["Test City Initiative"]
    assert sorted(picker(at, "Meeting").options) == ["Follow-up", "live now · Meeting"]


def test_setup_edits_the_initiative(room_app):
    at = set_up(room_app("fac").run())
    by_label(at.text_input, "Initiative name").set_value("Riverside Safety")
    by_label(at.text_input, "City").set_value("Riverside")
    click(at, "Save the initiative")
    assert [s.value for s in at.success] == ["Initiative saved."]
    assert "Riverside Safety" in headers(at)


def test_setup_refuses_a_duplicate_name_in_the_services_words(room_app, db):
    build_elsewhere(db)
    at = set_up(room_app("fac").run())
    # Elsewhere, the newest, is in focus; the room's initiative has the name asked for.
    by_label(at.text_input, "Initiative name").set_value("test city initiative")
    click(at, "Save the initiative")
    assert errors(at) == [
        "There is already an initiative called “test city initiative”. Choose another name."
    ]


def test_starting_a_new_initiative_switches_to_it_and_asks_for_its_first_meeting(room_app, db):
    at = set_up(room_app("fac").run())
    by_label(at.text_input, "Name of the new initiative").set_value("Harbour Trust")
    click(at, "Start the initiative")
    assert any("Initiative started" in s.value for s in at.success)
    assert "Harbour Trust" in headers(at)
    assert picker(at, "Initiative").value != room_app.room.initiative_id
    # No meeting yet: only this part of Set up, and a form open to add one.
    assert not at.tabs
    assert any("has no meeting yet" in i.value for i in at.info)
    at.text_input(key="new-meeting-title").set_value("First session")
    at.date_input(key="new-meeting-day").set_value(date(2031, 5, 6))
    at.time_input(key="new-meeting-time").set_value(time(18, 30))
    at.text_input(key="new-meeting-where").set_value("Library")
    click(at, "Add the meeting")
    assert [s.value for s in at.success] == ["Meeting added."]
    assert [t.label for t in at.tabs][:2] == ["Initiative and meetings", "Groups"]
    made = next(i for i in initiatives.list_initiatives(db) if i.name == "Harbour Trust")
    (meeting,) = meetings.list_meetings(db, SYSTEM, made.id)
    assert (meeting.title, meeting.location) == ("First session", "Library")
    assert meeting.starts_at is not None
    assert meeting.starts_at.isoformat() == "2031-05-06T18:30:00+00:00"  # AppTest's zone: UTC


def test_archiving_asks_for_a_confirmation_and_restoring_brings_it_back(room_app, db):
    room = room_app.room
    other = build_elsewhere(db)
    at = set_up(room_app("fac").run())  # the newest, Elsewhere, is in focus
    archive = by_label(at.button, "Archive the initiative")
    assert archive.disabled
    by_label(at.checkbox, "Yes, archive “Elsewhere”").check().run()
    click(at, "Archive the initiative")
    assert [s.value for s in at.success] == ["Initiative archived."]
    assert initiatives.get_initiative(db, other.initiative_id, actor=SYSTEM).archived
    # Back on the one left, whose archived neighbour waits in its own list.
    assert "Test City Initiative" in headers(at)
    assert not has_picker(at, "Initiative")
    assert by_label(at.selectbox, "Archived initiative").value == other.initiative_id
    click(at, "Restore it")
    assert [s.value for s in at.success] == ["Initiative restored."]
    assert picker(at, "Initiative").options == ["Elsewhere", "Test City Initiative"]
    assert room.initiative_id  # the room itself was never touched
    assert not initiatives.get_initiative(db, room.initiative_id, actor=SYSTEM).archived


def test_archiving_an_initiative_with_a_live_meeting_is_refused_in_words(room_app):
    at = set_up(room_app("fac").run())
    by_label(at.checkbox, "Yes, archive “Test City Initiative”").check().run()
    click(at, "Archive the initiative")
    assert errors(at) == [
        "Test City Initiative has a live meeting, Meeting: tables are working in it right "
        "now. Close it on the Console (Close the meeting) first, then archive."
    ]


def test_setup_lists_the_meetings_and_changes_archives_and_works_on_one(room_app, db):
    room = room_app.room
    follow_up = meetings.create_meeting(
        db, room.facilitator, room.initiative_id, meetings.MeetingFields(title="Follow-up")
    )
    at = room_app("fac")
    at.session_state[runtime.INITIATIVE_KEY] = room.initiative_id
    at.session_state[runtime.MEETING_KEY] = room.meeting_id
    at = set_up(at.run())
    listed = meetings_table(at)
    assert list(listed["Meeting"]) == ["Follow-up", "Meeting"]
    assert list(listed["Worked on"]) == ["", "yes, this one"]
    # The live meeting cannot be archived: the service says why and what to do.
    click(at, "Archive this meeting")
    assert errors(at) == [
        "Meeting is live: tables are working in it right now. Close it on the Console "
        "(Close the meeting) first, then archive it."
    ]
    # Work on the follow-up, then rename and archive it.
    by_label(at.selectbox, "Meeting to change").set_value(follow_up.id).run()
    click(at, "Work on this meeting")
    assert picker(at, "Meeting").value == follow_up.id
    at.text_input(key=f"edit-meeting-{follow_up.id}-title").set_value("Second session")
    click(at, "Save the meeting")
    assert meetings.get_meeting(db, follow_up.id, actor=SYSTEM).title == "Second session"
    click(at, "Archive this meeting")
    assert [s.value for s in at.success] == ["Meeting archived."]
    # Out of the picker; the screens fall back to the meeting left.
    assert not has_picker(at, "Meeting")
    listed = meetings_table(at)
    assert list(listed["Status"]) == ["archived", "Live"]
    assert list(listed["Worked on"]) == ["", "yes, this one"]


def test_setup_on_an_empty_install_starts_the_first_initiative(db, monkeypatch, tmp_path):
    with db.write() as s:
        s.add(
            Account(
                username="first", display_name="First", role=Role.FACILITATOR, password_hash="x"
            )
        )
    make = _app_factory(monkeypatch, db.engine.url.render_as_string(hide_password=False), tmp_path)
    try:
        at = set_up(make("first").run())
        assert "Start your first initiative" in headers(at)
        by_label(at.text_input, "Name of the new initiative").set_value("Our City")
        click(at, "Start the initiative")
        assert "Our City" in headers(at)
        assert any("has no meeting yet" in i.value for i in at.info)
    finally:
        runtime.database.clear()


def test_a_scribe_is_offered_only_the_meetings_where_they_scribe(room_app, db):
    room = room_app.room
    with db.write() as s:
        later = Meeting(
            initiative_id=room.initiative_id, title="Later", code="later-code",
            status=MeetingStatus.PLANNED,
        )  # fmt: skip
        s.add(later)
    room_control.close_meeting(db, room.facilitator, room.meeting_id)
    at = room_app("s1").run()
    assert not has_picker(at, "Meeting")  # no table for them at "Later"
    at.switch_page("views/listen.py").run()
    assert [t.value for t in at.title] == ["Listen · table 1"]


# These reads take the actor as a keyword (code-holders' screens read through their own
# read models, by code): every signed-in screen passes it, and this says where one does not.
SHARED_READS = {
    ("initiatives", "get_initiative"),
    ("meetings", "get_meeting"),
    ("agenda", "list_agenda"),
    ("ideas", "list_ideas"),
    ("room_control", "room_state"),
    ("voting_rounds", "round_to_show"),
}
CODE_HOLDER_SCREENS = {"projector.py", "vote.py", "survey.py"}


def shared_reads_without_actor(path: Path) -> list[str]:
    missing = []
    for node in ast.walk(ast.parse(path.read_text())):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and (node.func.value.id, node.func.attr) in SHARED_READS
            and not any(k.arg == "actor" for k in node.keywords)
        ):
            missing.append(f"{path.name}:{node.lineno} {node.func.value.id}.{node.func.attr}")
    return missing


@pytest.mark.parametrize(
    "path",
    [
        p
        for p in sorted([*(ROOT / "views").glob("*.py"), *(ROOT / "components").rglob("*.py")])
        # home.py shows what runtime already chose among the reader's own (see report).
        if p.name not in CODE_HOLDER_SCREENS | {"home.py"}
    ],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_signed_in_screens_say_who_reads(path):
    assert shared_reads_without_actor(path) == []


def test_the_check_catches_a_read_without_an_actor(tmp_path):
    sample = tmp_path / "page.py"
    sample.write_text("ideas.list_ideas(db, 1)\nideas.list_ideas(db, 1, actor=actor)\n")
    assert shared_reads_without_actor(sample) == ["page.py:1 ideas.list_ideas"]


@pytest.mark.parametrize(
    ("raw", "wish"),
    [
        (runtime.focus_cookie_value(3, 7), (3, 7)),
        (runtime.focus_cookie_value(3, None), (3, None)),
        ("", (None, None)),
        ("x:y", (None, None)),
        ("-1:2", (None, 2)),
        ("1e3:", (None, None)),
        ("9" * 40 + ":1", (None, 1)),
    ],
)
def test_a_remembered_choice_reads_back_and_anything_else_reads_as_no_choice(raw, wish):
    assert runtime.parse_focus_cookie(raw) == wish


def test_the_picker_names_a_meetings_day_where_the_meeting_is(room_app, db):
    """18:00 in Chicago is the next day in UTC: the picker said the UTC day."""
    room = room_app.room
    evening = datetime(2027, 3, 6, 18, 0, tzinfo=ZoneInfo("America/Chicago"))
    meetings.create_meeting(
        db,
        room.facilitator,
        room.initiative_id,
        meetings.MeetingFields(title="Evening", starts_at=evening),
    )
    at = room_app("fac").run()
    names = list(picker(at, "Meeting").options)
    assert any(n.startswith("Mar 6, 2027 · Evening") for n in names), names
