"""Voting results as Altair charts: pure builders, and renderers that add the table beneath."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd
import streamlit as st

from components import chart_style as style
from components import chart_tables as tables
from components.chart_inputs import ByGroupRow, TotalRow, VoiceShare
from components.text import escape_markdown
from i18n import N_, _
from services.converge import tallies
from services.converge.tallies import CommonGround
from workarounds.chart_spec_cache import cached_spec, spec_with_data

CHOICES = (N_("Agree"), N_("Disagree"), N_("Pass"))
"""The columns of agree/disagree/pass counts, and the words a legend shows for each."""
MEASURES = (N_("People"), N_("Contributions"))
IDEA_CHARS = 34  # an idea's label per line on the common-ground chart, two lines at most
GROUP_CHARS = 24  # a group's name per line on the by-group chart: two lines fit every demo group
NO_VOTES = N_("No votes yet — the bars appear once people vote in this round.")


def totals_chart(totals: Sequence[TotalRow], mode: str, scale: float = 1.0) -> alt.LayerChart:
    """Bars of dots, or stacked agree/disagree/pass, per idea in ballot order, labelled."""
    data = tables.totals_rows(totals)
    y = style.y_axis(list(data["label"]), scale=scale)
    if mode == "dots":
        data["text"] = data["dots"].astype(str)
        tooltip = style.tips({"idea:N": _("Idea"), "dots:Q": _("Dots"), "voters:Q": _("Voters")})
        bars = (
            alt.Chart(data)
            .mark_bar(color=style.BLUE)
            .encode(x=alt.X("dots:Q", title=_("Dots"), axis=style.COUNT_AXIS), y=y, tooltip=tooltip)
        )
    elif mode == "agree_disagree":
        # The words after the bar name every part, so the stack reads without its colours.
        words = _("{agree} agree · {disagree} disagree · {passed} pass")
        data["text"] = [
            words.format(agree=a, disagree=d, passed=p) for a, d, p in data[list(CHOICES)].values
        ]
        parts = data.melt(["label", "idea", "voters"], list(CHOICES), "choice", "count")
        parts["order"] = parts["choice"].map(CHOICES.index)
        # The legend and tooltips name each part in the reader's language.
        shown = [_(choice) for choice in CHOICES]
        parts["choice"] = parts["order"].map(shown.__getitem__)
        palette = (style.BLUE, style.VERMILLION, style.GREY)
        bars = (
            alt.Chart(parts)
            .mark_bar()
            .encode(
                x=alt.X("count:Q", stack="zero", title=_("Votes"), axis=style.COUNT_AXIS),
                y=y,
                order="order:Q",
                color=alt.Color("choice:N", title=_("Vote"), scale=style.colours(shown, palette)),
                tooltip=style.tips(
                    {
                        "idea:N": _("Idea"),
                        "choice:N": _("Vote"),
                        "count:Q": _("Votes"),
                        "voters:Q": _("Voters"),
                    }
                ),
            )
        )
    else:
        raise ValueError(f"Unknown voting mode: {mode!r}")
    labels = style.value_labels(data, "dots" if mode == "dots" else "total", y)
    chart = alt.LayerChart(layer=[bars, labels]).properties(height=alt.Step(style.ROW_STEP * scale))
    return style.finish(chart, scale)


def by_group_chart(
    row: ByGroupRow, group_voters: Mapping[int, int] | None = None
) -> alt.LayerChart:
    """One idea: a horizontal bar per stakeholder group of the share backing it.

    One chart per idea, each group named on its own row (a long name on two lines) and its
    count in words after the bar: eight groups' bars side by side in one idea's row, with
    their names after the bars, piled the words on top of each other (a user test).
    """
    return _by_group_layers(_by_group_data(row, group_voters))


def by_group_spec(row: ByGroupRow, group_voters: Mapping[int, int] | None = None) -> dict:
    """`by_group_chart`'s Vega-Lite, made once per content: from the chart of the round's
    groups, made once, given the idea's values (the ideas' charts differ in nothing else)."""
    return cached_spec(_by_group_spec, (row, group_voters))


def _by_group_spec(row: ByGroupRow, group_voters: Mapping[int, int] | None) -> dict:
    data = _by_group_data(row, group_voters)
    return spec_with_data(_by_group_layers, data, tuple(data["name"]))


def _by_group_data(row: ByGroupRow, group_voters: Mapping[int, int] | None) -> pd.DataFrame:
    data = tables.by_group_rows([row], group_voters)
    data["name"] = [style.wrap(g, GROUP_CHARS) for g in data["group"]]
    data["text"] = [
        tables.support_words(s, v) for s, v in zip(data["supporters"], data["voters"], strict=True)
    ]
    return data


def _by_group_layers(data: pd.DataFrame) -> alt.LayerChart:
    """The chart of `_by_group_data`: its names (column `name`) make its axis and height."""
    y = style.wrapped_axis(list(data["name"]), "name", GROUP_CHARS)
    title = _("Share of the group backing the idea")
    bars = (
        alt.Chart(data)
        .mark_bar(color=style.BLUE)
        .encode(
            x=alt.X("share:Q", title=title, scale=style.SHARES, axis=style.SHARE_AXIS),
            y=y,
            tooltip=style.tips(
                {
                    "group:N": _("Group"),
                    "supporters:Q": _("Supporters"),
                    "voters:Q": _("Voters"),
                    "share_text:N": _("Share"),
                }
            ),
        )
    )
    chart = alt.LayerChart(layer=[bars, style.value_labels(data, "share", y)])
    return style.finish(chart.properties(height=style.row_step(list(data["name"]))))


def common_ground_chart(rows: Sequence[CommonGround]) -> alt.LayerChart:
    """Ideas best first: each group's share as a point, the range between them, and a verdict."""
    ranges, points = tables.common_ground_rows(rows)
    for frame in (ranges, points):
        frame["label"] = [style.wrap(label, IDEA_CHARS) for label in frame["label"]]
    groups = list(dict.fromkeys(points["group"]))
    y = style.wrapped_axis(list(ranges["label"]), "label", IDEA_CHARS)
    legend = alt.Legend(columns=2, labelLimit=0)  # eight groups in one row ran off a tablet
    title = _("Share of each group backing the idea")
    span = (
        alt.Chart(ranges)
        .mark_rule(color=style.GREY, strokeWidth=3)
        .encode(
            x=alt.X("low:Q", title=title, scale=style.SHARES, axis=style.SHARE_AXIS),
            x2="high:Q",
            y=y,
            tooltip=style.tips({"idea:N": _("Idea"), "text:N": _("Common ground")}),
        )
    )
    dots = (
        alt.Chart(points)
        .mark_point(filled=True, size=100, opacity=1)
        .encode(
            x=alt.X("share:Q", title=title, scale=style.SHARES, axis=style.SHARE_AXIS),
            y=y,
            color=alt.Color(
                "group:N", title=_("Group"), scale=style.colours(groups), legend=legend
            ),
            shape=alt.Shape("group:N", title=_("Group"), scale=style.shapes(groups), legend=legend),
            tooltip=style.tips(
                {"idea:N": _("Idea"), "group:N": _("Group"), "share_text:N": _("Share")}
            ),
        )
    )
    # The words after the highest share, clear of its point.
    chart = alt.LayerChart(layer=[span, dots, style.value_labels(ranges, "high", y, dx=10)])
    return style.finish(chart.properties(height=style.row_step(list(ranges["label"]))))


