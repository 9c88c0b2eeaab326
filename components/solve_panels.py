"""Panels of the solve screen: the option form and card, table ratings, the library."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from components.plan_charts import render_impact_feasibility_chart
from components.text import escape_markdown
from services.converge.result_words import counted, number
from services.core.vocab import CostBand, ResponseModel, label
from services.solve.option_ratings import OptionScore
from services.solve.options import OptionFields
from services.solve.solve_screen import OptionCard, Programme

PROVIDERS = [
    "Police",
    "Social workers",
    "Mental-health clinicians",
    "Community organisations",
    "Fire and emergency medical services",
    "Other providers",
]


@dataclass(frozen=True)
class ChartPoint:
    """An option placed by the tables' ratings, or by its own estimate before any."""

    title: str
    impact: float
    feasibility: float
    ratings: int
    cost: str


def rated(score: OptionScore | None) -> OptionScore | None:
    """The tables' score, or None while no table has rated the option."""
    return score if score is not None and score.ratings else None


def top_of_the_vote(words: tuple[str, ...] | None) -> None:
    """The first items of the vote the room sees, by common ground, once there is a vote."""
    if words is not None:
        top = " · ".join(escape_markdown(w) for w in words)
        st.markdown(f"**Top of the vote, by common ground:** {top}")


def options_chart(options: tuple[OptionCard, ...]) -> None:
    """How many options, and where they sit on impact against feasibility."""
    st.header(f"Options ({len(options)})")
    if options:
        render_impact_feasibility_chart(chart_points(options), key="impact-feasibility")


def chart_points(options: tuple[OptionCard, ...]) -> list[ChartPoint]:
    """Where each option sits on impact against feasibility."""
    points = []
    for o in options:
        s = rated(o.score)
        impact, feasible = (s.mean_impact, s.mean_feasibility) if s else (o.impact, o.feasibility)
        points.append(
            ChartPoint(o.title, impact, feasible, s.ratings if s else 0, o.cost_band.value)
        )
    return points


def option_form(
    topics: dict[tuple[str, int], str],
    library: tuple[Programme, ...],
    on_save: Callable[..., None],
) -> None:
    """A new option: what, who delivers it, impact, feasibility, cost, risks, sources."""
    with st.form("new-option", clear_on_submit=True):
        topic = st.selectbox("For which idea or theme", list(topics), format_func=topics.get)
        title = st.text_input("Option")
        description = st.text_area("What it would do")
        who = st.multiselect("Who would deliver it", PROVIDERS)
        impact = st.slider("Expected impact (1 low – 5 high)", 1, 5, 3)
        feasible = st.slider("Feasibility (1 hard – 5 easy)", 1, 5, 3)
        cost = st.radio("Cost", list(CostBand), format_func=label, index=1, horizontal=True)
        risks = st.text_area("Risks")
        cites = st.multiselect("Programmes it draws on", library, format_func=lambda b: b.name)
        if st.form_submit_button("Add the option", type="primary"):
            idea_id = topic[1] if topic and topic[0] == "idea" else None
            theme_id = topic[1] if topic and topic[0] == "theme" else None
            on_save(
                OptionFields(
                    title=title, description=description, delivered_by=", ".join(who),
                    impact=impact, feasibility=feasible, cost_band=cost.value, risks=risks,
                    idea_id=idea_id, theme_id=theme_id,
                ),
                [b.id for b in cites],
            )  # fmt: skip


def option_card(option: OptionCard) -> None:
    """One option with its tables' ratings and the programmes it cites."""
    score = option.score
    with st.container(border=True):
        st.markdown(f"**{escape_markdown(option.title)}**")
        if option.description:
            st.markdown(escape_markdown(option.description))
        facts = [
            f"delivered by {option.delivered_by}" if option.delivered_by else "",
            f"cost {label(option.cost_band).lower()}",
            f"estimated impact {option.impact}/5, feasibility {option.feasibility}/5",
        ]
        if rated(score):
            facts.append(
                f"tables rate it impact {number(score.mean_impact)}, feasibility "
                f"{number(score.mean_feasibility)} "
                f"({counted(score.ratings, 'table')})"
            )
        st.caption(escape_markdown(" · ".join(f for f in facts if f)))
        if option.risks:
            st.markdown(f"*Risks:* {escape_markdown(option.risks)}")
        if option.cites:
            st.caption(escape_markdown("Draws on: " + ", ".join(option.cites)))


def rating_form(
    option: OptionCard, table_number: int, on_rate: Callable[[int, int, int], None]
) -> None:
    """This table's rating of one option."""
    with st.form(f"rate-{option.id}"):
        st.caption(f"Table {table_number}'s rating")
        left, right = st.columns(2)
        impact = left.slider("Impact", 1, 5, 3, key=f"ri-{option.id}")
        feasible = right.slider("Feasibility", 1, 5, 3, key=f"rf-{option.id}")
        if st.form_submit_button("Save our rating"):
            on_rate(option.id, impact, feasible)


def library_section(library: Callable[[ResponseModel | None], tuple[Programme, ...]]) -> None:
    """The library under its heading, for the model of response picked (all at first)."""
    st.header("Best-practice library: responses to 911 and crisis calls")
    model = st.selectbox(
        "Model of response",
        [None, *ResponseModel],
        format_func=lambda m: "All models" if m is None else label(m),
    )
    library_cards(library(model))


def library_cards(practices: tuple[Programme, ...]) -> None:
    """Each programme as a row that opens to every field, readable at a tablet's width.

    A wide table cut its columns off on a tablet (a user test); here each field is a line
    of its own and long text wraps. Every field is user-editable, so all of it is escaped.
    """
    if not practices:
        st.info("No programme of this model in the library.")
        return
    st.caption(f"{len(practices)} programmes. Open one to read what it does and its results.")
    for b in practices:
        title = f"{b.name} — {b.city} · {label(b.model)}"
        with st.expander(escape_markdown(title)):
            for heading, text in [
                ("What it does", b.summary),
                ("Staffed by", b.staffing),
                ("Reported results", b.evidence),
            ]:
                if text:
                    st.markdown(f"**{heading}:** {escape_markdown(text)}")
            if b.source_url:
                # The library takes only https:// addresses without spaces (best_practices).
                st.link_button(escape_markdown(f"Open the source on {b.name}"), b.source_url)
                st.caption(escape_markdown(b.source_url))
