"""The live room through the real app: scribes capture, the board moderates, the room votes."""

from __future__ import annotations

import math
import re
import time
from datetime import UTC, datetime, timedelta
from typing import cast

from streamlit.proto.LabelVisibility_pb2 import LabelVisibility

from components.cards import ShownIdea, ShownNote, idea_text, note_text
from components.idea_board import MODERATION_KEY
from components.text import escape_markdown
from services.converge import voting_ballots, voting_rounds
from services.core.actors import SYSTEM
from services.core.scope import MEETING_CLOSED
from services.core.vocab import VoteMode
from services.room import ideas, notes, room_control
from services.setup import languages
from tests.views.helpers import (
    ballot_rows,
    by_label,
    click,
    countdown,
    open_expanders,
    open_tab,
    screen_text,
    texts,
)

LINKS = ("console-tab", "Join links and QR codes")


def open_listen(room_app, user="s1", table="1"):
    at = room_app(user, {"table": table}).run()
    return at.switch_page("views/listen.py").run()


def fill_note(at, said: str, heard: str = "", group=None):
    by_label(at.text_area, "What was said").input(said)
    by_label(at.text_area, "What I heard (the paraphrase back)").input(heard)
    if group is not None:
        by_label(at.selectbox, "Speaker's stakeholder group").select(group)
    by_label(at.radio, "Did the speaker confirm the paraphrase?").set_value(
        "Yes, they confirmed it"
    )
    return click(at, "Save note")


def test_a_scribe_saves_a_note_with_the_listening_loop_and_sees_it(room_app, db):
    room = room_app.room
    at = fill_note(
        open_listen(room_app), "Nobody came for an hour", "You waited alone", room.police_id
    )
    assert not at.exception
    assert "Note saved." in texts(at)
    (note,) = notes.list_notes(db, room.facilitator, room.meeting_id, room.table1_id)
    assert (note.said, note.paraphrase, note.confirmed) == (
        "Nobody came for an hour",
        "You waited alone",
        True,
    )
    assert note.stakeholder_id == room.police_id
    shown = cast(ShownNote, note)  # a row: pyright does not match Mapped[...] to the protocol
    assert note_text(shown, "Police") in texts(at)
    assert note_text(shown, "Police").startswith(escape_markdown("Nobody came for an hour"))


def test_every_table_s_page_counts_every_note_and_lists_the_newest_until_asked(room_app, db):
    room = room_app.room
    for n in range(1, 26):
        notes.add_note(db, room.scribe1, room.table1_id, notes.NoteFields(said=f"Said {n:02}"))
    at = room_app("fac").run().switch_page("views/listen.py").run()
    assert any(h.value == "Notes so far (25)" for h in at.header)
    listed = " ".join(texts(at))
    assert "Said 25" in listed and "Said 06" in listed and "Said 05" not in listed
    (show_all,) = at.toggle
    assert show_all.label == "Show all 25 notes, not only the newest 20"
    listed = " ".join(texts(show_all.set_value(True).run()))
    assert "Said 01" in listed and "Said 25" in listed


def test_an_empty_note_is_refused_in_words_and_nothing_is_saved(room_app, db):
    at = fill_note(open_listen(room_app), "   ")
    assert any("What was said is empty" in t or "is empty" in t for t in texts(at))
    assert notes.list_notes(db, room_app.room.facilitator, room_app.room.meeting_id) == []


def test_a_closed_step_refuses_a_note_with_a_message_not_an_exception(room_app, db):
    room = room_app.room
    room_control.set_input(db, room.facilitator, room.meeting_id, False)
    at = fill_note(open_listen(room_app), "Late words")
    assert not at.exception
    assert any("Input is closed" in t for t in texts(at))
    assert notes.list_notes(db, room.facilitator, room.meeting_id) == []


