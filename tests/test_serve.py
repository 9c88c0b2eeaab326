"""serve.py: the app server it starts has the workarounds installed (Nagle's algorithm off,
security headers, no server name, no public-address look-up) and caps the sessions one
address holds."""

from __future__ import annotations

import time
import urllib.error
import urllib.request

import pytest
from streamlit import net_util
from streamlit.web.server.starlette import starlette_app, starlette_server, starlette_websocket

import serve
from db.migrate import upgrade_to_head
from tests.app_server import running_app
from tests.workarounds.test_tcp_nodelay import accepted_nodelay
from workarounds.response_headers import SECURITY_HEADERS


def test_the_server_serve_starts_binds_through_the_fix(monkeypatch):
    # install() patches Streamlit's module globals in this process: every one is put back
    # after the test, or later tests in the same worker see the patched functions.
    for module, name in (
        (starlette_server, "_bind_socket"),
        (starlette_server, "_get_uvicorn_config_kwargs"),
        (starlette_app, "create_streamlit_middleware"),
        (starlette_app, "create_streamlit_routes"),
        (starlette_websocket, "create_websocket_handler"),
        (net_util, "get_external_ip"),
    ):
        monkeypatch.setattr(module, name, getattr(module, name))
    serve.install()
    assert accepted_nodelay(starlette_server._bind_socket) == 1


def test_every_http_response_carries_the_security_headers_and_no_server_name(tmp_path):
    # The real app server, started the way `make run` starts it (python -m serve app.py).
    url = f"sqlite:///{tmp_path / 'headers.db'}"
    upgrade_to_head(url)
    with running_app(url, tmp_path, cookie_key="headers-test-cookie-key") as server:
        for path in ("/", "/console", "/_stcore/health", "/app/static/none.png"):
            try:
                response = urllib.request.urlopen(server.url + path, timeout=10)
            except urllib.error.HTTPError as error:  # a 404 needs its headers too
                response = error
            headers = {k.lower(): v for k, v in response.headers.items()}
            for name, value in SECURITY_HEADERS.items():
                assert headers.get(name) == value, (path, name)
            assert "server" not in headers, (path, headers.get("server"))


def test_one_address_holds_at_most_its_share_of_sessions_and_a_freed_one_counts_again(
    tmp_path, monkeypatch
):
    from websockets.exceptions import InvalidStatus
    from websockets.sync.client import connect

    monkeypatch.setenv("COMMON_GROUND_SESSIONS_PER_ADDRESS", "2")
    url = f"sqlite:///{tmp_path / 'cap.db'}"
    upgrade_to_head(url)
    with running_app(url, tmp_path, cookie_key="session-cap-test-key") as server:
        stream = f"ws://127.0.0.1:{server.port}/_stcore/stream"
        with connect(stream), connect(stream) as second:
            # Refused before a session is made.
            with pytest.raises(InvalidStatus), connect(stream):
                pass
            # Behind nginx on this machine the client's own address is what counts.
            with connect(stream, additional_headers={"X-Real-IP": "10.0.0.7"}):
                pass
            second.close()
            time.sleep(0.5)
            with connect(stream):  # the freed place is taken again
                pass


def test_the_client_address_is_nginx_s_word_only_from_this_machine():
    header = [(b"x-real-ip", b"10.1.2.3")]
    assert serve.client_address({"client": ("127.0.0.1", 5), "headers": header}) == "10.1.2.3"
    assert serve.client_address({"client": ("192.0.2.9", 5), "headers": header}) == "192.0.2.9"
    assert serve.client_address({"client": None, "headers": []}) == ""
