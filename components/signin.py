"""Sign-in, in one module, so a city can swap it for st.login (OIDC) in one place.

The form is our own st.form over services/accounts/signin_accounts.sign_in, which throttles
failed tries, takes as long for unknown usernames as for real ones, and refuses
over-long fields before any work. streamlit-authenticator 0.4.2 did none of that, and its
cookie (a JWT without a version) could not be revoked, so it is no longer used here.

The cookie holds a JWT naming the login and its token version (services/accounts/signin_tokens.py).
It is HttpOnly, so no script, ours included, can read, write or delete it: the server sets
and clears it on two routes of its own (signin_routes.py). A sign-in hands the page a
one-time handoff that the page posts at once to the cookie route, a top-level form
submission whose answer sets the cookie and brings the browser back to the home page,
signed in by it. Signing out, and a cookie the server refused, post to the sign-out route
from a line of script, so the page and its note stay.

The cookie is read on the server from `st.context.cookies` (what the browser sent when the
tab connected, HttpOnly cookies included), so it is the same for the session's whole life.
"""

from __future__ import annotations

import hashlib
import html
import json
from urllib.parse import urlencode

import streamlit as st

import signin_routes
from i18n import N_, _
from runtime import Database
from services.accounts import signin_accounts, signin_handoffs
from services.accounts.signin_accounts import SignedIn, SignInRefused

SIGN_OUT_KEY = "signout"
STATUS_KEY = "authentication_status"
USERNAME_KEY = "username"
VERSION_KEY = "signin_version"
_SPENT_COOKIE = "_signin_spent_cookie"
"""A digest of the cookie this tab connected with, once it was refused or signed out:
`st.context.cookies` keeps sending it to the server until the tab reloads."""
_SIGN_IN_AGAIN = "_signin_again"
_SIGNED_OUT = "_signin_signed_out"
SIGNED_OUT = N_("You are signed out. Close this tab or sign in again from the home page.")

SIGN_IN_AGAIN = N_("Please sign in again.")


def signed_in_username() -> str | None:
    """The username of the signed-in account, or None."""
    if st.session_state.get(STATUS_KEY):
        return st.session_state.get(USERNAME_KEY)
    return None


def signed_in_version() -> int | None:
    """The token version this session signed in with (None in tests that set the session)."""
    return st.session_state.get(VERSION_KEY)


def restore_from_cookie(db: Database, cookie_name: str, cookie_key: str) -> None:
    """A browser back with its sign-in cookie is signed in by it, before pages are chosen.

    A cookie that no longer holds (signed out or a new password since, the login
    deactivated or removed, forged, expired, garbage) signs the browser out: the cookie is
    deleted and the page says "Please sign in again." instead of breaking.
    """
    if signed_in_username():
        return
    raw = st.context.cookies.get(cookie_name)
    if not isinstance(raw, str) or st.session_state.get(_SPENT_COOKIE) == _digest(raw):
        return
    signed = signin_accounts.signed_in_by_cookie(db, raw, cookie_key)
    if signed is None:
        st.session_state[_SPENT_COOKIE] = _digest(raw)
        st.session_state[_SIGN_IN_AGAIN] = True
        _clear_cookie()
        return
    _remember(signed)


def end_if_revoked(signed_in: bool) -> None:
    """A session whose login was deactivated, signed out elsewhere or given a new password
    (`signed_in` False although the session says it is) is signed out with the note."""
    if signed_in or not signed_in_username():
        return
    _forget()
    st.session_state[_SIGN_IN_AGAIN] = True


def sign_in_again_note() -> None:
    """ "Please sign in again." while this tab's sign-in has ended and nobody signed in."""
    if signed_in_username():
        return
    # Kept for the runs after the sign-out's own, as long as the tab is open.
    if st.session_state.get(_SIGNED_OUT):
        st.info(_(SIGNED_OUT))
    elif st.session_state.get(_SIGN_IN_AGAIN):
        st.info(_("Please sign in again. Your earlier sign-in on this browser has ended."))


def login_form(db: Database, back_to: str | None = None) -> None:
    """The sign-in form with labelled fields; says why a sign-in failed or must wait.

    Cleared on submit: a pasted 10 MB "password" does not stay in the session's memory,
    and a password is never sent back to the browser. Not drawn on an install with no
    active login: nobody could use it, and the home page offers first-run setup instead.
    `back_to`: the address (path and query) to open once signed in, instead of home.
    """
    if not signin_accounts.has_active_login(db):
        return
    with st.form("signin", clear_on_submit=True):
        st.subheader(_("Sign in"))
        username = st.text_input(_("Username"), autocomplete="username")
        password = st.text_input(_("Password"), type="password", autocomplete="current-password")
        submitted = st.form_submit_button(_("Sign in"))
    if not submitted:
        return
    try:
        signed = signin_accounts.sign_in(db, username, password, _client_address())
    except SignInRefused as refusal:
        st.session_state[STATUS_KEY] = False
        st.error(refusal.message)
        return
    _remember(signed)
    _fetch_cookie(signin_handoffs.issue(db, signed), back_to)


