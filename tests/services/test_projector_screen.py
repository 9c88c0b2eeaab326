"""The projector's read model: by the meeting's code, what the current step needs and
nothing confidential, in one read per refresh."""

import pytest
from sqlalchemy import event

import i18n
from db.models import AgendaItem, Conflict
from db.models.enums import Step, VoteMode
from services.converge import voting_reveal, voting_rounds
from services.core.actors import SYSTEM
from services.core.errors import NotFound
from services.partner import charters
from services.resolve import conflicts
from services.room import ideas, projector_screen, projector_settings, room_control, spotlight
from services.translations import translate
from tests.factories import build_room


def _go(db, room, item_id):
    room_control.go_to_step(db, room.facilitator, room.meeting_id, item_id)


def test_on_a_listening_step_it_reads_the_room_and_nothing_for_other_steps(db):
    room = build_room(db)
    shown = projector_screen.read(db, " meet-code ")
    assert (shown.meeting_id, shown.room.title, shown.room.position) == (
        room.meeting_id,
        "Meeting",
        1,
    )
    assert (shown.spotlight, shown.wall_version, shown.voting, shown.charter) == (None,) * 4


def test_an_unknown_code_is_refused_in_words(db):
    build_room(db)
    with pytest.raises(NotFound, match="projector link is not valid"):
        projector_screen.read(db, "no-such-code")


@pytest.mark.both_databases  # its scalar subqueries beside aggregates
def test_the_wall_check_by_code_is_one_query_and_refuses_a_code_that_names_no_meeting(db):
    room = build_room(db)
    ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Lights"))
    ran = []
    listen = lambda *args: ran.append(args[2])  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listen)
    try:
        seen = projector_screen.wall_version(db, " meet-code ")
    finally:
        event.remove(db.engine, "before_cursor_execute", listen)
    assert seen == ideas.wall_version(db, SYSTEM, room.meeting_id)
    assert seen[0] == 1
    # Every projector asks twice a second: one query (and its BEGIN on SQLite).
    assert len([q for q in ran if q.startswith("SELECT")]) == 1
    for code in ("no-such-code", "", "\x00"):
        with pytest.raises(NotFound, match="projector link is not valid"):
            projector_screen.wall_version(db, code)


def test_on_the_ideas_step_the_wall_leaves_out_what_is_confidential(db):
    room = build_room(db)
    _go(db, room, room.item_ids[1])
    ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="More street lights")
    )
    ideas.add_idea(
        db,
        room.scribe1,
        ideas.NewIdea(table_id=room.table1_id, text="A name said in confidence", confidential=True),
    )
    shown = projector_screen.read(db, "meet-code")
    assert shown.wall_version == ideas.wall_version(db, SYSTEM, room.meeting_id)
    assert projector_screen.wall(db, "meet-code").newest_first == ("More street lights",)


def test_on_the_voting_step_results_show_only_once_closed_and_revealed(db):
    room = build_room(db)
    _go(db, room, room.item_ids[2])
    assert projector_screen.read(db, "meet-code").voting is None
    idea = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Walk the beat")
    ).id
    rnd = voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(
            title="Priorities", mode=VoteMode.DOTS, budget=3, max_per_item=2, idea_ids=[idea]
        ),
    )
    voting_rounds.open_round(db, room.facilitator, rnd.id)
    voting = projector_screen.read(db, "meet-code").voting
    assert voting is not None
    assert (voting.shown.title, voting.results, voting.credit) == ("Priorities", None, None)
    voting_rounds.close_round(db, room.facilitator, rnd.id)
    voting = projector_screen.read(db, "meet-code").voting
    assert voting is not None and voting.results is None
    voting_reveal.reveal_results(db, room.facilitator, rnd.id)
    voting = projector_screen.read(db, "meet-code").voting
    assert voting is not None and voting.shown.shows_results and voting.results is not None
    assert [t.text for t in voting.results.totals] == ["Walk the beat"]


def test_the_results_name_each_item_for_a_reader_of_each_language(db):
    """A Spanish scribe's idea, translated into English: the results on an English
    projector name it in English, marked; on a Spanish one, as written; both at once."""
    room = build_room(db)
    _go(db, room, room.item_ids[2])
    with i18n.using("es"):
        idea = ideas.add_idea(
            db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Más alumbrado")
        )
    entry = translate.Translation(kind="idea", entity_id=idea.id, text="More street lights")
    translate.translate(db, room.facilitator, entry)
    rnd = voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(title="Priorities", mode=VoteMode.DOTS, idea_ids=[idea.id]),
    )
    voting_rounds.open_round(db, room.facilitator, rnd.id)
    voting_rounds.close_round(db, room.facilitator, rnd.id)
    voting_reveal.reveal_results(db, room.facilitator, rnd.id)
    projector_settings.set_language(db, room.facilitator, room.meeting_id, "es")
    voting = projector_screen.read(db, "meet-code").voting
    assert voting is not None and voting.names_in("en") == {}  # only what it speaks
    projector_settings.set_language(db, room.facilitator, room.meeting_id, "both")
    voting = projector_screen.read(db, "meet-code").voting
    assert voting is not None and voting.results is not None
    [item_id] = [t.item_id for t in voting.results.totals]
    english, spanish = voting.names_in("en")[item_id], voting.names_in("es")[item_id]
    assert (english.text, english.translated) == ("More street lights", True)
    assert (spanish.text, spanish.translated) == ("Más alumbrado", False)


