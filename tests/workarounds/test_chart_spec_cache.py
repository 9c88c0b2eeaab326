"""workarounds/chart_spec_cache.py: a chart's Vega-Lite is made once per content."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import altair as alt
import pandas as pd
import pytest
from streamlit.elements import vega_charts

import i18n
from tests.components.test_chart_tooltips import CHARTS
from workarounds.chart_spec_cache import chart_spec, vega_lite_spec


@dataclass(frozen=True)
class Bars:
    values: tuple[int, ...]


built: list[Bars] = []


def bar_chart(bars: Bars) -> alt.Chart:
    built.append(bars)
    table = pd.DataFrame({"x": range(len(bars.values)), "y": bars.values})
    return alt.Chart(table).mark_bar().encode(x="x:O", y="y:Q")


def test_equal_inputs_are_built_once_and_other_inputs_again():
    vega_lite_spec.clear()
    built.clear()
    first = chart_spec(bar_chart, (Bars((1, 2)),))
    assert chart_spec(bar_chart, (Bars((1, 2)),)) == first
    assert len(built) == 1
    other = chart_spec(bar_chart, (Bars((3, 4)),))
    assert other != first
    assert len(built) == 2


def test_inputs_that_name_only_their_address_are_built_every_time():
    class Opaque:
        values = (1, 2)

    built.clear()
    chart_spec(lambda thing: bar_chart(Bars(thing.values)), (Opaque(),))
    chart_spec(lambda thing: bar_chart(Bars(thing.values)), (Opaque(),))
    assert len(built) == 2


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("name", sorted(CHARTS))
def test_the_spec_made_without_validation_is_the_validated_one(name, language):
    """Each chart the app draws, validated against Vega-Lite's schema by Altair, is made
    the same by the cache, which skips that validation."""
    with i18n.using(language):
        validated = CHARTS[name]().to_dict()
        assert chart_spec(lambda chart: CHARTS[chart](), (name,)) == validated


class RecordingChart(alt.Chart):
    validated: ClassVar[list[bool]] = []

    def to_dict(self, validate: bool = True, **kwargs):  # type: ignore[override]
        RecordingChart.validated.append(validate)
        return super().to_dict(validate, **kwargs)


def test_the_cache_makes_the_spec_without_validating_it():
    RecordingChart.validated = []
    table = pd.DataFrame({"x": [1], "y": [5]})
    chart_spec(lambda t: RecordingChart(t).mark_bar().encode(x="x", y="y"), (table,))
    assert RecordingChart.validated == [False]


class CountingChart(alt.Chart):
    conversions = 0

    def to_dict(self, *args, **kwargs):
        CountingChart.conversions += 1
        return super().to_dict(*args, **kwargs)


def test_streamlit_still_converts_a_chart_on_every_call():
    """When this fails, Streamlit converts once per chart itself: the cache can go."""
    chart = CountingChart(pd.DataFrame({"x": [1], "y": [2]})).mark_bar().encode(x="x", y="y")
    CountingChart.conversions = 0
    vega_charts._convert_altair_to_vega_lite_spec(chart)
    vega_charts._convert_altair_to_vega_lite_spec(chart)
    assert CountingChart.conversions == 2
