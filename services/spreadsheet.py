"""Making exported cells safe to open in a spreadsheet: text that could run as a formula."""

from __future__ import annotations

import pandas as pd
from pandas.api.types import is_object_dtype, is_string_dtype

# OWASP CSV injection guidance: these first characters make Excel, LibreOffice or
# Sheets read a cell as a formula (tab and carriage return slip past naive checks).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """The value, with a leading apostrophe if it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of `df` with every text column passed through `safe_cell`."""
    out = df.copy()
    for column in out.columns:
        # pandas 3 gives text its own `str` dtype; older frames and mixed columns are object.
        if is_object_dtype(out[column]) or is_string_dtype(out[column]):
            out[column] = out[column].map(safe_cell, na_action="ignore")
    return out
