"""Trust chart: points before and after on the question's scale, words and counts on every
row, a table beneath, words when there is nothing, nothing from a group under 5."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from components import trust_chart as tc
from services.prepare.trust_items import HOW_OFTEN
from services.review.trust_pulse import TrustChange

SAFE = "I feel safe in my neighbourhood"
RESPECT = "How often do the police treat people with respect?"
ROWS = [
    TrustChange(SAFE, "Police", 3.0, 6, 4.0, 5, 1.0),
    # Five answered before; three after, too few: the service sent no mean for after.
    TrustChange(SAFE, "Residents", 1.5, 5, None, 3, None),
]


def test_marks_encodings_and_labels():
    spec = tc.trust_chart(ROWS).to_dict()
    layers = spec["layer"]
    assert [layer["mark"]["type"] for layer in layers] == ["rule", "point", "text"]
    dots = layers[1]["encoding"]
    assert dots["x"]["field"] == "mean" and dots["x"]["axis"]["values"] == [1, 2, 3, 4, 5]
    # Room past 5 for the words of a high row; no tick there.
    assert dots["x"]["scale"]["domain"] == [1, 7]
    # Two lines: on a tablet the scale's words ran past the chart's edge.
    assert dots["x"]["title"] == ["Mean answer", "(1 strongly disagree – 5 strongly agree)"]
    # Before and after differ in shape and fill, not only in colour.
    assert dots["shape"]["field"] == dots["color"]["field"] == dots["fill"]["field"] == "when"
    assert dots["shape"]["scale"]["range"] == ["circle", "square"]
    assert layers[2]["encoding"]["text"]["field"] == "text"
    words = [row["text"] for row in spec["datasets"][layers[2]["data"]["name"]]]
    assert words == [
        "3.0 → 4.0, +1.0 (n 6 → 5)",
        "1.5 (n 5) → fewer than 5 answered",
    ]
    points = spec["datasets"][layers[1]["data"]["name"]]
    assert [(p["group"], p["when"], p["mean"], p["n"]) for p in points] == [
        ("Police", "Before", 3.0, 6),
        ("Police", "After", 4.0, 5),
        ("Residents", "Before", 1.5, 5),
    ]
    labels = layers[0]["encoding"]["y"]["sort"]
    assert labels == [
        "1. I feel safe in my neighbour… · Police",
        "1. I feel safe in my neighbour… · Residents",
    ]


def test_two_questions_that_begin_alike_stay_two_rows():
    # Cut to the same 28 characters, they shared one row, their labels over each other.
    alike = [
        TrustChange("The police in this neighbourhood treat people with respect", "Youth",
                    3.0, 7, 3.0, 5, 0.0),
        TrustChange("The police in this neighbourhood listen to people", "Youth",
                    3.1, 7, 3.0, 5, -0.1),
    ]  # fmt: skip
    spec = tc.trust_chart(alike).to_dict()
    labels = spec["layer"][0]["encoding"]["y"]["sort"]
    assert labels == [
        "1. The police in this neighbou… · Youth",
        "2. The police in this neighbou… · Youth",
    ]


def test_a_how_often_question_gets_its_own_1_to_4_axis():
    rows = [TrustChange(RESPECT, "Police", 2.5, 6, 3.0, 6, 0.5, HOW_OFTEN)]
    dots = tc.trust_chart(rows, HOW_OFTEN).to_dict()["layer"][1]["encoding"]
    assert dots["x"]["axis"]["values"] == [1, 2, 3, 4]
    assert dots["x"]["title"] == ["Mean answer", "(1 not at all often – 4 very often)"]


def test_the_table_has_every_number_to_one_decimal_and_withholds_small_groups():
    table = tc.trust_table([*ROWS, TrustChange(SAFE, "Youth", 3.25, 8, 3.9, 7, 0.65)])
    assert list(table.columns) == [
        "Question",
        "Group",
        "Before",
        "n before",
        "After",
        "n after",
        "Change",
    ]
    assert table.iloc[0].tolist() == [SAFE, "Police", "3.0", "6", "4.0", "5", "+1.0"]
    assert table.iloc[1].tolist() == [
        SAFE, "Residents", "1.5", "5", "fewer than 5 answered", "fewer than 5 answered", "—"
    ]  # fmt: skip
    # One decimal, whatever reaches it: no false precision.
    assert table.iloc[2].tolist()[2:] == ["3.2", "8", "3.9", "7", "+0.7"]


def _page(rows):
    from components.trust_chart import render_trust_chart

    render_trust_chart(rows, key="trust")


def test_render_shows_a_chart_per_scale_each_with_its_table_and_what_small_groups_show():
    rows = [*ROWS, TrustChange(RESPECT, "Police", 2.5, 6, 3.0, 6, 0.5, HOW_OFTEN)]
    at = AppTest.from_function(_page, args=(rows,)).run(timeout=60)
    assert not at.exception
    kinds = [e.type for e in at.main.children.values()]
    assert kinds == [
        "markdown", "caption", "vega_lite_chart", "dataframe",
        "markdown", "caption", "vega_lite_chart", "dataframe",
        "caption",
    ]  # fmt: skip
    charts = [e.proto for e in at.main.children.values() if e.type == "vega_lite_chart"]
    assert charts[0].alt.startswith("Each group's mean answer")
    assert json.loads(charts[1].spec)["layer"][1]["encoding"]["x"]["axis"]["values"] == [1, 2, 3, 4]
    assert at.dataframe[1].value.values.tolist() == [
        [RESPECT, "Police", "2.5", "6", "3.0", "6", "+0.5"]
    ]
    assert at.caption[0].value.startswith("○ Open grey circle: before the meeting.")
    assert "fewer than 5 people answered is not shown" in at.caption[-1].value
    assert "not tests of significance" in at.caption[-1].value


def test_an_empty_pulse_says_when_the_chart_will_appear():
    at = AppTest.from_function(_page, args=([],)).run(timeout=60)
    assert [e.type for e in at.main.children.values()] == ["info"]
    assert at.info[0].value.startswith("No answers yet — the chart appears when")


def test_a_pulse_of_only_small_groups_draws_no_points_but_says_why():
    rows = [TrustChange(SAFE, "Residents", None, 3, None, 2, None)]
    at = AppTest.from_function(_page, args=(rows,)).run(timeout=60)
    kinds = [e.type for e in at.main.children.values()]
    assert kinds == ["markdown", "info", "dataframe", "caption"]  # no chart of nothing
    assert "No group has enough answers to show yet" in at.info[0].value
    assert at.dataframe[0].value.values.tolist()[0][2] == "fewer than 5 answered"
