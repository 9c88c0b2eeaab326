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
from typing import TypeVar

import streamlit as st

from components.text import escape_markdown
from i18n import N_, _, ngettext
from services.core import code_attempts, codes
from services.core.code_attempts import Browser, CodeAttempts

SHAPE = N_("8 letters and digits, like K7QM-4TPX")
_BROWSER_KEY = "_code_entry_browser"
_ACCEPTED_KEY = "_code_entry_accepted"
_REFUSED_LINK_KEY = "_code_entry_refused_link"
_SHOWN_MAX = 40
"""A code longer than this is cut short in a refusal: a link can hold anything."""


Found = TypeVar("Found")
"""What a code names: a participant (Vote, Survey) or a meeting (Projector)."""


@dataclass(frozen=True)
class CodePage:
    """How one page asks for its code, in its own words: each a whole sentence marked with
    `N_`, translated where it is shown (a badge and a meeting differ in gender in Spanish)."""

    key: str
    title: str
    label: str
    button: str
    type_first: str
    """An empty box sent: what to type, and the button to press."""
    wrong_link: str
    """A link whose code names nothing; {code} is "that code" / "the code K7QM-4TPX"."""
    wrong_typed: str
    """A typed code that names nothing; {code} as in `wrong_link`."""


VOTE = CodePage(
    key="vote",
    title=N_("Vote"),
    label=N_("The code on your badge"),
    button=N_("Open my ballot"),
    type_first=N_("Type the code on your badge first, then press “Open my ballot”."),
    wrong_link=N_(
        "This voting link is not valid: no badge has {code}. "
        "Type the code on your badge below, or ask a facilitator."
    ),
    wrong_typed=N_("No badge has {code}. Check it letter by letter, or ask a facilitator."),
)
SURVEY = CodePage(
    key="survey",
    title=N_("Survey"),
    label=N_("The code on your badge"),
    button=N_("Open my survey"),
    type_first=N_("Type the code on your badge first, then press “Open my survey”."),
    wrong_link=N_(
        "This survey link is not valid: no badge has {code}. "
        "Type the code on your badge or invitation below, or ask a facilitator."
    ),
    wrong_typed=N_("No badge has {code}. Check it letter by letter, or ask a facilitator."),
)
PROJECTOR = CodePage(
    key="projector",
    title=N_("Projector"),
    label=N_("The meeting's code"),
    button=N_("Show the meeting"),
    type_first=N_("Type the meeting's code first, then press “Show the meeting”."),
    wrong_link=N_(
        "This projector link is not valid: no meeting has {code}. "
        "Type the meeting's code below, or copy it again from the facilitator's console."
    ),
    wrong_typed=N_(
        "No meeting has {code}. Check it letter by letter, "
        "or copy it again from the facilitator's console."
    ),
)


@st.cache_resource
def _attempts() -> CodeAttempts:
    """One count of wrong codes per server process (services/core/code_attempts says why)."""
    return CodeAttempts()


def code_entry(
    page: CodePage, find: Callable[[str], Found | None], code_of: Callable[[Found], str]
) -> Found:
    """What the link's code names; else a box to type the code, and the page stops there.

    `find` looks a code up however it was typed (services/core/codes) and returns None when it
    names nothing; `code_of` is the code as stored, which goes into the link.
    """
    link = (st.query_params.get("code") or "").strip()
    link_refusal = None
    if link:
        found, link_refusal = _judge(page, link, find, code_of, from_link=True)
        if found is not None:
            if link != code_of(found):
                st.query_params["code"] = code_of(found)
            return found
    st.title(_(page.title), anchor=False)
    notice = st.container()
    with st.form(f"code-entry-{page.key}"):
        typed = st.text_input(_(page.label), key=f"code-entry-{page.key}-typed", help=_(SHAPE))
        st.caption(_("{shape}. Capitals or not, with or without the dash.").format(shape=_(SHAPE)))
        sent = st.form_submit_button(_(page.button), type="primary")
    message = link_refusal
    if sent:
        found, message = _judge(page, typed, find, code_of, from_link=False)
        if found is not None:
            st.query_params["code"] = code_of(found)
            st.rerun()
    if message:
        with notice:
            for line in message:
                st.error(escape_markdown(line))
    st.stop()
    raise AssertionError("unreachable")  # st.stop raises


def _judge(
    page: CodePage,
    code: str,
    find: Callable[[str], Found | None],
    code_of: Callable[[Found], str],
    from_link: bool,
) -> tuple[Found | None, list[str]]:
    """The record `code` names, or why not in words; slowed down after wrong codes."""
    if not code.strip():
        return None, [_(page.type_first)]
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
        accepted.add((page.key, code_of(found)))
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
        named = _("that code")
    elif codes.normalized(code) is None:
        named = _("the code “{code}”").format(code=shown)
    else:
        named = _("the code {code}").format(code=shown)
    return _(page.wrong_link if from_link else page.wrong_typed).format(code=named)


def _slow_down(wait: float) -> str:
    seconds = code_attempts.seconds_to_say(wait)
    return ngettext(
        "Too many wrong codes: try again in {n} second.",
        "Too many wrong codes: try again in {n} seconds.",
        seconds,
    ).format(n=seconds)


def shown_code(code: str) -> str:
    """A code as a refusal repeats it: in display form when it can be a code of ours,
    else as typed, printable characters only and cut short."""
    form = codes.normalized(code)
    if form is not None:
        return codes.display_code(form)
    text = "".join(c for c in code.strip() if c.isprintable())
    return text if len(text) <= _SHOWN_MAX else text[: _SHOWN_MAX - 1] + "…"
