"""Solve: options for the top themes and ideas, drawn from the 911-response library."""

import streamlit as st

import runtime
from components.notices import action_runner, show_flash
from components.plan_charts import render_impact_feasibility_chart
from components.solve_panels import (
    chart_points,
    library_cards,
    option_card,
    option_form,
    rating_form,
)
from components.text import escape_markdown
from services.converge import tallies, voting_rounds
from services.core.vocab import ResponseModel, label
from services.room import ideas, themes
from services.solve import best_practices, option_citations, option_ratings, options

actor = runtime.require_actor()
db = runtime.database()
initiative_id, meeting_id = runtime.require_meeting(actor)
table = runtime.table_in_focus(actor, meeting_id)

act = action_runner(db, actor)


st.title("Solve")
show_flash()
shown = voting_rounds.round_to_show(db, meeting_id, actor=actor)
if shown is not None:
    top = tallies.results(db, shown.id).ranking[:5]
    top_words = " · ".join(escape_markdown(r.text) for r in top)
    st.markdown(f"**Top of the vote, by common ground:** {top_words}")
library = best_practices.list_best_practices(db)
board = ideas.list_ideas(db, meeting_id, include_confidential=False, actor=actor)
topics = {("idea", i.id): i.text for i in board} | {
    ("theme", t.id): f"Theme: {t.name}" for t in themes.list_themes(db, actor, meeting_id)
}
with st.expander("Develop an option", expanded=False):
    option_form(
        topics,
        library,
        lambda *fields: act(options.create_option, meeting_id, *fields, done="Option added."),
    )

scores = {s.option_id: s for s in option_ratings.ratings_summary(db, actor, meeting_id)}
made = options.list_options(db, actor, meeting_id)
st.header(f"Options ({len(made)})")
if made:
    render_impact_feasibility_chart(chart_points(made, scores), key="impact-feasibility")
for option in made:
    option_card(option, scores.get(option.id), option_citations.citations(db, option.id))
    if table is not None:
        rating_form(
            option,
            table.number,
            lambda oid, i, f: act(
                option_ratings.rate_option, oid, table.id, i, f, done="Rating saved."
            ),
        )

st.header("Best-practice library: responses to 911 and crisis calls")
models = [None, *ResponseModel]
model = st.selectbox(
    "Model of response", models, format_func=lambda m: "All models" if m is None else label(m)
)
library_cards(best_practices.list_best_practices(db, model))
