"""Translations of what people typed: who may write them, out-of-date ones, the batch read."""

import io
from dataclasses import replace

import pytest
from pypdf import PdfReader
from sqlalchemy import event, select

import i18n
from db.models import AgendaItem, Commitment, ContentTranslation, Meeting
from db.models.enums import MeetingStatus, VoteMode
from seed.best_practices import LIBRARY, SPANISH_EVIDENCE, SPANISH_STAFFING, SPANISH_SUMMARIES
from services.agenda import agenda, agenda_screen
from services.agenda.agenda_template import STANDARD_TRUST_STATEMENTS
from services.converge import voting_ballots, voting_items, voting_reveal, voting_rounds
from services.core.actors import SYSTEM
from services.core.audit import history
from services.core.errors import NotAllowedNow, NotFound, PermissionDenied, ValidationError
from services.partner import charter_pdf, charter_versions_screen, charters
from services.prepare.trust_items import AGREEMENT
from services.review import meeting_record_results, meeting_report, review_screen, trust_pulse
from services.review.trust_pulse import TrustChange
from services.room import ideas, notes, projector_screen, themes
from services.solve import best_practices, options, solve_screen
from services.translations import translate
from services.translations.shown import Showing, fingerprint, shown
from tests.factories import build_room, table_conflict

pytestmark = pytest.mark.both_databases  # a unique constraint, upserts by hand, IN lists


def _idea(db, room, text="More co-responders", table_id=None):
    new = ideas.NewIdea(table_id=table_id or room.table1_id, text=text)
    return ideas.add_idea(db, room.facilitator, new)


def _spanish(kind, entity_id, text, field="text"):
    return translate.Translation(kind=kind, entity_id=entity_id, text=text, field=field)


def _read(db, kind, ids, language, field="text"):
    with db.read() as s:
        return translate.translations_for(s, kind, ids, language, field)


def test_a_facilitator_translates_an_idea_and_it_is_audited(db):
    room = build_room(db)
    idea = _idea(db, room)
    saved = translate.translate(db, room.facilitator, _spanish("idea", idea.id, " Más binomios "))
    assert saved is not None
    assert (saved.language, saved.source_language, saved.text) == ("es", "en", "Más binomios")
    assert (saved.initiative_id, saved.translated_by) == (room.initiative_id, "Fac")
    assert saved.source_hash == fingerprint("More co-responders")
    actions = [e.action for e in history(db, SYSTEM, "idea", idea.id)]
    assert actions == ["created", "translated"]


def test_a_scribe_translates_the_ideas_of_their_own_table_only(db):
    room = build_room(db)
    own, other = _idea(db, room), _idea(db, room, "At table two", room.table2_id)
    assert translate.translate(db, room.scribe1, _spanish("idea", own.id, "Más binomios"))
    with pytest.raises(PermissionDenied, match="table 1"):
        translate.translate(db, room.scribe1, _spanish("idea", other.id, "En la mesa dos"))


def test_a_scribe_may_not_translate_once_the_meeting_closed(db):
    room = build_room(db)
    idea = _idea(db, room)
    with db.write() as s:
        s.get_one(Meeting, room.meeting_id).status = MeetingStatus.CLOSED
    with pytest.raises(NotAllowedNow):
        translate.translate(db, room.scribe1, _spanish("idea", idea.id, "Más binomios"))
    # The facilitator still tidies the record after the meeting.
    assert translate.translate(db, room.facilitator, _spanish("idea", idea.id, "Más binomios"))


def test_a_scribe_may_not_translate_what_is_not_table_work(db):
    room = build_room(db)
    with pytest.raises(PermissionDenied):
        translate.translate(
            db, room.scribe1, _spanish("agenda_item", room.item_ids[0], "Escuchar", "title")
        )
    assert translate.translate(
        db, room.facilitator, _spanish("agenda_item", room.item_ids[0], "Escuchar", "title")
    )


def test_leaders_translate_nothing(db):
    room = build_room(db)
    idea = _idea(db, room)
    with pytest.raises(PermissionDenied):
        translate.translate(db, room.leader, _spanish("idea", idea.id, "Más binomios"))
    with pytest.raises(PermissionDenied):
        translate.translate(
            db, room.leader, _spanish("agenda_item", room.item_ids[0], "Escuchar", "title")
        )