def test_user_text_is_shown_literally_never_as_html_or_links(room_app, db):
    hostile = "<script>alert(1)</script> [click](javascript:alert(2)) ![x](http://e.vil/x.png)"
    ideas.add_idea(
        db, room_app.room.scribe1, ideas.NewIdea(table_id=room_app.room.table1_id, text=hostile)
    )
    at = room_app("s1", {"table": "1"}).run()
    at = at.switch_page("views/ideas.py").run()
    shown = [t for t in texts(at) if "script" in t]
    assert shown == [f"{escape_markdown(hostile)}\n\n:small[table 1 · group not given]"]
    assert "<script>" not in shown[0] and "](" not in shown[0]


def test_a_scribe_adds_an_idea_and_the_facilitators_board_lists_it(room_app, db):
    room = room_app.room
    at = room_app("s2", {"table": "2"}).run().switch_page("views/ideas.py").run()
    by_label(at.text_area, "The idea").input("Send a mental-health clinician with officers")
    by_label(at.selectbox, "Stakeholder group of the person who raised it").select(
        room.residents_id
    )
    at = click(at, "Add idea")
    assert "Idea added." in texts(at)
    (idea,) = ideas.list_ideas(db, room.meeting_id, actor=SYSTEM)
    assert (idea.table_id, idea.stakeholder_id) == (room.table2_id, room.residents_id)
    board = room_app("fac").run().switch_page("views/ideas.py").run()
    assert not board.exception
    assert idea_text(cast(ShownIdea, idea), ["table 2", "Residents"]) in texts(board)


def test_the_facilitator_hides_an_idea_and_the_projector_drops_it(room_app, db):
    room = room_app.room
    kept = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Crisis line first")
    )
    gone = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Off-topic remark")
    )
    secret = ideas.add_idea(
        db,
        room.scribe1,
        ideas.NewIdea(table_id=room.table1_id, text="Name of an officer", confidential=True),
    )
    room_control.move_step(db, room.facilitator, room.meeting_id, +1)  # the ideas step
    board = room_app("fac").run().switch_page("views/ideas.py").run()
    assert not board.selectbox  # the moderation pickers wait until it is opened
    board.session_state[MODERATION_KEY] = True
    board = board.run()
    by_label(board.selectbox, "Idea to edit, hide or show").select(gone)
    board = click(board.run(), "Hide it from the board")
    assert not board.exception
    hidden_too = ideas.IdeaFilter(include_hidden=True)
    assert (
        ideas.list_ideas(db, room.meeting_id, hidden_too, actor=SYSTEM)[1].status.value == "hidden"
    )
    wall = room_app(query={"code": "meet-code"}).run().switch_page("views/projector.py").run()
    shown = screen_text(wall)
    assert kept.text in shown
    assert gone.text not in shown
    assert secret.text not in shown


def _console(room_app):
    return room_app("fac").run().switch_page("views/console.py").run()


def _countdown(at) -> str:
    """The console's own timer line, without its icon."""
    return countdown(at).split(" ", 1)[1]


def test_one_click_on_next_opens_input_and_starts_the_steps_timer(room_app, db):
    room = room_app.room
    room_control.set_input(db, room.facilitator, room.meeting_id, False)
    at = _console(room_app)
    assert not at.exception
    assert _countdown(at) == "No timer is running"
    at = click(at, "Next ▶")
    state = room_control.room_state(db, room.meeting_id, actor=SYSTEM)
    assert (state.position, state.input_open) == (2, True)
    left = state.seconds_left(datetime.now(UTC))
    assert left is not None and 19 * 60 < left <= 20 * 60
    assert "Moved to the next step." in texts(at)
    assert _countdown(at) in ("Timer: 20:00 left", "Timer: 19:59 left", "Timer: 19:58 left")
    assert "Input is open" in [s.value for s in at.success]
    # The override stays: input closes by hand, and the timer restarts at a chosen length.
    at = click(at, "Close input")
    assert not room_control.room_state(db, room.meeting_id, actor=SYSTEM).input_open
    by_label(at.number_input, "Timer (minutes)").set_value(3)
    at = click(at, "Start timer")
    left = room_control.room_state(db, room.meeting_id, actor=SYSTEM).seconds_left(
        datetime.now(UTC)
    )
    assert left is not None and left <= 180
    assert _countdown(at) in ("Timer: 3:00 left", "Timer: 2:59 left", "Timer: 2:58 left")


