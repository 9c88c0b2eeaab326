"""Sign-in, in one module, so a city can swap streamlit-authenticator for st.login (OIDC).

Known traps of streamlit-authenticator 0.4.2 handled here: it sleeps 0.7 s on every run
unless login_sleep_time=0; st.rerun() straight after login() or logout() loses the cookie
write or delete; exactly one Authenticate may be built per run.

Building an Authenticate is not free: it reads every account and draws the cookie
component, whose iframe reruns the page once more when it loads. The load benchmark
(bench/) found it an eighth of a phone's tap, so the router builds one only on the runs
that need it: the sign-in form, a browser returning with a sign-in cookie, and sign-out.

That iframe asks the browser for every cookie, but 0.4.2 reads its own cookie from
`st.context.cookies` and never looks at the answer; the answer only reruns the page, and
a click landing in that rerun (a fast typist, a password manager submitting at once) was
dropped (seen in the browser tests). So the authenticator gets a cookie manager that
starts from the cookies the server already has and draws an iframe only to write or
delete one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import extra_streamlit_components as stx
import streamlit as st
import streamlit_authenticator as stauth
from extra_streamlit_components.CookieManager import _component_func as cookie_component
from streamlit_authenticator.models import cookie_model

SIGN_OUT_KEY = "signout"


class _ServerReadCookieManager(stx.CookieManager):
    """extra_streamlit_components' manager without the getAll iframe; set and delete stay."""

    def __init__(self, key: str = "init") -> None:
        self.cookie_manager = cookie_component
        self.cookies = dict(st.context.cookies)


# Only the authenticator's cookie model uses this name; nothing else in the process does.
cookie_model.stx = type("CookieManagers", (), {"CookieManager": _ServerReadCookieManager})


class _Authenticate(stauth.Authenticate):
    """streamlit-authenticator's Authenticate, knowing whether anyone could sign in."""

    has_logins: bool = True


def authenticator(credentials: dict[str, Any], cookie_name: str, cookie_key: str, days: float):
    """The run's one Authenticate, with the stored cookie already checked."""
    has_logins = bool(credentials.get("usernames"))
    auth = _Authenticate(
        credentials,
        cookie_name=cookie_name,
        cookie_key=cookie_key,
        cookie_expiry_days=days,
        auto_hash=False,
        login_sleep_time=0,
    )
    auth.has_logins = has_logins
    auth.login(location="unrendered")
    return auth


def may_sign_in_by_cookie(cookie_name: str) -> bool:
    """True when this browser sent a sign-in cookie that this session has not used yet.

    A session signed out by hand keeps the cookie it connected with until the tab
    reloads; the authenticator's own `logout` flag refuses that cookie.
    """
    return not signed_in_username() and cookie_name in st.context.cookies


def signed_in_username() -> str | None:
    """The username of the signed-in account, or None."""
    if st.session_state.get("authentication_status"):
        return st.session_state.get("username")
    return None


def login_form(auth: Any) -> None:
    """The sign-in form with labelled fields; shows why a sign-in failed.

    Not drawn on an install with no login at all: nobody could use it, and the home page
    offers the first facilitator's account instead (services/first_run.py).
    """
    if not getattr(auth, "has_logins", True):
        return
    auth.login(
        location="main",
        fields={
            "Form name": "Sign in",
            "Username": "Username",
            "Password": "Password",
            "Login": "Sign in",
        },
        key="signin",
    )
    if st.session_state.get("authentication_status") is False:
        st.error("That username and password do not match. Check them and try again.")


def logout_button(make_auth: Callable[[], Any]) -> bool:
    """A sign-out button in the sidebar; True on the run that signed out.

    The button is drawn here, with the key and label the authenticator's own would have;
    the Authenticate that signs out and deletes the cookie is built only on its click.
    """
    if not signed_in_username():
        return False
    if st.sidebar.button("Sign out", key=SIGN_OUT_KEY):
        make_auth().logout(location="unrendered")
    return not signed_in_username()
