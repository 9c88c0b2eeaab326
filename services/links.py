"""The addresses printed on table cards and badges. Pure: no database, no Streamlit."""

from __future__ import annotations

from urllib.parse import urlencode

LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]", "0.0.0.0")


def _link(base: str, path: str, **params: object) -> str:
    return f"{base.rstrip('/')}/{path}?{urlencode(params)}"


def scribe_link(base: str, table_number: int) -> str:
    """The table's listening and idea capture (the scribe signs in first)."""
    return _link(base, "listen", table=table_number)


def ideas_link(base: str, table_number: int) -> str:
    """The table's idea board."""
    return _link(base, "ideas", table=table_number)


def vote_link(base: str, code: str) -> str:
    """A participant's personal voting link."""
    return _link(base, "vote", code=code)


def survey_link(base: str, code: str) -> str:
    """A participant's personal survey link."""
    return _link(base, "survey", code=code)


def projector_link(base: str, meeting_code: str) -> str:
    """The room's read-only live view."""
    return _link(base, "projector", code=meeting_code)


def reachable_from_phones(base: str) -> bool:
    """False for addresses only this computer can open, such as localhost."""
    host = base.split("://", 1)[-1].split("/", 1)[0].rsplit(":", 1)[0]
    return host not in LOCAL_HOSTS
