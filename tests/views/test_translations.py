"""Ideas in their reader's language on the screens: entered on the forms, shown on the
board and the ballot marked as translations, the original one tap away."""

from __future__ import annotations

from sqlalchemy import select

import i18n
from components.idea_board import MODERATION_KEY
from components.text import escape_markdown
from db.models import Initiative, Meeting, SurveyResponse
from db.models.enums import VoteMode
from services.agenda import agenda
from services.agenda.agenda_template import STANDARD_TRUST_STATEMENTS
from services.converge import voting_ballots, voting_rounds
from services.partner import charters
from services.resolve import conflicts
from services.room import ideas, notes, themes
from services.setup import languages
from services.solve import options
from services.translations import translate
from tests.factories import table_conflict
from tests.views.helpers import ballot_rows, by_label, click, open_expanders, texts


def _idea(db, room, text="Co-responders for mental-health calls"):
    new = ideas.NewIdea(table_id=room.table1_id, text=text)
    return ideas.add_idea(db, room.scribe1, new)


def _ballot_of(db, room, made):
    rnd = voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(title="Priorities", mode=VoteMode.DOTS, idea_ids=[made.id]),
    )
    voting_rounds.open_round(db, room.facilitator, rnd.id)


def test_a_scribe_adds_an_idea_with_its_spanish_translation(room_app, db):
    room = room_app.room
    at = room_app("s1", {"table": "1"}).run().switch_page("views/ideas.py").run()
    by_label(at.text_area, "The idea").input("Send a clinician with officers")
    by_label(at.text_area, "Translation (Spanish)").input("Enviar un clínico con los agentes")
    at = click(at, "Add idea")
    assert not at.exception
    assert "Idea added." in texts(at)
    languages.set_own_language(db, room.facilitator, "es")
    board = room_app("fac").run().switch_page("views/ideas.py").run()
    (listed,) = [t for t in texts(board) if "clínico" in t]
    assert listed.startswith("Enviar un clínico con los agentes")
    assert "Traducido del inglés" in listed
    assert "Send a clinician with officers" in listed  # the original, labelled, beside it


def test_the_facilitator_translates_an_idea_on_the_board(room_app, db):
    room = room_app.room
    made = _idea(db, room)
    board = room_app("fac").run().switch_page("views/ideas.py").run()
    board.session_state[MODERATION_KEY] = True
    board = board.run()
    by_label(board.selectbox, "Idea to translate").select(made)
    board = board.run()
    by_label(board.text_area, "Translation (Spanish)").input("Binomios para llamadas de salud")
    board = click(board, "Save the translation")
    assert not board.exception
    with db.read() as s:
        stored = translate.translations_for(s, "idea", [made.id], "es")
    assert stored[made.id].text == "Binomios para llamadas de salud"


def test_the_facilitator_corrects_an_ideas_language_alone_and_is_told_so(room_app, db):
    room = room_app.room
    made = _idea(db, room, "Más binomios")  # typed on an English screen: taken as English
    board = room_app("fac").run().switch_page("views/ideas.py").run()
    board.session_state[MODERATION_KEY] = True
    board = board.run()
    by_label(board.selectbox, "Idea to translate").select(made)
    board = board.run()
    by_label(board.selectbox, "The idea is written in").select("es")
    board = click(board.run(), "Save the translation")
    assert not board.exception
    assert "Saved: the idea is written in Spanish." in texts(board)
    assert "Translation removed." not in texts(board)
    with db.read() as s:
        stored = translate.translations_for(s, "idea", [made.id], "en")
    assert stored[made.id] == translate.Stored("", "es", "")  # no translation, its language
    board = click(board, "Save the translation")  # again, nothing typed, nothing changed
    assert "Nothing to save: the box is empty." in texts(board)