def test_unknown_kinds_fields_and_items_are_refused_in_words(db):
    room = build_room(db)
    idea = _idea(db, room)
    with pytest.raises(ValidationError, match="cannot be translated"):
        translate.translate(db, room.facilitator, _spanish("idea", idea.id, "x", "status"))
    with pytest.raises(ValidationError, match="cannot be translated"):
        translate.translate(db, room.facilitator, _spanish("participant", 1, "x"))
    with pytest.raises(NotFound):
        translate.translate(db, room.facilitator, _spanish("idea", idea.id + 99, "x"))


def test_writing_again_replaces_and_blank_removes(db):
    room = build_room(db)
    idea = _idea(db, room)
    translate.translate(db, room.facilitator, _spanish("idea", idea.id, "Primera"))
    translate.translate(db, room.facilitator, _spanish("idea", idea.id, "Segunda"))
    assert _read(db, "idea", [idea.id], "es")[idea.id].text == "Segunda"
    assert translate.translate(db, room.facilitator, _spanish("idea", idea.id, "  ")) is None
    assert _read(db, "idea", [idea.id], "es") == {idea.id: translate.Stored("", "en", "")}
    actions = [e.action for e in history(db, SYSTEM, "idea", idea.id)]
    assert actions == ["created", "translated", "translated", "translation removed"]


def test_an_original_in_spanish_keeps_one_translation_into_english(db):
    room = build_room(db)
    idea = _idea(db, room, "Más binomios")
    entry = translate.Translation(
        kind="idea", entity_id=idea.id, text="More co-responders", source_language="es"
    )
    translate.translate(db, room.facilitator, entry)
    english = _read(db, "idea", [idea.id], "en")[idea.id]
    assert shown(idea.text, english, "en").text == "More co-responders"
    # A Spanish reader reads the original, and nothing says a translation is missing.
    spanish = shown(idea.text, _read(db, "idea", [idea.id], "es")[idea.id], "es")
    assert (spanish.showing, spanish.text) == (Showing.ORIGINAL, "Más binomios")


def test_a_changed_original_makes_the_translation_out_of_date(db):
    room = build_room(db)
    idea = _idea(db, room)
    translate.translate(db, room.facilitator, _spanish("idea", idea.id, "Más binomios"))
    ideas.update_idea(db, room.facilitator, idea.id, ideas.IdeaFields(text="Fewer arrests"))
    stored = _read(db, "idea", [idea.id], "es")[idea.id]
    seen = shown("Fewer arrests", stored, "es")
    assert seen.showing is Showing.OUT_OF_DATE
    assert seen.text == "Fewer arrests"  # never the old translation as if it were current
    assert seen.translation == "Más binomios"


def test_what_each_reader_is_shown(db):
    room = build_room(db)
    idea, bare = _idea(db, room), _idea(db, room, "Nobody translated this")
    translate.translate(db, room.facilitator, _spanish("idea", idea.id, "Más binomios"))
    spanish = _read(db, "idea", [idea.id, bare.id], "es")
    assert shown(idea.text, spanish.get(idea.id), "es").showing is Showing.TRANSLATED
    assert shown(bare.text, spanish.get(bare.id), "es").showing is Showing.MISSING
    english = _read(db, "idea", [idea.id, bare.id], "en")
    assert shown(idea.text, english.get(idea.id), "en").showing is Showing.ORIGINAL
    assert shown(bare.text, english.get(bare.id), "en").showing is Showing.ORIGINAL


def test_the_batch_read_is_one_query_for_many_items(db):
    room = build_room(db)
    made = [_idea(db, room, f"Idea {n}") for n in range(12)]
    for idea in made[::2]:
        translate.translate(db, room.facilitator, _spanish("idea", idea.id, f"Idea {idea.id} es"))
    statements = []
    listen = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listen)
    try:
        found = _read(db, "idea", [i.id for i in made], "es")
    finally:
        event.remove(db.engine, "before_cursor_execute", listen)
    assert len([q for q in statements if "content_translation" in q]) == 1
    assert sorted(i for i, stored in found.items() if stored.text) == sorted(
        i.id for i in made[::2]
    )
    # The others are there for the language they are written in, from the same query.
    assert {found[i.id] for i in made[1::2]} == {translate.Stored("", "en", "")}


