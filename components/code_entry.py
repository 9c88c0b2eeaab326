"""The box where a participant types the code on their badge, or a facilitator the meeting's.

Vote, Survey and Projector open with the code in their link (`?code=…`, from a QR code).
A bare `/vote`, what the badge tells people to type, or a link whose code names nothing,
shows this box instead; a right code goes into the link, in its stored form, and the page
goes on. Wrong codes from one browser are slowed down by services/core/code_attempts.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

import streamlit as st

from components.text import escape_markdown
from services.core import code_attempts, codes
from services.core.code_attempts import Browser, CodeAttempts

SHAPE = "8 letters and digits, like K7QM-4TPX"
_BROWSER_KEY = "_code_entry_browser"
_ACCEPTED_KEY = "_code_entry_accepted"
_REFUSED_LINK_KEY = "_code_entry_refused_link"
_SHOWN_MAX = 40
"""A code longer than this is cut short in a refusal: a link can hold anything."""


class _Coded(Protocol):
    code: str


Found = TypeVar("Found", bound=_Coded)


@dataclass(frozen=True)
class CodePage:
    """How one page asks for its code, in its own words."""

    key: str
    title: str
    label: str
    button: str
    holder: str
    """What a code belongs to, for "No badge has the code …"."""
    link: str
    """What the page's link is called, for "This voting link is not valid …"."""
    where: str
    """Where the code is found, for the refusal of a wrong link."""
    help_next: str
    """What to do after checking the code letter by letter."""


VOTE = CodePage(
    key="vote",
    title="Vote",
    label="The code on your badge",
    button="Open my ballot",
    holder="badge",
    link="voting link",
    where="Type the code on your badge below",
    help_next="ask a facilitator",
)
SURVEY = CodePage(
    key="survey",
    title="Survey",
    label="The code on your badge",
    button="Open my survey",
    holder="badge",
    link="survey link",
    where="Type the code on your badge or invitation below",
    help_next="ask a facilitator",
)
PROJECTOR = CodePage(
    key="projector",
    title="Projector",
    label="The meeting's code",
    button="Show the meeting",
    holder="meeting",
    link="projector link",
    where="Type the meeting's code below",
    help_next="copy it again from the facilitator's console",
)


@st.cache_resource
def _attempts() -> CodeAttempts:
    """One count of wrong codes per server process (services/core/code_attempts says why)."""
    return CodeAttempts()


def code_entry(page: CodePage, find: Callable[[str], Found | None]) -> Found:
    """What the link's code names; else a box to type the code, and the page stops there.

    `find` looks a code up however it was typed (services/core/codes) and returns None when it
    names nothing.
    """
    link = (st.query_params.get("code") or "").strip()
    link_refusal = None
    if link:
        found, link_refusal = _judge(page, link, find, from_link=True)
        if found is not None:
            if link != found.code:
                st.query_params["code"] = found.code
            return found
    st.title(page.title)
    notice = st.container()
    with st.form(f"code-entry-{page.key}"):
        typed = st.text_input(page.label, key=f"code-entry-{page.key}-typed", help=SHAPE)
        st.caption(f"{SHAPE}. Capitals or not, with or without the dash.")
        sent = st.form_submit_button(page.button, type="primary")
    message = link_refusal
    if sent:
        found, message = _judge(page, typed, find, from_link=False)
        if found is not None:
            st.query_params["code"] = found.code
            st.rerun()
    if message:
        with notice:
            for line in message:
                st.error(escape_markdown(line))
    st.stop()
    raise AssertionError("unreachable")  # st.stop raises


def _judge(
    page: CodePage, code: str, find: Callable[[str], Found | None], from_link: bool
) -> tuple[Found | None, list[str]]:
    """The record `code` names, or why not in words; slowed down after wrong codes."""
    if not code.strip():
        return None, [f"Type {page.label.lower()} first, then press “{page.button}”."]
    accepted: set[tuple[str, str]] = st.session_state.setdefault(_ACCEPTED_KEY, set())
    if from_link and st.session_state.get(_REFUSED_LINK_KEY) == (page.key, code):
        # This run is the same visit to the same link (the box was sent): counted already.
        return None, [_refusal(page, code, from_link)]
    if (page.key, code) not in accepted:
        wait = _attempts().wait_left(_browser())
        if wait > 0:
            return None, [_slow_down(wait)]
    found = find(code)
    if found is not None:
        accepted.add((page.key, found.code))
        return found, []
    if from_link:
        st.session_state[_REFUSED_LINK_KEY] = (page.key, code)
    wait = _attempts().record_wrong(_browser())
    return None, [_refusal(page, code, from_link), *([_slow_down(wait)] if wait > 0 else [])]


def _browser() -> Browser:
    """This browser: its session (a random id kept in it) and its network address."""
    session = st.session_state.setdefault(_BROWSER_KEY, secrets.token_urlsafe(16))
    return Browser(session, st.context.ip_address)


def _refusal(page: CodePage, code: str, from_link: bool) -> str:
    shown = shown_code(code)
    if not shown:
        named = "that code"
    elif codes.normalized(code) is None:
        named = f"the code “{shown}”"
    else:
        named = f"the code {shown}"
    if from_link:
        return (
            f"This {page.link} is not valid: no {page.holder} has {named}. "
            f"{page.where}, or {page.help_next}."
        )
    return f"No {page.holder} has {named}. Check it letter by letter, or {page.help_next}."


def _slow_down(wait: float) -> str:
    seconds = code_attempts.seconds_to_say(wait)
    return f"Too many wrong codes: try again in {seconds} second{'s' if seconds != 1 else ''}."


def shown_code(code: str) -> str:
    """A code as a refusal repeats it: in display form when it can be a code of ours,
    else as typed, printable characters only and cut short."""
    form = codes.normalized(code)
    if form is not None:
        return codes.display_code(form)
    text = "".join(c for c in code.strip() if c.isprintable())
    return text if len(text) <= _SHOWN_MAX else text[: _SHOWN_MAX - 1] + "…"
