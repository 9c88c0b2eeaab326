"""Plain refusals and domain errors, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NoReturn

import streamlit as st

from components.text import escape_markdown
from i18n import _
from services.core.errors import DomainError


def refuse(message: str, title: str | None = None) -> NoReturn:
    """Stop the page with a plain explanation of why and what to do.

    The message is shown literally: a refusal may repeat what someone typed or linked.
    `title`, in the reader's language, defaults to "This page is not available".
    """
    st.title(title if title is not None else _("This page is not available"))
    st.error(escape_markdown(message))
    st.stop()
    raise AssertionError("unreachable")  # st.stop raises; this satisfies NoReturn


def show_error(error: Exception) -> None:
    """Show a domain error's message as it is (it was written for this reader).

    Literally, never as Markdown: messages repeat what was typed, a name or an address.
    """
    st.error(escape_markdown(getattr(error, "message", str(error))))


_FLASH = "_flash_message"


def flash_and_rerun(message: str, place: str | None = None) -> NoReturn:
    """Rerun so the page shows the change, and confirm it on the next run: at the top of
    the page, or at `place` (where the person clicked, on a long page: `show_flash`)."""
    st.session_state[_FLASH] = (message, place)
    st.rerun()
    raise AssertionError("unreachable")  # st.rerun raises


def show_flash(place: str | None = None) -> None:
    """Show the confirmation left by `flash_and_rerun` for this place (None: the top of
    the page), once, in a slot drawn on every run (as Set up's tabs do,
    components/setup/common.py): shown on one run only, it moved all below it on the
    next, and Streamlit draws a moved expander anew, shut."""
    slot = st.empty()
    left = st.session_state.get(_FLASH)
    if left and left[1] == place:
        del st.session_state[_FLASH]
        slot.success(left[0])


def action_runner(*leading: Any) -> Callable[..., None]:
    """A runner of user actions whose service calls all start with `leading` (db, actor, …).

    On success the page reruns to show the result and confirms it; on a domain error it
    says why, in the service's words, and nothing else happens.

    `Any` on purpose: it passes any service's arguments through unchanged, and Python's
    types cannot say "a callable whose first parameters are `leading`, then `args`" with a
    keyword (`done`) of the runner's own (a ParamSpec cannot be followed by one).
    `place`: where the confirmation shows (`show_flash`), the top of the page by default.
    """

    def act(action: Callable[..., Any], *args: Any, done: str, place: str | None = None) -> None:
        try:
            action(*leading, *args)
        except DomainError as error:
            show_error(error)
            return
        flash_and_rerun(done, place)

    return act
