"""Sign-in, in one module, so a city can swap streamlit-authenticator for st.login (OIDC).

Known traps of streamlit-authenticator 0.4.2 handled here: it sleeps 0.7 s on every run
unless login_sleep_time=0; st.rerun() straight after login() or logout() loses the cookie
write or delete; exactly one Authenticate may be built per run.
"""

from __future__ import annotations

from typing import Any

import streamlit as st
import streamlit_authenticator as stauth

_AUTH_KEY = "_authenticator_run"


def authenticator(credentials: dict[str, Any], cookie_name: str, cookie_key: str, days: float):
    """The run's one Authenticate, with the stored cookie already checked."""
    auth = stauth.Authenticate(
        credentials,
        cookie_name=cookie_name,
        cookie_key=cookie_key,
        cookie_expiry_days=days,
        auto_hash=False,
        login_sleep_time=0,
    )
    auth.login(location="unrendered")
    return auth


def signed_in_username() -> str | None:
    """The username of the signed-in account, or None."""
    if st.session_state.get("authentication_status"):
        return st.session_state.get("username")
    return None


def login_form(auth: Any) -> None:
    """The sign-in form with labelled fields; shows why a sign-in failed."""
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


def logout_button(auth: Any) -> bool:
    """A sign-out button in the sidebar; True on the run that signed out."""
    if not signed_in_username():
        return False
    auth.logout(button_name="Sign out", location="sidebar", key="signout")
    return not signed_in_username()
