"""The charts' shared look: a colour-blind-safe palette, labels in words, and the table beside."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st
from babel import Locale
from babel.numbers import format_percent

from i18n import ENGLISH, N_, _, current, percent
from workarounds.chart_spec_cache import chart_spec

# Okabe-Ito's colour-blind-safe hues that reach 3:1 (WCAG non-text contrast) on white, then
# three more that do. On white: blue #0072B2 5.2:1, vermillion #D55E00 3.9, bluish green
# #009E73 3.4, reddish purple #CC79A7 3.1, grey #6F6F6F 5.0, olive #999933 3.0, purple
# #AA4499 5.3, green #117733 5.7. Past eight groups colours repeat; labels and shapes differ.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#6F6F6F", "#999933", "#AA4499", "#117733")
BLUE, VERMILLION, GREY = PALETTE[0], PALETTE[1], PALETTE[4]
SHAPES = ("circle", "square", "triangle-up", "diamond", "cross", "triangle-down", "wedge")
INK = "#000000"  # every word on a chart: 21:1 on the chart's own white background
FONT_PX = 13  # readable from the back of the room on a projector
ROW_STEP, BAR_STEP = 24, 18  # one bar per row / one bar of several: a text line each
AXIS_CHARS = 60
SHARE_AXIS = alt.Axis(format="%", values=[0, 0.25, 0.5, 0.75, 1])
COUNT_AXIS = alt.Axis(format="d", tickMinStep=1)  # whole votes: no 2.5 on the axis
SHARES = alt.Scale(domain=[0, 1])
_LABEL_PX = 420  # room for AXIS_CHARS characters before Vega cuts an axis label again
LINE_PX = 16  # one line of a wrapped axis label at FONT_PX
NEW_LINE = "\n"
LONG_TEXT_COLUMNS = (
    N_("Idea"),
    N_("Group shares"),
)  # where a wrapped label breaks: Vega draws each part on its own line


def short(text: str, limit: int = AXIS_CHARS) -> str:
    """`text` on one line, cut to `limit` characters with an ellipsis when longer."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def wrap(text: str, chars: int, lines: int = 2) -> str:
    """`text` broken at spaces into at most `lines` lines of about `chars` characters, the
    last cut with an ellipsis when the text is longer: a tablet keeps room for the bars."""
    words, out, line = " ".join(text.split()).split(" "), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > chars:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    out.append(line)
    if len(out) > lines:
        out = [*out[: lines - 1], short(" ".join(out[lines - 1 :]), chars)]
    return NEW_LINE.join(short(part, chars + 4) for part in out)


def wrapped_axis(labels: Sequence[str], field: str, chars: int) -> alt.Y:
    """A y axis of `labels` (made by `wrap`), each drawn on its lines, none ever dropped."""
    newline = NEW_LINE.encode("unicode_escape").decode()
    # Vega centres a label's first line on its row; "line-bottom" lifts a two-line label
    # by half a line, so both lines sit centred on the bar (wrap makes two at most).
    two_lines = {"test": f"indexof(datum.value, '{newline}') >= 0", "value": "line-bottom"}
    axis = alt.Axis(
        labelLimit=round(chars * FONT_PX * 0.62),  # an average character of the axis font
        labelOverlap=False,
        labelExpr=f"split(datum.label, '{newline}')",
        labelBaseline={"condition": two_lines, "value": "middle"},
        labelPadding=6,
    )
    return alt.Y(f"{field}:N", sort=list(labels), title=None, axis=axis)


def row_step(labels: Sequence[str]) -> alt.Step:
    """Each row tall enough for its label's lines, with a gap between two labels."""
    lines = max((label.count(NEW_LINE) + 1 for label in labels), default=1)
    return alt.Step(max(ROW_STEP, lines * LINE_PX + 8))


def numbered(texts: Sequence[str]) -> list[str]:
    """Axis labels '1. text…': numbered, so two ideas that start alike never share a row."""
    return [f"{i}. {short(text)}" for i, text in enumerate(texts, 1)]