def test_a_note_field_and_a_theme_are_translated_by_field(db):
    room = build_room(db)
    note = notes.add_note(db, room.scribe1, room.table1_id, notes.NoteFields(said="We wait"))
    theme = themes.create_theme(db, room.facilitator, room.meeting_id, "Response times")
    translate.translate(db, room.scribe1, _spanish("listening_note", note.id, "Esperamos", "said"))
    with pytest.raises(PermissionDenied):
        translate.translate(db, room.scribe1, _spanish("theme", theme.id, "Tiempos", "name"))
    translate.translate(db, room.facilitator, _spanish("theme", theme.id, "Tiempos", "name"))
    assert _read(db, "listening_note", [note.id], "es", "said")[note.id].text == "Esperamos"
    # No translation of a field: only the language the note is written in.
    assert _read(db, "listening_note", [note.id], "es", "paraphrase") == {
        note.id: translate.Stored("", "en", "")
    }
    with db.read() as s:
        assert len(s.scalars(select(ContentTranslation)).all()) == 2


def test_the_standard_agenda_arrives_with_its_spanish(db):
    room = build_room(db)
    with db.write() as s:
        other = Meeting(initiative_id=room.initiative_id, title="Second", code="second-code")
        s.add(other)
        s.flush()
        meeting_id = other.id
    agenda.add_standard_agenda(db, room.facilitator, meeting_id)
    with i18n.using("es"):
        spanish = agenda_screen.read(db, room.facilitator, meeting_id)
    first = spanish.steps[0]
    assert (first.title.text, first.title.showing) == ("Bienvenida y propósito", Showing.TRANSLATED)
    assert first.prompt.text == "¿Qué haría que hoy valiera la pena su tiempo?"
    assert first.title.original == "Welcome and purpose"
    english = agenda_screen.read(db, room.facilitator, meeting_id)
    assert english.steps[0].title.text == "Welcome and purpose"
    assert english.steps[0].title.showing is Showing.ORIGINAL


def test_a_steps_fields_are_translated_in_one_write_and_blank_ones_skipped(db):
    room = build_room(db)
    step = room.item_ids[0]  # "Listen": a title, no goal, no prompt
    entries = [
        translate.Translation(kind="agenda_item", entity_id=step, field=f, text=t)
        for f, t in [("title", "Escuchar"), ("goal", ""), ("prompt", "")]
    ]
    translate.translate_all(db, room.facilitator, entries)
    with i18n.using("es"):
        first = agenda_screen.read(db, room.facilitator, room.meeting_id).steps[0]
    assert first.title.text == "Escuchar"
    assert first.goal.showing is Showing.ORIGINAL  # nothing written: nothing to say of it
    with pytest.raises(PermissionDenied):
        translate.translate_all(db, room.leader, entries)


def test_solve_shows_options_topics_and_the_library_in_the_readers_language(db):
    room = build_room(db)
    idea = _idea(db, room)
    translate.translate(db, room.facilitator, _spanish("idea", idea.id, "Más binomios"))
    option = options.create_option(
        db, room.facilitator, room.meeting_id, options.OptionFields(title="A pilot van")
    )
    entries = [
        translate.Translation(kind="option", entity_id=option.id, field=f, text=t)
        for f, t in [("title", "Una camioneta piloto"), ("description", "")]
    ]
    translate.translate_all(db, room.facilitator, entries)
    with pytest.raises(PermissionDenied):  # options are the facilitator's to translate
        translate.translate_all(db, room.scribe1, entries)
    best_practices.upsert_library(db, SYSTEM, LIBRARY[:2])
    with i18n.using("es"):
        screen = solve_screen.read(db, room.facilitator, room.meeting_id, None)
    (card,) = screen.options
    assert card.title_shown is not None
    assert (card.title_shown.text, card.title_shown.showing) == (
        "Una camioneta piloto",
        Showing.TRANSLATED,
    )
    assert dict(screen.topics)[("idea", idea.id)] == "Más binomios (Traducido del inglés)"
    programme = screen.library[0]
    assert {f: w.showing for f, w in programme.words.items()} == {
        "summary": Showing.TRANSLATED,
        "staffing": Showing.TRANSLATED,
        "evidence": Showing.TRANSLATED,
    }
    assert programme.words["summary"].text == SPANISH_SUMMARIES[programme.name]
    assert programme.words["staffing"].text == SPANISH_STAFFING[programme.name]
    assert programme.words["evidence"].text == SPANISH_EVIDENCE[programme.name]
    english = solve_screen.read(db, room.scribe1, room.meeting_id, None)
    assert english.options[0].title_shown.text == "A pilot van"  # type: ignore[union-attr]
    assert not english.may_translate


