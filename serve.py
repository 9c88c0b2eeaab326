"""Start an app server: `python -m serve app.py [streamlit run's options]`.

It is `streamlit run`, with the server-side workarounds installed (workarounds/: Nagle's
algorithm off on every connection, security headers and no server name on every
response, no request to the internet for a public address) and at most
SESSIONS_PER_ADDRESS open sessions per client address.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from streamlit import config
from streamlit.web import bootstrap, cli
from streamlit.web.server import server_util
from streamlit.web.server.starlette import starlette_app, starlette_server, starlette_websocket

import idle_sessions
import signin_routes
from workarounds.no_public_address_lookup import no_public_address_lookup
from workarounds.response_headers import with_security_headers, without_server_header
from workarounds.tcp_nodelay import tcp_listener

APP = Path(__file__).resolve().parent / "app.py"

SESSIONS_PER_ADDRESS = int(os.environ.get("COMMON_GROUND_SESSIONS_PER_ADDRESS", "300"))
"""Open sessions one client address may hold. A venue's phones, tablets and the projector
share one Wi-Fi address (60 people, a tab or two each, reconnects), so the bar is high; a
stranger opening sessions by the thousand to fill memory meets it. Behind nginx on this
machine every session comes from 127.0.0.1, so there X-Real-IP names the client."""
_LOOPBACK = {"127.0.0.1", "::1"}


def client_address(scope) -> str:
    """The browser's address: the socket's, or X-Real-IP when nginx here passed it on."""
    peer = (scope.get("client") or ("", 0))[0]
    if peer in _LOOPBACK:
        for name, value in scope.get("headers", []):
            if name == b"x-real-ip":
                return value.decode("latin-1").strip() or peer
    return peer


def with_session_cap(create_handler: Callable, limit: Callable[[], int]) -> Callable:
    """Streamlit's websocket handler maker, with at most limit() open sessions per address;
    one more is closed at once with 1013 (try again later), before any session exists."""
    open_by_address: dict[str, int] = {}

    def create(runtime):
        endpoint = create_handler(runtime)

        async def capped(websocket) -> None:
            address = client_address(websocket.scope)
            if open_by_address.get(address, 0) >= limit():
                await websocket.close(code=1013)
                return
            open_by_address[address] = open_by_address.get(address, 0) + 1
            try:
                await endpoint(websocket)
            finally:
                open_by_address[address] -= 1
                if not open_by_address[address]:
                    del open_by_address[address]

        return capped

    return create


def install() -> None:
    """Make Streamlit's server bind its socket through tcp_listener and send safe headers."""
    starlette_server._bind_socket = tcp_listener(starlette_server._bind_socket)
    starlette_app.create_streamlit_middleware = with_security_headers(
        starlette_app.create_streamlit_middleware
    )
    starlette_server._get_uvicorn_config_kwargs = without_server_header(
        starlette_server._get_uvicorn_config_kwargs
    )
    starlette_websocket.create_websocket_handler = with_session_cap(
        starlette_websocket.create_websocket_handler, lambda: SESSIONS_PER_ADDRESS
    )
    starlette_websocket.create_websocket_handler = idle_sessions.with_idle_close(
        starlette_websocket.create_websocket_handler, lambda: idle_sessions.IDLE_ANONYMOUS_MINUTES
    )
    signin_routes.install()
    no_public_address_lookup()


def announce_first_run() -> None:
    """After Streamlit prints its addresses, print the first-run link when there is no account.

    The terminal of `make run` (or the server's log) is where the person who started the
    app reads; a stranger on the room's network does not (services/accounts/first_run.py).
    """
    on_start = bootstrap._on_server_start

    def on_server_start(server) -> None:
        on_start(server)
        print_setup_link()

    bootstrap._on_server_start = on_server_start


def print_setup_link() -> None:
    """Make (or reuse) the setup code and print the link to open, if no account exists."""
    from sqlalchemy.exc import SQLAlchemyError  # noqa: PLC0415 - only for the app itself

    from db.database import Database  # noqa: PLC0415
    from services.accounts import first_run  # noqa: PLC0415
    from settings import load_settings  # noqa: PLC0415

    settings = load_settings()
    db = Database.from_url(settings.database_url)
    try:
        code = first_run.prepare_setup_code(db, settings.data_dir)
    except SQLAlchemyError as error:
        print(f"  No first-run link: the database is not ready ({type(error).__name__}).")
        print("  Run `make run`, which migrates it first.", flush=True)
        return
    finally:
        db.dispose()
    if code is None:
        return
    base = settings.public_url or server_util.get_url(_address_to_open())
    print("  No account exists yet. To create the first facilitator account, open:", flush=True)
    print(f"  {base}/?setup={code}", flush=True)
    path = first_run.setup_code_path(settings.data_dir)
    print(f"  (a one-time setup code, also kept in {path} until then)", flush=True)
    print("", flush=True)


def settings_problem() -> str | None:
    """What is wrong with this install's settings (a placeholder key, say), or None."""
    from settings import SettingsError, load_settings  # noqa: PLC0415

    try:
        load_settings()
    except SettingsError as error:
        return str(error)
    return None


def _address_to_open() -> str:
    """The host of the address Streamlit itself names first (see bootstrap._print_url)."""
    if config.is_manually_set("browser.serverAddress"):
        return config.get_option("browser.serverAddress")
    address = config.get_option("server.address")
    if config.is_manually_set("server.address") and address not in {"", "0.0.0.0", "::"}:
        return server_util.get_display_address(address)
    return "localhost"


def main(argv: list[str]) -> int:
    install()
    if argv and Path(argv[0]).resolve() == APP:
        if problem := settings_problem():
            print(f"Not started: {problem}", file=sys.stderr)
            return 2
        announce_first_run()
    sys.argv = ["streamlit", "run", *argv]
    return cli.main()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
