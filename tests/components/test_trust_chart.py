"""Trust chart: points before and after on 1–5, words and counts on every row, table beneath."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from components import trust_chart as tc
from services.trust_pulse import TrustChange

SAFE = "I feel safe in my neighbourhood"
ROWS = [
    TrustChange(SAFE, "Police", 3.0, 2, 4.0, 1, 1.0),
    TrustChange(SAFE, "Residents", 1.5, 2, None, 0, None),
]


def test_marks_encodings_and_labels():
    spec = tc.trust_chart(ROWS).to_dict()
    layers = spec["layer"]
    assert [layer["mark"]["type"] for layer in layers] == ["rule", "point", "text"]
    dots = layers[1]["encoding"]
    assert dots["x"]["field"] == "mean" and dots["x"]["scale"]["domain"] == [1, 5]
    # Before and after differ in shape and fill, not only in colour.
    assert dots["shape"]["field"] == dots["color"]["field"] == dots["fill"]["field"] == "when"
    assert dots["shape"]["scale"]["range"] == ["circle", "square"]
    assert layers[2]["encoding"]["text"]["field"] == "text"
    words = [row["text"] for row in spec["datasets"][layers[2]["data"]["name"]]]
    assert words == [
        "before 3.0 (n 2) → after 4.0 (n 1), change +1.0",
        "before 1.5 (n 2) → after no answers",
    ]
    points = spec["datasets"][layers[1]["data"]["name"]]
    assert [(p["group"], p["when"], p["mean"], p["n"]) for p in points] == [
        ("Police", "Before", 3.0, 2),
        ("Police", "After", 4.0, 1),
        ("Residents", "Before", 1.5, 2),
    ]
    labels = layers[0]["encoding"]["y"]["sort"]
    assert labels == [f"{SAFE} · Police", f"{SAFE} · Residents"]


def test_the_table_has_every_number():
    table = tc.trust_table(ROWS)
    assert list(table.columns) == [
        "Statement",
        "Group",
        "Before",
        "n before",
        "After",
        "n after",
        "Change",
    ]
    assert table.iloc[0].tolist() == [SAFE, "Police", 3.0, 2, 4.0, 1, 1.0]
    assert table.iloc[1]["n after"] == 0


def test_no_rows_give_an_empty_chart():
    assert tc.trust_chart([]).to_dict()["layer"][0]["mark"]["type"] == "rule"


def _page():
    from components.trust_chart import render_trust_chart
    from services.trust_pulse import TrustChange

    render_trust_chart([TrustChange("Safe", "Police", 3.0, 2, 4.0, 1, 1.0)], key="trust")


def test_render_shows_a_chart_and_its_table():
    at = AppTest.from_function(_page).run()
    assert not at.exception
    assert [e.type for e in at.main.children.values()] == ["vega_lite_chart", "dataframe"]
    chart = at.main.children[0].proto
    assert chart.alt.startswith("Each group's mean trust")
    assert json.loads(chart.spec)["layer"][2]["mark"]["type"] == "text"
    assert at.dataframe[0].value.values.tolist() == [["Safe", "Police", 3.0, 2, 4.0, 1, 1.0]]