def test_loading_the_library_again_keeps_one_spanish_text_a_field_and_follows_changes(db):
    best_practices.upsert_library(db, SYSTEM, LIBRARY[:1])
    best_practices.upsert_library(db, SYSTEM, LIBRARY[:1])
    with db.read() as s:
        fields = s.scalars(select(ContentTranslation.field).order_by(ContentTranslation.field))
        assert list(fields) == ["evidence", "staffing", "summary"]
    changed = {**LIBRARY[0], "summary": "A shorter summary.", "summary_es": "Un resumen breve."}
    best_practices.upsert_library(db, SYSTEM, [changed])
    with db.read() as s:
        stored = s.scalars(
            select(ContentTranslation).where(ContentTranslation.field == "summary")
        ).one()
    assert (stored.text, stored.source_hash) == (
        "Un resumen breve.",
        fingerprint("A shorter summary."),
    )


def _charter(db, room):
    return charters.new_version(
        db,
        room.facilitator,
        room.initiative_id,
        charters.CharterFields(
            mission="Safer calls together",
            shared_goals="Fewer crises end in arrest",
            commitments={room.police_id: "Send crisis-trained officers"},
        ),
    )


def _pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_charter_reads_in_spanish_with_the_original_beneath_on_the_pdf(db):
    room = build_room(db)
    charter = _charter(db, room)
    with db.read() as s:
        (commitment,) = s.scalars(select(Commitment)).all()
    entries = [
        translate.Translation(kind="charter", entity_id=charter.id, field="mission",
                              text="Llamadas más seguras, juntos"),
        translate.Translation(kind="commitment", entity_id=commitment.id,
                              text="Enviar agentes capacitados en crisis"),
    ]  # fmt: skip
    with pytest.raises(PermissionDenied):  # the charter is the facilitator's to translate
        translate.translate_all(db, room.leader, entries)
    translate.translate_all(db, room.facilitator, entries)
    with i18n.using("es"):
        screen = charter_versions_screen.read(db, room.leader, room.initiative_id)
        sheet = screen.versions[0].sheet
        assert sheet.clause("mission").text == "Llamadas más seguras, juntos"
        assert sheet.clause("shared_goals").showing is Showing.MISSING
        said = sheet.commitment(room.police_id)
        assert said is not None and said.text == "Enviar agentes capacitados en crisis"
        spanish = _pdf_text(charter_pdf.charter_pdf(db, room.leader, room.initiative_id))
    assert "Llamadas más seguras, juntos Traducido del inglés Original (inglés): Safer" in spanish
    assert "Aún no hay traducción al español" in spanish  # the shared goals, as written
    assert "Enviar agentes capacitados en crisis" in spanish
    english = _pdf_text(charter_pdf.charter_pdf(db, room.leader, room.initiative_id))
    assert "Safer calls together" in english
    assert "Llamadas" not in english and "Translated" not in english


def test_a_new_wording_of_a_charter_clause_is_a_new_version_with_no_translation_yet(db):
    room = build_room(db)
    first = _charter(db, room)
    translate.translate(
        db, room.facilitator, _spanish("charter", first.id, "Llamadas más seguras", "mission")
    )
    _charter(db, room)
    with i18n.using("es"):
        screen = charter_versions_screen.read(db, room.facilitator, room.initiative_id)
    newest, older = screen.versions
    assert newest.sheet.clause("mission").showing is Showing.MISSING
    assert older.sheet.clause("mission").text == "Llamadas más seguras"


def test_the_meeting_report_and_its_sheets_name_ideas_in_the_readers_language(db):
    room = build_room(db)
    idea = _idea(db, room)
    _idea(db, room, "Nobody translated this")
    translate.translate(db, room.facilitator, _spanish("idea", idea.id, "Más binomios"))
    with i18n.using("es"):
        screen = review_screen.read(db, room.leader, room.meeting_id)
        ideas_frame = screen.record.frames["Ideas"]
        report = _pdf_text(meeting_report.report_pdf(screen.record))
    cell = "Más binomios (Traducido del inglés; original: More co-responders)"
    assert list(ideas_frame["Idea"]) == [cell, "Nobody translated this"]
    assert cell in report
    english = review_screen.read(db, room.leader, room.meeting_id)
    assert list(english.record.frames["Ideas"]["Idea"]) == [
        "More co-responders",
        "Nobody translated this",
    ]


