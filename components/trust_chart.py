"""The trust pulse as a chart: each group's mean before and after, per question, in words too.

Questions answered on different scales (agree 1–5, how often 1–4) get a chart each, so no
axis puts a 3 of one beside a 3 of the other. A figure from fewer than
small_groups.MIN_GROUP people never reaches the chart: the service leaves it out, and
the words and the table say "fewer than 5 answered" in its place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import altair as alt
import pandas as pd
import streamlit as st

from components import chart_style as style
from i18n import N_, _, current, using
from services.core.small_groups import what_small_groups_show
from services.prepare.trust_items import AGREEMENT, SCALES, Scale
from services.review import trust_pulse
from services.review.trust_pulse import TABLE_COLUMNS, TrustChange, row_words, table_rows

WHEN = (N_("Before"), N_("After"))
"""The two times a group answered, as the legend and the points name them."""


def _labeller(rows: Sequence[TrustChange]) -> Callable[[TrustChange], str]:
    """Each row's name on the chart's axis: the question numbered in order, shortened (the
    table beneath has it whole), and the group. Numbered, so two questions that begin
    alike stay two rows: cut to the same 28 characters ("The police in this neighborho…"),
    they fell on one row with their labels printed over each other (a helper's walk)."""
    numbers: dict[str, int] = {}
    for r in rows:
        numbers.setdefault(r.question.text, len(numbers) + 1)

    def label(row: TrustChange) -> str:
        number = numbers[row.question.text]
        return f"{number}. {style.short(row.question.text, 28)} · {row.group}"

    return label


def _when() -> tuple[str, str]:
    before, after = WHEN
    return _(before), _(after)


def trust_rows(rows: Sequence[TrustChange]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per row its span and words, and per row and time its point (missing means left out).

    A published question is in the reader's language, and one the facilitator wrote in the
    translation they gave it; else as written."""
    before, after = _when()
    _label = _labeller(rows)
    spans = pd.DataFrame(
        [
            {
                "label": _label(r),
                "statement": r.question.text,
                "group": r.group,
                "low": min((v for v in (r.before, r.after) if v is not None), default=None),
                "high": max((v for v in (r.before, r.after) if v is not None), default=None),
                # A row with nothing to plot still says why, from the scale's start.
                "label_at": max((v for v in (r.before, r.after) if v is not None), default=1),
                "text": row_words(r),
            }
            for r in rows
        ],
        columns=["label", "statement", "group", "low", "high", "label_at", "text"],
    )
    points = pd.DataFrame(
        [
            {"label": _label(r), "statement": r.question.text, "group": r.group, "when": when,
             "mean": mean, "n": n}
            for r in rows
            for when, mean, n in ((before, r.before, r.n_before), (after, r.after, r.n_after))
            if mean is not None
        ],
        columns=["label", "statement", "group", "when", "mean", "n"],
    )  # fmt: skip
    return spans, points


def trust_chart(
    rows: Sequence[TrustChange], scale: Scale = AGREEMENT, language: str | None = None
) -> alt.LayerChart:
    """Per question and group, the mean before and after as points on the scale, labelled,
    in `language` (the reader's when None). The language is an argument so that a chart
    made once per content (chart_style.show_chart) is made once per language too."""
    with using(language or current()):
        return _trust_chart(rows, scale)


def _trust_chart(rows: Sequence[TrustChange], scale: Scale) -> alt.LayerChart:
    spans, points = trust_rows(rows)
    y = style.y_axis(list(dict.fromkeys(spans["label"])))
    when, order = _("When"), list(_when())
    # Two lines: on a tablet the scale's words ran past the chart's right edge.
    title = [_("Mean answer"), f"({scale.describe()})"]
    # Two steps past the scale's top, unticked, hold the words of a row whose mean is high;
    # without them "…, +0.7 (n 6 → 5)" ran off the chart's right edge.
    domain = alt.Scale(domain=[1, scale.top + 2])
    axis = alt.Axis(values=list(range(1, scale.top + 1)), format="d")
    span = (
        alt.Chart(spans)
        .mark_rule(color=style.GREY, strokeWidth=3)
        .encode(
            x=alt.X("low:Q", title=title, scale=domain, axis=axis),
            x2="high:Q",
            y=y,
            tooltip=style.tips(
                {"statement:N": _("Statement"), "group:N": _("Group"), "text:N": _("Change")}
            ),
        )
    )
    # Before and after differ by shape and fill as well as colour.
    dots = (
        alt.Chart(points)
        .mark_point(size=110, opacity=1, strokeWidth=2)
        .encode(
            x=alt.X("mean:Q", title=title, scale=domain, axis=axis),
            y=y,
            color=alt.Color(
                "when:N", title=when, scale=style.colours(tuple(order), (style.GREY, style.BLUE))
            ),
            shape=alt.Shape("when:N", title=when, scale=alt.Scale(domain=order,
                            range=["circle", "square"])),
            fill=alt.Fill("when:N", legend=None, scale=alt.Scale(domain=order,
                          range=["#FFFFFF", style.BLUE])),
            tooltip=style.tips(
                {"statement:N": _("Statement"), "group:N": _("Group"), "when:N": when,
                 "mean:Q": _("Mean answer"), "n:Q": _("Answered")},
                {"mean:Q": ".1f"},
            ),
        )
    )  # fmt: skip
    labels = style.value_labels(spans, "label_at", y, dx=10)
    # alt.layer is typed as maybe a facet; the LayerChart it makes here is built directly.
    chart = alt.LayerChart(layer=[span, dots, labels], height=alt.Step(style.ROW_STEP))
    return style.finish(chart)


def trust_table(rows: Sequence[TrustChange]) -> pd.DataFrame:
    """The chart's numbers as the reports print them: one decimal, counts beside them, and
    "fewer than 5 answered" where a group is too small to show. The headings are in the
    reader's language; the question too where it has a translation, its original beside it."""
    return pd.DataFrame(table_rows(list(rows)), columns=[_(column) for column in TABLE_COLUMNS])


def render_trust_chart(rows: Sequence[TrustChange], key: str) -> None:
    """A chart per answer scale with its table beneath, or words when there is nothing."""
    if not rows:
        st.info(trust_pulse.empty_words())
        return
    for scale in SCALES:
        these = [r for r in rows if r.scale == scale]
        if not these:
            continue
        st.markdown("**" + _("Answered {scale}").format(scale=scale.describe()) + "**")
        if all(r.before is None and r.after is None for r in these):
            # Nothing may be plotted yet: say so instead of drawing an empty frame.
            st.info(_("No group has enough answers to show yet; the table says how many answered."))
            st.dataframe(trust_table(these), hide_index=True, key=f"{key}-{scale.name}-table")
            continue
        # Said in words, not left to a legend that may fall below the fold.
        st.caption(_("○ Open grey circle: before the meeting. ■ Filled blue square: after it."))
        style.show_chart(
            trust_chart,
            (tuple(these), scale, current()),
            trust_table(these),
            f"{key}-{scale.name}",
            style.ChartWords(
                alt_text=_(
                    "Each group's mean answer before and after the meeting, per question, on a "
                    "scale from {scale}; the table below has the same numbers."
                ).format(scale=scale.describe())
            ),
        )
    st.caption(what_small_groups_show())
