"""The addresses printed on table cards and badges. Pure: no database, no Streamlit."""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from urllib.parse import urlencode, urlsplit

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


def vote_page(base: str) -> str:
    """The room's voting page with no code: people type the code on their badge there.

    What the projector shows (as a QR code and in words) while voting is open, and what the
    badge sheet tells people to open.
    """
    return f"{base.rstrip('/')}/vote"


def survey_link(base: str, code: str) -> str:
    """A participant's personal survey link."""
    return _link(base, "survey", code=code)


def projector_link(base: str, meeting_code: str) -> str:
    """The room's read-only live view."""
    return _link(base, "projector", code=meeting_code)


def reachable_from_phones(base: str) -> bool:
    """False for addresses only this computer can open, such as localhost."""
    host = (urlsplit(base if "://" in base else f"http://{base}").hostname or "").lower()
    if host in {h.strip("[]") for h in LOCAL_HOSTS} or host.endswith(".localhost"):
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return bool(host)
    return not (address.is_loopback or address.is_unspecified)


def server_root(
    browser_url: str | None, headers: Mapping[str, str], base_path: str = "", port: int = 8501
) -> str:
    """The app's root address, with no page path: where every printed link starts.

    The browser's own address names the scheme, host and port people reach the server by
    (behind nginx too: the browser sees the proxy's address); its path is the page's, so
    it is dropped and the server's base path (`server.baseUrlPath`) put in its place.
    Without a browser address (a script run with no page), the request's headers answer:
    X-Forwarded-Proto/-Host/-Prefix from a proxy, else Host.
    """
    prefix = "/" + base_path.strip("/") if base_path.strip("/") else ""
    if browser_url and "://" in browser_url:
        parts = urlsplit(browser_url)
        if parts.netloc:
            return f"{parts.scheme}://{parts.netloc}{prefix}"
    lowered = {k.lower(): v for k, v in headers.items()}
    host = _first(lowered.get("x-forwarded-host")) or _first(lowered.get("host"))
    scheme = _first(lowered.get("x-forwarded-proto")) or "http"
    forwarded_prefix = _first(lowered.get("x-forwarded-prefix")).strip("/")
    if forwarded_prefix:
        prefix = f"/{forwarded_prefix}{prefix}"
    return f"{scheme}://{host or f'localhost:{port}'}{prefix}"


def with_host(base: str, host: str) -> str:
    """`base` with its host replaced by `host`, keeping scheme, port and path."""
    parts = urlsplit(base)
    port = f":{parts.port}" if parts.port else ""
    shown = f"[{host}]" if ":" in host else host
    return f"{parts.scheme}://{shown}{port}{parts.path}".rstrip("/")


def _first(value: str | None) -> str:
    """The first of a header's comma-separated values (a chain of proxies adds more)."""
    return (value or "").split(",", 1)[0].strip()