def test_the_projector_shows_the_steps_question_in_both_languages_once_translated(db):
    room = build_room(db)
    with db.write() as s:
        s.get_one(AgendaItem, room.item_ids[0]).prompt = "What did you hear?"
    assert [p.text for p in projector_screen.read(db, "meet-code").prompts] == [
        "What did you hear?"
    ]
    entry = _spanish("agenda_item", room.item_ids[0], "¿Qué escuchó?", "prompt")
    translate.translate(db, room.facilitator, entry)
    english = projector_screen.read(db, "meet-code").prompts
    assert [(p.text, p.language, p.showing) for p in english] == [
        ("What did you hear?", "en", Showing.ORIGINAL),
        ("¿Qué escuchó?", "es", Showing.TRANSLATED),
    ]
    with i18n.using("es"):
        spanish = projector_screen.read(db, "meet-code").prompts
    assert [p.text for p in spanish] == ["¿Qué escuchó?", "What did you hear?"]


def test_the_trust_table_names_a_standard_question_in_spanish_alone():
    """The product's own questions come in Spanish from its catalogue: a report names no
    English original beside them (fifteen rows each repeated in English read as noise)."""
    change = TrustChange(STANDARD_TRUST_STATEMENTS[0], "Police", 3.0, 5, 4.0, 5, 1.0, AGREEMENT)
    own = replace(change, statement="I feel safe at night")
    with i18n.using("es"):
        rows = trust_pulse.table_rows([change, own])
    assert rows[0][0] == "El departamento de policía escucha a residentes como yo."
    assert rows[1][0] == "I feel safe at night"
    assert trust_pulse.table_rows([change])[0][0] == STANDARD_TRUST_STATEMENTS[0]


def test_a_ballot_names_ideas_and_themes_in_spanish_with_one_query_for_their_translations(db):
    room = build_room(db)
    idea = _idea(db, room)
    theme = themes.create_theme(db, room.facilitator, room.meeting_id, "Response times")
    translate.translate(db, room.facilitator, _spanish("idea", idea.id, "Más binomios"))
    translate.translate(db, room.facilitator, _spanish("theme", theme.id, "Tiempos", "name"))
    rnd = voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(
            title="Which", mode=VoteMode.DOTS, idea_ids=[idea.id], theme_ids=[theme.id]
        ),
    )
    statements = []
    listen = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listen)
    try:
        with db.read() as s:
            named = voting_items.item_rows(s, rnd.id, "es")
    finally:
        event.remove(db.engine, "before_cursor_execute", listen)
    assert [item.text for item in named] == ["Más binomios", "Tiempos"]
    assert len([q for q in statements if "content_translation" in q]) == 1
    with db.read() as s:
        assert [i.text for i in voting_items.item_rows(s, rnd.id, "en")] == [
            "More co-responders",
            "Response times",
        ]


def _question(room, wording, text):
    from services.translations import questions

    return translate.Translation(
        kind=questions.KIND,
        entity_id=room.initiative_id,
        field=questions.question_field(wording),
        text=text,
    )


