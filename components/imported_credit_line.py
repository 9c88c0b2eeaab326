"""The Pol.is credit line under an idea board that shows imported statements.

Pol.is data is CC BY 4.0: its attribution must stand wherever its statements are shown.
Converge and the projector show it beside an imported round's results; the facilitator's
idea board shows the statements themselves, so it says where they came from too.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

import streamlit as st

from components.text import escape_markdown
from i18n import _
from services.core.actors import Actor
from services.prepare import imported_credit


class ShownIdea(Protocol):
    """An idea on the board: only its id matters here."""

    @property
    def id(self) -> int: ...


# `db` below is the app's Database (runtime.database()); components do not import db/.


def imported_credit_line(db: Any, actor: Actor, shown_ideas: Iterable[ShownIdea]) -> None:
    """A caption per Pol.is conversation some of `shown_ideas` came from; nothing when
    none did. The credit is the export's own text, shown as text."""
    for credit in imported_credit.board_credits(db, actor, [idea.id for idea in shown_ideas]):
        note = _(imported_credit.IMPORTED_NOTE)
        st.caption(f"{note} {escape_markdown(credit)}")