def pct(share: float | None) -> str:
    """A share as a whole percentage, or 'no votes'."""
    return _("no votes") if share is None else percent(share)


def y_axis(labels: Sequence[str], field: str = "label", scale: float = 1.0) -> alt.Y:
    """A y axis of every one of `labels`, in the given order, wide enough for a short idea."""
    # Never drop an idea's name; `scale` keeps AXIS_CHARS fitting when the type grows.
    axis = alt.Axis(labelLimit=_LABEL_PX * scale, labelOverlap=False)
    return alt.Y(f"{field}:N", sort=list(labels), title=None, axis=axis)


def colours(domain: Sequence[str], palette: Sequence[str] = PALETTE) -> alt.Scale:
    """A colour scale giving each of `domain` a palette colour, in order."""
    return alt.Scale(
        domain=list(domain), range=[palette[i % len(palette)] for i in range(len(domain))]
    )


def shapes(domain: Sequence[str]) -> alt.Scale:
    """A shape scale, so groups differ by shape as well as colour."""
    return alt.Scale(
        domain=list(domain), range=[SHAPES[i % len(SHAPES)] for i in range(len(domain))]
    )


def tips(fields: Mapping[str, str], formats: Mapping[str, str] | None = None) -> list[alt.Tooltip]:
    """Tooltips titled in the reader's words, each `field` ("idea:N") by its `title` (already
    translated): untitled, Vega titles a tooltip by its column's name, in English. `formats`
    gives a field its number format ("mean:Q": ".1f")."""
    formats = formats or {}
    return [
        alt.Tooltip(field, title=title, format=formats[field])
        if field in formats
        else alt.Tooltip(field, title=title)
        for field, title in fields.items()
    ]


def value_labels(
    data: pd.DataFrame, x: str, y: alt.Y, dx: int = 4, y_offset: alt.YOffset | None = None
) -> alt.Chart:
    """Each bar's value in words (column `text`) just past its end; beside its own bar of
    several in a row when `y_offset` places them."""
    words = alt.Chart(data).mark_text(align="left", baseline="middle", dx=dx)
    if y_offset is None:
        return words.encode(x=f"{x}:Q", y=y, text="text:N")
    return words.encode(x=f"{x}:Q", y=y, text="text:N", yOffset=y_offset)


@dataclass(frozen=True, slots=True, kw_only=True)
class ShareLook:
    """How share bars are told apart: the legend's and axis's titles, the tooltip's fields,
    and the colours in the order of the values."""

    legend: str
    title: str
    tooltip: list[alt.Tooltip]
    palette: Sequence[str] = PALETTE


def share_bars(
    data: pd.DataFrame, y: alt.Y, by: str, order: Sequence[str], look: ShareLook
) -> alt.LayerChart:
    """Bars of `share`, one per value of `by` (in `order`) within each row, labelled in words."""
    offset = alt.YOffset(f"{by}:N", sort=list(order))
    colour = alt.Color(f"{by}:N", title=look.legend, scale=colours(order, look.palette))
    x = alt.X("share:Q", title=look.title, scale=SHARES, axis=SHARE_AXIS)
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(x=x, y=y, yOffset=offset, color=colour, tooltip=look.tooltip)
    )
    chart = alt.LayerChart(layer=[bars, value_labels(data, "share", y, y_offset=offset)])
    return finish(chart.properties(height=alt.Step(BAR_STEP)))


def finish(chart: alt.LayerChart, scale: float = 1.0) -> alt.LayerChart:
    """`chart` on white with black text, its type `scale` times the usual size."""
    # No padding is reserved for the words after the bars: Streamlit's fit sizing already
    # makes room for them, and reserving it again squeezed the plot to a sliver (seen in
    # Chromium on the trust pulse, whose labels are long).
    right = 8
    font = round(FONT_PX * scale)
    text = {"labelColor": INK, "titleColor": INK, "labelFontSize": font, "titleFontSize": font}
    return in_reader_language(
        chart.properties(padding={"left": 5, "top": 5, "bottom": 5, "right": right})
        .configure(background="#FFFFFF")  # the contrasts above hold on either app theme
        # Faint grid, grey axis lines (5:1): the theme's own are black on a dark theme.
        # No ARIA of Vega's own on the axes, legends and marks: it describes them in English
        # whatever the page's language ("X-axis titled … for a linear scale with values
        # from 0% to 100%"), and the chart's words and its table beneath say it all.
        .configure_axis(gridColor="#E6E6E6", domainColor=GREY, tickColor=GREY, aria=False, **text)
        .configure_legend(orient="bottom", aria=False, **text)
        .configure_mark(aria=False)
        .configure_text(color=INK, fontSize=font)
    )