def test_a_spanish_phone_votes_on_the_translation_and_an_english_one_on_the_original(room_app, db):
    room = room_app.room
    made = _idea(db, room)
    entry = translate.Translation(kind="idea", entity_id=made.id, text="Binomios de salud mental")
    translate.translate(db, room.facilitator, entry)
    _ballot_of(db, room, made)
    languages.set_participant_language(db, room.facilitator, room.participant_ids[0], "es")
    spanish = room_app(query={"code": "code-0"}).run().switch_page("views/vote.py").run()
    assert not spanish.exception
    (row,) = ballot_rows(spanish)
    assert row.label == "Idea 1 de 1: Binomios de salud mental"
    assert "Traducido del inglés" in [c.value for c in spanish.caption]
    (original,) = [e for e in spanish.expander if e.label == "Ver el original (inglés)"]
    assert [t.value for t in original.text] == [made.text]
    english = room_app(query={"code": "code-1"}).run().switch_page("views/vote.py").run()
    (row,) = ballot_rows(english)
    assert row.label == f"Idea 1 of 1: {made.text}"
    assert not [e for e in english.expander if "original" in e.label]


def test_the_facilitator_translates_an_agenda_step_and_a_spanish_reader_sees_it(room_app, db):
    room = room_app.room
    at = room_app("fac").run().switch_page("views/agenda.py").run()
    at = open_expanders(at, f"agenda-change-{room.item_ids[0]}")
    first = next(t for t in at.text_input if t.label == "Step title (Spanish)")
    first.input("Escuchar")
    at = next(b for b in at.button if b.label == "Save the translation").click().run()
    assert not at.exception
    assert "Translation saved." in texts(at)
    languages.set_own_language(db, room.leader, "es")
    leader = room_app("lead").run().switch_page("views/agenda.py").run()
    assert "**1. Escuchar** · 20 min · Escucha activa" in [m.value for m in leader.markdown]
    assert "Traducido del inglés" in [c.value for c in leader.caption]
    assert [e for e in leader.expander if e.label == "Ver el original (inglés)"]


def test_a_spanish_reading_facilitator_changes_an_english_step_knowing_it_is_english(room_app, db):
    room = room_app.room
    languages.set_own_language(db, room.facilitator, "es")
    # A rerun formats the choices' values in the test's language (AppTest): Spanish here.
    with i18n.using("es"):
        at = room_app("fac").run().switch_page("views/agenda.py").run()
        at = open_expanders(at, f"agenda-change-{room.item_ids[0]}")
    labels = [t.label for t in at.text_input]
    # The original's fields say their language; the translation's, theirs.
    assert "Título del paso (inglés)" in labels and "Título del paso (español)" in labels
    assert "Objetivo (inglés)" in [t.label for t in at.text_area]
    assert any("palabras originales del paso, en inglés" in c.value for c in at.caption)
    languages.set_own_language(db, room.facilitator, "en")  # an English reader's says nothing
    english = room_app("fac").run().switch_page("views/agenda.py").run()
    english = open_expanders(english, f"agenda-change-{room.item_ids[0]}")
    assert "Step title" in [t.label for t in english.text_input]


def test_a_spanish_survey_asks_standard_questions_in_spanish_and_says_which_are_not(room_app, db):
    room = room_app.room
    own = "I feel safe walking home at night"
    with db.write() as s:
        s.get_one(Initiative, room.initiative_id).trust_statements = [
            STANDARD_TRUST_STATEMENTS[0],
            own,
        ]
    languages.set_participant_language(db, room.facilitator, room.participant_ids[0], "es")
    at = room_app(query={"code": "code-0"}).run().switch_page("views/survey.py").run()
    assert not at.exception
    assert [r.label for r in at.radio] == [
        "El departamento de policía escucha a residentes como yo.",
        own,
    ]
    captions = [c.value for c in at.caption]
    assert "Traducido del inglés" in captions
    assert "Aún no hay traducción al español" in captions
    (original,) = [e for e in at.expander if e.label == "Ver el original (inglés)"]
    assert [t.value for t in original.text] == [STANDARD_TRUST_STATEMENTS[0]]