def test_the_consoles_countdown_says_in_words_when_time_is_up(room_app, db):
    from db.models import Meeting

    room = room_app.room
    with db.write() as s:
        s.get_one(Meeting, room.meeting_id).timer_ends_at = datetime.now(UTC) - timedelta(seconds=5)
    at = _console(room_app)
    assert countdown(at) == "alarm Timer: Time is up"
    # Shown once: the banner above leaves the timer to the countdown.
    assert [s.value for s in at.success] == ["Input is open"]


def test_the_console_adds_one_or_five_minutes_to_the_timer(room_app, db):
    room = room_app.room
    at = click(_console(room_app), "+1 minute")
    first = room_control.room_state(db, room.meeting_id, actor=SYSTEM).timer_ends_at
    assert first is not None
    assert "Added 1 minute to the timer." in texts(at)
    at = click(at, "+5 minutes")
    assert room_control.room_state(
        db, room.meeting_id, actor=SYSTEM
    ).timer_ends_at == first + timedelta(minutes=5)
    assert _countdown(at) in ("Timer: 6:00 left", "Timer: 5:59 left", "Timer: 5:58 left")


def test_the_console_jumps_to_a_chosen_step_and_applies_its_plan(room_app, db):
    room = room_app.room
    room_control.set_input(db, room.facilitator, room.meeting_id, False)
    at = _console(room_app)
    jump = by_label(at.selectbox, "Step to jump to")
    assert jump.options == [
        "1. Listen (Listen, 20 min)",
        "2. Ideas (Diverge, 20 min)",
        "3. Vote (Converge, 20 min)",
    ]
    jump.select(room.item_ids[2])
    at = click(at.run(), "Go to this step")
    state = room_control.room_state(db, room.meeting_id, actor=SYSTEM)
    assert (state.position, state.input_open, state.timer_ends_at is not None) == (3, True, True)
    assert "The room is on step 3\\. Vote \\(Converge\\, 20 min\\)." in texts(at)
    assert by_label(at.selectbox, "Step to jump to").value == room.item_ids[2]


def test_a_closed_meeting_keeps_its_step_buttons_and_time_buttons_shut(room_app, db):
    room = room_app.room
    room_control.close_meeting(db, room.facilitator, room.meeting_id)
    at = _console(room_app)
    shut = {b.label: b.disabled for b in at.button}
    assert all(shut[name] for name in ("Next ▶", "+1 minute", "+5 minutes", "Go to this step"))
    assert "Reopen the meeting" in shut


def _open_round(db, room, mode=VoteMode.DOTS):
    made = [
        ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text=t))
        for t in ("Co-responders", "911 triage")
    ]
    rnd = voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(title="Priorities", mode=mode, idea_ids=[i.id for i in made]),
    )
    voting_rounds.open_round(db, room.facilitator, rnd.id)
    return rnd


def test_a_participant_places_dots_on_a_phone_and_sees_what_is_left(room_app, db):
    rnd = _open_round(db, room_app.room)
    at = room_app(query={"code": "code-0"}).run().switch_page("views/vote.py").run()
    assert "5 of 5 dots left" in [h.value for h in at.subheader]
    ballot_rows(at)[0].set_value(2).run()
    assert "3 of 5 dots left" in [h.value for h in at.subheader]
    (view,) = voting_ballots.open_ballots(db, "code-0")
    assert [line.dots for line in view.items] == [2, 0]
    ballot_rows(at)[1].set_value(3).run()
    ballot_rows(at)[0].set_value(3).run()  # 3 + 3 > 5: refused, and the row shows what counts
    assert any("You have 0 dots left" in e.value for e in at.error)
    assert [g.value for g in ballot_rows(at)] == [2, 3]
    assert view.round_id == rnd.id


