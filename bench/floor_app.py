"""The equal-element floor: Streamlit drawing what Common Ground drew, with no database and
no rules.

During the load on Common Ground the benchmark keeps, for every interaction, a typical
run's delta messages (bench/recorder.py), and writes them to the file that
BENCH_FLOOR_RECORDING names. Here each run reads `?i=<interaction>` and draws that run's
blocks and elements again through Streamlit's own calls (bench/floor_draw.py): the same
labels, texts and options, widgets registered. So the floor pays what Streamlit pays per
run, per element and per message — a script thread, the `new_session` message, building
and registering each element, hashing, the forward-message cache, the queue, the
websocket — and none of our code: its gap to the app is what our code adds.

What it does not pay: the `navigation` message and page objects of `st.navigation`, and
`st.set_page_config` (only deltas are replayed; the router is ours); images, components,
page links and tables go through the last step of `st.*` (`_enqueue`) with their recorded
protobuf, so their own `st.*` work (the media store's hashing of an image) is not redone.
"""

import base64
import json
import os
import sys
from pathlib import Path

import streamlit as st
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

# `streamlit run` puts this file's folder on the path, not the project's.
PROJECT = str(Path(__file__).resolve().parents[1])
if PROJECT not in sys.path:
    sys.path.insert(0, PROJECT)
from bench.floor_draw import replay  # noqa: E402 - after the path is set


@st.cache_resource(show_spinner=False)
def recording() -> dict[str, list[bytes]]:
    kept = json.loads(Path(os.environ["BENCH_FLOOR_RECORDING"]).read_text())
    return {name: [base64.b64decode(m) for m in messages] for name, messages in kept.items()}


def _messages(name: str):
    for raw in recording().get(name, ()):
        message = ForwardMsg()
        message.ParseFromString(raw)
        yield message


replay(_messages(st.query_params.get("i", "")))