def in_reader_language(chart: alt.LayerChart) -> alt.LayerChart:
    """`chart` with its month and day names, its decimal mark and its percent sign in the
    reader's language: Vega writes "%b", "4.5" and "25%" the English way unless the spec
    carries a locale (Vega-Lite config.locale), beside a table that says "25 %"."""
    language = current()
    if language == ENGLISH or not isinstance(chart.config, alt.Config):
        return chart
    names = Locale.parse(language)
    months, days = names.months["format"], names.days["format"]
    symbols = names.number_symbols["latn"]
    sunday_first = [6, 0, 1, 2, 3, 4, 5]  # Babel counts from Monday, d3 from Sunday
    # Set on the finished chart's config: a second .configure() would replace finish's.
    chart.config.locale = alt.Locale(
        number=alt.NumberLocale(
            decimal=symbols["decimal"],
            thousands=symbols["group"],
            grouping=[3],
            currency=["", ""],
            percent=format_percent(0, locale=language).removeprefix("0"),  # "\u00a0%"
        ),
        time=alt.TimeLocale(
            dateTime="%x, %X",
            date="%d/%m/%Y",
            time="%H:%M:%S",
            periods=[names.periods["am"], names.periods["pm"]],
            days=[days["wide"][d] for d in sunday_first],
            shortDays=[days["abbreviated"][d] for d in sunday_first],
            months=[months["wide"][m] for m in range(1, 13)],
            shortMonths=[months["abbreviated"][m] for m in range(1, 13)],
        ),
    )
    return chart


@dataclass(frozen=True, slots=True, kw_only=True)
class ChartWords:
    """What a chart says in words: its alt text, and, with no rows, why there is no chart."""

    alt_text: str
    empty: str | None = None


def show_chart(
    build: Callable[..., alt.TopLevelMixin],
    inputs: tuple,
    table: pd.DataFrame,
    key: str,
    words: ChartWords,
) -> None:
    """The chart `build(*inputs)` makes, then the same numbers as a table right beneath it:
    its text alternative. With no rows, `words.empty` says why there is no chart."""
    if table.empty and words.empty:
        st.info(words.empty)
        return
    draw_chart(build, inputs, key, words.alt_text)
    show_table(table, key)


def show_table(table: pd.DataFrame, key: str) -> None:
    """A chart's table; long text columns kept narrow so a tablet still shows the numbers
    after them (the whole text shows on hover, and in full on the chart or its heading)."""
    long_columns = [_(column) for column in LONG_TEXT_COLUMNS]
    narrow = {
        column: st.column_config.TextColumn(width="medium")
        for column in long_columns
        if column in table.columns
    }
    st.dataframe(table, hide_index=True, key=f"{key}-table", column_config=narrow)


def draw_chart(
    build: Callable[..., alt.TopLevelMixin], inputs: tuple, key: str, alt_text: str
) -> None:
    """The chart `build(*inputs)` makes, its Vega-Lite made once per content."""
    draw_spec(chart_spec(build, inputs), key, alt_text)


def draw_spec(spec: dict[str, Any], key: str, alt_text: str) -> None:
    """A chart from its Vega-Lite, as wide as its column, named by `alt_text`."""
    st.vega_lite_chart(spec=spec, width="stretch", key=key, alt=alt_text)


# Altair's default theme sizes every view at 300 px; Streamlit sizes charts itself, and
# switches the theme off around each chart it converts. Ours are converted here, so off.
alt.theme.enable("none")
