"""Plan charts: marks, encodings, fixed domains and words on every mark; the table beneath."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

import i18n
from components import chart_style as style
from components import plan_chart_data as data
from components import plan_charts
from db.models.enums import ActionStatus
from services.act.action_followup import GroupProgress

TODAY = date(2025, 3, 10)
LONG = "Send a mental-health clinician with officers to every crisis call in the ward"


@dataclass(frozen=True)
class Point:
    title: str
    impact: float | None
    feasibility: float | None
    ratings: int
    cost: str


@dataclass(frozen=True)
class Action:
    title: str
    due_on: date | None
    status: str
    group: str


POINTS = [
    Point("Walk and talk", 4.5, 4.0, 3, "low"),
    Point(LONG, 4.5, 2.0, 1, "high"),
    Point("Curfew", 1.0, 4.0, 2, "medium"),
    Point("Community garden", 2.0, 1.5, 4, "medium"),
    Point("Youth centre open late", 4.5, 4.0, 2, "high"),  # the same spot as the first
    Point("Not yet rated", None, None, 0, "low"),
]
ACTIONS = [
    Action("Hold the first walk and talk", date(2025, 3, 5), ActionStatus.DONE, "Youth"),
    Action("Fix the lights on Elm Street", date(2025, 3, 1), ActionStatus.IN_PROGRESS, "Police"),
    Action("Find a room for the youth club", None, ActionStatus.NOT_STARTED, "Youth"),
    Action("Agree the budget", date(2025, 3, 20), ActionStatus.NOT_STARTED, "Council"),
    Action("Write to the school board", date(2025, 2, 20), ActionStatus.BLOCKED, ""),
    Action("Open the drop-in", TODAY, ActionStatus.NOT_STARTED, "Council"),  # due, not overdue
]
PROGRESS = [
    GroupProgress(
        1,
        "Police",
        {
            ActionStatus.NOT_STARTED: 1,
            ActionStatus.IN_PROGRESS: 3,
            ActionStatus.DONE: 2,
            ActionStatus.BLOCKED: 1,
        },
        7,
    ),
    GroupProgress(2, "Youth", {**dict.fromkeys(ActionStatus, 0), ActionStatus.DONE: 1}, 1),
    GroupProgress(None, "No group", dict.fromkeys(ActionStatus, 0), 0),
]


def rows_of(spec: dict, layer: dict) -> list[dict]:
    """The data rows a layer draws."""
    return spec["datasets"][layer["data"]["name"]]


def marks(spec: dict) -> list[str]:
    return [layer["mark"]["type"] for layer in spec["layer"]]


def contrast_on_white(hex_colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 1.05 / (0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b) + 0.05)


def test_status_colours_reach_3_to_1_and_differ_by_shape_too():
    assert all(contrast_on_white(c) >= 3 for c in data.STATUS_COLOURS)
    assert len(set(data.STATUS_COLOURS)) == len(data.STATUS_COLOURS) == len(data.STATUSES)
    assert len(set(data.STATUS_SHAPES)) == len(data.STATUSES)


def test_quadrant_names_in_grey_are_readable_text():
    assert contrast_on_white(style.GREY) >= 4.5


@pytest.mark.parametrize(
    "spec",
    [
        plan_charts.impact_feasibility_chart(POINTS).to_dict(),
        plan_charts.due_dates_chart(ACTIONS, TODAY).to_dict(),
        plan_charts.progress_chart(PROGRESS).to_dict(),
    ],
)
def test_every_plan_chart_has_black_words_on_white(spec):
    assert spec["config"]["background"] == "#FFFFFF"
    assert spec["config"]["text"]["color"] == "#000000"
    assert spec["config"]["axis"]["labelColor"] == "#000000"
    assert spec["config"]["legend"]["orient"] == "bottom"
    assert "text" in marks(spec)


# Impact and feasibility


def test_options_are_points_on_fixed_1_to_5_scales():
    spec = plan_charts.impact_feasibility_chart(POINTS).to_dict()
    assert marks(spec) == ["rule", "rule", "text", "text", "point", "text"]
    dots = spec["layer"][4]["encoding"]
    assert (dots["x"]["field"], dots["y"]["field"]) == ("feasibility", "impact")
    for axis in ("x", "y"):
        assert dots[axis]["scale"]["domain"] == [1, 5]
        assert dots[axis]["scale"]["nice"] is False
        assert dots[axis]["axis"]["values"] == [1, 2, 3, 4, 5]
    assert dots["size"]["field"] == "ratings"
    assert dots["color"]["field"] == dots["shape"]["field"] == "cost"  # not colour alone
    assert dots["color"]["scale"]["domain"] == ["low", "medium", "high"]
    assert {t["field"] for t in dots["tooltip"]} >= {"option", "impact", "feasibility", "ratings"}


def test_quadrant_rules_sit_at_3_and_every_quadrant_is_named():
    spec = plan_charts.impact_feasibility_chart(POINTS).to_dict()
    vertical, horizontal = spec["layer"][:2]
    assert rows_of(spec, vertical) == [{"at": 3}]
    assert vertical["encoding"]["x"]["field"] == horizontal["encoding"]["y"]["field"] == "at"
    names = {}
    for layer in spec["layer"][2:4]:
        assert layer["encoding"]["text"]["field"] == "quadrant"
        for row in rows_of(spec, layer):
            names[row["quadrant"]] = (row["x"], row["y"] > 3, layer["mark"]["align"])
    assert names == {
        "Quick wins": (5, True, "right"),
        "Big bets": (1, True, "left"),
        "Easy extras": (5, False, "right"),
        "Not now": (1, False, "left"),
    }


def test_each_option_is_named_with_its_table_count_and_the_unrated_left_out():
    spec = plan_charts.impact_feasibility_chart(POINTS).to_dict()
    dots, labels = spec["layer"][4], spec["layer"][5]
    assert [r["option"] for r in rows_of(spec, dots)] == [p.title for p in POINTS[:5]]
    assert labels["encoding"]["text"]["field"] == "text"
    texts = [r["text"] for r in rows_of(spec, labels)]
    assert texts[0] == "1. Walk and talk (3 tables)"
    assert texts[1].startswith("2. Send a mental-health") and texts[1].endswith("… (1 table)")
    assert len(texts[1]) == len("2. ") + plan_charts.LABEL_CHARS + len(" (1 table)")
    assert not any("Not yet rated" in t for t in texts)
    assert [r["quadrant"] for r in rows_of(spec, dots)] == [
        "Quick wins",
        "Big bets",
        "Easy extras",
        "Not now",
        "Quick wins",
    ]


def test_labels_of_points_at_one_spot_stack_a_line_apart_inside_the_plot():
    spec = plan_charts.impact_feasibility_chart(POINTS).to_dict()
    rows = rows_of(spec, spec["layer"][5])
    first, fifth = rows[0], rows[4]
    assert (first["impact"], first["feasibility"]) == (fifth["impact"], fifth["feasibility"])
    assert first["label_y"] == 4.5
    assert fifth["label_y"] == pytest.approx(4.5 - plan_charts.LINE)  # high: stacks down
    assert spec["layer"][5]["encoding"]["y"]["field"] == "label_y"
    assert spec["layer"][5]["encoding"]["y"]["scale"]["domain"] == [1, 5]


def test_the_option_table_has_every_option_and_the_unrated_say_so():
    table = data.option_table(POINTS)
    assert list(table.columns) == [
        "#",
        "Option",
        "Impact",
        "Feasibility",
        "Quadrant",
        "Tables rating",
        "Cost",
    ]
    assert table.iloc[0].tolist() == [1, "Walk and talk", "4.5", "4", "Quick wins", 3, "low"]
    assert table.iloc[1]["Option"] == LONG  # whole in the table
    assert table.iloc[5].tolist()[2:5] == ["not rated"] * 3


@pytest.mark.parametrize(
    ("impact", "feasibility", "name"),
    [(3, 3, "Quick wins"), (5, 2.9, "Big bets"), (2.9, 5, "Easy extras"), (1, 1, "Not now")],
)
def test_a_rating_of_3_counts_as_high(impact, feasibility, name):
    assert data.quadrant(impact, feasibility) == name


# Due dates


def test_actions_are_dated_points_in_date_order_with_a_rule_at_today():
    spec = plan_charts.due_dates_chart(ACTIONS, TODAY).to_dict()
    assert marks(spec) == ["rule", "point", "text", "text"]
    rule, dots, labels, today = spec["layer"]
    x = dots["encoding"]["x"]
    assert labels["encoding"]["x"] == x  # each status in words beside its point
    assert (x["field"], x["type"], x["scale"]["type"]) == ("due", "temporal", "utc")
    low, high = x["scale"]["domain"]
    assert (low["year"], low["month"], low["date"]) <= (2025, 2, 20)
    assert (high["year"], high["month"], high["date"]) >= (2025, 3, 20)
    assert dots["encoding"]["y"]["sort"] == [
        "1. Write to the school board",
        "2. Fix the lights on Elm Street",
        "3. Hold the first walk and talk",
        "4. Open the drop-in",
        "5. Agree the budget",
    ]
    assert rows_of(spec, rule) == [{"due": "2025-03-10", "text": "Today"}]
    assert rule["encoding"]["x"]["field"] == "due"
    assert today["encoding"]["text"]["field"] == "text"
    assert rows_of(spec, today)[0]["text"] == "Today"


def test_status_is_shown_by_shape_colour_and_words():
    spec = plan_charts.due_dates_chart(ACTIONS, TODAY).to_dict()
    dots = spec["layer"][1]["encoding"]
    words = ["done", "in progress", "not started", "blocked"]
    assert dots["color"]["scale"]["domain"] == dots["shape"]["scale"]["domain"] == words
    assert dots["color"]["scale"]["range"] == list(data.STATUS_COLOURS)
    assert {r["status"] for r in rows_of(spec, spec["layer"][1])} == set(words)


def test_only_not_done_actions_due_before_today_say_overdue():
    spec = plan_charts.due_dates_chart(ACTIONS, TODAY).to_dict()
    labels = spec["layer"][2]
    assert labels["encoding"]["text"]["field"] == "text"
    assert [(r["action"], r["text"]) for r in rows_of(spec, labels)] == [
        ("Write to the school board", "Overdue · blocked"),
        ("Fix the lights on Elm Street", "Overdue · in progress"),
        ("Hold the first walk and talk", "done"),  # past its date, but done
        ("Open the drop-in", "not started"),  # due today: not yet overdue
        ("Agree the budget", "not started"),
    ]


def test_undated_actions_are_in_the_table_not_the_plot():
    spec = plan_charts.due_dates_chart(ACTIONS, TODAY).to_dict()
    plotted = [r["action"] for layer in spec["layer"][1:3] for r in rows_of(spec, layer)]
    assert "Find a room for the youth club" not in plotted
    table = data.action_table(ACTIONS, TODAY)
    assert list(table.columns) == ["#", "Action", "Group", "Due", "Status", "Overdue"]
    assert table.iloc[-1].tolist() == [
        6,
        "Find a room for the youth club",
        "Youth",
        "no date",
        "not started",
        "no",
    ]
    assert table.iloc[0].tolist() == [
        1,
        "Write to the school board",
        "No group",
        "Feb 20, 2025",  # as a person writes a date in a table, in the reader's language
        "blocked",
        "yes",
    ]
    assert table["Overdue"].tolist() == ["yes", "yes", "no", "no", "no", "no"]


def test_plain_status_strings_work_as_well_as_the_enum():
    spec = plan_charts.due_dates_chart([Action("Walk", date(2025, 1, 1), "done", "Youth")], TODAY)
    assert rows_of(spec.to_dict(), spec.to_dict()["layer"][2])[0]["text"] == "done"


# Progress by group


def test_progress_stacks_each_groups_actions_by_status_in_plan_order():
    spec = plan_charts.progress_chart(PROGRESS).to_dict()
    assert marks(spec) == ["bar", "text"]
    bars = spec["layer"][0]
    assert bars["encoding"]["x"]["stack"] == "zero"
    assert bars["encoding"]["order"]["field"] == "order"
    assert bars["encoding"]["y"]["sort"] == ["Police", "Youth", "No group"]
    colour = bars["encoding"]["color"]
    assert colour["field"] == "status"
    assert colour["scale"]["domain"] == ["done", "in progress", "not started", "blocked"]
    assert [(r["label"], r["status"], r["count"]) for r in rows_of(spec, bars)] == [
        ("Police", "done", 2),
        ("Police", "in progress", 3),
        ("Police", "not started", 1),
        ("Police", "blocked", 1),
        ("Youth", "done", 1),  # no zero-width bars
    ]


def test_progress_counts_are_labelled_in_words_after_each_bar():
    spec = plan_charts.progress_chart(PROGRESS).to_dict()
    words = spec["layer"][1]
    assert words["mark"]["type"] == "text"
    assert words["encoding"]["x"]["field"] == "total"
    assert [(r["total"], r["text"]) for r in rows_of(spec, words)] == [
        (7, "2 done · 3 in progress · 1 not started · 1 blocked"),
        (1, "1 done"),
        (0, "no actions"),
    ]


def test_the_progress_table_has_every_status_for_every_group():
    table = data.progress_table(PROGRESS)
    assert list(table.columns) == [
        "Group",
        "Done",
        "In progress",
        "Not started",
        "Blocked",
        "Total",
    ]
    assert table.values.tolist() == [
        ["Police", 2, 3, 1, 1, 7],
        ["Youth", 1, 0, 0, 0, 1],
        ["No group", 0, 0, 0, 0, 0],
    ]


# Nothing yet


def test_empty_inputs_give_charts_and_empty_tables():
    for chart in (
        plan_charts.impact_feasibility_chart([]),
        plan_charts.due_dates_chart([], TODAY),
        plan_charts.progress_chart([]),
    ):
        assert chart.to_dict()["layer"]
    spec = plan_charts.due_dates_chart([ACTIONS[2]], TODAY).to_dict()  # only an undated one
    assert rows_of(spec, spec["layer"][1]) == []
    assert rows_of(spec, spec["layer"][0]) == [{"due": "2025-03-10", "text": "Today"}]
    assert isinstance(spec["height"], int)  # no rows to step through: room for the rule
    quadrants = plan_charts.impact_feasibility_chart([]).to_dict()
    assert len(rows_of(quadrants, quadrants["layer"][2])) == 2  # still named
    for table in (
        data.option_table([]),
        data.action_table([], TODAY),
        data.progress_table([]),
    ):
        assert table.empty and len(table.columns) >= 5


# Rendered


def _plan_page():
    from dataclasses import dataclass
    from datetime import date

    from components import plan_charts

    @dataclass
    class Point:
        title: str
        impact: float | None
        feasibility: float | None
        ratings: int
        cost: str

    @dataclass
    class Action:
        title: str
        due_on: date | None
        status: str
        group: str

    @dataclass
    class Progress:
        stakeholder: str
        counts: dict
        total: int

    points = [Point("Walk", 4, 4, 2, "low"), Point("Curfew", None, None, 0, "high")]
    plan_charts.render_impact_feasibility_chart(points, key="options")
    actions = [Action("Lights", date(2025, 3, 1), "in_progress", "Police")]
    actions.append(Action("Room", None, "not_started", "Youth"))
    plan_charts.render_due_dates_chart(actions, date(2025, 3, 10), key="due")
    plan_charts.render_progress_chart([Progress("Police", {"done": 1}, 1)], key="progress")


def test_every_plan_chart_renders_with_its_table_beneath():
    at = AppTest.from_function(_plan_page).run()
    assert not at.exception
    kinds = [element.type for element in at.main.children.values()]
    assert kinds == ["vega_lite_chart", "dataframe"] * 3
    charts = [e.proto for e in at.main.children.values() if e.type == "vega_lite_chart"]
    assert charts[0].alt.startswith("Scatter chart of options by impact and feasibility")
    assert json.loads(charts[1].spec)["layer"][0]["mark"]["type"] == "rule"
    options, actions, progress = (frame.value for frame in at.dataframe)
    assert options["Quadrant"].tolist() == ["Quick wins", "not rated"]
    assert actions.values.tolist() == [
        [1, "Lights", "Police", "Mar 1, 2025", "in progress", "yes"],
        [2, "Room", "Youth", "no date", "not started", "no"],
    ]
    assert progress.values.tolist() == [["Police", 1, 0, 0, 0, 1]]


def _empty_plan_page():
    from datetime import date

    from components import plan_charts
    from services.act.action_followup import GroupProgress

    plan_charts.render_impact_feasibility_chart([], key="options")
    plan_charts.render_due_dates_chart([], date(2025, 3, 10), key="due")
    plan_charts.render_progress_chart([GroupProgress(1, "Police", {}, 0)], key="progress")


def test_an_empty_plan_says_so_in_words_where_each_chart_would_be():
    at = AppTest.from_function(_empty_plan_page).run()
    assert not at.exception
    assert [element.type for element in at.main.children.values()] == ["info"] * 3
    said = [i.value for i in at.info]
    assert said[0].startswith("No options yet — ")
    assert said[1].startswith("No actions yet — ") and said[2].startswith("No actions yet — ")


def _undated_plan_page():
    from dataclasses import dataclass
    from datetime import date

    from components import plan_charts

    @dataclass(frozen=True)
    class Planned:
        title: str
        due_on: date | None
        status: str
        group: str

    plan_charts.render_due_dates_chart(
        [Planned("Room", None, "not_started", "Youth")], date(2025, 3, 10), key="due"
    )


def test_a_plan_with_no_dates_says_so_and_keeps_its_table():
    at = AppTest.from_function(_undated_plan_page).run()
    assert not at.exception
    assert [element.type for element in at.main.children.values()] == ["info", "dataframe"]
    assert at.info[0].value.startswith("No action has a due date yet")
    assert at.dataframe[0].value["Action"].tolist() == ["Room"]


def test_the_timeline_writes_its_dates_as_the_table_beside_it_does():
    """The axis said "6 Dec 2026" (British order) over a table and rows that said "Dec 6,
    2026" in English; in Spanish both say "6 dic 2026"."""
    for language, axis, table in (
        ("en", "%b %-d, %Y", "Mar 1, 2025"),
        ("es", "%-d %b %Y", "1 mar 2025"),
    ):
        with i18n.using(language):
            spec = plan_charts.due_dates_chart(ACTIONS, TODAY).to_dict()
            written = set(data.action_table(ACTIONS, TODAY).iloc[:, 3])
        formats = {
            layer["encoding"]["x"]["axis"]["format"]
            for layer in spec["layer"]
            if "axis" in layer["encoding"].get("x", {})
        }
        assert formats == {axis}, formats
        assert table in written, written
