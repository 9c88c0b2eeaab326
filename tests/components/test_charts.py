"""Result charts: marks, encodings, data and words on every bar; the table shown beneath."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Markdown

import i18n
from components import chart_style as style
from components import charts
from services.converge.tallies import CommonGround, GroupShare, ItemTotal
from services.converge.voting_counts import Counts, GroupCounts, ItemByGroup
from services.core.vocab import VoteMode
from workarounds.chart_spec_cache import vega_lite_spec

LONG = (
    "Send a mental-health clinician with officers to every crisis call, "
    "and follow up with the family within a week"
)
TOTALS = [
    ItemTotal(1, LONG, dots=12, voters=9, agree=6, disagree=2, passed=1),
    ItemTotal(2, "Youth centre <b>open</b> late", dots=3, voters=4, agree=1, disagree=2, passed=1),
]


def group(sid: int, name: str, supporters: int, voters: int) -> GroupCounts:
    return GroupCounts(sid, name, Counts(supporters=supporters, voters=voters))


BY_GROUP = [
    ItemByGroup(1, LONG, (group(1, "Police", 3, 4), group(2, "Youth", 0, 0))),
    ItemByGroup(2, "Walk and talk", (group(1, "Police", 1, 4), group(2, "Youth", 2, 2))),
]
COMMON = [
    CommonGround(
        2,
        "Walk and talk",
        0.4,
        (GroupShare(1, "Police", 3, 4, 0.75), GroupShare(2, "Youth", 2, 3, 2 / 3)),
        0.75 - 2 / 3,
        False,
    ),
    CommonGround(
        1,
        LONG,
        0.1,
        (GroupShare(1, "Police", 4, 4, 1.0), GroupShare(2, "Youth", 0, 0, None)),
        0.0,
        False,
    ),
    CommonGround(
        3,
        "Curfew",
        0.05,
        (GroupShare(1, "Police", 4, 4, 1.0), GroupShare(2, "Youth", 0, 4, 0.0)),
        1.0,
        True,
    ),
]


@dataclass(frozen=True)
class Voice:
    name: str
    people_share: float
    contribution_share: float
    under_heard: bool


VOICES = [Voice("Youth", 0.2, 0.05, True), Voice("Police", 0.3, 0.4, False)]


def rows_of(spec: dict, layer: dict) -> list[dict]:
    """The data rows a layer draws: its own data, or the chart's."""
    return spec["datasets"][(layer.get("data") or spec["data"])["name"]]


def marks(spec: dict) -> list[str]:
    return [layer["mark"]["type"] for layer in spec["layer"]]


def contrast_on_white(hex_colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 1.05 / (0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b) + 0.05)


def test_palette_marks_have_3_to_1_contrast_on_white():
    assert all(contrast_on_white(c) >= 3 for c in style.PALETTE)
    assert len(set(style.PALETTE)) == len(style.PALETTE)


@pytest.mark.parametrize(
    "spec",
    [
        charts.totals_chart(TOTALS, "dots").to_dict(),
        charts.by_group_chart(BY_GROUP[0]).to_dict(),
        charts.common_ground_chart(COMMON).to_dict(),
        charts.voice_chart(VOICES).to_dict(),
    ],
)
def test_every_chart_has_black_words_on_white_and_keeps_its_plot_wide(spec):
    assert spec["config"]["background"] == "#FFFFFF"
    assert spec["config"]["text"]["color"] == "#000000"
    assert spec["config"]["axis"]["labelColor"] == "#000000"
    assert spec["config"]["legend"]["orient"] == "bottom"
    text_layer = spec["layer"][-1]
    assert text_layer["mark"]["type"] == "text"
    assert rows_of(spec, text_layer)
    # Streamlit's fit sizing makes room for the words itself; reserving it again as
    # padding squeezed long-labelled plots to a sliver in Chromium.
    assert spec["padding"]["right"] <= 16


def test_dots_are_labelled_bars_in_ballot_order():
    spec = charts.totals_chart(TOTALS, "dots").to_dict()
    assert marks(spec) == ["bar", "text"]
    bars, words = spec["layer"]
    assert bars["encoding"]["x"]["field"] == "dots"
    assert bars["encoding"]["y"]["sort"] == [row["label"] for row in rows_of(spec, bars)]
    assert words["encoding"]["text"]["field"] == "text"
    assert [(r["dots"], r["text"]) for r in rows_of(spec, words)] == [(12, "12"), (3, "3")]


