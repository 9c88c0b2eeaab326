"""Before the room, through the real app: the agenda the Thought Leader Team approves."""

from __future__ import annotations

from services.agenda import agenda, agenda_review
from services.core.actors import SYSTEM
from tests.views.helpers import by_label, click, open_expanders, setup_screen, texts


def test_a_leader_comments_and_approves_and_a_later_change_reopens_the_agenda(room_app, db):
    room = room_app.room
    at = room_app("lead").run().switch_page("views/agenda.py").run()
    assert any(t.startswith("Draft: waiting for approval from Lead") for t in texts(at))
    first = next(t for t in at.text_input if t.label == "Comment on this step")
    first.input("Give the listening step ten more minutes")
    at = next(b for b in at.button if b.label == "Add comment").click().run()
    assert "Comment added." in texts(at)
    assert any("Give the listening step ten more minutes" in t for t in texts(at))
    at = click(at, "Approve this agenda")
    assert agenda_review.approval_status(db, room.facilitator, room.meeting_id).approved
    assert any(t.startswith("Approved by the Thought Leader Team") for t in texts(at))
    item = agenda.list_agenda(db, room.meeting_id, actor=SYSTEM)[0]
    agenda.update_item(
        db,
        room.facilitator,
        item.id,
        agenda.ItemFields(
            title=item.title,
            step=item.step,
            minutes=30,
            skill=item.skill,
            goal=item.goal,
            materials=item.materials,
            prompt=item.prompt,
        ),
    )
    at = room_app("lead").run().switch_page("views/agenda.py").run()
    assert any(t.startswith("Draft: waiting for approval from Lead") for t in texts(at))


def test_the_setup_screen_reports_a_bad_roster_row_by_row_and_writes_nothing(room_app, db):
    from services.setup import participants

    before = len(
        participants.list_participants(db, room_app.room.facilitator, room_app.room.initiative_id)
    )
    at = setup_screen(room_app)
    assert not at.exception
    assert any("Nobody from" in w.value for w in at.warning)  # the inclusion check
    assert any("No leader yet for: Residents" in w.value for w in at.warning)
    after = len(
        participants.list_participants(db, room_app.room.facilitator, room_app.room.initiative_id)
    )
    assert after == before


def test_the_review_screen_offers_the_full_export_to_a_facilitator_only(room_app):
    fac = room_app("fac").run().switch_page("views/review.py").run()
    assert not fac.exception
    labels = [b.label for b in fac.button]
    assert "Prepare the whole initiative (JSON)" in labels
    assert "Prepare the meeting report (PDF)" in labels
    lead = room_app("lead").run().switch_page("views/review.py").run()
    assert not lead.exception
    lead_labels = [b.label for b in lead.button]
    assert "Prepare the whole initiative (JSON)" not in lead_labels
    assert "Prepare the meeting report (PDF)" in lead_labels
    lead.button(key="prepare-report").click().run()
    [report] = lead.get("download_button")
    assert report.proto.label == "Download the meeting report (PDF)"


def test_the_survey_link_opens_the_survey_then_the_feedback_form_after_the_meeting(room_app, db):
    from services.prepare import surveys
    from services.room import room_control

    room = room_app.room
    at = room_app(query={"code": "code-0"}).run().switch_page("views/survey.py").run()
    assert [t.value for t in at.title] == ["Before we meet"]
    by_label(at.text_area, "The top issues for you").input("Waiting an hour for help")
    at = click(at, "Send my answers")
    answers = surveys.get_response(db, "code-0", "pre")
    assert answers is not None and answers.top_issues == "Waiting an hour for help"
    room_control.start_meeting(db, room.facilitator, room.meeting_id)
    room_control.close_meeting(db, room.facilitator, room.meeting_id)
    at = room_app(query={"code": "code-0"}).run().switch_page("views/survey.py").run()
    assert [t.value for t in at.title] == ["How did it go?"]
    by_label(at.text_area, "What worked").input("Being heard by an officer")
    click(at, "Send my answers")
    feedback = surveys.get_response(db, "code-0", "post")
    assert feedback is not None and feedback.what_worked == "Being heard by an officer"