def test_the_facilitator_translates_an_option_and_a_spanish_scribe_reads_it(room_app, db):
    room = room_app.room
    options.create_option(
        db,
        room.facilitator,
        room.meeting_id,
        options.OptionFields(title="A pilot van", risks="Too few night shifts"),
    )
    at = room_app("fac").run().switch_page("views/solve.py").run()
    by_label(at.text_input, "Option (Spanish)").input("Una camioneta piloto")
    by_label(at.text_area, "Risks (Spanish)").input("Muy pocos turnos de noche")
    at = next(b for b in at.button if b.label == "Save the translation").click().run()
    assert not at.exception
    assert "Translation saved." in texts(at)
    languages.set_own_language(db, room.scribe1, "es")
    scribe = room_app("s1", {"table": "1"}).run().switch_page("views/solve.py").run()
    assert "**Una camioneta piloto**" in [m.value for m in scribe.markdown]
    assert "*Riesgos:* Muy pocos turnos de noche" in [m.value for m in scribe.markdown]
    assert "Traducido del inglés" in [c.value for c in scribe.caption]
    assert not [t for t in scribe.text_input if t.label.startswith("Opción (")]


def test_the_facilitator_translates_the_charters_mission_on_the_charter_screen(room_app, db):
    room = room_app.room
    charters.new_version(
        db, room.facilitator, room.initiative_id, charters.CharterFields(mission="Safer calls")
    )
    at = room_app("fac").run().switch_page("views/charter.py").run()
    by_label(at.text_area, "Mission (Spanish)").input("Llamadas más seguras")
    at = click(at, "Save the translation")
    assert not at.exception
    assert "Translation saved." in texts(at)
    languages.set_own_language(db, room.leader, "es")
    leader = room_app("lead").run().switch_page("views/charter.py").run()
    assert "Llamadas más seguras" in texts(leader)
    assert "Traducido del inglés" in [c.value for c in leader.caption]
    assert not [t for t in leader.text_area if "(inglés)" in t.label or "(Spanish)" in t.label]


def test_a_spanish_tablet_and_an_english_console_name_the_step_each_in_their_language(room_app, db):
    room = room_app.room
    at = room_app("fac").run().switch_page("views/agenda.py").run()
    at = open_expanders(at, f"agenda-change-{room.item_ids[0]}")
    question = "Question for the room (shown on the projector)"
    # The new-step form comes first, then the opened step's.
    [t for t in at.text_input if t.label == question][1].input("Who called?")
    at = next(b for b in at.button if b.label == "Save the step").click().run()
    by_label(at.text_input, "Step title (Spanish)").input("Escuchar")
    by_label(at.text_input, "Question for the room (Spanish)").input("¿Quién llamó?")
    at = next(b for b in at.button if b.label == "Save the translation").click().run()
    assert "Translation saved." in texts(at)
    languages.set_own_language(db, room.scribe1, "es")
    tablet = room_app("s1", {"table": "1"}).run().switch_page("views/listen.py").run()
    assert escape_markdown("Paso 1 de 3: Escuchar") in [h.value for h in tablet.subheader]
    assert "**Pregunta:** " + escape_markdown("¿Quién llamó?") in texts(tablet)
    # One note for the title and the question, both originals behind one tap.
    assert [c.value for c in tablet.caption].count("Traducido del inglés") == 1
    (originals,) = [e for e in tablet.expander if e.label == "Ver el original (inglés)"]
    assert [t.value for t in originals.text] == ["Listen", "Who called?"]
    console = room_app("fac").run().switch_page("views/console.py").run()
    assert escape_markdown("Step 1 of 3: Listen") in [h.value for h in console.subheader]


