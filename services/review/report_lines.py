"""The rows of a meeting record's tables as the PDF report reads them, one dict per row."""

from __future__ import annotations

from typing import Any

import pandas as pd

Line = dict[str, Any]
"""One row of a record's table: column name -> value, as the report's lines read it."""


def lines_of(frame: pd.DataFrame) -> list[Line]:
    """Every row of `frame`, each as a Line."""
    return [
        {str(column): value for column, value in row.items()} for row in frame.to_dict("records")
    ]
