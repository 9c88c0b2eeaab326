"""What several Set up tabs share: a table named in words, and actions confirmed in the tab.

A confirmation is shown at the top of the tab that made it, not above the tabs: an element
added above them moves the tabs, and the browser then opens the first tab again, away from
the badge or the list the facilitator was working on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NoReturn

import streamlit as st

from components.notices import show_error
from components.setup.context import SetupContext
from i18n import LANGUAGES, N_, _, offered, supported
from services.core.errors import DomainError
from services.setup.tables import MeetingTable, TableSummary

_FLASH = "_setup_tab_flash_{}"


def table_words(table: MeetingTable | TableSummary | None) -> str:
    """'Table 3 (By the window)', 'Table 3', or '—' for nobody's table."""
    if table is None:
        return "—"
    # A table nobody named is stored as "Table 3" in English: that is no name of its own.
    name = table.name if table.name != f"Table {table.number}" else ""
    numbered = _("Table {number}").format(number=table.number)
    return _("{table} ({name})").format(table=numbered, name=name) if name else numbered


def show_tab_flash(tab: str) -> None:
    """The confirmation an action on this tab left for this run, once.

    In a slot drawn on every run, empty on the next: a confirmation there on one run only
    moved everything below it on the next, and Streamlit draws a moved expander anew,
    shut, so the facilitator's next pick in an open form closed it under their hand.
    """
    slot = st.empty()
    message = st.session_state.pop(_FLASH.format(tab), None)
    if message:
        slot.success(message)


def confirm_in_tab(tab: str, message: str) -> NoReturn:
    """Rerun so the tab shows the change, and confirm it at the top of the tab."""
    st.session_state[_FLASH.format(tab)] = message
    st.rerun()
    raise AssertionError("unreachable")  # st.rerun raises


def run_then_confirm(tab: str, action: Callable[[], str]) -> None:
    """Run an action that returns its own confirmation (it says what it did); show a
    refusal in the service's words where the action was asked for, and change nothing."""
    try:
        message = action()
    except DomainError as error:
        show_error(error)
        return
    confirm_in_tab(tab, message)


def tab_act(ctx: SetupContext, tab: str) -> Callable[..., None]:
    """Like `ctx.act` (service calls that start with db and actor), confirmed in the tab."""

    def act(action: Callable[..., object], *args: object, done: str) -> None:
        def run() -> str:
            action(ctx.db, ctx.actor, *args)
            return done

        run_then_confirm(tab, run)

    return act


def language_choice(current: str, key: str, label: str = N_("Their language")) -> str:
    """Which language a person's badge, survey and ballot speak, each named in its own
    words ("Español"), so whoever reads the list finds theirs. `label` (marked for the
    catalogue) matches the form's other fields: "Their email" beside it, or "Email"."""
    choices = list(offered())
    shown = supported(current)
    return st.selectbox(
        _(label),
        choices,
        format_func=lambda code: LANGUAGES[code],
        index=choices.index(shown) if shown in choices else 0,
        help=_("Their badge, survey and ballot speak it; they can switch on the phone too."),
        key=key,
    )
