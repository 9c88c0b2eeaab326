"""Connections to the app server with Nagle's algorithm off.

Upstream: Streamlit 1.67 (its Starlette server, `starlette_server._bind_socket`) binds the
listening socket without naming the protocol (`socket.socket(family)`, protocol 0), and
asyncio sets TCP_NODELAY only on connections whose socket says it is TCP. So after the
first message of a run, the rest waited for the browser's delayed acknowledgement: 40 ms
on Linux, up to 200 ms on Windows, on every tap, note and refresh in the room (bench/: a
one-element page answered in 48 ms on a quiet server, 6 ms with this). The sockets
Tornado bound, before Streamlit moved to Starlette, named TCP.

Upstream issue: none found (searched Streamlit's issues for TCP_NODELAY and Nagle).
Drop it when tests/workarounds/test_tcp_nodelay.py's canary fails.
"""

from __future__ import annotations

import socket
from collections.abc import Callable

_TCP_FAMILIES = (socket.AF_INET, socket.AF_INET6)


def tcp_listener(bind: Callable[..., socket.socket]) -> Callable[..., socket.socket]:
    """`bind`, with the listening socket it returns marked as TCP, so that every connection
    accepted from it is too, and asyncio sets TCP_NODELAY on each."""

    def bind_tcp(*args, **kwargs) -> socket.socket:
        sock = bind(*args, **kwargs)
        if sock.family not in _TCP_FAMILIES or sock.proto == socket.IPPROTO_TCP:
            return sock
        blocking, inheritable = sock.getblocking(), sock.get_inheritable()
        tcp = socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())
        tcp.setblocking(blocking)
        tcp.set_inheritable(inheritable)
        return tcp

    return bind_tcp