def test_a_spotlit_conflict_takes_the_screen_unless_it_is_confidential(db):
    room = build_room(db)
    _go(db, room, room.item_ids[1])
    open_one = conflicts.create_conflict(
        db, room.facilitator, room.meeting_id, conflicts.ConflictFields(issue="Stops")
    )
    spotlight.set_spotlight(db, room.facilitator, room.meeting_id, open_one.id)
    shown = projector_screen.read(db, "meet-code")
    assert shown.spotlight is not None and shown.spotlight.issue == "Stops"
    assert shown.wall_version is None  # the spotlight covers the step's own view
    # Made confidential while on the projector: it leaves the screen at the next refresh.
    with db.write() as s:
        s.get_one(Conflict, open_one.id).confidential = True
    shown = projector_screen.read(db, "meet-code")
    assert shown.spotlight is None
    assert shown.wall_version == ideas.wall_version(db, SYSTEM, room.meeting_id)


def test_on_the_partnering_step_it_reads_the_newest_charter(db):
    room = build_room(db)
    with db.write() as s:
        step = AgendaItem(
            meeting_id=room.meeting_id, position=4, title="Charter", step=Step.PARTNER, minutes=10
        )
        s.add(step)
        s.flush()
        step_id = step.id
    _go(db, room, step_id)
    assert projector_screen.read(db, "meet-code").charter is None
    charters.new_version(
        db, room.facilitator, room.initiative_id, charters.CharterFields(mission="Safety for all")
    )
    charter = projector_screen.read(db, "meet-code").charter
    assert charter is not None and charter.mission == "Safety for all"


def test_a_closed_meeting_reads_nothing_but_the_room(db):
    room = build_room(db)
    _go(db, room, room.item_ids[1])
    room_control.close_meeting(db, room.facilitator, room.meeting_id)
    shown = projector_screen.read(db, "meet-code")
    assert shown.room.status.value == "closed"
    assert (shown.spotlight, shown.wall_version, shown.voting, shown.charter) == (None,) * 4


def test_the_wall_shows_a_translated_idea_in_the_projector_s_language_marked(db):
    import i18n
    from services.translations import translate

    room = build_room(db)
    _go(db, room, room.item_ids[1])
    made = [
        ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text=text))
        for text in ("More co-responders", "Más alumbrado público", "A crisis line")
    ]
    english_to_spanish = translate.Translation(
        kind="idea", entity_id=made[0].id, text="Más binomios"
    )
    spanish_to_english = translate.Translation(
        kind="idea", entity_id=made[1].id, text="More street lights", source_language="es"
    )
    for entry in (english_to_spanish, spanish_to_english):
        translate.translate(db, room.facilitator, entry)
    wall = projector_screen.wall(db, "meet-code")
    assert wall.newest_first == ("A crisis line", "Más alumbrado público", "More co-responders")
    with i18n.using("es"):
        assert wall.words() == (
            "A crisis line",  # nobody translated it: as typed, unmarked
            "Más alumbrado público",  # written in Spanish
            "(Traducido del inglés) Más binomios",
        )
        # A refresh makes only its page's words.
        assert wall.words(2, 10) == ("(Traducido del inglés) Más binomios",)
    with i18n.using("en"):
        assert wall.words() == (
            "A crisis line",
            "(Translated from Spanish) More street lights",
            "More co-responders",
        )
        # Each card's language, for its `lang`: a translation's is the reader's.
        assert wall.page() == (wall.words(), ("en", "en", "en"))
    with i18n.using("es"):
        assert wall.page()[1] == ("en", "es", "es")
        assert wall.page(1, 3) == (wall.words(1, 3), ("es", "es"))
    # The word cloud counts the words as typed.
    assert "binomios" not in wall.counts


@pytest.mark.parametrize(("setting", "first"), [("es", "es"), ("en", "en"), ("both", "en")])
def test_the_projector_names_things_in_its_own_language_not_its_browsers(db, setting, first):
    room = build_room(db)
    _go(db, room, room.item_ids[2])
    with db.write() as s:
        s.get_one(AgendaItem, room.item_ids[2]).prompt = "Which ideas first?"
    asked = translate.Translation(
        kind="agenda_item", entity_id=room.item_ids[2], field="prompt", text="¿Qué ideas primero?"
    )
    translate.translate(db, room.facilitator, asked)
    idea = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Walk the beat")
    ).id
    translate.translate(
        db,
        room.facilitator,
        translate.Translation(kind="idea", entity_id=idea, text="Patrullar a pie"),
    )
    new = voting_rounds.NewRound(title="Priorities", mode=VoteMode.DOTS, idea_ids=[idea])
    rnd = voting_rounds.create_round(db, room.facilitator, room.meeting_id, new)
    voting_rounds.open_round(db, room.facilitator, rnd.id)
    voting_rounds.close_round(db, room.facilitator, rnd.id)
    voting_reveal.reveal_results(db, room.facilitator, rnd.id)
    projector_settings.set_language(db, room.facilitator, room.meeting_id, setting)
    other = "en" if first == "es" else "es"
    with i18n.using(other):  # the projector's browser asks for the other language
        shown = projector_screen.read(db, "meet-code")
    question = {"en": "Which ideas first?", "es": "¿Qué ideas primero?"}
    assert shown.prompts[0].text == question[first]
    assert shown.voting is not None and shown.voting.results is not None
    named = {"en": "Walk the beat", "es": "Patrullar a pie"}
    assert [i.text for i in shown.voting.results.ranking] == [named[first]]
