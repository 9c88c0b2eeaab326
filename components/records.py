"""Lists of records as accessible tables (a table is its own text alternative)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pandas as pd
import streamlit as st


def record_rows(
    records: Iterable[Any], columns: dict[str, Callable[[Any], Any] | str]
) -> list[dict[str, Any]]:
    """Rows of `records` with one value per column: an attribute name or a function."""
    rows = []
    for record in records:
        row = {}
        for label, source in columns.items():
            row[label] = source(record) if callable(source) else getattr(record, source)
        rows.append(row)
    return rows


def show_records(
    records: Iterable[Any],
    columns: dict[str, Callable[[Any], Any] | str],
    empty: str,
    key: str | None = None,
) -> None:
    """A read-only table of `records`, or `empty` when there are none."""
    rows = record_rows(records, columns)
    if not rows:
        st.info(empty)
        return
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key=key)
