"""What someone types on a Spanish screen is Spanish: each kind of item records the language
its writer wrote it in, readers of the other language are told it is untranslated, and a
translation saved from it goes the right way."""

import pytest
from sqlalchemy import event

import i18n
from db.models import Meeting
from services.act import actions
from services.act.action_fields import ActionFields
from services.agenda import agenda
from services.converge import voting_rounds
from services.partner import charter_commitments, charters
from services.prepare import interviews, survey_settings
from services.resolve import conflict_outcomes, conflict_parties, conflicts
from services.room import ideas, notes, themes
from services.solve import best_practices, options
from services.translations import questions, translate
from services.translations.shown import Showing, mark, shown
from tests.factories import build_room, table_conflict

pytestmark = pytest.mark.both_databases  # a union of two tables' rows, an upsert by hand


def _idea(db, room, text):
    return ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text=text))


def _readings(db, kind, entity_id, field, original):
    """How an English and a Spanish reader read one field of one item."""
    with db.read() as s:
        return {
            language: shown(
                original,
                translate.field_translations(s, kind, [entity_id], language, [field]).get(
                    (entity_id, field)
                ),
                language,
            )
            for language in ("en", "es")
        }


def _charter(db, room, mission="Confiar unos en otros"):
    fields = charters.CharterFields(mission=mission, commitments={room.police_id: "Escuchar"})
    return charters.new_version(db, room.facilitator, room.initiative_id, fields)


MADE_ON_A_SPANISH_SCREEN = {
    "idea": lambda db, room: (_idea(db, room, "Más binomios"), "text"),
    "listening_note": lambda db, room: (
        notes.add_note(db, room.scribe1, room.table1_id, notes.NoteFields(said="Esperamos")),
        "said",
    ),
    "theme": lambda db, room: (
        themes.create_theme(db, room.facilitator, room.meeting_id, "Tiempos de respuesta"),
        "name",
    ),
    "voting_round": lambda db, room: (
        voting_rounds.create_round(
            db,
            room.facilitator,
            room.meeting_id,
            voting_rounds.NewRound(
                title="Prioridades", mode="dots", idea_ids=[_idea(db, room, "Una idea").id]
            ),
        ),
        "title",
    ),
    "agenda_item": lambda db, room: (
        agenda.add_item(
            db,
            room.facilitator,
            room.meeting_id,
            agenda.ItemFields(title="Escuchar", step="listen", minutes=10),
        ),
        "title",
    ),
    "conflict": lambda db, room: (
        table_conflict(db, room, "¿Quién responde?", "Nosotros")[0],
        "issue",
    ),
    "conflict_party": lambda db, room: (
        table_conflict(db, room, "¿Quién responde?", "Nosotros")[1],
        "position",
    ),
    "action_item": lambda db, room: (
        actions.create_action(
            db, room.facilitator, room.initiative_id, ActionFields(title="Contratar clínicos")
        ),
        "title",
    ),
    "option": lambda db, room: (
        options.create_option(
            db, room.facilitator, room.meeting_id, options.OptionFields(title="Equipo clínico")
        ),
        "title",
    ),
    "interview": lambda db, room: (
        interviews.create_interview(
            db,
            room.facilitator,
            room.initiative_id,
            interviews.InterviewFields(interviewee="Vecina", notes="Nadie viene"),
        ),
        "notes",
    ),
    "charter": lambda db, room: (_charter(db, room), "mission"),
    "best_practice": lambda db, room: (
        best_practices.create_best_practice(
            db,
            room.facilitator,
            best_practices.BestPracticeFields(
                name="Equipo de Eugene", city="Eugene", model="co_responder", summary="Parejas"
            ),
        ),
        "summary",
    ),
}


@pytest.mark.parametrize("kind", sorted(MADE_ON_A_SPANISH_SCREEN))
def test_an_item_written_on_a_spanish_screen_is_spanish_to_every_reader(db, kind):
    room = build_room(db)
    with i18n.using("es"):
        item, field = MADE_ON_A_SPANISH_SCREEN[kind](db, room)
    original = getattr(item, field)
    english, spanish = _readings(db, kind, item.id, field, original).values()
    assert (english.showing, english.source_language) == (Showing.MISSING, "es")
    with i18n.using("en"):
        assert mark(english) == "No English translation yet"
    assert (spanish.showing, spanish.text) == (Showing.ORIGINAL, original)


