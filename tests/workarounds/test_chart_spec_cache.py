"""workarounds/chart_spec_cache.py: a chart's Vega-Lite is made once per content."""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd
from streamlit.elements import vega_charts

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