def test_the_projectors_chart_has_larger_type_and_room_for_the_same_labels():
    usual = charts.totals_chart(TOTALS, "dots").to_dict()
    wall = charts.totals_chart(TOTALS, "dots", scale=2).to_dict()
    assert wall["config"]["axis"]["labelFontSize"] == 2 * usual["config"]["axis"]["labelFontSize"]
    assert wall["config"]["text"]["fontSize"] == 2 * style.FONT_PX
    limit = [spec["layer"][0]["encoding"]["y"]["axis"]["labelLimit"] for spec in (usual, wall)]
    assert limit[1] == 2 * limit[0]
    assert wall["height"]["step"] == 2 * usual["height"]["step"]


def test_long_ideas_are_cut_on_the_axis_but_whole_in_the_tooltip():
    spec = charts.totals_chart(TOTALS, "dots").to_dict()
    bars = spec["layer"][0]
    first = rows_of(spec, bars)[0]
    assert first["label"].startswith("1. Send a mental-health clinician")
    assert first["label"].endswith("…")
    assert len(first["label"]) == len("1. ") + style.AXIS_CHARS
    assert first["idea"] == LONG
    assert {"field": "idea", "type": "nominal", "title": "Idea"} in bars["encoding"]["tooltip"]


def test_user_text_is_data_never_markup():
    spec = charts.totals_chart(TOTALS, "dots").to_dict()
    assert rows_of(spec, spec["layer"][0])[1]["idea"] == "Youth centre <b>open</b> late"


def test_agree_disagree_stacks_in_a_fixed_order_and_says_every_part_in_words():
    spec = charts.totals_chart(TOTALS, VoteMode.AGREE_DISAGREE).to_dict()
    assert marks(spec) == ["bar", "text"]
    bars, words = spec["layer"]
    colour = bars["encoding"]["color"]
    assert colour["field"] == "choice"
    assert colour["scale"]["domain"] == ["Agree", "Disagree", "Pass"]
    assert colour["scale"]["range"] == [style.BLUE, style.VERMILLION, style.GREY]
    assert bars["encoding"]["x"]["stack"] == "zero"
    assert bars["encoding"]["order"]["field"] == "order"
    parts = [(r["label"][:2], r["choice"], r["count"]) for r in rows_of(spec, bars)]
    assert ("1.", "Agree", 6) in parts and ("2.", "Pass", 1) in parts
    assert len(parts) == 6
    assert [r["text"] for r in rows_of(spec, words)] == [
        "6 agree · 2 disagree · 1 pass",
        "1 agree · 2 disagree · 1 pass",
    ]
    assert words["encoding"]["x"]["field"] == "total"


def test_an_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="ranked"):
        charts.totals_chart(TOTALS, "ranked")


def test_by_group_is_one_idea_with_a_row_and_a_count_in_words_per_group():
    spec = charts.by_group_chart(BY_GROUP[0]).to_dict()
    assert marks(spec) == ["bar", "text"]
    bars, words = spec["layer"]
    # One bar per row, named on the axis: no legend, no bars side by side to label.
    assert bars["encoding"]["y"]["field"] == "name" and "yOffset" not in bars["encoding"]
    assert bars["encoding"]["y"]["sort"] == ["Police", "Youth"]
    assert "color" not in bars["encoding"]
    assert [r["text"] for r in rows_of(spec, words)] == ["3 of 4 (75%)", "no votes"]
    assert spec["height"] == {"step": style.ROW_STEP}


def test_long_group_names_wrap_onto_two_lines_and_their_rows_grow():
    long = ItemByGroup(
        1, "Walk", (group(1, "Neighborhood residents who call 911", 3, 16), group(2, "Youth", 1, 2))
    )
    spec = charts.by_group_chart(long).to_dict()
    bars = spec["layer"][0]
    assert bars["encoding"]["y"]["sort"] == ["Neighborhood residents\nwho call 911", "Youth"]
    assert bars["encoding"]["y"]["axis"]["labelExpr"] == "split(datum.label, '\\n')"
    assert spec["height"]["step"] >= 2 * style.LINE_PX + 8
    assert rows_of(spec, bars)[0]["group"] == "Neighborhood residents who call 911"


def test_wrapping_keeps_two_lines_and_cuts_the_rest_with_an_ellipsis():
    assert style.wrap("Youth", 24) == "Youth"
    assert style.wrap("Bridge-building organization", 24) == "Bridge-building\norganization"
    cut = style.wrap(LONG, 24)
    assert cut.count("\n") == 1 and cut.endswith("…")
    assert all(len(line) <= 28 for line in cut.split("\n"))


def test_by_group_shares_can_count_every_voter_of_the_group():
    # In dot voting only those who put a dot on an idea have a vote on it.
    spec = charts.by_group_chart(BY_GROUP[0], group_voters={1: 8, 2: 4}).to_dict()
    texts = [r["text"] for r in rows_of(spec, spec["layer"][1])]
    assert texts == ["3 of 8 (38%)", "0 of 4 (0%)"]


