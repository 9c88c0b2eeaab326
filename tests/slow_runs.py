"""A slow run, as a loaded laptop gives one, made on purpose: what the server sends a page
once a run has started is held back until the test lets it through, in order."""

from __future__ import annotations

from playwright.sync_api import Page, WebSocketRoute
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg


def _starts_a_run(message: str | bytes) -> bool:
    if not isinstance(message, bytes):
        return False
    sent = ForwardMsg.FromString(message)
    return (
        sent.WhichOneof("type") == "session_status_changed"
        and sent.session_status_changed.script_is_running
    )


class SlowRuns:
    """Route `page`'s connection to the server through the test, before the page opens."""

    def __init__(self, page: Page) -> None:
        self._armed = False
        self._held: list[str | bytes] | None = None
        self._to_page: WebSocketRoute | None = None
        page.route_web_socket("**/_stcore/stream", self._route)

    def _route(self, socket: WebSocketRoute) -> None:
        self._to_page = socket
        socket.connect_to_server().on_message(self._from_server)

    def _from_server(self, message: str | bytes) -> None:
        assert self._to_page is not None
        if self._held is not None:
            self._held.append(message)
            return
        self._to_page.send(message)
        if self._armed and _starts_a_run(message):
            self._armed, self._held = False, []

    def hold_the_next_run(self) -> None:
        """Once the next run has started, hold back everything it sends."""
        self._armed = True

    def release(self) -> None:
        """Send the page what was held, in order, and hold nothing more."""
        held, self._held = self._held or [], None
        assert self._to_page is not None
        for message in held:
            self._to_page.send(message)
