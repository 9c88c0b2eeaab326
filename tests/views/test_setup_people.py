"""Set up's People, Tables and Groups tabs through the real app: correcting the set-up."""

from __future__ import annotations

import re

from components.setup import walk_in
from components.setup.walk_in import WALK_IN_LANGUAGE
from db.models.enums import VoteMode
from services.converge import voting_ballots, voting_items, voting_rounds
from services.core.actors import SYSTEM
from services.room import ideas
from services.setup import participants, stakeholders, tables
from tests.views.helpers import by_label, click, setup_screen
from tests.views.helpers import texts as raw_texts


def _unescape(markdown: str) -> str:
    """What a person reads: Markdown's backslash escapes (components/text.py) removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


def texts(at) -> list[str]:
    return [_unescape(t) for t in raw_texts(at)]


def errors(at) -> list[str]:
    return [_unescape(e.value) for e in at.error]


def _setup(room_app):
    at = setup_screen(room_app)
    assert not at.exception, at.exception
    return at


def _person(db, room, name):
    roster = participants.list_participants(db, room.facilitator, room.initiative_id)
    return next((p for p in roster if p.name == name), None)


def _found(db, room, name):
    """The person named `name`, whom the test expects on the roster."""
    person = _person(db, room, name)
    assert person is not None, f"{name} is not on the roster"
    return person


def _frame(at, column, *others):
    """The first table on the page with these columns (Set up draws every tab's tables)."""
    wanted = {column, *others}
    return next(d.value for d in at.dataframe if wanted <= set(d.value.columns))


def _walk_in(at, name, group_id):
    by_label(at.text_input, "Walk-in's name").input(name)
    by_label(at.selectbox, "Their group").select(group_id)
    return click(at, "Add them and find a seat")


def test_a_walk_in_gets_a_table_with_room_and_a_badge_to_print_at_once(room_app, db, monkeypatch):
    room = room_app.room
    named = []
    real = walk_in.download_sheet
    monkeypatch.setattr(
        walk_in, "download_sheet", lambda *a, **k: (named.append(a[2]), real(*a, **k))
    )
    at = _walk_in(_setup(room_app), "Ana Door", room.residents_id)
    assert named[-1] == "badge-ana-door.html"  # by their name, not their number
    assert not at.exception, at.exception
    ana = _found(db, room, "Ana Door")
    assert ana.table_id == room.table1_id  # both tables hold two; table 1 comes first
    assert (
        "Ana Door is on the roster and sits at Table 1, the table with the most room. "
        "Their badge is below: print it now." in texts(at)
    )
    shown = texts(at)
    assert "Name: **Ana Door**" in shown and "Group: Residents" in shown
    assert "Table: Table 1" in shown
    assert any(c.value.endswith(f"/vote?code={ana.code}") for c in at.code)
    assert len(at.get("image")) == 1  # the voting link's QR code
    [badge] = at.get("download_button")
    assert badge.proto.label == "Download their badge (one page to print)"
    # Its link starts with this computer's own address here: said beside the badge, with
    # the room-network address to pick, as on the console (a printed badge opened nothing).
    assert any("which only this computer can open" in w.value for w in at.warning), at.warning
    # The next walk-in goes where there is now more room, and their badge replaces Ana's.
    at = _walk_in(at, "Bo Door", room.police_id)
    assert _found(db, room, "Bo Door").table_id == room.table2_id
    assert any(t.startswith("Bo Door is on the roster and sits at Table 2") for t in texts(at))
    assert "Table: Table 2" in texts(at) and "Name: **Ana Door**" not in texts(at)
    assert by_label(at.text_input, "Walk-in's name").value == ""


def test_a_walk_in_without_a_group_is_refused_and_what_was_typed_stays(room_app, db):
    room = room_app.room
    at = _setup(room_app)
    by_label(at.text_input, "Walk-in's name").input("No Group")
    at = click(at, "Add them and find a seat")
    assert any("Choose the walk-in's group" in e for e in errors(at))
    assert by_label(at.text_input, "Walk-in's name").value == "No Group"
    assert _person(db, room, "No Group") is None
    by_label(at.text_input, "Their email (optional)").input("not an address")
    at = _walk_in(at, "No Group", room.police_id)
    assert any("is not an email address" in e for e in errors(at))
    assert _person(db, room, "No Group") is None


def _vote_as(db, room, code):
    idea = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Co-responders")
    )
    rnd = voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(title="Vote", mode=VoteMode.DOTS, idea_ids=[idea.id]),
    )
    voting_rounds.open_round(db, room.facilitator, rnd.id)
    (item,) = voting_items.round_items(db, SYSTEM, rnd.id)
    voting_ballots.set_dots(db, code, item.id, 2)