def test_an_old_value_resent_for_a_row_another_phone_changed_does_not_undo_its_vote(room_app, db):
    """A browser may send a row's old value once more before it has drawn the stored one
    (the ballot's 5 s check firing in between); that must not be taken for a tap."""
    _open_round(db, room_app.room)
    at = room_app(query={"code": "code-0"}).run().switch_page("views/vote.py").run()
    held = at._tree.get_widget_states()  # what this phone's browser holds: 0 and 0 dots
    (view,) = voting_ballots.open_ballots(db, "code-0")
    voting_ballots.set_dots(db, "code-0", view.items[1].item_id, 3)  # the same badge elsewhere
    at.run()
    assert [g.value for g in ballot_rows(at)] == [0, 3]
    at._run(held)  # the old state arrives late; AppTest's own run() would send the new one
    (view,) = voting_ballots.open_ballots(db, "code-0")
    assert [line.dots for line in view.items] == [0, 3]
    assert [g.value for g in ballot_rows(at)] == [0, 3]
    ballot_rows(at)[1].set_value(1).run()  # a real tap on the redrawn row still counts
    (view,) = voting_ballots.open_ballots(db, "code-0")
    assert [line.dots for line in view.items] == [0, 1]


def test_a_tap_after_the_meeting_closed_is_refused_and_the_phone_says_thank_you(room_app, db):
    room = room_app.room
    _open_round(db, room)
    at = room_app(query={"code": "code-0"}).run().switch_page("views/vote.py").run()
    room_control.close_meeting(db, room.facilitator, room.meeting_id)
    ballot_rows(at)[0].set_value(2).run()
    assert [e.value for e in at.error] == [MEETING_CLOSED]
    assert [h.value for h in at.header] == ["This meeting has closed — thank you"]
    assert not ballot_rows(at)
    assert [p.proto.label for p in at.get("page_link")] == [
        "The meeting is over: tell us how it went"
    ]
    assert voting_ballots.open_ballots(db, "code-0") == []


def test_ballot_rows_are_named_in_plain_words_as_typed(room_app, db):
    room = room_app.room
    typed = ["Co-responders at night", "Fund *mental-health* & [train] staff_now"]
    made = [
        ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text=t))
        for t in typed
    ]
    rnd = voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(
            title="Priorities", mode=VoteMode.DOTS, idea_ids=[i.id for i in made]
        ),
    )
    voting_rounds.open_round(db, room.facilitator, rnd.id)
    at = room_app(query={"code": "code-0"}).run().switch_page("views/vote.py").run()
    plain_row, markdown_row = ballot_rows(at)
    # The label is what a screen reader says: plain words, the idea as typed.
    assert plain_row.label == "Idea 1 of 2: Co-responders at night"
    assert plain_row.proto.label_visibility.value == LabelVisibility.VISIBLE
    # An idea that would act as Markdown shows its words as plain text above the row; the
    # row's label, collapsed, names it without Markdown's marks, since Streamlit still
    # renders a collapsed label (tests/e2e/test_ballot_thumbs.py).
    assert markdown_row.label == "Idea 2 of 2: Fund mental-health & train staff now"
    assert markdown_row.proto.label_visibility.value == LabelVisibility.COLLAPSED
    assert [t.value for t in at.text] == [f"Idea 2 of 2: {typed[1]}"]
    # A tap that reruns the whole page (as AppTest always does) says it was saved too.
    ballot_rows(at)[0].set_value(2).run()
    assert "Saved. Your ballot below shows every row as it now counts." in texts(at)


def test_the_phone_ballot_shows_the_rooms_timer(room_app, db):
    room = room_app.room
    _open_round(db, room)
    started = time.monotonic()
    room_control.start_timer(db, room.facilitator, room.meeting_id, 3)
    at = room_app(query={"code": "code-2"}).run().switch_page("views/vote.py").run()
    took = time.monotonic() - started
    # What is left counts down while the page runs: a loaded machine took over 2 s.
    found = re.fullmatch(r"timer Timer: (\d+):(\d\d) left", countdown(at))
    assert found is not None, countdown(at)
    left = int(found[1]) * 60 + int(found[2])
    assert 180 - math.ceil(took) - 1 <= left <= 180, (left, took)