def voice_chart(shares: Sequence[VoiceShare]) -> alt.LayerChart:
    """Per group, its share of the people beside its share of what was said, in words too."""
    data = tables.voice_rows(shares)
    y = style.y_axis(list(dict.fromkeys(data["label"])))
    return style.share_bars(
        data,
        y,
        "measure",
        [_(measure) for measure in MEASURES],
        style.ShareLook(
            legend=_("Share of"),
            title=_("Share"),
            tooltip=style.tips(
                {"group:N": _("Group"), "measure:N": _("Share of"), "text:N": _("Share")}
            ),
            palette=(style.GREY, style.BLUE),
        ),
    )


def render_totals_chart(
    totals: Sequence[TotalRow], mode: str, key: str, scale: float = 1.0
) -> None:
    """The totals chart with its table beneath; `scale` enlarges its type for a projector."""
    style.show_chart(
        totals_chart,
        (totals, mode, scale),
        tables.totals_table(totals, mode),
        key,
        style.ChartWords(
            alt_text=_("Bar chart of dots per idea; the table below has the same numbers.")
            if mode == "dots"
            else _(
                "Bar chart of agree, disagree and pass votes per idea; "
                "the table below has the same numbers."
            ),
            empty=_("No items on this ballot yet — the bars appear once it has items and votes."),
        ),
    )


def render_by_group_chart(
    rows: Sequence[ByGroupRow], key: str, group_voters: Mapping[int, int] | None = None
) -> None:
    """Per idea, its heading and its by-group chart; then every number in one table."""
    table = tables.by_group_table(rows, group_voters)
    if table.empty:
        st.info(_(NO_VOTES))
        return
    with st.container(key=f"{key}-charts"):
        for number, row in enumerate(rows, 1):
            st.markdown(f"**{number}. {escape_markdown(row.text)}**")
            style.draw_spec(
                by_group_spec(row, group_voters),
                f"{key}-{number}",
                _(
                    "Bar chart of each group's support for idea {number}; "
                    "the table below has the numbers."
                ).format(number=number),
            )
    style.show_table(table, key)


def render_common_ground_chart(rows: Sequence[CommonGround], key: str) -> None:
    """The common-ground chart with its table beneath, or words while no group has voted."""
    if reason := tallies.why_no_common_ground(rows):
        st.info(reason)
        return
    style.show_chart(
        common_ground_chart,
        (rows,),
        tables.common_ground_table(rows),
        key,
        style.ChartWords(
            alt_text=_(
                "Ideas ranked by common ground, with the range of group support; the first says "
                "“strongest common ground”. {threshold} The table below has the same."
            ).format(threshold=tallies.threshold_words())
        ),
    )


def render_voice_chart(shares: Sequence[VoiceShare], key: str) -> None:
    """The voice chart with its table beneath."""
    style.show_chart(
        voice_chart,
        (shares,),
        tables.voice_table(shares),
        key,
        style.ChartWords(
            alt_text=_(
                "Bar chart of each group's share of people and of contributions; "
                "the table below has the same."
            ),
            empty=_("No one is seated or heard yet — each group's share appears as tables fill."),
        ),
    )