@pytest.mark.parametrize("language", ["en", "es"])
def test_each_ideas_by_group_chart_made_from_its_groups_chart_is_the_chart_built_whole(language):
    """Converge draws one chart per idea from the chart of the round's groups, given the
    idea's values: each must be the chart Altair builds for that idea alone."""
    vega_lite_spec.clear()
    one_group = ItemByGroup(3, "Street lights", (group(2, "Youth", 1, 3),))
    ideas = [*BY_GROUP, one_group, BY_GROUP[0]]
    with i18n.using(language):
        for voters in (None, {1: 8, 2: 4}):
            for idea in ideas:
                built = charts.by_group_chart(idea, group_voters=voters).to_dict()
                assert charts.by_group_spec(idea, group_voters=voters) == built


def test_common_ground_ranks_ideas_with_a_range_points_and_a_verdict():
    spec = charts.common_ground_chart(COMMON).to_dict()
    assert marks(spec) == ["rule", "point", "text"]
    span, points, words = spec["layer"]
    assert [r["label"][:2] for r in rows_of(spec, span)] == ["1.", "2.", "3."]
    assert span["encoding"]["y"]["sort"][0] == "1. Walk and talk"
    assert (span["encoding"]["x"]["field"], span["encoding"]["x2"]["field"]) == ("low", "high")
    assert [(r["low"], r["high"]) for r in rows_of(spec, span)] == [
        (2 / 3, 0.75),
        (1.0, 1.0),
        (0.0, 1.0),
    ]
    assert points["encoding"]["shape"]["field"] == "group"  # not colour alone
    assert [(r["group"], r["share_text"]) for r in rows_of(spec, points)] == [
        ("Police", "75%"),
        ("Youth", "67%"),
        ("Police", "100%"),
        ("Police", "100%"),
        ("Youth", "0%"),
    ]
    # The projector's words: only the first is common ground, and only a real gap divides;
    # the rest carry their gap and no verdict (services/converge/tallies.verdict).
    assert [r["text"] for r in rows_of(spec, words)] == [
        "strongest common ground · gap 8%",
        "gap 0%",
        "groups differ (100-point gap)",
    ]


def test_voice_pairs_people_and_contributions_in_words():
    spec = charts.voice_chart(VOICES).to_dict()
    assert marks(spec) == ["bar", "text"]
    bars, words = spec["layer"]
    assert bars["encoding"]["yOffset"]["field"] == "measure"
    assert bars["encoding"]["color"]["scale"]["domain"] == ["People", "Contributions"]
    assert bars["encoding"]["y"]["sort"] == ["Youth (under-heard)", "Police"]
    assert [r["text"] for r in rows_of(spec, words)] == [
        "People 20%",
        "Contributions 5%",
        "People 30%",
        "Contributions 40%",
    ]


def test_empty_results_still_build():
    for chart in (
        charts.totals_chart([], "dots"),
        charts.totals_chart([], "agree_disagree"),
        charts.by_group_chart(ItemByGroup(1, "Walk", ())),
        charts.common_ground_chart([]),
        charts.voice_chart([]),
    ):
        assert chart.to_dict()["layer"]


def _results_page():
    from components import charts
    from services.converge.tallies import ItemTotal

    totals = [ItemTotal(1, "Walk and talk", 3, 2, 0, 0, 0), ItemTotal(2, "Curfew", 1, 1, 0, 0, 0)]
    charts.render_totals_chart(totals, "dots", key="totals")


def test_a_rendered_chart_has_its_table_right_beneath():
    at = AppTest.from_function(_results_page).run()
    assert not at.exception
    kinds = [element.type for element in at.main.children.values()]
    assert kinds == ["vega_lite_chart", "dataframe"]
    chart = at.main.children[0].proto
    assert chart.alt.startswith("Bar chart of dots per idea")
    assert json.loads(chart.spec)["layer"][1]["mark"]["type"] == "text"
    table = at.dataframe[0].value
    assert list(table.columns) == ["#", "Idea", "Dots", "Voters"]
    assert table.values.tolist() == [[1, "Walk and talk", 3, 2], [2, "Curfew", 1, 1]]


def _all_charts_page():
    from dataclasses import dataclass

    from components import charts
    from services.converge.tallies import CommonGround, GroupShare
    from services.converge.voting_counts import Counts, GroupCounts, ItemByGroup

    @dataclass
    class Voice:
        name: str
        people_share: float
        contribution_share: float
        under_heard: bool

    police = GroupCounts(1, "Police", Counts(supporters=1, voters=2))
    charts.render_by_group_chart([ItemByGroup(1, "Walk", (police,))], key="groups")
    share = GroupShare(1, "Police", 1, 2, 0.5)
    charts.render_common_ground_chart([CommonGround(1, "Walk", 0.5, (share,), 0, False)], key="cg")
    charts.render_voice_chart([Voice("Youth", 0.2, 0.05, True)], key="voice")


