"""Lists of records as accessible tables (a table is its own text alternative)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

import pandas as pd
import streamlit as st

Record = TypeVar("Record")

Columns = Mapping[str, Callable[[Record], object] | str]
"""Each column's heading, as the reader reads it, and where its value comes from: a
function of the record or the name of one of its attributes."""


def record_rows(records: Iterable[Record], columns: Columns[Record]) -> list[dict[str, object]]:
    """Rows of `records` with one value per column: an attribute name or a function."""
    rows = []
    for record in records:
        row: dict[str, object] = {}
        for label, source in columns.items():
            row[label] = getattr(record, source) if isinstance(source, str) else source(record)
        rows.append(row)
    return rows


def show_records(
    records: Iterable[Record],
    columns: Columns[Record],
    empty: str,
    key: str | None = None,
) -> None:
    """A read-only table of `records`, or `empty` when there are none.

    The column headings and `empty` come already in the reader's language."""
    rows = record_rows(records, columns)
    if not rows:
        st.info(empty)
        return
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key=key)
