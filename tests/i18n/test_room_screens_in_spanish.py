"""The room's own screens drawn in Spanish: the sign-in form, the survey, the set-up tabs and
the projector say their words in Spanish, and none of the English ones is left over."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

import i18n
from components import projector, projector_results, projector_views, sheets
from services.converge.voting_reveal import Turnout
from services.prepare.invitations import Invitation, MeetingHeading
from services.setup import languages
from tests.views.conftest import app, demo_db, room_app  # noqa: F401 - fixtures used below
from tests.views.helpers import setup_screen


def _spanish(at):
    at.session_state["language"] = "es"
    return at


def _labels(at) -> list[str]:
    return [w.label for w in [*at.text_input, *at.button, *at.radio, *at.selectbox]]


def test_the_sign_in_form_is_in_spanish(app):  # noqa: F811 - the fixture imported above
    at = _spanish(app()).run()
    assert not at.exception, at.exception
    labels = _labels(at)
    assert {"Nombre de usuario", "Contraseña", "Iniciar sesión"} <= set(labels)
    assert not {"Username", "Password", "Sign in"} & set(labels)


def test_the_survey_is_in_spanish(room_app, db):  # noqa: F811
    languages.choose_by_code(db, "code-0", "es")  # the roster's, or the phone's last tap
    at = room_app(query={"code": "code-0"}).run()
    at = at.switch_page("views/survey.py").run()
    assert not at.exception, at.exception
    assert "Enviar mis respuestas" in _labels(at)
    assert "Send my answers" not in _labels(at)
    for rating in at.radio:
        assert rating.options[-1] == "Prefiero no decirlo"


def test_the_set_up_tabs_are_in_spanish(room_app, db):  # noqa: F811
    languages.set_own_language(db, room_app.room.facilitator, "es")
    at = setup_screen(room_app)
    assert not at.exception, at.exception
    headings = [h.value for h in at.header] + [h.value for h in at.subheader]
    assert {"Quién está en la sala", "Grupos de partes interesadas"} <= set(headings)
    assert "Agregar a alguien en la entrada" in headings
    assert not {"Who is in the room", "Stakeholder groups", "Add someone at the door"} & set(
        headings
    )
    labels = _labels(at)
    assert "Agregar y buscarle lugar" in labels and "Add them and find a seat" not in labels


@pytest.fixture
def spanish():
    with i18n.using("es"):
        yield


def test_the_projector_speaks_spanish(spanish):
    closed = projector.closed_html("Reunión de marzo")
    assert "Gracias por venir." in closed and "Thank you" not in closed
    turnout = Turnout(voted=12, expected=40)
    voting = projector_results.voting_html("Prioridades", True, turnout, "http://x.org/vote")
    assert "La votación está abierta: Prioridades" in voting
    assert "y escriba el código de su credencial." in voting
    assert "Voting is open" not in voting and "badge" not in voting
    wall = projector_views.wall_html(["Más luz en el parque"] * 3, 0)
    assert "3 ideas hasta ahora, las más recientes primero" in wall
    assert "so far" not in wall


def test_an_invitation_prints_in_spanish_with_a_spanish_date(spanish):
    heading = MeetingHeading(
        initiative="Seguridad en el barrio",
        title="Primera sesión",
        starts_at=datetime(2027, 1, 16, 15, 0, tzinfo=UTC),
        location="Centro comunitario",
    )
    person = Invitation(
        name="Ana Pérez",
        group="Residentes",
        table=3,
        survey_link="http://x.org/survey?code=a",
        vote_link="http://x.org/vote?code=a",
        code="abcdefgh",
        language="es",
    )
    page = sheets.invitation_sheet_html(heading, [person])
    assert '<html lang="es">' in page
    assert "sábado, 16 de enero de 2027, 15:00 UTC" in page
    assert "Su código personal:" in page and "Mesa 3" in page
    assert "Your personal code" not in page and "Saturday" not in page


def test_a_block_in_english_inside_spanish_draws_the_english_source(spanish):
    with i18n.using("en"):
        assert "Thank you for coming." in projector.closed_html("March meeting")