def test_the_facilitator_s_own_questions_are_saved_together_and_translated_on_prepare(room_app, db):
    """Both lists of one form press are kept (a trust list saved used to rerun the page
    before the demographic list was), and each question the facilitator wrote gets its
    words in Spanish, which a Spanish phone's survey asks, marked, the original a tap away."""
    room = room_app.room
    own, about = "I feel safe walking home at night", "Which neighbourhood do you live in?"
    at = room_app("fac").run().switch_page("views/prepare.py").run()
    at = open_expanders(at, "prepare-survey-settings")
    trust_box = next(t for t in at.text_area if t.label.startswith("Trust questions"))
    trust_box.input(f"{STANDARD_TRUST_STATEMENTS[0]}\n{own}")
    by_label(at.text_area, "Optional demographic questions, one per line").input(about)
    at = click(at, "Save the questions")
    assert not at.exception
    with db.read() as s:
        initiative = s.get_one(Initiative, room.initiative_id)
        assert initiative.trust_statements == [STANDARD_TRUST_STATEMENTS[0], own]
        assert initiative.demographic_questions == [about]
    # The published question comes translated: only the facilitator's two are offered.
    # Plain words, the names a screen reader reads: no escaping backslashes.
    own_box, about_box = (f"“{q}” in Spanish" for q in (own, about))
    offered = [t.label for t in at.text_input if t.label.endswith("in Spanish")]
    assert offered == [own_box, about_box]
    by_label(at.text_input, own_box).input("Me siento seguro al volver a casa")
    by_label(at.text_input, about_box).input("¿En qué barrio vive?")
    at = click(at, "Save the translations")
    assert "Translations saved." in texts(at)
    assert by_label(at.text_input, about_box).value == "¿En qué barrio vive?"

    languages.set_participant_language(db, room.facilitator, room.participant_ids[0], "es")
    phone = room_app(query={"code": "code-0"}).run().switch_page("views/survey.py").run()
    assert not phone.exception
    assert [r.label for r in phone.radio] == [
        "El departamento de policía escucha a residentes como yo.",
        "Me siento seguro al volver a casa",
    ]
    assert [t.label for t in phone.text_input] == ["¿En qué barrio vive?"]
    assert "Aún no hay traducción al español" not in [c.value for c in phone.caption]
    originals = [e for e in phone.expander if e.label == "Ver el original (inglés)"]
    assert [t.value for e in originals for t in e.text] == [
        STANDARD_TRUST_STATEMENTS[0],
        own,
        about,
    ]
    # Answered in Spanish, kept under the question as written: every reader's count together.
    by_label(phone.text_input, "¿En qué barrio vive?").input("Eastside")
    by_label(phone.text_area, "Los temas más importantes para usted").input("Esperar una hora")
    phone = click(phone, "Enviar mis respuestas")
    assert [e.value for e in phone.error] == [], [e.value for e in phone.error]
    with db.read() as s:
        answers = [r.demographics for r in s.scalars(select(SurveyResponse))]
    assert {about: "Eastside"} in answers


def test_the_facilitator_names_a_theme_in_spanish_and_a_spanish_ballot_calls_it_so(room_app, db):
    room = room_app.room
    board = room_app("fac").run().switch_page("views/ideas.py").run()
    board.session_state[MODERATION_KEY] = True
    board = board.run()
    assert not [t for t in board.text_input if t.label.endswith("in Spanish")]  # no theme yet
    by_label(board.text_input, "New theme name").input("Response times")
    board = click(board, "Add theme")
    assert "Theme added." in texts(board)
    by_label(board.text_input, "“Response times” in Spanish").input("Tiempos de respuesta")
    board = click(board, "Save the translations")
    assert "Translations saved." in texts(board)
    assert by_label(board.text_input, "“Response times” in Spanish").value == (
        "Tiempos de respuesta"
    )

    (theme_id,) = [t.id for t in themes.list_themes(db, room.facilitator, room.meeting_id)]
    rnd = voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(title="Priorities", mode=VoteMode.DOTS, theme_ids=[theme_id]),
    )
    voting_rounds.open_round(db, room.facilitator, rnd.id)
    languages.set_participant_language(db, room.facilitator, room.participant_ids[0], "es")
    spanish = room_app(query={"code": "code-0"}).run().switch_page("views/vote.py").run()
    (row,) = ballot_rows(spanish)
    assert row.label == "Idea 1 de 1: Tiempos de respuesta"
    assert "Traducido del inglés" in [c.value for c in spanish.caption]


