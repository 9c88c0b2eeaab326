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
import pandas as pd
import streamlit as st

import i18n


def chart_spec(build: Callable[..., alt.TopLevelMixin], inputs: tuple) -> dict[str, Any]:
    """The Vega-Lite of `build(*inputs)`, made once per content of `inputs` and language:
    a chart's titles and words are in its reader's language."""
    return _once(f"{build.__module__}.{build.__qualname__}", lambda *a: _spec(build(*a)), inputs)


def cached_spec(make: Callable[..., dict[str, Any]], inputs: tuple) -> dict[str, Any]:
    """`make(*inputs)`, a Vega-Lite spec made some other way, once per content and language."""
    return _once(f"{make.__module__}.{make.__qualname__}", make, inputs)


def _once(name: str, make: Callable[..., dict[str, Any]], inputs: tuple) -> dict[str, Any]:
    content = repr((i18n.current(), inputs))
    if " at 0x" in content:
        # An object that names only its address says nothing of its content, and a new
        # one may take the same address: no key for a cache, so made afresh.
        return make(*inputs)
    return vega_lite_spec(name, content, make, inputs)


@st.cache_data(max_entries=256, show_spinner=False)
def vega_lite_spec(
    name: str, content: str, _make: Callable[..., dict[str, Any]], _inputs: tuple
) -> dict[str, Any]:
    """The Vega-Lite of chart `name` for inputs whose repr is `content`, made once each.

    The inputs are keyed by their repr (dataclasses and tuples of them say every field),
    not hashed one object at a time, which cost as much as the charts it saved.
    """
    return _make(*_inputs)


def spec_with_data(
    build: Callable[[pd.DataFrame], alt.TopLevelMixin], data: pd.DataFrame, shape: tuple
) -> dict[str, Any]:
    """The Vega-Lite of `build(data)`, for a chart that depends on `data` only through its
    values and `shape` (what its axes and size are made from, e.g. the names on an axis):
    made once per `shape` and language, then given `data`'s values.

    Converge and Review draw one such chart per idea, each a new one whenever its votes
    move: built whole, each took 24 ms, a tenth of that given its values (a chart of the
    data alone makes them, sanitised and named by Altair as the whole chart would).
    """
    name = f"{build.__module__}.{build.__qualname__} for its shape"
    made = vega_lite_spec(name, repr((i18n.current(), shape)), lambda: _spec(build(data)), ())
    values = _spec(alt.Chart(data))
    if set(made.get("data", {})) != {"name"} or len(made.get("datasets", {})) != 1:
        return _spec(build(data))  # its data is not one table the whole chart draws from
    return {**made, "data": values["data"], "datasets": values["datasets"]}


def _spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    return chart.to_dict(validate=False)
