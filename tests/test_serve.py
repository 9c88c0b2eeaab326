"""serve.py: the app server's connections have Nagle's algorithm off (TCP_NODELAY), and its
responses carry security headers and no server name."""

from __future__ import annotations

import asyncio
import socket
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from streamlit.web.server.starlette import starlette_server

import serve
from db.migrate import upgrade_to_head
from serve import tcp_listener
from tests.app_server import running_app


def _accepted_nodelay(bind) -> int:
    """TCP_NODELAY on a connection asyncio accepted from the socket `bind` returns."""
    listener = bind("127.0.0.1", 0, 8)

    async def accept_one() -> int:
        accepted: asyncio.Future = asyncio.get_running_loop().create_future()

        def on_connect(reader, writer) -> None:
            sock = writer.get_extra_info("socket")
            accepted.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(on_connect, sock=listener)
        port = listener.getsockname()[1]
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            return await asyncio.wait_for(accepted, 10)
        finally:
            writer.close()
            server.close()
            await server.wait_closed()

    # A thread of its own: a browser test earlier in the session may leave an event loop
    # running on this one.
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(lambda: asyncio.run(accept_one())).result()


def test_connections_to_the_app_server_have_nagle_off():
    assert _accepted_nodelay(tcp_listener(starlette_server._bind_socket)) == 1


def test_the_server_serve_starts_binds_through_the_fix(monkeypatch):
    monkeypatch.setattr(starlette_server, "_bind_socket", starlette_server._bind_socket)
    serve.install()
    assert _accepted_nodelay(starlette_server._bind_socket) == 1


def test_the_listener_stays_as_streamlit_made_it_otherwise():
    listener = tcp_listener(starlette_server._bind_socket)("127.0.0.1", 0, 8)
    try:
        assert listener.proto == socket.IPPROTO_TCP
        assert listener.getblocking() is False
        assert listener.get_inheritable() is True
        assert listener.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN) == 1
    finally:
        listener.close()


def test_streamlit_still_binds_without_naming_tcp():
    """Why serve.py exists. When this fails, Streamlit has fixed it: serve.py can go."""
    assert _accepted_nodelay(starlette_server._bind_socket) == 0


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
            for name, value in serve.SECURITY_HEADERS.items():
                assert headers.get(name) == value, (path, name)
            assert "server" not in headers, (path, headers.get("server"))


def test_a_header_the_app_already_set_is_kept():
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
            lambda: asyncio.run(serve.SecurityHeaders(app)({"type": "http"}, None, collect))
        ).result()
    headers = dict(sent[0]["headers"])
    assert headers[b"referrer-policy"] == b"no-referrer"
    assert headers[b"x-content-type-options"] == b"nosniff"


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