def test_a_scribe_translates_a_note_at_their_table_and_a_spanish_reader_reads_it(room_app, db):
    room = room_app.room
    notes.add_note(
        db,
        room.scribe1,
        room.table1_id,
        notes.NoteFields(said="Nobody came for an hour", paraphrase="You waited alone"),
    )
    tablet = room_app("s1", {"table": "1"}).run().switch_page("views/listen.py").run()
    by_label(tablet.selectbox, "Note to correct").select_index(0)
    tablet = tablet.run()
    # Only the fields the note has: it has no interest written.
    boxes = [t.label for t in tablet.text_area if t.label.endswith("(Spanish)")]
    assert boxes == ["What was said (Spanish)", "What I heard (Spanish)"]
    by_label(tablet.text_area, "What was said (Spanish)").input("Nadie vino en una hora")
    by_label(tablet.text_area, "What I heard (Spanish)").input("Usted esperó solo")
    tablet = click(tablet, "Save the translation")
    assert not tablet.exception
    assert "Translation saved." in texts(tablet)

    languages.set_own_language(db, room.facilitator, "es")
    board = room_app("fac").run().switch_page("views/listen.py").run()
    (listed,) = [m.value for m in board.markdown if "Nadie vino" in m.value]
    assert listed.startswith(escape_markdown("Nadie vino en una hora"))
    assert escape_markdown("Usted esperó solo") in listed
    assert escape_markdown("Traducido del inglés") in listed
    assert escape_markdown("original (inglés): Nobody came for an hour / You waited alone") in (
        listed
    )
    # An English reader reads the note as written, unmarked.
    languages.set_own_language(db, room.facilitator, "en")
    board = room_app("fac").run().switch_page("views/listen.py").run()
    (listed,) = [m.value for m in board.markdown if "Nobody came" in m.value]
    assert "Traducido" not in listed and "Translated" not in listed


def test_a_conflict_and_its_sides_are_translated_and_read_in_spanish_at_the_table(room_app, db):
    room = room_app.room
    table_conflict(db, room, "Patrols on our street", "More patrols")
    at = room_app("s1", {"table": "1"}).run().switch_page("views/conflicts.py").run()
    by_label(at.text_input, "“Patrols on our street” in Spanish").input("Patrullas en la calle")
    by_label(at.text_input, "“More patrols” in Spanish").input("Más patrullas")
    at = click(at, "Save the translations")
    assert not at.exception
    assert "Translations saved." in texts(at)
    languages.set_own_language(db, room.scribe1, "es")
    spanish = room_app("s1", {"table": "1"}).run().switch_page("views/conflicts.py").run()
    assert "Patrullas en la calle" in [h.value for h in spanish.subheader]
    assert "*Postura:* Más patrullas" in [m.value for m in spanish.markdown]
    assert "Traducido del inglés" in [c.value for c in spanish.caption]
    originals = [t.value for e in spanish.expander if e.label == "Ver el original (inglés)"
                 for t in e.text]  # fmt: skip
    assert originals == ["Patrols on our street", "More patrols"]


