"""Making exported cells safe to open in a spreadsheet: text that could run as a formula."""

from __future__ import annotations

import unicodedata

import pandas as pd
from pandas.api.types import is_object_dtype, is_string_dtype

from i18n import _

# OWASP CSV injection guidance: these first characters make Excel, LibreOffice or
# Sheets read a cell as a formula (tab and carriage return slip past naive checks).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """The value, with a leading apostrophe if it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and _reads_as_formula(value):
        return "'" + value
    return value


def _reads_as_formula(text: str) -> bool:
    # Spreadsheets skip leading spaces (a no-break space too) before a formula sign, and
    # some read full-width signs (＝, ＋) as the ASCII ones: compare what they compare.
    if text.startswith(_FORMULA_START):
        return True
    first = text.lstrip(_LEADING_BLANKS)[:1]
    return bool(first) and unicodedata.normalize("NFKC", first).startswith(_FORMULA_START)


_LEADING_BLANKS = "".join(
    [" \n\x0b\x0c\u00a0\u1680\u180e\u200b\u2028\u2029\u202f\u205f\u3000\ufeff"]
    + [chr(c) for c in range(0x2000, 0x200B)]
)
"""Spaces and invisible blanks a spreadsheet may skip before reading a formula sign."""


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of `df` with every text column passed through `safe_cell`."""
    out = df.copy()
    for column in out.columns:
        # pandas 3 gives text its own `str` dtype; older frames and mixed columns are object.
        if is_object_dtype(out[column]) or is_string_dtype(out[column]):
            out[column] = out[column].map(safe_cell, na_action="ignore")
    return out


def headed(df: pd.DataFrame) -> pd.DataFrame:
    """`df` with its column names in the reader's language: the names are marked where the
    columns are defined, and stay English inside the app, where code reads them."""
    return df.rename(columns=lambda name: _(name) if isinstance(name, str) and name else name)