def test_every_renderer_shows_its_table():
    at = AppTest.from_function(_all_charts_page).run()
    assert not at.exception
    kinds = [element.type for element in at.main.children.values()]
    # The by-group charts sit in a container, one per idea under its heading.
    assert kinds == ["flex_container", "dataframe"] + ["vega_lite_chart", "dataframe"] * 2
    heading, chart = at.main.children[0].children.values()
    assert isinstance(heading, Markdown) and heading.value == "**1. Walk**"
    assert chart.type == "vega_lite_chart"
    groups, ranking, voice = (frame.value for frame in at.dataframe)
    assert groups.values.tolist() == [[1, "Walk", "Police", 1, 2, "50%"]]
    assert ranking.iloc[0]["What the room is told"] == "strongest common ground"
    assert ranking.iloc[0]["Group shares"] == "Police 50%"
    # The bridging score ranks; people read the shares, never a "0.004".
    assert "Score" not in ranking.columns
    assert ranking.iloc[0]["Least backed by"] == "Police (50%)"
    assert voice.values.tolist() == [["Youth", "20%", "5%", "yes"]]


def _empty_charts_page():
    from components import charts
    from services.converge.tallies import CommonGround, GroupShare

    nobody = GroupShare(1, "Police", 0, 0, None)
    charts.render_by_group_chart([], key="groups")
    charts.render_common_ground_chart([CommonGround(1, "Walk", 0.5, (nobody,), 0, False)], "cg")
    charts.render_voice_chart([], key="voice")
    charts.render_totals_chart([], "dots", key="totals")


def test_an_empty_chart_says_so_in_words_instead():
    at = AppTest.from_function(_empty_charts_page).run()
    assert not at.exception
    assert [e.type for e in at.main.children.values()] == ["info"] * 4
    said = [i.value for i in at.info]
    assert all(s.startswith("No ") and " — " in s for s in said), said
    assert "No votes yet" in said[0]
    assert said[1].startswith("No common ground can be computed yet — nobody in a group")


def _totals_page(totals):
    from components import charts

    charts.render_totals_chart(totals, "dots", key="totals")


def _shown_dots(totals) -> list[int]:
    at = AppTest.from_function(_totals_page, args=(totals,)).run()
    assert not at.exception
    (dataset,) = at.main.children[0].proto.datasets  # the chart's data, as Arrow
    rows = pa.ipc.open_stream(dataset.data.data).read_all().to_pylist()
    return sorted({row["dots"] for row in rows})


def test_a_chart_is_drawn_from_its_own_numbers_never_from_an_earlier_one():
    before = [ItemTotal(1, "Walk and talk", 3, 2, 0, 0, 0)]
    after = [ItemTotal(1, "Walk and talk", 4, 2, 0, 0, 0)]
    assert _shown_dots(before) == [3]
    assert _shown_dots(after) == [4]
    assert _shown_dots(before) == [3]


class _Row:
    """An input that says nothing of its content in its repr (as ORM rows do)."""

    def __init__(self, dots: int) -> None:
        self.item_id, self.text, self.dots, self.voters = 1, "Walk and talk", dots, 1
        self.agree = self.disagree = self.passed = 0


def test_inputs_known_only_by_address_are_drawn_afresh_every_time():
    assert _shown_dots([_Row(3)]) == [3]
    assert _shown_dots([_Row(5)]) == [5]


def test_common_ground_wraps_long_ideas_and_lists_groups_in_two_columns():
    spec = charts.common_ground_chart(COMMON).to_dict()
    span, points, _ = spec["layer"]
    long = span["encoding"]["y"]["sort"][1]
    assert long.startswith("2. Send a mental-health") and long.count("\n") == 1
    assert span["encoding"]["y"]["axis"]["labelExpr"] == "split(datum.label, '\\n')"
    assert points["encoding"]["color"]["legend"]["columns"] == 2
    assert spec["height"]["step"] >= 2 * style.LINE_PX + 8


def test_a_spanish_chart_writes_its_percent_sign_and_decimal_mark_as_its_table_does():
    """The share axis said "25%" over a table that said "25 %" (Vega writes numbers the
    English way unless the spec carries a locale): every chart carries the reader's."""
    with i18n.using("es"):
        spec = charts.common_ground_chart(COMMON).to_dict()
        table_says = i18n.percent(0.25)
    number = spec["config"]["locale"]["number"]
    assert (number["decimal"], number["percent"]) == (",", "\u00a0%")
    assert table_says == "25\u00a0%"
    assert "locale" not in charts.common_ground_chart(COMMON).to_dict()["config"]