def test_the_facilitator_translates_an_action_and_a_spanish_leader_reads_it(room_app, db):
    from services.act import actions
    from services.act.action_fields import ActionFields

    room = room_app.room
    actions.create_action(
        db,
        room.facilitator,
        room.initiative_id,
        ActionFields(title="Hire two crisis clinicians", measure="Both on shift by June"),
    )
    at = room_app("fac").run().switch_page("views/actions.py").run()
    by_label(at.text_input, "“Hire two crisis clinicians” in Spanish").input(
        "Contratar a dos clínicos de crisis"
    )
    at = click(at, "Save the translations")
    assert not at.exception
    assert "Translations saved." in texts(at)
    languages.set_own_language(db, room.leader, "es")
    leader = room_app("lead").run().switch_page("views/actions.py").run()
    assert [e for e in leader.expander if e.label.startswith("Contratar a dos clínicos de crisis")]
    captions = [c.value for c in leader.caption]
    assert "Traducido del inglés" in captions
    # Its measure, not translated, says so too (it said nothing: a helper's walk).
    assert "Aún no hay traducción al español" in captions
    # Only a facilitator writes translations.
    assert not [t for t in leader.text_input if "español" in t.label or "Spanish" in t.label]


def test_the_facilitator_translates_an_interview_and_a_spanish_leader_reads_it(room_app, db):
    from services.prepare import interviews, prepare_screen, presession_report

    room = room_app.room
    interviews.create_interview(
        db,
        room.facilitator,
        room.initiative_id,
        interviews.InterviewFields(
            interviewee="Pastor Ruiz", notes="People fear calling 911", themes="Trust"
        ),
    )
    at = room_app("fac").run().switch_page("views/prepare.py").run()
    by_label(at.selectbox, "Interview to translate").select_index(0)
    at = at.run()
    by_label(at.text_input, "“People fear calling 911” in Spanish").input(
        "La gente teme llamar al 911"
    )
    by_label(at.text_input, "“Trust” in Spanish").input("Confianza")
    at = click(at, "Save the translations")
    assert not at.exception
    assert "Translations saved." in texts(at)
    languages.set_own_language(db, room.leader, "es")
    leader = room_app("lead").run().switch_page("views/prepare.py").run()
    assert not leader.exception
    with i18n.using("es"):
        report = presession_report.presession_report(db, room.leader, room.initiative_id)
    (note,) = report.interviews
    assert note.themes == "Confianza (Traducido del inglés; original: Trust)"
    with i18n.using("es"):
        (row,) = prepare_screen.read(db, room.leader, room.meeting_id, "").interviews
    assert row.notes == (
        "La gente teme llamar al 911 (Traducido del inglés; original: People fear calling 911)"
    )
    # Only a facilitator writes translations.
    assert not [t for t in leader.text_input if t.label.endswith("en español")]


def test_results_mark_each_translated_name_and_keep_its_original_one_tap_away(room_app, db):
    room = room_app.room
    translated = _idea(db, room, "More foot patrols")
    untouched = _idea(db, room, "A youth council")
    entry = translate.Translation(kind="idea", entity_id=translated.id, text="Más patrullas a pie")
    translate.translate(db, room.facilitator, entry)
    fields = voting_rounds.NewRound(
        title="Priorities", mode=VoteMode.DOTS, idea_ids=[translated.id, untouched.id]
    )
    rnd = voting_rounds.create_round(db, room.facilitator, room.meeting_id, fields)
    voting_rounds.open_round(db, room.facilitator, rnd.id)
    ballot = voting_ballots.ballot(db, "code-0", rnd.id)
    for line in ballot.items:
        voting_ballots.set_dots(db, "code-0", line.item_id, 1)
    languages.set_own_language(db, room.facilitator, "es")
    review = room_app("fac").run().switch_page("views/review.py").run()
    assert not review.exception
    listed = [m.value for m in review.markdown if m.value.startswith("- ")]
    # Each name in the results' words says whether it is a translation, row by row ...
    assert "- " + escape_markdown("Más patrullas a pie (Traducido del inglés)") in listed
    assert "- " + escape_markdown("A youth council (Aún no hay traducción al español)") in listed
    # ... and the translated one's original is one tap away, beside its translation.
    (fold,) = [e for e in review.expander if e.label == "Los originales de los nombres traducidos"]
    assert [m.value for m in fold.markdown] == [
        "- **Más patrullas a pie** — tal como se escribió: More foot patrols"
    ]