def test_the_facilitator_s_own_survey_questions_are_translated_by_their_words(db):
    from db.models import Initiative
    from services.translations import questions

    room = build_room(db)
    own, about = "I feel safe walking home at night", "Which neighbourhood do you live in?"
    with db.write() as s:
        initiative = s.get_one(Initiative, room.initiative_id)
        initiative.trust_statements = [STANDARD_TRUST_STATEMENTS[0], own]
        initiative.demographic_questions = [about]
    saved = translate.translate(db, room.facilitator, _question(room, own, "Me siento seguro"))
    assert saved is not None and saved.initiative_id == room.initiative_id
    assert [e.action for e in history(db, SYSTEM, questions.KIND, room.initiative_id)] == [
        "translated"
    ]

    def spanish():
        with db.read() as s:
            initiative = s.get_one(Initiative, room.initiative_id)
            with i18n.using("es"):
                return translate.questions_shown(s, initiative, "es")

    words = spanish()
    assert [(w.text, w.showing) for w in words.values()] == [
        ("El departamento de policía escucha a residentes como yo.", Showing.TRANSLATED),
        ("Me siento seguro", Showing.TRANSLATED),
        (about, Showing.MISSING),
    ]
    # The published question is the catalogue's to translate; it is not offered.
    with db.read() as s:
        assert questions.own(s.get_one(Initiative, room.initiative_id)) == [own, about]
    with pytest.raises(ValidationError, match="no longer on the survey"):
        translate.translate(
            db, room.facilitator, _question(room, STANDARD_TRUST_STATEMENTS[0], "Otra")
        )
    # Moved in the list, the translation follows; reworded, it is a new question.
    with db.write() as s:
        initiative = s.get_one(Initiative, room.initiative_id)
        initiative.trust_statements = [own, STANDARD_TRUST_STATEMENTS[0]]
    assert spanish()[own].text == "Me siento seguro"
    with db.write() as s:
        s.get_one(Initiative, room.initiative_id).trust_statements = [own + " alone"]
    assert spanish()[own + " alone"].showing is Showing.MISSING
    with pytest.raises(ValidationError, match="no longer on the survey"):
        translate.translate(db, room.facilitator, _question(room, own, "Me siento seguro"))


def test_only_a_facilitator_translates_a_survey_question_and_a_made_up_field_is_refused(db):
    from db.models import Initiative

    room = build_room(db)
    with db.write() as s:
        s.get_one(Initiative, room.initiative_id).demographic_questions = ["Your age?"]
    for someone in (room.scribe1, room.leader):
        with pytest.raises(PermissionDenied):
            translate.translate(db, someone, _question(room, "Your age?", "¿Su edad?"))
    made_up = replace(_question(room, "Your age?", "¿Su edad?"), field="q-not-a-hash")
    with pytest.raises(ValidationError, match="cannot be translated"):
        translate.translate(db, room.facilitator, made_up)
    assert translate.translate(db, room.facilitator, _question(room, "Your age?", "¿Su edad?"))


def test_the_record_and_the_report_give_a_translated_note_in_the_readers_language(db):
    room = build_room(db)
    note = notes.add_note(
        db,
        room.scribe1,
        room.table1_id,
        notes.NoteFields(said="Nobody came for an hour", paraphrase="You waited alone"),
    )
    translate.translate_all(
        db,
        room.scribe1,
        [_spanish("listening_note", note.id, "Nadie vino en una hora", "said")],
    )
    with i18n.using("es"):
        screen = review_screen.read(db, room.leader, room.meeting_id)
        frame = screen.record.frames["Listening notes"]
        report = _pdf_text(meeting_report.report_pdf(screen.record))
    said = "Nadie vino en una hora (Traducido del inglés; original: Nobody came for an hour)"
    assert list(frame["Said"]) == [said]
    assert list(frame["Paraphrase"]) == ["You waited alone"]  # not translated: as written
    assert said in report
    (heard,) = [t for t in screen.tables if t.notes]
    assert heard.notes[0].words["said"].translated
    english = review_screen.read(db, room.leader, room.meeting_id)
    assert list(english.record.frames["Listening notes"]["Said"]) == ["Nobody came for an hour"]


def test_a_conflict_is_translated_at_its_table_and_the_projector_shows_it_marked(db):
    from services.room import spotlight

    room = build_room(db)
    made, party = table_conflict(
        db, room, "Patrols on our street", "More patrols", interests="Safety at night"
    )
    with pytest.raises(PermissionDenied):  # another table's scribe
        translate.translate(db, room.scribe2, _spanish("conflict", made.id, "Patrullas", "issue"))
    translate.translate_all(
        db,
        room.scribe1,
        [
            _spanish("conflict", made.id, "Patrullas en la calle", "issue"),
            _spanish("conflict_party", party.id, "Más patrullas", "position"),
        ],
    )
    spotlight.set_spotlight(db, room.facilitator, room.meeting_id, made.id)
    with db.read() as s:
        spot = spotlight.spotlight_in(s, room.meeting_id)
    assert spot is not None
    (police,) = spot.sides
    with i18n.using("es"):
        assert spot.said("issue") == "(Traducido del inglés) Patrullas en la calle"
        assert police.said("position") == "(Traducido del inglés) Más patrullas"
        assert police.said("interests") == "Safety at night"  # nobody translated it
    with i18n.using("en"):
        assert spot.said("issue") == "Patrols on our street"
        assert police.said("position") == "More patrols"