def logout_button() -> None:
    """The Sign out button, where the caller draws it (the sidebar); the run it starts is
    `sign_out_asked`'s."""
    st.button(_("Sign out"), key=SIGN_OUT_KEY)


def sign_out_asked() -> bool:
    """Whether this run is the one the Sign out button started: read before anything of
    the signed-in page is drawn (a button's click is in the session as the run begins)."""
    return bool(st.session_state.get(SIGN_OUT_KEY)) and bool(signed_in_username())


def sign_out(db: Database, cookie_name: str) -> None:
    """Sign out this browser's login, then `signed_out_note`.

    Signing out raises the login's token version: the cookie of every browser signed in
    as this login, copies included, stops working.
    """
    username = signed_in_username()
    if username:
        signin_accounts.sign_out(db, username)
    raw = st.context.cookies.get(cookie_name)
    if isinstance(raw, str):
        st.session_state[_SPENT_COOKIE] = _digest(raw)
    _forget()
    st.session_state[_SIGNED_OUT] = True


def signed_out_note(home: st.Page) -> None:
    """On the run that signed out: the browser asked to clear the cookie, that it is
    signed out in words, and the way to sign in again."""
    _clear_cookie()
    st.info(_(SIGNED_OUT))
    st.page_link(home, label=_("Sign in again"))


def _remember(signed: SignedIn) -> None:
    st.session_state[STATUS_KEY] = True
    st.session_state[USERNAME_KEY] = signed.username
    st.session_state[VERSION_KEY] = signed.version
    st.session_state.pop(_SIGN_IN_AGAIN, None)
    st.session_state.pop(_SIGNED_OUT, None)


def _forget() -> None:
    st.session_state[STATUS_KEY] = None
    st.session_state[USERNAME_KEY] = None
    st.session_state.pop(VERSION_KEY, None)


BACK_MAX = 500
"""Characters of the address to go back to: the cookie route takes posts of 1,024 bytes."""


def sign_in_here(db: Database, back_to: str | None = None) -> None:
    """The sign-in form; on the run that signs in, "You are signed in." and nothing more:
    this run's navigation was built for a visitor, and the form fetching the cookie brings
    the browser back (to `back_to`, else home), where the role's session is built."""
    login_form(db, back_to)
    if signed_in_username():
        st.success(_("You are signed in."))
        st.stop()


def sign_in_first(db: Database, title: str, back_to: str) -> None:
    """A staff page opened before signing in (a table card's QR code on a new tablet): the
    form, and once signed in the browser goes on to `back_to`, that page's address."""
    st.info(_("Sign in to open {page}.").format(page=title))
    sign_in_here(db, back_to)


def page_address(url_path: str, query: dict[str, str]) -> str:
    """The address of one of the app's pages, with its query, as the cookie route takes it;
    without a query too long for the route's post (a table link's is a few characters)."""
    where = f"{signin_routes.base_path()}/{url_path}"
    asked = f"{where}?{urlencode(query)}" if query else where
    return asked if len(asked) <= BACK_MAX else where


def _fetch_cookie(handoff: str, back_to: str | None = None) -> None:
    """Post the handoff from the page itself, so the answer's cookie lands in the browser
    and the browser comes back signed in by it: to `back_to`, else the home page. The
    button is there for a browser that does not run the line of script."""
    action = html.escape(signin_routes.route_url(signin_routes.COOKIE_ROUTE))
    back = (
        f'<input type="hidden" name="{signin_routes.BACK_FIELD}" value="{html.escape(back_to)}">'
        if back_to
        else ""
    )
    st.html(
        f'<form method="post" action="{action}" data-signin-handoff>'
        f'<input type="hidden" name="{signin_routes.HANDOFF_FIELD}" '
        f'value="{html.escape(handoff)}">{back}'
        '<button type="submit">' + html.escape(_("Continue to your screens")) + "</button></form>"
        "<script>document.querySelector('form[data-signin-handoff]').submit();</script>",
        unsafe_allow_javascript=True,
    )


def _clear_cookie() -> None:
    """Have the browser ask the server to clear the cookie (no script can: HttpOnly)."""
    # A JSON string is a JavaScript string; "<" escaped so nothing can close the script.
    url = json.dumps(signin_routes.route_url(signin_routes.SIGNOUT_ROUTE)).replace("<", "\\u003c")
    st.html(
        "<style>[data-testid=stElementContainer]:has(script[data-signin-clear])"
        "{display: none}</style>"
        f"<script data-signin-clear>fetch({url}, {{method: 'POST', "
        "credentials: 'same-origin', cache: 'no-store'});</script>",
        unsafe_allow_javascript=True,
    )


def _client_address() -> str | None:
    """The browser's address as the server sees it (a proxy's, unless it forwards it);
    None on the server's own computer and under AppTest, whose context is a stand-in."""
    address = st.context.ip_address
    return address if isinstance(address, str) and len(address) <= 100 else None


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8", "replace")).hexdigest()
