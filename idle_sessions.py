"""End anonymous sessions that have heard nothing from their browser for a while.

Every open tab holds a Streamlit session in the server's memory for as long as its
websocket stays open, and Streamlit never ends one for being idle. Someone who opens
sessions and leaves them (a script, or tabs forgotten on a kiosk) could fill the memory
of a server that a room of 60 depends on. So a session that is not signed in and whose
browser has sent no message for `IDLE_ANONYMOUS_MINUTES` is closed for good (its state
dropped, not kept for a reconnect) and its websocket closed.

What a closed tab does: Streamlit's page reconnects by itself, gets a fresh session and
runs the page again from its address. A participant's ballot (/vote?code=…) and the
projector never get here while open: their live fragments ask the server for a rerun
every few seconds (views/vote.py, views/projector.py), which counts as a message. A
signed-in session is never closed by this: its sign-in is in the session.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections.abc import Callable

IDLE_ANONYMOUS_MINUTES = float(os.environ.get("COMMON_GROUND_IDLE_ANONYMOUS_MINUTES", "30"))
"""Minutes an anonymous session may hear nothing from its browser before it is closed."""
SIGNED_IN_KEY = "authentication_status"
"""The session-state key components/signin.py sets True while the session is signed in."""
CLOSE_CODE = 4000
"""The websocket close code of an idle session: an application code, so the page
reconnects (Streamlit's page retries after any close it did not ask for)."""


def is_signed_in(session) -> bool:
    """Whether this AppSession's state says it is signed in."""
    state = session.session_state
    try:
        return SIGNED_IN_KEY in state and bool(state[SIGNED_IN_KEY])
    except (KeyError, RuntimeError):  # a state being changed by its script right now
        return True


def session_of(runtime, websocket):
    """The AppSession served over this websocket, or None before it connected.

    Streamlit keeps no public map from websocket to session; its session manager lists
    the active sessions with their clients, and each client holds its websocket."""
    for info in runtime._session_mgr.list_active_sessions():
        if getattr(info.client, "_websocket", None) is websocket:
            return info.session
    return None


def with_idle_close(create_handler: Callable, idle_minutes: Callable[[], float]) -> Callable:
    """Streamlit's websocket handler maker, closing anonymous sessions idle for
    idle_minutes() (0 or less: never)."""

    def create(runtime):
        endpoint = create_handler(runtime)

        async def watched(websocket) -> None:
            from starlette.websockets import WebSocket  # noqa: PLC0415 - Streamlit's own

            heard = [time.monotonic()]
            receive = websocket._receive  # the ASGI channel it reads

            async def receive_and_note():
                message = await receive()
                heard[0] = time.monotonic()
                return message

            noted = WebSocket(websocket.scope, receive_and_note, websocket._send)
            watcher = asyncio.create_task(_watch(runtime, noted, heard, idle_minutes))
            try:
                await endpoint(noted)
            finally:
                watcher.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await watcher

        return watched

    return create


async def _watch(runtime, websocket, heard: list[float], idle_minutes) -> None:
    while True:
        idle = idle_minutes() * 60
        if idle <= 0:
            return
        # Checked a few times per idle span: closed at most a quarter span late.
        await asyncio.sleep(min(max(idle / 4, 0.25), 60))
        if time.monotonic() - heard[0] < idle:
            continue
        session = session_of(runtime, websocket)
        if session is None or is_signed_in(session):
            continue
        runtime.close_session(session.id)
        with contextlib.suppress(Exception):  # the browser may have gone at this moment
            await websocket.close(code=CLOSE_CODE)
        return