def test_a_vote_after_the_round_closed_is_refused_with_a_message(room_app, db):
    room = room_app.room
    rnd = _open_round(db, room)
    at = room_app(query={"code": "code-1"}).run().switch_page("views/vote.py").run()
    voting_rounds.close_round(db, room.facilitator, rnd.id)
    ballot_rows(at)[0].set_value(1).run()
    assert not at.exception
    assert any("closed" in e.value for e in at.error)
    assert voting_ballots.ballot(db, "code-1", rnd.id).dots_used == 0


def test_results_and_the_common_ground_ranking_show_on_converge_and_the_projector(room_app, db):
    room = room_app.room
    rnd = _open_round(db, room, VoteMode.AGREE_DISAGREE)
    first, second = (line.item_id for line in voting_ballots.ballot(db, "code-0", rnd.id).items)
    for code in ("code-0", "code-1", "code-2", "code-3"):
        voting_ballots.choose(db, code, first, "agree")
    voting_ballots.choose(db, "code-0", second, "agree")
    voting_ballots.choose(db, "code-1", second, "disagree")
    at = room_app("fac").run().switch_page("views/converge.py").run()
    assert not at.exception
    shown = texts(at)
    assert "#### Common-ground ranking" in shown
    assert "- Co\\-responders" in shown  # what unites: every group agreed
    room_control.go_to_step(db, room.facilitator, room.meeting_id, room.item_ids[2])
    wall = room_app(query={"code": "meet-code"}).run().switch_page("views/projector.py").run()
    assert not wall.exception
    # While voting is open the wall counts voters and shows no result.
    assert "4 of 4 have voted" in screen_text(wall)
    assert "Co-responders" not in screen_text(wall)
    at = click(at, "Close voting")
    wall = room_app(query={"code": "meet-code"}).run().switch_page("views/projector.py").run()
    assert "The results appear here when the facilitator reveals them." in screen_text(wall)
    assert "Co-responders" not in screen_text(wall)
    at = click(at, "Reveal the results on the projector")
    assert "The results are on the projector." in texts(at)
    wall = room_app(query={"code": "meet-code"}).run().switch_page("views/projector.py").run()
    assert "1. Co-responders" in screen_text(wall)
    assert "strongest common ground" in screen_text(wall)


def test_a_leader_reads_results_but_cannot_open_or_close_rounds(room_app, db):
    _open_round(db, room_app.room)
    at = room_app("lead").run().switch_page("views/converge.py").run()
    assert not at.exception
    assert not [b for b in at.button if b.label in ("Open voting", "Close voting")]


def test_a_paraphrase_counts_as_confirmed_only_when_the_scribe_says_so(room_app, db):
    at = open_listen(room_app)
    by_label(at.text_area, "What was said").input("The bus stop is unsafe at night")
    click(at, "Save note")
    (note,) = notes.list_notes(db, room_app.room.facilitator, room_app.room.meeting_id)
    assert note.confirmed is None


def test_the_consoles_badges_leave_out_people_marked_absent(room_app, db):
    from db.models import Participant

    room = room_app.room
    at = open_tab(room_app("fac").run().switch_page("views/console.py").run(), *LINKS)
    badges = next(d.value for d in at.dataframe if "Voting link" in d.value.columns)
    assert badges["Name"].tolist() == ["P0", "P1", "P2", "P3"]
    with db.write() as s:
        s.get_one(Participant, room.participant_ids[0]).absent = True
    at = open_tab(room_app("fac").run().switch_page("views/console.py").run(), *LINKS)
    badges = next(d.value for d in at.dataframe if "Voting link" in d.value.columns)
    assert badges["Name"].tolist() == ["P1", "P2", "P3"]


