"""What the sign-in cookie's browser component answers, so the crowd costs what browsers do.

streamlit-authenticator draws extra_streamlit_components' CookieManager, an iframe that
reads (`getAll`), writes (`set`) or deletes cookies in the browser. Its script calls
setComponentValue whenever its answer differs from the last one it sent — so once when
it first mounts, and once after each write — and every such call reruns the app. A raw
websocket runs no iframe, so this does what the iframe would: it keeps the tab's cookie
jar and returns the widget states of the answers the iframe would send after a run.
"""

from __future__ import annotations

import json

from streamlit.proto.WidgetStates_pb2 import WidgetState

from bench.session import Run

COMPONENT = "cookie_manager"


class CookieManagerFrame:
    """One tab's cookie jar and the iframes' last answers, by component id."""

    def __init__(self) -> None:
        self.jar: dict[str, str] = {}
        self._last: dict[str, str] = {}

    def answers(self, run: Run) -> list[WidgetState]:
        """The component values the browser sends back after `run`; empty means no rerun."""
        states = []
        for element in run.elements:
            if (
                element.kind != "component_instance"
                or COMPONENT not in element.proto.component_name
            ):
                continue
            answer = self._answer(json.loads(element.proto.json_args or "{}"))
            encoded = json.dumps(answer)
            # The iframe stays mounted across reruns and only answers when its answer changes;
            # like its JavaScript, an empty jar ({}) is an answer, None and False are not.
            if answer not in (None, False) and self._last.get(element.id) != encoded:
                self._last[element.id] = encoded
                states.append(WidgetState(id=element.id, json_value=encoded))
        return states

    def _answer(self, args: dict) -> object:
        method = args.get("method")
        if method == "getAll":
            return dict(self.jar)
        if method == "set":
            self.jar[args["cookie"]] = str(args.get("value", ""))
            return True
        if method == "delete":
            self.jar.pop(args.get("cookie", ""), None)
            return True
        return None
