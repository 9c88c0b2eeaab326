"""workarounds/response_headers.py: security headers added, a header already set kept.

serve.py's own test (tests/test_serve.py) checks them on the real app server's responses.
"""

from __future__ import annotations

import asyncio
import re
from concurrent.futures import ThreadPoolExecutor

from streamlit import config
from streamlit.web.server.starlette import starlette_server

from workarounds.response_headers import SecurityHeaders, without_server_header


def test_a_header_the_app_already_set_is_kept_and_the_others_added():
    sent: list[dict] = []

    async def app(scope, receive, send):
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"referrer-policy", b"no-referrer")],
            }
        )

    async def collect(message):
        sent.append(message)

    # In a thread of its own: the browser tests' Playwright keeps an event loop in this one.
    with ThreadPoolExecutor(1) as thread:
        thread.submit(
            lambda: asyncio.run(SecurityHeaders(app)({"type": "http"}, None, collect))
        ).result()
    headers = dict(sent[0]["headers"])
    assert headers[b"referrer-policy"] == b"no-referrer"
    assert headers[b"x-content-type-options"] == b"nosniff"
    assert headers[b"x-frame-options"] == b"SAMEORIGIN"


def test_uvicorn_is_told_not_to_name_itself():
    assert without_server_header(lambda: {"ws": "auto"})() == {"ws": "auto", "server_header": False}


def test_streamlit_still_has_no_setting_for_response_headers():
    """Why the middleware exists. When this fails, look whether the new setting can say
    SECURITY_HEADERS; then the middleware can go."""
    about_headers = {
        name
        for name in config._config_options_template
        if name.startswith("server.") and re.search("header|frame|csp|secur", name, re.I)
    }
    # trustedUserHeaders is about headers a proxy sends in, not what the server sends out.
    assert about_headers == {"server.trustedUserHeaders"}


def test_streamlit_still_leaves_uvicorn_s_server_header_on():
    """When this fails, Streamlit turns the `server:` header off itself."""
    assert "server_header" not in starlette_server._get_uvicorn_config_kwargs()
