"""The trust pulse as a chart: each group's mean before and after, per statement, in words too."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import altair as alt
import pandas as pd

from components import chart_style as style

WHEN = ("Before", "After")
SCALE = alt.Scale(domain=[1, 5])
AXIS = alt.Axis(values=[1, 2, 3, 4, 5], format="d")
TITLE = "Mean answer (1 strongly disagree – 5 strongly agree)"


class TrustRow(Protocol):
    """One group's mean on one statement before and after (services.trust_pulse.TrustChange)."""

    @property
    def statement(self) -> str: ...
    @property
    def group(self) -> str: ...
    @property
    def before(self) -> float | None: ...
    @property
    def n_before(self) -> int: ...
    @property
    def after(self) -> float | None: ...
    @property
    def n_after(self) -> int: ...
    @property
    def change(self) -> float | None: ...


def _mean(value: float | None, n: int) -> str:
    return "no answers" if value is None else f"{value:.1f} (n {n})"


def _words(row: TrustRow) -> str:
    moved = "" if row.change is None else f", change {row.change:+.1f}"
    return (
        f"before {_mean(row.before, row.n_before)} → after {_mean(row.after, row.n_after)}{moved}"
    )


def _label(row: TrustRow) -> str:
    return f"{style.short(row.statement, 40)} · {row.group}"


def trust_rows(rows: Sequence[TrustRow]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per row its span and words, and per row and time its point (missing means left out)."""
    spans = pd.DataFrame(
        [
            {
                "label": _label(r),
                "statement": r.statement,
                "group": r.group,
                "low": min((v for v in (r.before, r.after) if v is not None), default=None),
                "high": max((v for v in (r.before, r.after) if v is not None), default=None),
                "text": _words(r),
            }
            for r in rows
        ],
        columns=["label", "statement", "group", "low", "high", "text"],
    )
    points = pd.DataFrame(
        [
            {"label": _label(r), "statement": r.statement, "group": r.group, "when": when,
             "mean": mean, "n": n}
            for r in rows
            for when, mean, n in (("Before", r.before, r.n_before), ("After", r.after, r.n_after))
            if mean is not None
        ],
        columns=["label", "statement", "group", "when", "mean", "n"],
    )  # fmt: skip
    return spans, points


def trust_chart(rows: Sequence[TrustRow]) -> alt.LayerChart:
    """Per statement and group, the mean before and after as points on 1–5, labelled."""
    spans, points = trust_rows(rows)
    y = style.y_axis(list(dict.fromkeys(spans["label"])))
    x = alt.X("low:Q", title=TITLE, scale=SCALE, axis=AXIS)
    span = (
        alt.Chart(spans)
        .mark_rule(color=style.GREY, strokeWidth=3)
        .encode(x=x, x2="high:Q", y=y, tooltip=["statement:N", "group:N", "text:N"])
    )
    # Before and after differ by shape and fill as well as colour.
    dots = (
        alt.Chart(points)
        .mark_point(size=110, opacity=1, strokeWidth=2)
        .encode(
            x=alt.X("mean:Q", title=TITLE, scale=SCALE, axis=AXIS),
            y=y,
            color=alt.Color(
                "when:N", title="When", scale=style.colours(WHEN, (style.GREY, style.BLUE))
            ),
            shape=alt.Shape("when:N", title="When", scale=alt.Scale(domain=list(WHEN),
                            range=["circle", "square"])),
            fill=alt.Fill("when:N", legend=None, scale=alt.Scale(domain=list(WHEN),
                          range=["#FFFFFF", style.BLUE])),
            tooltip=["statement:N", "group:N", "when:N", alt.Tooltip("mean:Q", format=".2f"),
                     "n:Q"],
        )
    )  # fmt: skip
    chart = alt.layer(span, dots, style.value_labels(spans, "high", y, dx=10))
    return style.finish(chart.properties(height=alt.Step(style.ROW_STEP)))


def trust_table(rows: Sequence[TrustRow]) -> pd.DataFrame:
    """The chart's numbers: means to two decimals, blank where no one answered."""
    return pd.DataFrame(
        [
            [r.statement, r.group, _round(r.before), r.n_before, _round(r.after), r.n_after,
             _round(r.change)]
            for r in rows
        ],
        columns=["Statement", "Group", "Before", "n before", "After", "n after", "Change"],
    )  # fmt: skip


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def render_trust_chart(rows: Sequence[TrustRow], key: str) -> None:
    """The trust chart with its table beneath."""
    style.show_chart(
        trust_chart,
        (rows,),
        trust_table(rows),
        key,
        "Each group's mean trust before and after the meeting, per statement, on a 1 to 5 "
        "scale; the table below has the same numbers.",
    )
