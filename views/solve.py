"""Solve: options for the top themes, and the 911-response best-practice library."""

import streamlit as st

import runtime
from components.records import show_records
from services import best_practices, options
from services.vocab import label

actor = runtime.require_actor()
db = runtime.database()
_, meeting_id = runtime.require_meeting(actor)

st.title("Solve")
st.header("Options")
show_records(
    options.list_options(db, meeting_id),
    {
        "Option": "title",
        "Delivered by": "delivered_by",
        "Impact": "impact",
        "Feasibility": "feasibility",
        "Cost": lambda o: label(o.cost_band),
        "Risks": "risks",
    },
    "No options yet.",
)
st.header("Best-practice library")
show_records(
    best_practices.list_best_practices(db),
    {
        "Programme": "name",
        "City": "city",
        "Model": lambda b: label(b.model),
        "What it does": "summary",
        "Staffed by": "staffing",
        "Reported results": "evidence",
        "Source": "source_url",
    },
    "The library is empty; `python -m seed` loads it.",
)