def test_an_imported_conversation_s_results_carry_its_credit_on_converge(room_app, db):
    from pathlib import Path

    from services.prepare import imported_credit, polis

    data = Path(__file__).resolve().parents[3] / "shared" / "data"
    export = polis.read_export(data / "polis-london-youth-policing")
    room = room_app.room
    load = polis.load_into_meeting(db, room.facilitator, room.meeting_id, export)
    credit = imported_credit.round_credit(db, SYSTEM, load.round_id)
    assert credit is not None and "CC BY 4.0" in credit
    at = room_app("fac").run().switch_page("views/converge.py").run()
    assert not at.exception
    assert any("CC BY 4\\.0" in c.value for c in at.caption)  # escaped Markdown


def test_the_new_round_form_is_open_until_there_is_a_round_then_drawn_once_opened(room_app, db):
    room = room_app.room
    made = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="More street lights")
    )
    at = room_app("fac").run().switch_page("views/converge.py").run()
    # Nothing chosen: refused in words, and no round made that could never be opened.
    at = click(at, "Create the round")
    refused = "Choose at least one idea or theme for the ballot, then create the round."
    assert escape_markdown(refused) in [e.value for e in at.error]
    assert voting_rounds.list_rounds(db, room.facilitator, room.meeting_id) == []
    # No round yet: the form is open, its ballot's choices read.
    by_label(at.multiselect, "Ideas on the ballot").select(
        next(o for o in by_label(at.multiselect, "Ideas on the ballot").options)
    )
    at = click(at, "Create the round")
    assert not at.exception, at.exception
    assert "Round ready." in texts(at)
    assert [r.title for r in voting_rounds.list_rounds(db, room.facilitator, room.meeting_id)]
    # A draft made by mistake goes at one press, before it is ever opened.
    at = click(at, "Delete this draft")
    assert "The draft round is deleted." in texts(at)
    assert voting_rounds.list_rounds(db, room.facilitator, room.meeting_id) == []
    voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(title="Again", mode=VoteMode.DOTS, idea_ids=[made.id]),
    )
    # A new visit with a round: the form shut, nothing of it drawn, until it is opened.
    at = room_app("fac").run().switch_page("views/converge.py").run()
    assert not [t for t in at.text_input if t.label == "Round title"]
    at = open_expanders(at, "converge-new-round")
    assert [t for t in at.text_input if t.label == "Round title"]
    assert made.text in " ".join(by_label(at.multiselect, "Ideas on the ballot").options)


def test_converge_says_the_projector_shows_the_turnout_only_on_the_voting_step(room_app, db):
    room = room_app.room
    _open_round(db, room)
    if room_control.room_state(db, room.meeting_id, actor=SYSTEM).current is None:
        room_control.start_meeting(db, room.facilitator, room.meeting_id)
    while (now := room_control.room_state(db, room.meeting_id, actor=SYSTEM).current) and (
        now.title != "Ideas"
    ):
        room_control.move_step(db, room.facilitator, room.meeting_id, 1)
    at = room_app("fac").run().switch_page("views/converge.py").run()
    shown = " ".join(c.value for c in at.caption)
    assert "The projector shows it once the room is on the voting step" in shown, shown
    assert "press Next on the Console" in shown and "the projector shows this" not in shown
    room_control.move_step(db, room.facilitator, room.meeting_id, 1)  # Vote
    at = room_app("fac").run().switch_page("views/converge.py").run()
    assert "have voted: the projector shows this." in " ".join(c.value for c in at.caption)


def test_a_spanish_phone_counts_one_dot_left_in_the_singular(room_app, db):
    _open_round(db, room_app.room)
    languages.set_participant_language(
        db, room_app.room.facilitator, room_app.room.participant_ids[0], "es"
    )
    at = room_app(query={"code": "code-0"}).run().switch_page("views/vote.py").run()
    assert "Le quedan 5 de 5 puntos" in [h.value for h in at.subheader]
    ballot_rows(at)[0].set_value(2).run()
    ballot_rows(at)[1].set_value(2).run()
    assert "Le queda 1 de 5 puntos" in [h.value for h in at.subheader]