def test_a_whole_room_conflict_is_translated_by_the_facilitator_and_no_scribe_is_offered_it(
    room_app, db
):
    room = room_app.room
    conflicts.create_conflict(
        db, room.facilitator, room.meeting_id, conflicts.ConflictFields(issue="Stops at night")
    )
    scribe = room_app("s1", {"table": "1"}).run().switch_page("views/conflicts.py").run()
    assert not scribe.exception
    assert "Stops at night" in [h.value for h in scribe.subheader]
    # The service refuses a scribe this translation: the screen does not offer it.
    assert "Translate this conflict" not in [e.label for e in scribe.expander]
    facilitator = room_app("fac").run().switch_page("views/conflicts.py").run()
    assert "Translate this conflict" in [e.label for e in facilitator.expander]


def test_the_facilitator_translates_a_round_s_title_and_a_spanish_phone_is_asked_in_spanish(
    room_app, db
):
    room = room_app.room
    _ballot_of(db, room, _idea(db, room))
    converge = room_app("fac").run().switch_page("views/converge.py").run()
    by_label(converge.text_input, "“Priorities” in Spanish").input("Prioridades")
    converge = click(converge, "Save the translations")
    assert not converge.exception
    assert "Translations saved." in texts(converge)
    languages.set_participant_language(db, room.facilitator, room.participant_ids[0], "es")
    spanish = room_app(query={"code": "code-0"}).run().switch_page("views/vote.py").run()
    assert not spanish.exception
    assert "Prioridades" in [h.value for h in spanish.header]
    assert "Traducido del inglés" in [c.value for c in spanish.caption]
    originals = [e for e in spanish.expander if e.label == "Ver el original (inglés)"]
    assert ["Priorities"] in [[t.value for t in e.text] for e in originals]
    english = room_app(query={"code": "code-1"}).run().switch_page("views/vote.py").run()
    assert "Priorities" in [h.value for h in english.header]
    # Results name the round the same way: a Spanish facilitator's Review.
    languages.set_own_language(db, room.facilitator, "es")
    review = room_app("fac").run().switch_page("views/review.py").run()
    assert "Prioridades" in [h.value for h in review.subheader]
    # And the facilitator's box holds the translation stored, to correct it where it was.
    converge = room_app("fac").run().switch_page("views/converge.py").run()
    (box,) = [t for t in converge.text_input if "Priorities" in t.label]
    assert box.value == "Prioridades"
    assert any(m.value.startswith("**Prioridades**") for m in converge.markdown)


def test_a_spanish_reader_s_agenda_says_once_per_step_that_it_is_translated(room_app, db):
    """The standard agenda comes with its Spanish: each step's title and goal are
    translations, said once under the step, with both originals behind one tap."""
    room = room_app.room
    with db.write() as s:  # the room between steps, so its three-step agenda can go
        s.get_one(Meeting, room.meeting_id).current_item_id = None
    for item_id in room.item_ids:
        agenda.delete_item(db, room.facilitator, item_id)
    made = agenda.add_standard_agenda(db, room.facilitator, room.meeting_id)
    languages.set_own_language(db, room.leader, "es")
    leader = room_app("lead").run().switch_page("views/agenda.py").run()
    assert not leader.exception
    marks = [c.value for c in leader.caption if c.value == "Traducido del inglés"]
    originals = [e for e in leader.expander if e.label == "Ver el original (inglés)"]
    assert len(marks) == len(originals) == len(made)
    first = [t.value for t in originals[0].text]
    assert first == [f"Título: {made[0].title}", f"Objetivo: {made[0].goal}"]