def test_the_record_and_the_report_give_a_translated_conflict_with_its_original(db):

    room = build_room(db)
    made, party = table_conflict(db, room, "Patrols", "More patrols")
    translate.translate_all(
        db,
        room.facilitator,
        [
            _spanish("conflict", made.id, "Patrullas", "issue"),
            _spanish("conflict_party", party.id, "Más patrullas", "position"),
        ],
    )
    with i18n.using("es"):
        screen = review_screen.read(db, room.leader, room.meeting_id)
        frame = screen.record.frames["Conflicts"]
        report = _pdf_text(meeting_report.report_pdf(screen.record))
    issue = "Patrullas (Traducido del inglés; original: Patrols)"
    assert list(frame["Issue"]) == [issue]
    assert "Más patrullas (Traducido del inglés; original: More patrols)" in frame["Parties"][0]
    assert "Patrullas" in report
    english = review_screen.read(db, room.leader, room.meeting_id).record.frames["Conflicts"]
    assert list(english["Issue"]) == ["Patrols"]


def test_the_plan_s_files_give_a_translated_action_with_its_original(db):
    from services.act import actions, plan_export
    from services.act.action_fields import ActionFields

    room = build_room(db)
    made = actions.create_action(
        db, room.facilitator, room.initiative_id, ActionFields(title="Hire two clinicians")
    )
    translate.translate(
        db, room.facilitator, _spanish("action_item", made.id, "Contratar a dos clínicos", "title")
    )
    with i18n.using("es"), db.read() as s:
        rows, _updates = plan_export.rows_in(s, room.leader, room.initiative_id, False)
    assert [r["Action"] for r in rows] == [
        "Contratar a dos clínicos (Traducido del inglés; original: Hire two clinicians)"
    ]
    with db.read() as s:
        rows, _updates = plan_export.rows_in(s, room.leader, room.initiative_id, False)
    assert [r["Action"] for r in rows] == ["Hire two clinicians"]


def test_a_round_s_title_is_the_facilitator_s_to_translate_and_its_ballot_reads_it(db):
    room = build_room(db)
    idea = _idea(db, room)
    fields = voting_rounds.NewRound(title="Which first?", mode=VoteMode.DOTS, idea_ids=[idea.id])
    rnd = voting_rounds.create_round(db, room.facilitator, room.meeting_id, fields)
    entry = _spanish("voting_round", rnd.id, "¿Qué primero?", "title")
    for refused in (room.scribe1, room.leader):
        with pytest.raises(PermissionDenied):
            translate.translate(db, refused, entry)
    translate.translate(db, room.facilitator, entry)
    voting_rounds.open_round(db, room.facilitator, rnd.id)
    with db.read() as s, i18n.using("es"):
        spanish = voting_items.ballot_view(s, s.get_one(type(rnd), rnd.id), room.participant_ids[0])
    assert spanish.title_name is not None
    assert (spanish.title_name.text, spanish.title_name.showing) == (
        "¿Qué primero?", Showing.TRANSLATED,
    )  # fmt: skip
    with db.read() as s, i18n.using("en"):
        english = voting_items.ballot_view(s, s.get_one(type(rnd), rnd.id), room.participant_ids[0])
    assert english.title_name is not None and english.title_name.text == "Which first?"
    with i18n.using("es"):
        (listed,) = review_screen.read(db, room.facilitator, room.meeting_id).rounds
    assert listed.called == "¿Qué primero?"
    # The projector says it in each of its languages: marked first in Spanish.
    on_screen = voting_reveal.round_on_screen(db, room.facilitator, room.meeting_id)
    assert on_screen is not None
    with i18n.using("es"):
        assert on_screen.called() == "(Traducido del inglés) ¿Qué primero?"
    with i18n.using("en"):
        assert on_screen.called() == "Which first?"
    # The record's files give it in the reader's language with its original beside.
    ballot = voting_ballots.ballot(db, "code-0", rnd.id)
    voting_ballots.set_dots(db, "code-0", ballot.items[0].item_id, 1)
    with db.read() as s, i18n.using("es"):
        frame = meeting_record_results.common_ground_frame(s, room.meeting_id, True)
    assert set(frame.iloc[:, 0]) == {"¿Qué primero? (Traducido del inglés; original: Which first?)"}
