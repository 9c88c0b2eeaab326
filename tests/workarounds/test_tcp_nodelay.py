"""workarounds/tcp_nodelay.py: connections to the app server have Nagle's algorithm off."""

from __future__ import annotations

import asyncio
import socket
from concurrent.futures import ThreadPoolExecutor

from streamlit.web.server.starlette import starlette_server

from workarounds.tcp_nodelay import tcp_listener


def accepted_nodelay(bind) -> int:
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
    assert accepted_nodelay(tcp_listener(starlette_server._bind_socket)) == 1


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
    """Why the workaround exists. When this fails, Streamlit has fixed it: it can go."""
    assert accepted_nodelay(starlette_server._bind_socket) == 0
