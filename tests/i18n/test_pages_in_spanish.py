"""A Spanish reader's pages: the phone's ballot, the scribe's table, the facilitator's agenda.

Each page is drawn by the real app in Spanish and read back: the Spanish is there, and the
English of the same sentences is not (a string left unmarked would still read in English).
"""

from __future__ import annotations

import pytest

from services.converge import voting_rounds
from services.core.vocab import VoteMode
from services.room import ideas
from services.setup import languages
from tests.views.helpers import texts


def _words(at) -> str:
    """Everything a reader sees, run together: titles, headers, texts, labels and links."""
    parts = [
        *(t.value for t in at.title),
        *(h.value for h in at.header),
        *(s.value for s in at.subheader),
        *texts(at),
        *(w.label for w in (*at.button, *at.button_group, *at.text_input, *at.text_area)),
        *(p.proto.label for p in at.get("page_link")),
    ]
    return "\n".join(str(p) for p in parts)


def test_a_phone_ballot_in_spanish_names_the_dots_and_the_rows(room_app, db):
    room = room_app.room
    made = [
        ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text=t))
        for t in ("Co-responders", "Triage")
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
    languages.choose_by_code(db, "code-0", "es")  # the roster's, or the phone's last tap
    at = room_app(query={"code": "code-0"})
    at.run().switch_page("views/vote.py").run()
    assert not at.exception, at.exception
    words = _words(at)
    assert "Votación" in words
    assert "Le quedan 5 de 5 puntos" in [h.value for h in at.subheader]
    assert "Idea 1 de 2: Co-responders" in words
    assert "Dé a cada idea de 0 a" in words
    for english in ("dots left", "Give each idea", "Idea 1 of 2", "Your code"):
        assert english not in words


def test_a_scribes_idea_board_in_spanish(room_app, db):
    room = room_app.room
    languages.set_own_language(db, room.scribe1, "es")
    ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="More street lights")
    )
    at = room_app("s1", {"table": "1"}).run().switch_page("views/ideas.py").run()
    assert not at.exception, at.exception
    words = _words(at)
    assert "Ideas · mesa 1" in words
    assert "More street lights" in words  # a person's own words stay as they wrote them
    assert "mesa 1" in words and "Ideas · table" not in words
    # The menu's headings and the page titles in it.
    menu = "\n".join(h.proto.body for h in at.html)
    assert "En la sala" in menu and "In the room" not in menu
    links = [p.proto.label for p in at.get("page_link")]
    assert "Escucha" in links and "Listen" not in links


def test_the_facilitators_agenda_in_spanish(room_app, db):
    room = room_app.room
    languages.set_own_language(db, room.facilitator, "es")
    at = room_app("fac").run().switch_page("views/agenda.py").run()
    assert not at.exception, at.exception
    words = _words(at)
    assert "Agenda" in words
    assert "Agregar un paso" in "\n".join(e.label for e in at.expander)
    assert "Sesión iniciada como" in "\n".join(c.value for c in at.sidebar.caption)
    for english in ("Add a step", "Move up", "Signed in as", "Approve this agenda"):
        assert english not in words


SPANISH_TITLES = {
    "views/setup.py": "Configuración",
    "views/prepare.py": "Preparación",
    "views/console.py": "Consola",
    "views/listen.py": "Escucha · todas las mesas",
    "views/converge.py": "Convergencia",
    "views/solve.py": "Soluciones",
    "views/conflicts.py": "Conflictos",
    "views/charter.py": "Carta de colaboración",
    "views/actions.py": "Plan de acción",
    "views/review.py": "Revisión",
}


@pytest.mark.parametrize(("screen", "title"), SPANISH_TITLES.items())
def test_every_facilitator_screen_draws_in_spanish(room_app, db, screen, title):
    languages.set_own_language(db, room_app.room.facilitator, "es")
    at = room_app("fac").run().switch_page(screen).run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title][:1] == [title]
