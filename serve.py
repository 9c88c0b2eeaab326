"""Start an app server: `python -m serve app.py [streamlit run's options]`.

It is `streamlit run`, with one fix. Streamlit 1.67 binds its listening socket without
naming the protocol (`socket.socket(family)`, protocol 0), and asyncio only turns off
Nagle's algorithm (TCP_NODELAY) on connections whose socket says it is TCP. So after the
first message of a run, the rest waited for the browser's delayed acknowledgement: 40 ms
on Linux, up to 200 ms on Windows, added to every tap, note and refresh in the room
(bench/ found it: a one-element page took 48 ms to answer on a quiet server, 6 ms with
this fix). The sockets Tornado bound, before Streamlit moved to Starlette, named TCP.
"""

from __future__ import annotations

import socket
import sys
from collections.abc import Callable

from streamlit.web import cli
from streamlit.web.server.starlette import starlette_server

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


def install() -> None:
    """Make Streamlit's server bind its socket through tcp_listener."""
    starlette_server._bind_socket = tcp_listener(starlette_server._bind_socket)


def main(argv: list[str]) -> int:
    install()
    sys.argv = ["streamlit", "run", *argv]
    return cli.main()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
