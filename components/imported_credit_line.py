"""The Pol.is credit line under an idea board that shows imported statements.

Pol.is data is CC BY 4.0: its attribution must stand wherever its statements are shown.
Converge and the projector show it beside an imported round's results; the facilitator's
idea board shows the statements themselves, so it says where they came from too.
"""

from __future__ import annotations

import streamlit as st

from components.text import escape_markdown
from services.prepare import imported_credit


def imported_credit_line(db, actor, shown_ideas) -> None:
    """A caption per Pol.is conversation some of `shown_ideas` (objects with an `id`) came
    from; nothing when none did. The credit is the export's own text, shown as text."""
    for credit in imported_credit.board_credits(db, actor, [idea.id for idea in shown_ideas]):
        st.caption(f"{imported_credit.IMPORTED_NOTE} {escape_markdown(credit)}")
