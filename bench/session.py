"""One browser tab, spoken over Streamlit's own websocket protocol.

What the frontend does, and so what this does: open `/_stcore/stream` with the
`streamlit` subprotocol; send `BackMsg.rerun_script` with a `ClientState` (the query
string, the page — by its URL path on the first load, by its script hash afterwards —
and the widget values that changed); then read `ForwardMsg`s until the run's final
`script_finished` (one that is not "finished early for a rerun"). Messages big enough to
be cached come once; later runs may send only their hash, which resolves from the tab's
own cache, whose hashes go back with every rerun as the browser's do.

One deliberate difference: a tab sends its next request only when the last one finished,
so every latency belongs to exactly one request. The browser fires `run_every` timers and
taps without waiting; Streamlit queues them the same way on the server.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.typing import Subprotocol

RUN_TIMEOUT = 60.0
_EARLY = ForwardMsg.FINISHED_EARLY_FOR_RERUN


class RunFailed(Exception):
    """A run that never finished: the connection closed or it outlasted RUN_TIMEOUT."""


@dataclass(frozen=True)
class Element:
    """One element the run drew, where it drew it, and its protobuf."""

    path: tuple[int, ...]
    kind: str
    proto: Any
    at: float = 0.0
    """When it reached the tab (time.monotonic()): a browser shows it from then on."""
    fragment: str = ""
    """The id of the fragment that drew it; a tap on it reruns that fragment alone."""

    @property
    def id(self) -> str:
        return getattr(self.proto, "id", "")

    @property
    def label(self) -> str:
        return getattr(self.proto, "label", "")

    @property
    def text(self) -> str:
        """What a reader sees of it: a body, a message, or a caption."""
        if self.kind == "exception":
            return f"{self.proto.type}: {self.proto.message}"
        if self.kind == "imgs":
            return " ".join(i.caption for i in self.proto.imgs)
        return getattr(self.proto, "body", "")


@dataclass
class Run:
    """What one request brought back."""

    seconds: float
    elements: list[Element]
    deltas: list[ForwardMsg] = field(default_factory=list)
    """Every delta message of the run as sent (references resolved): the floor replays them."""

    def widget(self, kind: str, label: str) -> Element | None:
        """The first widget of `kind` whose label is `label`."""
        return next((e for e in self.elements if e.kind == kind and e.label == label), None)

    def widgets(self, kind: str, label: str) -> list[Element]:
        return [e for e in self.elements if e.kind == kind and e.label == label]

    def alerts(self, format_name: str) -> list[str]:
        """Bodies of st.error ("ERROR"), st.success ("SUCCESS"), … in the order drawn."""
        return [
            e.proto.body
            for e in self.elements
            if e.kind == "alert" and e.proto.Format.Name(e.proto.format) == format_name
        ]

    @property
    def exceptions(self) -> list[str]:
        return [e.text for e in self.elements if e.kind == "exception"]

    @property
    def headings(self) -> list[str]:
        return [e.text for e in self.elements if e.kind == "heading"]

    def contains(self, needle: str) -> bool:
        return any(needle in e.text for e in self.elements)

    def updated_by(self, fragment_run: Run) -> Run:
        """This page as it stands after `fragment_run` redrew some of its widgets.

        A fragment may rerun the whole page instead; then that run is the page.
        """
        if any(not e.fragment for e in fragment_run.elements):
            return fragment_run
        redrawn = {e.id: e for e in fragment_run.elements if e.id}
        return Run(self.seconds, [redrawn.get(e.id, e) if e.id else e for e in self.elements])


@dataclass
class _Pending:
    started: float
    done: asyncio.Future
    elements: list[Element] = field(default_factory=list)
    deltas: list[ForwardMsg] = field(default_factory=list)


class Tab:
    """A browser tab on one page of one server: open it, rerun it, close it."""

    def __init__(self, server_url: str, page: str = "", query: str = "") -> None:
        self.server_url = server_url.rstrip("/")
        self.page = page
        self.query = query
        self.page_hash = ""
        self.pages: dict[str, str] = {}
        """URL path → page script hash, from the navigation the server sent."""
        self.auto_reruns: dict[str, float] = {}
        """fragment id → seconds, from `run_every` fragments the page registered."""
        self._cache: dict[str, ForwardMsg] = {}
        self._socket: Any = None
        self._reader: asyncio.Task | None = None
        self._pending: _Pending | None = None
        self.lock = asyncio.Lock()
        """Held for a whole request, so timers and taps on one tab take turns."""

    async def open(self) -> Run:
        """Connect and run the page the tab was opened on, as a first page load does."""
        started = time.monotonic()
        stream = self.server_url.replace("http", "ws", 1) + "/_stcore/stream"
        self._socket = await websockets.connect(
            stream, subprotocols=[Subprotocol("streamlit")], max_size=None, open_timeout=RUN_TIMEOUT
        )
        self._reader = asyncio.create_task(self._read())
        return await self._request(self._client_state(page_name=self.page), started)

    async def rerun(
        self,
        widgets: Iterable[WidgetState] = (),
        *,
        fragment_id: str = "",
        timer: bool = False,
        page: str | None = None,
        query: str | None = None,
    ) -> Run:
        """Send one rerun: widget changes, a fragment's timer, or a move to another page.

        A tap on a widget a fragment drew names that fragment, as the browser does; the
        server then reruns the fragment alone. `timer` marks a `run_every` tick.
        """
        state = self._client_state()
        if page is not None:
            # A click in the navigation names the page by hash; a typed URL by its path.
            target = self.pages.get(page, "")
            state.rerun_script.page_script_hash = target
            state.rerun_script.page_name = "" if target else page
            self.page = page
        if query is not None:
            self.query = query
            state.rerun_script.query_string = query
        state.rerun_script.widget_states.widgets.extend(widgets)
        if fragment_id:
            state.rerun_script.fragment_id = fragment_id
            state.rerun_script.is_auto_rerun = timer
        else:
            # A fragment's id depends on where the page draws it, so a full run may give it
            # a new one. The browser keeps firing the old id's timer and the server drops
            # those requests unanswered; only the ids this run registers are worth waiting on.
            self.auto_reruns.clear()
        return await self._request(state, time.monotonic())

    async def close(self) -> None:
        if self._socket is not None:
            await self._socket.close()
        if self._reader is not None:
            self._reader.cancel()
            await asyncio.gather(self._reader, return_exceptions=True)

    def _client_state(self, page_name: str = "") -> BackMsg:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query
        state.page_script_hash = self.page_hash
        state.page_name = page_name
        state.cached_message_hashes.extend(self._cache)
        state.context_info.timezone = "UTC"
        state.context_info.locale = "en-US"
        state.context_info.url = f"{self.server_url}/{self.page}" + (
            f"?{self.query}" if self.query else ""
        )
        return msg

    async def _request(self, msg: BackMsg, started: float) -> Run:
        if self._pending is not None:
            raise RuntimeError("one request at a time per tab: hold tab.lock")
        loop = asyncio.get_running_loop()
        self._pending = pending = _Pending(started, loop.create_future())
        try:
            await self._socket.send(msg.SerializeToString())
            seconds = await asyncio.wait_for(pending.done, RUN_TIMEOUT)
        except TimeoutError:
            raise RunFailed(f"no script_finished within {RUN_TIMEOUT:.0f} s") from None
        except websockets.ConnectionClosed as closed:
            raise RunFailed(f"connection closed: {closed}") from None
        finally:
            self._pending = None
        return Run(seconds, pending.elements, pending.deltas)

    async def _read(self) -> None:
        try:
            async for raw in self._socket:
                msg = ForwardMsg()
                msg.ParseFromString(raw)
                self._handle(msg)
        except websockets.ConnectionClosed:
            pass
        finally:
            pending = self._pending
            if pending is not None and not pending.done.done():
                pending.done.set_exception(RunFailed("connection closed mid-run"))

    def _handle(self, msg: ForwardMsg) -> None:
        path = tuple(msg.metadata.delta_path)
        if msg.WhichOneof("type") == "ref_hash":
            # Only hashes this tab sent come back as references, so the cache has them.
            msg = self._cache[msg.ref_hash]
        elif msg.metadata.cacheable:
            self._cache[msg.hash] = msg
        kind = msg.WhichOneof("type")
        if kind == "delta":
            if self._pending is not None:
                self._pending.deltas.append(msg)
            self._drawn(path, msg.delta)
        elif kind == "script_finished":
            self._finished(msg.script_finished)
        else:
            self._page_state(kind, msg)

    def _drawn(self, path: tuple[int, ...], delta: Any) -> None:
        if self._pending is not None and delta.WhichOneof("type") == "new_element":
            element = delta.new_element
            kind = element.WhichOneof("type")
            proto = getattr(element, kind)
            drawn = Element(path, kind, proto, time.monotonic(), delta.fragment_id)
            self._pending.elements.append(drawn)

    def _finished(self, status: int) -> None:
        pending = self._pending
        if status != _EARLY and pending is not None and not pending.done.done():
            pending.done.set_result(time.monotonic() - pending.started)

    def _page_state(self, kind: str | None, msg: ForwardMsg) -> None:
        if kind == "new_session":
            self.page_hash = msg.new_session.page_script_hash
        elif kind == "navigation":
            self.pages = {p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages}
            self.page_hash = msg.navigation.page_script_hash
        elif kind == "auto_rerun":
            self.auto_reruns[msg.auto_rerun.fragment_id] = msg.auto_rerun.interval
        elif kind == "stop_auto_rerun":
            for fragment in msg.stop_auto_rerun.fragment_ids:
                self.auto_reruns.pop(fragment, None)


def trigger(widget_id: str) -> WidgetState:
    """A button or form-submit button pressed once."""
    return WidgetState(id=widget_id, trigger_value=True)


def text(widget_id: str, value: str) -> WidgetState:
    """A text input or text area holding `value`."""
    return WidgetState(id=widget_id, string_value=value)


def chosen(widget_id: str, *options: str) -> WidgetState:
    """A segmented control, pills or multiselect with these options (as displayed) picked."""
    state = WidgetState(id=widget_id)
    state.string_array_value.data.extend(options)
    return state
