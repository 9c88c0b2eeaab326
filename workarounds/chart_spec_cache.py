"""A chart's Vega-Lite made once per content, not on every run.

Upstream: st.altair_chart (and st.vega_lite_chart given an Altair chart) turns the chart
into Vega-Lite on every call (`vega_charts._convert_altair_to_vega_lite_spec` calls
`chart.to_dict()`), and Altair validates the chart and the result against its JSON
schema each time. On Converge three charts cost 0.75 s of CPU per run (bench/), on every
rerun, with every phone in the room waiting on the same server. So the spec is made
here, cached by the chart's inputs, and st.vega_lite_chart is given the spec.

It is made without Altair's validation, which checks our chart definitions, not the
room's data, and took a fifth of the time of Converge's first view of new results (60
charts: 2.5 against 1.9 s, measured here). Every chart builder is validated by the tests
instead, in both languages (tests/components/test_chart_tooltips.py), and a test holds
the spec made here equal to the validated one.

Upstream: Altair's validation cost is vega/altair#3547 (lazy schema validation, open);
Streamlit has no cache of its own for the conversion. Drop it when
tests/workarounds/test_chart_spec_cache.py's canary fails.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import altair as alt
import streamlit as st

import i18n


def chart_spec(build: Callable[..., alt.TopLevelMixin], inputs: tuple) -> dict[str, Any]:
    """The Vega-Lite of `build(*inputs)`, made once per content of `inputs` and language:
    a chart's titles and words are in its reader's language."""
    content = repr((i18n.current(), inputs))
    if " at 0x" in content:
        # An object that names only its address says nothing of its content, and a new
        # one may take the same address: no key for a cache, so made afresh.
        return _spec(build(*inputs))
    return vega_lite_spec(f"{build.__module__}.{build.__qualname__}", content, build, inputs)


@st.cache_data(max_entries=256, show_spinner=False)
def vega_lite_spec(
    name: str, content: str, _build: Callable[..., alt.TopLevelMixin], _inputs: tuple
) -> dict[str, Any]:
    """The Vega-Lite of chart `name` for inputs whose repr is `content`, made once each.

    The inputs are keyed by their repr (dataclasses and tuples of them say every field),
    not hashed one object at a time, which cost as much as the charts it saved.
    """
    return _spec(_build(*_inputs))


def _spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    return chart.to_dict(validate=False)