@pytest.mark.parametrize("kind", ["idea", "theme", "agenda_item", "conflict", "action_item"])
def test_an_item_written_on_an_english_screen_stays_english(db, kind):
    room = build_room(db)
    with i18n.using("en"):
        item, field = MADE_ON_A_SPANISH_SCREEN[kind](db, room)
    english, spanish = _readings(db, kind, item.id, field, getattr(item, field)).values()
    assert english.showing is Showing.ORIGINAL
    assert (spanish.showing, spanish.source_language) == (Showing.MISSING, "en")


def test_a_translation_of_a_spanish_idea_is_into_english_without_being_told(db):
    room = build_room(db)
    with i18n.using("es"):
        idea = _idea(db, room, "Más binomios")
    entry = translate.Translation(kind="idea", entity_id=idea.id, text="More co-responders")
    saved = translate.translate(db, room.facilitator, entry)
    assert saved is not None
    assert (saved.language, saved.source_language) == ("en", "es")
    english, spanish = _readings(db, "idea", idea.id, "text", idea.text).values()
    assert (english.showing, english.text) == (Showing.TRANSLATED, "More co-responders")
    assert (spanish.showing, spanish.text) == (Showing.ORIGINAL, "Más binomios")


def test_whoever_translates_may_correct_the_language_even_with_no_translation(db):
    room = build_room(db)
    with i18n.using("es"):  # a bilingual scribe types what the police officer said
        idea = _idea(db, room, "Answer within ten minutes")
    entry = translate.Translation(kind="idea", entity_id=idea.id, text="", source_language="en")
    assert translate.translate(db, room.facilitator, entry) is None
    english, spanish = _readings(db, "idea", idea.id, "text", idea.text).values()
    assert english.showing is Showing.ORIGINAL
    assert (spanish.showing, spanish.source_language) == (Showing.MISSING, "en")


def test_a_scribes_idea_form_says_the_language_it_was_typed_in(db):
    room = build_room(db)
    new = ideas.NewIdea(
        table_id=room.table1_id, text="Más binomios", translation="More co-responders",
        written_in="es",
    )  # fmt: skip
    with i18n.using("en"):  # the form's word outranks the screen's
        idea = ideas.add_idea(db, room.scribe1, new)
    english = _readings(db, "idea", idea.id, "text", idea.text)["en"]
    assert (english.showing, english.text) == (Showing.TRANSLATED, "More co-responders")


def test_a_facilitators_own_survey_question_is_in_its_writers_language(db):
    room = build_room(db)
    with i18n.using("es"):
        survey_settings.set_questions(
            db, room.facilitator, room.initiative_id, ["Confío en la policía"], ["¿Su barrio?"]
        )
    with i18n.using("en"):  # a later English question does not change the Spanish ones
        survey_settings.set_questions(
            db,
            room.facilitator,
            room.initiative_id,
            ["Confío en la policía"],
            ["¿Su barrio?", "Your age?"],
        )
    for wording, written_in in (
        ("Confío en la policía", "es"),
        ("¿Su barrio?", "es"),
        ("Your age?", "en"),
    ):
        field = questions.question_field(wording)
        read = _readings(db, questions.KIND, room.initiative_id, field, wording)
        other = "en" if written_in == "es" else "es"
        assert read[written_in].showing is Showing.ORIGINAL, wording
        assert read[other].showing is Showing.MISSING, wording


def test_a_new_charter_version_keeps_its_language_and_a_new_commitment_is_its_writers(db):
    room = build_room(db)
    with i18n.using("es"):
        first = _charter(db, room)
    with i18n.using("en"):  # an English-reading facilitator adds the residents' commitment
        fields = charters.CharterFields(
            mission=first.mission, commitments={room.residents_id: "Show up"}
        )
        second = charters.new_version(db, room.facilitator, room.initiative_id, fields)
        charter_commitments.set_commitment(
            db, room.facilitator, second.id, room.police_id, "Escuchar"
        )
    assert _readings(db, "charter", second.id, "mission", second.mission)["en"].showing is (
        Showing.MISSING
    )
    made = {
        c.stakeholder_id: c
        for c, _name in charter_commitments.commitments(db, room.facilitator, second.id)
    }
    police, residents = made[room.police_id], made[room.residents_id]
    assert _readings(db, "commitment", police.id, "text", police.text)["es"].showing is (
        Showing.ORIGINAL
    )
    assert _readings(db, "commitment", residents.id, "text", residents.text)["en"].showing is (
        Showing.ORIGINAL
    )


