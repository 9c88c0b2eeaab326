"""Plan charts: options by impact and feasibility, actions by due date, each group's progress."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Literal

import altair as alt
import pandas as pd
import streamlit as st

from components import chart_style as style
from components import plan_chart_data as data
from components.plan_chart_inputs import GroupStatusCounts, PlannedAction, RatedOption
from i18n import ENGLISH, _, current

PLOT_PX = 440  # the scatter's whole height; its axes and legend take about 130px of it
EMPTY_PX = 240  # a timeline with nothing dated: axis, legend and a short rule at today
LABEL_CHARS = 28  # a point's title is cut shorter than an axis label: it sits among others
LINE = 1.3 * style.FONT_PX / ((PLOT_PX - 130) / 4)  # one line of text, in rating units


def _day_format() -> str:
    """A date on a chart as i18n.short_day writes it beside it: "Mar 5, 2025" / "5 mar
    2025", the month in words, never 3/5 or 5/3."""
    return "%b %-d, %Y" if current() == ENGLISH else "%-d %b %Y"


RATING = alt.Scale(domain=[1, 5], nice=False, zero=False)
RATING_AXIS = alt.Axis(values=[1, 2, 3, 4, 5], format="d")
_CORNERS: tuple[tuple[Literal["left", "right"], int], ...] = (("left", 6), ("right", -6))
"""Each side's quadrant names, aligned to their edge and nudged in from it."""
# Charts are built with alt.LayerChart, not alt.layer: alt.layer may return a FacetChart
# (it hoists shared facet encodings; these layers have none), which style.finish does not take.


def _tips(fields: dict[str, str]) -> list[alt.Tooltip]:
    """Tooltips titled in words: dates as on the axis, numbers to one decimal at most."""
    formats = {
        "T": {"format": _day_format()},
        "Q": {"format": ".1~f"},
        "N": {},
    }  # 4.3, never 4.333333
    return [alt.Tooltip(f, title=t, **formats[f[-1]]) for f, t in fields.items()]


def _by_status(statuses: Sequence[str]) -> tuple[alt.Color, alt.Shape]:
    """Status by colour and by shape as well, each status always the same."""
    shapes = [data.STATUS_SHAPES[i % 4] for i in range(len(statuses))]
    title, legend = _("Status"), alt.Legend(columns=2)  # two columns fit a phone's width
    return (
        alt.Color(
            "status:N",
            scale=style.colours(statuses, data.STATUS_COLOURS),
            title=title,
            legend=legend,
        ),
        alt.Shape(
            "status:N",
            scale=alt.Scale(domain=list(statuses), range=shapes),
            title=title,
            legend=legend,
        ),
    )


def impact_feasibility_chart(points: Sequence[RatedOption]) -> alt.LayerChart:
    """Rated options on 1–5 impact and feasibility, named, with the four quadrants in words."""
    everything = data.option_rows(points, LINE, LABEL_CHARS)
    frame = everything.loc[everything["rated"]]  # the unrated are in the table only
    costs = list(dict.fromkeys([*map(data.cost_word, data.COSTS), *frame["cost"]]))
    x = alt.X("feasibility:Q", title=_("Feasibility (5 = easiest)"), scale=RATING, axis=RATING_AXIS)
    y = alt.Y("impact:Q", title=_("Impact (5 = biggest)"), scale=RATING, axis=RATING_AXIS)
    corners = data.quadrant_labels(LINE)
    rules = alt.Chart(pd.DataFrame({"at": [data.MID]})).mark_rule(color=style.GREY)
    dots = (
        alt.Chart(frame)
        .mark_point(filled=True, opacity=1)
        .encode(
            x=x,
            y=y,
            size=alt.Size("ratings:Q", legend=None, scale=alt.Scale(range=[60, 360])),
            order=alt.Order("ratings:Q", sort="descending"),  # small points on top of big
            color=alt.Color("cost:N", title=_("Cost"), scale=style.colours(costs)),
            shape=alt.Shape("cost:N", title=_("Cost"), scale=style.shapes(costs)),
            tooltip=_tips(data.option_tips()),
        )
    )
    chart = alt.LayerChart(
        layer=[
            rules.encode(x=alt.X("at:Q", scale=RATING)),
            rules.encode(y=alt.Y("at:Q", scale=RATING)),
            *(
                alt.Chart(corners[corners["side"] == side])
                .mark_text(align=side, dx=dx, color=style.GREY, fontWeight="bold", fontSize=15)
                .encode(
                    x=alt.X("x:Q", scale=RATING), y=alt.Y("y:Q", scale=RATING), text="quadrant:N"
                )
                for side, dx in _CORNERS
            ),
            dots,
            alt.Chart(frame)
            .mark_text(align="left", baseline="middle", dx=14)
            .encode(x=x, y=alt.Y("label_y:Q", scale=RATING), text="text:N"),
        ]
    )
    return style.finish(chart.properties(height=PLOT_PX))