def test_the_facilitator_closes_the_survey_and_the_link_says_so(room_app, db):
    at = room_app("fac").run().switch_page("views/prepare.py").run()
    assert not at.exception
    assert not [b for b in at.button if b.label == "Close the survey"]  # drawn once opened
    at = click(open_expanders(at, "prepare-survey-settings"), "Close the survey")
    assert "Survey updated." in texts(at)
    link = room_app(query={"code": "code-3"}).run().switch_page("views/survey.py").run()
    assert any("The survey has closed" in e.value for e in link.error)


def test_the_facilitator_records_an_interview(room_app, db):
    from services.prepare import interviews

    room = room_app.room
    at = room_app("fac").run().switch_page("views/prepare.py").run()
    by_label(at.text_input, "Interviewee").input("Chief of Police")
    by_label(at.text_area, "Notes").input("Wants data shared monthly")
    at = click(at, "Save the interview")
    (saved,) = interviews.list_interviews(db, room.facilitator, room.initiative_id)
    assert (saved.interviewee, saved.notes) == ("Chief of Police", "Wants data shared monthly")


def test_the_facilitator_designs_the_agenda_step_by_step(room_app, db):
    room = room_app.room
    at = room_app("fac").run().switch_page("views/agenda.py").run()
    form = next(t for t in at.text_input if t.label == "Step title" and t.value == "")
    form.input("Partnering charter")
    at = click(at, "Add the step")
    assert "Step added." in texts(at)
    titles = [i.title for i in agenda.list_agenda(db, room.meeting_id, actor=SYSTEM)]
    assert titles == ["Listen", "Ideas", "Vote", "Partnering charter"]
    last = agenda.list_agenda(db, room.meeting_id, actor=SYSTEM)[-1]
    assert not [b for b in at.button if b.key == f"up-{last.id}"]  # until its editor opens
    at = open_expanders(at, f"agenda-change-{last.id}")
    next(b for b in at.button if b.key == f"up-{last.id}").click()
    at.run()
    assert [i.title for i in agenda.list_agenda(db, room.meeting_id, actor=SYSTEM)][
        2
    ] == "Partnering charter"


def test_setup_says_which_other_groups_need_a_leader_to_sign_the_charter(room_app, db):
    from services.setup import stakeholders

    room = room_app.room
    fields = stakeholders.StakeholderFields(name="Youth", category="youth", is_major=False)
    stakeholders.create_stakeholder(db, room.facilitator, room.initiative_id, fields)
    at = setup_screen(room_app)
    assert not at.exception
    # Sign-off counts every active group: the minor one is named too, once.
    said = [c.value for c in at.caption if "signs the partnering charter" in c.value]
    assert said == [
        "Every group signs the partnering charter through a leader's account: Youth will "
        "need one too before the charter's sign-off can be complete."
    ]


def test_the_facilitator_adds_a_leader_account_for_a_group(room_app, db):
    from services.accounts import signin_accounts

    room = room_app.room
    at = setup_screen(room_app)
    by_label(at.text_input, "Username (lowercase letters, digits, . - _)").input("resident.lead")
    by_label(at.text_input, "Name shown to others").input("Resident lead")
    by_label(at.selectbox, "Role").select("leader")
    by_label(at.selectbox, "Speaks for (leaders)").select(room.residents_id)
    by_label(at.text_input, "Password (at least 10 characters)").input("a-long-password")
    at = click(at, "Add the account")
    assert "Account added." in texts(at)
    made = signin_accounts.get_account_by_username(db, "resident.lead")
    assert made is not None
    assert (made.role.value, made.stakeholder_id) == ("leader", room.residents_id)


def test_a_refused_account_keeps_the_form_as_typed_and_a_saved_one_empties_it(room_app, db):
    room = room_app.room
    at = setup_screen(room_app)
    username = "Username (lowercase letters, digits, . - _)"
    by_label(at.text_input, username).input("resident.lead")
    by_label(at.text_input, "Name shown to others").input("Resident lead")
    by_label(at.selectbox, "Role").select("leader")
    by_label(at.selectbox, "Speaks for (leaders)").select(room.residents_id)
    by_label(at.text_input, "Password (at least 10 characters)").input("password12")
    at = click(at, "Add the account")
    assert at.error, "a weak password is refused"
    # Every field as typed: only the password wants changing. (AppTest keeps a form's
    # values whatever the form does; tests/e2e/test_empty_install.py sees the browser keep
    # them, and fails with a form that empties itself on submit.)
    assert by_label(at.text_input, username).value == "resident.lead"
    assert by_label(at.text_input, "Name shown to others").value == "Resident lead"
    assert by_label(at.selectbox, "Speaks for (leaders)").value == room.residents_id
    by_label(at.text_input, "Password (at least 10 characters)").input("a-long-password")
    at = click(at, "Add the account")
    assert "Account added." in texts(at)
    assert by_label(at.text_input, username).value == ""  # ready for the next account


