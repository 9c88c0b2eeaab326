"""The equal-element floor: Streamlit sending what Common Ground sent, with no database
and no rules.

During the load on Common Ground the benchmark keeps, for every interaction, a typical
run's delta messages (bench/recorder.py), and writes them to the file that
BENCH_FLOOR_RECORDING names. Here each run reads `?i=<interaction>` and hands that run's
messages, one by one, to the script run's context, as every `st.*` call ends by doing.
So the floor pays what Streamlit pays per run and per message — a script thread, the
`new_session` message, parsing, hashing, the forward-message cache, the queue, the
websocket — and none of our code: its gap to the app is what our code adds.

What it does not pay, so the floor sits a little lower than "st.* drawing the same
elements": building each element's protobuf inside `st.*` (it parses the bytes instead),
registering widgets, storing images in the media file manager, and the `navigation`
message `st.navigation` sends (only deltas are replayed).
"""

import base64
import json
import os
from pathlib import Path

import streamlit as st
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx


@st.cache_resource(show_spinner=False)
def recording() -> dict[str, list[bytes]]:
    kept = json.loads(Path(os.environ["BENCH_FLOOR_RECORDING"]).read_text())
    return {name: [base64.b64decode(m) for m in messages] for name, messages in kept.items()}


context = get_script_run_ctx()
for raw in recording().get(st.query_params.get("i", ""), ()):
    message = ForwardMsg()
    message.ParseFromString(raw)
    # Streamlit hashes every message it sends; the recorded hash would spare it that.
    message.ClearField("hash")
    context.enqueue(message)
