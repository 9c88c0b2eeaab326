"""Every chart's tooltips are titled in its reader's language: untitled, Vega would title
each by its column's name ("share_text", "voters"), in English on a Spanish screen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

import i18n
from components import charts, plan_charts
from components import trust_chart as tc
from tests.components.test_charts import BY_GROUP, COMMON, TOTALS, VOICES
from tests.components.test_plan_charts import ACTIONS, POINTS, PROGRESS, TODAY
from tests.components.test_trust_chart import ROWS

CHARTS: dict[str, Callable[[], Any]] = {
    "dots": lambda: charts.totals_chart(TOTALS, "dots"),
    "agree": lambda: charts.totals_chart(TOTALS, "agree_disagree"),
    "by group": lambda: charts.by_group_chart(BY_GROUP[0]),
    "common ground": lambda: charts.common_ground_chart(COMMON),
    "voice": lambda: charts.voice_chart(VOICES),
    "trust": lambda: tc.trust_chart(tuple(ROWS)),
    "impact": lambda: plan_charts.impact_feasibility_chart(POINTS),
    "due dates": lambda: plan_charts.due_dates_chart(ACTIONS, TODAY),
    "progress": lambda: plan_charts.progress_chart(PROGRESS),
}

SAME_IN_BOTH = {"Idea"}
"""Titles Spanish writes as English does."""


def tooltips(spec: Any) -> Iterator[dict]:
    """Every tooltip entry anywhere in a Vega-Lite spec."""
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key == "tooltip" and isinstance(value, list):
                yield from value
            elif key == "tooltip" and isinstance(value, dict):
                yield value
            else:
                yield from tooltips(value)
    elif isinstance(spec, list):
        for value in spec:
            yield from tooltips(value)


def titles(name: str, language: str) -> list[str]:
    with i18n.using(language):
        found = list(tooltips(CHARTS[name]().to_dict()))
    assert found, f"{name}: no tooltips"
    untitled = [tip["field"] for tip in found if not tip.get("title")]
    assert untitled == [], f"{name}: tooltips titled by their column's name"
    return [tip["title"] for tip in found]


@pytest.mark.parametrize("name", CHARTS)
def test_a_spanish_charts_tooltips_have_spanish_titles(name):
    english, spanish = titles(name, "en"), titles(name, "es")
    assert len(english) == len(spanish)
    left_english = [
        es for en, es in zip(english, spanish, strict=True) if es == en and en not in SAME_IN_BOTH
    ]
    assert left_english == [], f"{name}: tooltip titles left in English"


def test_the_voting_charts_tooltips_read_as_a_spanish_reader_says_them():
    assert titles("dots", "es") == ["Idea", "Puntos", "Votantes"]
    assert titles("by group", "es") == ["Grupo", "Apoyos", "Votantes", "Proporción"]
    assert "Respuesta media" in titles("trust", "es")
