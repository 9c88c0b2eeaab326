"""The Pol.is credit line under an idea board that shows imported statements.

Pol.is data is CC BY 4.0: its attribution must stand wherever its statements are shown.
Converge and the projector show it beside an imported round's results; the facilitator's
idea board shows the statements themselves, so it says where they came from too.
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from components.text import escape_markdown
from i18n import _
from services.prepare.imported_credit import IMPORTED_NOTE


def imported_credit_line(credits: Iterable[str]) -> None:
    """A caption per Pol.is conversation the board's ideas came from (the Ideas screen's
    `credits_for`); nothing when none did. The credit is the export's own text, shown as text."""
    for credit in credits:
        st.caption(f"{_(IMPORTED_NOTE)} {escape_markdown(credit)}")