def test_removing_someone_who_voted_marks_them_absent_and_says_why(room_app, db):
    room = room_app.room
    _vote_as(db, room, "code-0")
    at = _setup(room_app)
    by_label(at.selectbox, "Person to change").select(room.participant_ids[0]).run()
    at = click(at, "Remove this person from the roster")
    assert (
        "P0 is kept and marked absent, not deleted: they already have 1 vote, which stay "
        "counted and listed. They are out of seating, badges and the room's counts; mark "
        "them present if they come back." in texts(at)
    )
    assert [h.value for h in at.header if h.value.startswith("Roster")] == [
        "Roster (3 present, 1 absent)"
    ]
    roster = _frame(at, "Here").set_index("Name")
    assert (roster.loc["P0", "Here"], roster.loc["P0", "Table"]) == ("Absent", "—")
    at = click(at, "Mark them present again")
    assert "P0 is present again and sits at Table 1." in texts(at)
    back = _found(db, room, "P0")
    assert (back.absent, back.table_id) == (False, room.table1_id)


def test_removing_someone_who_said_nothing_deletes_them(room_app, db):
    room = room_app.room
    at = _setup(room_app)
    by_label(at.selectbox, "Person to change").select(room.participant_ids[3]).run()
    at = click(at, "Remove this person from the roster")
    assert (
        "P3 is removed from the roster. They had not voted or answered anything, so nothing "
        "is lost." in texts(at)
    )
    assert _person(db, room, "P3") is None


def test_a_person_is_edited_and_moved_in_one_form(room_app, db):
    room = room_app.room
    at = _setup(room_app)
    by_label(at.selectbox, "Person to change").select(room.participant_ids[1]).run()
    by_label(at.text_input, "Name").input("Pat Renamed")
    by_label(at.text_input, "Email").input("pat@example.org")
    by_label(at.selectbox, "Seated at").select(room.table2_id)
    at = click(at, "Save the changes")
    assert "Pat Renamed: changes saved." in texts(at)
    pat = _found(db, room, "Pat Renamed")
    assert (pat.email, pat.table_id, pat.code) == ("pat@example.org", room.table2_id, "code-1")
    # The roster says each person's language in its own words: what to check after an import.
    assert set(_frame(at, "Here")["Language"]) == {"English"}


def test_tables_are_added_renamed_and_removed_only_when_empty(room_app, db):
    room = room_app.room
    at = _setup(room_app)
    assert _frame(at, "Scribe")["People"].tolist() == [2, 2]
    by_label(at.text_input, "New table's name (optional)").input("By the door")
    at = click(at, "Add a table")
    assert "Table 3 (By the door) added." in texts(at)
    assert [(t.number, t.name) for t in tables.list_tables(db, SYSTEM, room.meeting_id)][-1] == (
        3,
        "By the door",
    )
    by_label(at.selectbox, "Table to remove").select(room.table1_id)
    at = click(at, "Remove the table")
    assert any(
        e.startswith("Table 1 cannot be removed: 2 people sit there: move them") for e in errors(at)
    )
    by_label(at.selectbox, "Table to rename").select(room.table2_id)
    by_label(at.text_input, "Its name (empty: just its number)").input("Window")
    at = click(at, "Rename the table")
    assert "Table renamed." in texts(at)
    frame = _frame(at, "Scribe")
    assert frame[["Table", "Name", "People"]].values.tolist() == [
        [1, "—", 2],
        [2, "Window", 2],
        [3, "By the door", 0],
    ]
    at = click(at, "Remove the table")  # the last table is chosen first
    assert "Table 3 (By the door) removed." in texts(at)
    assert [t.number for t in tables.list_tables(db, SYSTEM, room.meeting_id)] == [1, 2]