def _day(day: date) -> alt.DateTime:
    return alt.DateTime(year=day.year, month=day.month, date=day.day, utc=True)


def due_dates_chart(actions: Sequence[PlannedAction], today: date) -> alt.LayerChart:
    """Dated actions on a timeline, status and 'Overdue' in words, a rule at today."""
    everything = data.action_rows(actions, today)
    frame = everything.loc[everything["dated"]]  # the undated are in the table only
    days = [date.fromisoformat(d) for d in frame["due"]] + [today]
    margin = timedelta(days=max(2, (max(days) - min(days)).days // 20))
    x = alt.X(
        "due:T",
        title=_("Due"),
        scale=alt.Scale(type="utc", domain=[_day(min(days) - margin), _day(max(days) + margin)]),
        axis=alt.Axis(format=_day_format()),
    )
    y = style.y_axis(list(frame["label"]))
    now = alt.Chart(pd.DataFrame({"due": [today.isoformat()], "text": [_("Today")]}))
    colour, shape = _by_status(data.statuses_in(list(frame["status"])))
    dots = (
        alt.Chart(frame)
        .mark_point(filled=True, size=120, opacity=1)
        .encode(
            x=x,
            y=y,
            color=colour,
            shape=shape,
            tooltip=_tips(
                {
                    "action:N": _("Action"),
                    "group:N": _("Group"),
                    "due:T": _("Due"),
                    "text:N": _("Status"),
                }
            ),
        )
    )
    chart = alt.LayerChart(
        layer=[
            now.mark_rule(color=style.INK, strokeDash=[4, 3]).encode(x=x),
            dots,
            style.value_labels(frame, "due", y, dx=10).encode(x=x),
            now.mark_text(baseline="bottom", dy=-4).encode(x=x, y=alt.value(0), text="text:N"),
        ]
    )
    # Nothing dated: no rows to step through. A fixed height is the whole chart's, axis and
    # legend included (Streamlit fits it), so leave the rule at today a few rows of its own.
    height = alt.Step(style.ROW_STEP) if len(frame) else EMPTY_PX
    return style.finish(chart.properties(height=height))


def progress_chart(rows: Sequence[GroupStatusCounts]) -> alt.LayerChart:
    """Per group, its actions stacked by status, and the counts in words after the bar."""
    groups, parts = data.progress_rows(rows)
    y = style.y_axis(list(groups["label"]))
    colour, _shape = _by_status(data.statuses_in(list(parts["status"])))
    bars = (
        alt.Chart(parts)
        .mark_bar(stroke="#FFFFFF", strokeWidth=1)
        .encode(
            x=alt.X("count:Q", stack="zero", title=_("Actions"), axis=style.COUNT_AXIS),
            y=y,
            order="order:Q",
            color=colour,
            tooltip=_tips(
                {"label:N": _("Group"), "status:N": _("Status"), "count:Q": _("Actions")}
            ),
        )
    )
    chart = alt.LayerChart(layer=[bars, style.value_labels(groups, "total", y)])
    return style.finish(chart.properties(height=alt.Step(style.ROW_STEP)))


def render_impact_feasibility_chart(points: Sequence[RatedOption], key: str) -> None:
    """The impact–feasibility chart with its table beneath."""
    style.show_chart(
        impact_feasibility_chart,
        (points,),
        data.option_table(points),
        key,
        style.ChartWords(
            alt_text=_(
                "Scatter chart of options by impact and feasibility in four quadrants: quick "
                "wins, big bets, easy extras and not now; the table below has the same."
            ),
            empty=_("No options yet — each appears here once a table develops one."),
        ),
    )


def render_due_dates_chart(actions: Sequence[PlannedAction], today: date, key: str) -> None:
    """The due-date timeline with its table beneath; words where nothing is dated."""
    if actions and not any(a.due_on for a in actions):
        st.info(
            _("No action has a due date yet — the table lists them; add dates to see a timeline.")
        )
        st.dataframe(data.action_table(actions, today), hide_index=True, key=f"{key}-table")
        return
    style.show_chart(
        due_dates_chart,
        (actions, today),
        data.action_table(actions, today),
        key,
        style.ChartWords(
            alt_text=_(
                "Timeline of actions by due date with each one's status and whether it is "
                "overdue; the table below has the same, and actions with no date."
            ),
            empty=_("No actions yet — the timeline appears once the plan has dated actions."),
        ),
    )


def render_progress_chart(rows: Sequence[GroupStatusCounts], key: str) -> None:
    """The progress-by-group chart with its table beneath, or words while there are no actions."""
    if not any(r.total for r in rows):
        st.info(_("No actions yet — each group's progress appears once the plan has actions."))
        return
    style.show_chart(
        progress_chart,
        (rows,),
        data.progress_table(rows),
        key,
        style.ChartWords(
            alt_text=_(
                "Bar chart of each group's actions by status; the table below has the same numbers."
            )
        ),
    )
