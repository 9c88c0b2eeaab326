"""The floor: the least a Streamlit app can do per interaction, over the same database.

One text input, one button, one write. The benchmark plays the same crowd against this
app as against Common Ground; the difference between the two is what our code costs.
It writes through the project's own `Database`, so it pays the same engine, pool and
SQLite settings as the app does.
"""

import os
import sys
from pathlib import Path

import streamlit as st
from sqlalchemy import Column, DateTime, Integer, MetaData, Table, Text, func, insert

# `streamlit run` puts this file's folder on the path, not the project's.
PROJECT = str(Path(__file__).resolve().parents[1])
if PROJECT not in sys.path:
    sys.path.insert(0, PROJECT)
from db.database import Database  # noqa: E402 - after the path is set

NOTES = Table(
    "bench_floor_note",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("created_at", DateTime, server_default=func.now()),
)


@st.cache_resource
def database() -> Database:
    db = Database.from_url(os.environ["DATABASE_URL"])
    NOTES.create(db.engine, checkfirst=True)
    return db


st.title("Floor")
note = st.text_input("Note")
if st.button("Save"):
    with database().write() as s:
        s.execute(insert(NOTES).values(text=note or "-"))
    st.success("Saved.")