def test_a_group_added_by_mistake_is_deleted_and_one_in_use_is_refused(room_app, db):
    room = room_app.room
    at = _setup(room_app)
    by_label(at.text_input, "New group's name").input("Mistake")
    at = click(at, "Add the group")
    mistake = next(
        g
        for g in stakeholders.list_stakeholders(db, SYSTEM, room.initiative_id)
        if g.name == "Mistake"
    )
    by_label(at.selectbox, "Group to change").select(mistake.id).run()
    at = click(at, "Delete this group")
    assert "Mistake is deleted." in texts(at)
    assert [g.name for g in stakeholders.list_stakeholders(db, SYSTEM, room.initiative_id)] == [
        "Police",
        "Residents",
    ]
    by_label(at.selectbox, "Group to change").select(room.police_id).run()
    at = click(at, "Delete this group")
    assert any(
        e.startswith(
            "Police cannot be deleted: it is still used by 2 people on the roster and "
            "1 leader account. Retire it instead"
        )
        for e in errors(at)
    )


def test_a_retired_group_leaves_the_pickers_for_new_people_and_leaders(room_app, db):
    room = room_app.room
    old = stakeholders.create_stakeholder(
        db,
        room.facilitator,
        room.initiative_id,
        stakeholders.StakeholderFields(name="Old youth", category="youth"),
    )
    at = _setup(room_app)
    by_label(at.selectbox, "Group to change").select(old.id).run()
    at = click(at, "Retire this group")
    assert any(t.startswith("Old youth is retired") for t in texts(at))
    status = _frame(at, "Status", "Group").set_index("Group")["Status"].to_dict()
    assert status == {"Police": "Active", "Residents": "Active", "Old youth": "Retired"}
    assert "Old youth" not in by_label(at.selectbox, "Their group").options
    assert "Old youth" not in by_label(at.selectbox, "Speaks for (leaders)").options
    assert "Old youth" not in _frame(at, "Share")["Group"].tolist()  # the inclusion check
    at = click(at, "Restore this group")
    assert "Old youth is active again." in texts(at)
    assert "Old youth" in by_label(at.selectbox, "Their group").options


def test_renaming_a_group_to_a_name_in_use_is_refused_in_words(room_app, db):
    room = room_app.room
    at = _setup(room_app)
    by_label(at.selectbox, "Group to change").select(room.residents_id).run()
    by_label(at.text_input, "Group's name").input("police")
    at = click(at, "Save the group")
    assert any("There is already a group called “police”" in e for e in errors(at))
    by_label(at.text_input, "Group's name").input("Neighbours")
    at = click(at, "Save the group")
    assert "Group saved." in texts(at)
    names = [g.name for g in stakeholders.list_stakeholders(db, SYSTEM, room.initiative_id)]
    assert names == ["Neighbours", "Police"]


def test_a_walk_in_s_language_is_chosen_at_the_door_and_changed_on_their_record(room_app, db):
    room = room_app.room
    at = _setup(room_app)
    by_label(at.text_input, "Walk-in's name").input("Lucía Puerta")
    by_label(at.selectbox, "Their group").select(room.residents_id)
    at.selectbox(key=WALK_IN_LANGUAGE.format(form=0)).select("es")
    at = click(at, "Add them and find a seat")
    assert _found(db, room, "Lucía Puerta").language == "es"
    # Her record keeps it through an edit of something else, then changes it on request.
    lucia = _found(db, room, "Lucía Puerta")
    by_label(at.selectbox, "Person to change").select(lucia.id).run()
    assert at.selectbox(key=f"edit-language-{lucia.id}").value == "es"
    by_label(at.text_input, "Email").input("lucia@example.org")
    at = click(at, "Save the changes")
    assert _found(db, room, "Lucía Puerta").language == "es"
    at.selectbox(key=f"edit-language-{lucia.id}").select("en")
    at = click(at, "Save the changes")
    assert _found(db, room, "Lucía Puerta").language == "en"


def test_set_up_draws_a_tab_once_it_has_been_opened_and_keeps_it(room_app):
    at = room_app("fac").run().switch_page("views/setup.py").run()
    assert "Who is in the room" not in [h.value for h in at.header]  # the Groups tab's
    at.session_state["setup-tab"] = "Groups"
    at = at.run()
    assert "Who is in the room" in [h.value for h in at.header]
    at.session_state["setup-tab"] = "People"
    at = at.run()
    # Drawn still behind the People tab, so what was typed on it stays.
    assert "Who is in the room" in [h.value for h in at.header]