def test_leaders_review_the_record_without_confidential_items(room_app, db):
    from services.room import ideas, notes

    room = room_app.room
    notes.add_note(
        db,
        room.scribe1,
        room.table1_id,
        notes.NoteFields(said="We need faster help", paraphrase="You want speed"),
    )
    ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Crisis line first")
    )
    ideas.add_idea(
        db,
        room.scribe1,
        ideas.NewIdea(table_id=room.table1_id, text="A named officer", confidential=True),
    )
    at = room_app("lead").run().switch_page("views/review.py").run()
    assert not at.exception
    assert "We need faster help" not in " ".join(texts(at))  # drawn once its table is opened
    at.session_state["review-table-1"] = True  # the reader opens table 1
    at = at.run()
    assert not at.exception
    shown = " ".join(texts(at))
    assert "We need faster help" in shown and "Crisis line first" in shown
    assert "A named officer" not in shown


BAD_ROSTER = (
    b"name,stakeholder group,email\n"
    b"Ana Diaz,Police,ana@example.org\n"
    b",Residents,nobody@example.org\n"
    b"Ben Okafor,Pirates,ben@example.org\n"
    b"Cy Lee,Residents,not-an-email\n"
)


def test_a_roster_file_with_bad_rows_is_reported_row_by_row_and_nothing_is_written(room_app, db):
    from services.setup import participants

    room = room_app.room

    def count():
        return len(participants.list_participants(db, room.facilitator, room.initiative_id))

    before = count()
    at = setup_screen(room_app)
    at.file_uploader[0].upload("roster.csv", BAD_ROSTER, "text/csv").run()
    table = next(d.value for d in at.dataframe if "Problems" in d.value)
    assert list(table["Row"]) == [3, 4, 5]
    assert "name" in table["Problems"][0].lower()
    assert "Pirates" in table["Problems"][1]
    assert "email" in table["Problems"][2].lower()
    at = click(at, "Import the file")
    assert any("3 rows have problems" in e.value for e in at.error)
    assert count() == before
    at = click(at, "Import only the good rows")
    assert count() == before + 1


def test_a_steps_editor_is_drawn_once_opened_and_stays_drawn_when_shut_again(room_app):
    room = room_app.room
    at = room_app("fac").run().switch_page("views/agenda.py").run()
    assert not [b for b in at.button if b.label == "Save the step"]
    key = f"agenda-change-{room.item_ids[1]}"
    at = open_expanders(at, key)
    assert len([b for b in at.button if b.label == "Save the step"]) == 1
    # Shut again, its form stays: what was typed in it is not thrown away.
    at.session_state[key] = False
    at = at.run()
    assert len([b for b in at.button if b.label == "Save the step"]) == 1


def test_a_report_prepared_with_confidential_items_is_named_so_and_dropped_when_unticked(
    room_app,
):
    def held_name(at):
        (_of, name, _label), data, _at = at.session_state["_download_report"]
        return name, data

    fac = room_app("fac").run().switch_page("views/review.py").run()
    fac.checkbox(key="private").check().run()
    fac.button(key="prepare-report").click().run()
    assert fac.get("download_button")
    name, data = held_name(fac)
    assert name == "meeting-report-confidential.pdf"
    assert b"includes confidential items" in _pdf_words(data)
    # Unticked, the page holds no confidential file to hand over under any name.
    fac.checkbox(key="private").uncheck().run()
    assert not fac.get("download_button")
    fac.button(key="prepare-report").click().run()
    name, data = held_name(fac)
    assert name == "meeting-report.pdf"
    assert b"includes confidential items" not in _pdf_words(data)


def _pdf_words(data: bytes) -> bytes:
    import io

    from pypdf import PdfReader

    pages = PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(p.extract_text() for p in pages).split()).encode()