def test_an_agreement_becomes_an_action_in_the_agreements_language(db):
    room = build_room(db)
    with i18n.using("es"):
        conflict, _side = table_conflict(db, room, "¿Quién responde?", "Nosotros")
        conflicts.set_status(
            db,
            room.facilitator,
            conflict.id,
            conflicts.StatusFields(status="agreed", agreement="Un equipo clínico"),
        )
    with i18n.using("en"):
        action = conflict_outcomes.agreement_to_action(db, room.facilitator, conflict.id)
    english = _readings(db, "action_item", action.id, "title", action.title)["en"]
    assert (english.showing, english.source_language) == (Showing.MISSING, "es")


def test_a_side_of_a_conflict_takes_the_language_of_its_first_words(db):
    room = build_room(db)
    with i18n.using("es"):
        conflict, side = table_conflict(db, room, "¿Quién responde?", "Nosotros")
    with i18n.using("en"):  # corrected later on an English screen: still Spanish
        fields = conflict_parties.PartyFields(
            stakeholder_id=room.police_id, position="Nosotros mismos"
        )
        side = conflict_parties.set_party(db, room.scribe1, conflict.id, fields)
    english = _readings(db, "conflict_party", side.id, "position", side.position)["en"]
    assert (english.showing, english.source_language) == (Showing.MISSING, "es")


def test_the_written_languages_are_read_in_the_translations_query(db):
    room = build_room(db)
    with i18n.using("es"):
        made = [_idea(db, room, f"Idea {n}") for n in range(6)]
    statements = []
    listen = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listen)
    try:
        with db.read() as s:
            found = translate.translations_for(s, "idea", [i.id for i in made], "en")
    finally:
        event.remove(db.engine, "before_cursor_execute", listen)
    selects = [q for q in statements if q.startswith("SELECT")]
    assert len(selects) == 1
    assert "content_language" in selects[0] and "content_translation" in selects[0]
    assert found == dict.fromkeys((i.id for i in made), translate.Stored("", "es", ""))


def test_a_new_item_given_a_removed_ones_id_inherits_neither_its_language_nor_its_words(db):
    room = build_room(db)
    with i18n.using("en"):
        gone = _idea(db, room, "More co-responders")
    spanish = translate.Translation(kind="idea", entity_id=gone.id, text="Más binomios")
    translate.translate(db, room.facilitator, spanish)
    ideas.delete_idea(db, room.facilitator, gone.id)
    with i18n.using("es"):
        new = _idea(db, room, "Otra idea")
    # SQLite gives the removed idea's id again; Postgres a new one. Either way:
    english, spanish_reader = _readings(db, "idea", new.id, "text", new.text).values()
    assert (english.showing, english.translation) == (Showing.MISSING, "")
    assert (spanish_reader.showing, spanish_reader.translation) == (Showing.ORIGINAL, "")


def test_the_standard_agenda_is_english_whatever_step_had_its_id_before(db):
    room = build_room(db)
    with db.write() as s:
        other = Meeting(initiative_id=room.initiative_id, title="Second", code="second-code")
        s.add(other)
        s.flush()
        meeting_id = other.id
    with i18n.using("es"):  # a Spanish step, removed: SQLite gives its id again
        fields = agenda.ItemFields(title="Escuchar", step="listen", minutes=10)
        gone = agenda.add_item(db, room.facilitator, meeting_id, fields)
    agenda.delete_item(db, room.facilitator, gone.id)
    with i18n.using("es"):
        first = agenda.add_standard_agenda(db, room.facilitator, meeting_id)[0]
    english, spanish = _readings(db, "agenda_item", first.id, "title", first.title).values()
    assert (english.showing, english.text) == (Showing.ORIGINAL, "Welcome and purpose")
    assert (spanish.showing, spanish.text) == (Showing.TRANSLATED, "Bienvenida y propósito")
