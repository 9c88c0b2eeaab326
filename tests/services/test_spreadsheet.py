"""Spreadsheet safety: text a spreadsheet would run as a formula comes out as plain text."""

from datetime import date

import pandas as pd
import pytest

from adapters.spreadsheet import safe_cell, safe_frame


@pytest.mark.parametrize(
    "formula",
    [
        '=HYPERLINK("http://x","y")',
        "+1",
        "-2+3",
        "@SUM(A1)",
        "\t=1",
        "\r=1",
        "=",
        "-",
        # Blanks a spreadsheet skips, and full-width signs it reads as the ASCII ones.
        " =1",
        "  +1+cmd|' /C calc'!A0",
        "\u00a0=HYPERLINK(1)",
        "\n@SUM(A1)",
        "\u3000-1",
        "\uff1dHYPERLINK(1)",
        "\uff0b1",
        "\uff20SUM(A1)",
        "\ufeff=1",
    ],
)
def test_text_that_starts_like_a_formula_gets_a_leading_apostrophe(formula):
    assert safe_cell(formula) == "'" + formula


@pytest.mark.parametrize(
    "value", ["Train officers", "a=b", " ", "", "Zoë – 5", "1+1", " plain", "\u00a0text"]
)
def test_ordinary_text_is_left_alone(value):
    assert safe_cell(value) == value


@pytest.mark.parametrize("value", [-5, -2.5, 0, None, True, date(2026, 1, 2)])
def test_numbers_dates_and_blanks_are_left_alone(value):
    assert safe_cell(value) is value


def test_a_frame_has_its_text_columns_neutralised_and_its_numbers_kept():
    df = pd.DataFrame(
        {
            "Action": ["=1+1", "Plain", None],
            "Count": [-3, 4, 5],
            "Mixed": [date(2026, 1, 2), "@x", None],
        }
    )
    safe = safe_frame(df)
    assert safe["Action"].tolist()[:2] == ["'=1+1", "Plain"]
    assert pd.isna(safe["Action"].tolist()[2])
    assert safe["Count"].tolist() == [-3, 4, 5]
    assert safe["Count"].dtype == df["Count"].dtype
    assert safe["Mixed"].tolist()[:2] == [date(2026, 1, 2), "'@x"]


def test_the_original_frame_is_not_changed():
    df = pd.DataFrame({"Action": ["=1"]})
    safe_frame(df)
    assert df["Action"].tolist() == ["=1"]
