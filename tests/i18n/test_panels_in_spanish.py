"""The facilitator's panels and the plan charts in Spanish: every word a Spanish reader
sees on them is Spanish, chart titles, legends and the tables beneath included."""

from __future__ import annotations

import json
from datetime import date

from streamlit.testing.v1 import AppTest

import i18n
from components import plan_chart_data as data
from components import plan_charts
from db.models.enums import ActionStatus
from services.act.action_followup import GroupProgress
from tests.components.test_plan_charts import ACTIONS, POINTS, PROGRESS, TODAY


def _panels():
    from components import language
    from components.conflict_panels import new_conflict_form, sides_side_by_side
    from components.console_controls import shortcut_legend
    from components.downloads import prepared_download
    from components.idea_board import count_header
    from components.moderation import theme_panel
    from i18n import _

    language.install()
    new_conflict_form(lambda *_answers: None)
    sides_side_by_side(())
    shortcut_legend()
    count_header(())
    theme_panel([], {}, lambda _name: None, lambda _ideas, _theme: None)
    prepared_download(_("the report (PDF)"), lambda: b"%PDF", "r.pdf", key="r", of=1)


def _words(at: AppTest) -> list[str]:
    """Every label, heading and message the run drew."""
    labelled = [*at.button, *at.text_area, *at.text_input, *at.checkbox, *at.toggle]
    labelled += [*at.selectbox, *at.expander]
    said = [*at.header, *at.caption, *at.info]
    return [w.label for w in labelled] + [w.value for w in said]


def _drawn(language: str) -> list[str]:
    at = AppTest.from_function(_panels)
    at.session_state["language"] = language
    return _words(at.run())


ENGLISH = [
    "Log a conflict",
    "The issue in dispute",
    "Log it",
    "No parties yet: add each group's position and interests below.",
    "Keyboard shortcuts",
    "No ideas yet.",
    "Add theme",
    "Prepare the report (PDF)",
]


def test_the_panels_speak_spanish_and_leave_no_english_behind():
    words = _drawn("es")
    for spanish in [
        "Registrar un conflicto",
        "El asunto en disputa",
        "Registrarlo",
        "Confidencial: fuera del proyector y de los informes",
        "Aún no hay partes: agregue abajo la postura y los intereses de cada grupo.",
        "Atajos de teclado",
        "Ideas (0)",
        "Aún no hay ideas.",
        "Agregar tema",
        "Bajo el tema",
        "Preparar el informe (PDF)",
    ]:
        assert spanish in words
    [legend] = [w for w in words if w.startswith("**Teclado:**")]
    assert "N paso siguiente" in legend and "mientras escribe en un campo" in legend
    assert not set(ENGLISH) & set(words)
    assert not any("Keyboard" in w or "Confidential" in w for w in words)


def test_in_english_the_panels_read_as_they_always_did():
    words = _drawn("en")
    assert set(ENGLISH) <= set(words)
    assert any(w.startswith("**Keyboard:** N next step") for w in words)


def _json(spec: dict) -> str:
    return json.dumps(spec, ensure_ascii=False)


def test_the_plan_charts_and_their_tables_in_spanish():
    with i18n.using("es"):
        scatter = _json(plan_charts.impact_feasibility_chart(POINTS).to_dict())
        timeline = plan_charts.due_dates_chart(ACTIONS, TODAY).to_dict()
        bars = _json(plan_charts.progress_chart(PROGRESS).to_dict())
        options = data.option_table(POINTS)
        actions = data.action_table(ACTIONS, TODAY)
        progress = data.progress_table(PROGRESS)
        said, _parts = data.progress_rows(PROGRESS)
    assert "Viabilidad (5 = la más fácil)" in scatter and "Logros rápidos" in scatter
    assert "Costo" in scatter and '"bajo"' in scatter
    for english in ("Feasibility", "Quick wins", "Big bets", "Not now", '"Cost"', '"low"'):
        assert english not in scatter
    words = _json(timeline)
    assert "Vence" in words and "Hoy" in words and "Vencida · bloqueada" in words
    assert "Overdue" not in words and "Today" not in words
    # The month on the date axis is Vega's to write: the spec carries Spanish month names.
    assert timeline["config"]["locale"]["time"]["shortMonths"][2] == "mar"
    assert timeline["config"]["locale"]["number"]["decimal"] == ","  # 4,5 on a tooltip
    assert "Acciones" in bars and "en curso" in bars and "in progress" not in bars
    assert list(options.columns) == [
        "#",
        "Opción",
        "Impacto",
        "Viabilidad",
        "Cuadrante",
        "Mesas que calificaron",
        "Costo",
    ]
    assert list(actions.columns) == ["#", "Acción", "Grupo", "Vence", "Estado", "Vencida"]
    assert set(actions["Vencida"]) == {"sí", "no"}
    assert "1 mar 2025" in set(actions["Vence"])  # not 2025-03-01
    assert "sin fecha" in set(actions["Vence"])
    assert progress.columns.tolist()[:1] == ["Grupo"] and "Total" in progress.columns.tolist()
    assert said["text"].iloc[0] == "2 terminadas · 3 en curso · 1 sin empezar · 1 bloqueada"
    assert said["text"].iloc[2] == "sin acciones"


def test_a_count_of_one_agrees_in_spanish_and_english_is_unchanged():
    one_done = [GroupProgress(1, "Police", {ActionStatus.DONE: 1}, 1)]
    with i18n.using("es"):
        assert data.progress_rows(one_done)[0]["text"].iloc[0] == "1 terminada"
    with i18n.using("en"):
        assert data.progress_rows(one_done)[0]["text"].iloc[0] == "1 done"
        assert (
            "locale"
            not in plan_charts.due_dates_chart(ACTIONS, date(2025, 3, 10)).to_dict()["config"]
        )
