"""Garbage collection that does not stop the room: two settings that work together.

Upstream: Streamlit runs a full collection, `gc.collect(2)`, after every script run
(ScriptRunner, config `runner.postScriptGC`, on by default since streamlit/streamlit#3215
for #3099, apps whose memory grew between runs). With a room's sixty sessions rerunning
every two seconds that made a 62-user room ten times slower (bench/), so
.streamlit/config.toml sets `[runner] postScriptGC = false`.

And Python's own full collections walk every tracked object: after a page's first run
the process holds some 300,000 objects it imported for it (Streamlit, SQLAlchemy,
pandas, Altair…) that live as long as the process, and walking them cost 0.2 s every
10 s in which every screen in the room waited (bench/). freeze_long_lived_objects()
moves what is alive then into the permanent generation (gc.freeze), once per page per
process. Frozen objects are still freed when nothing refers to them; only a cycle among
them would stay, and they were made once.

Drop the setting when Streamlit's default turns off, and the freeze when Streamlit
freezes its own long-lived objects (tests/workarounds/test_gc_freeze.py says which).
"""

from __future__ import annotations

import gc

import streamlit as st


@st.cache_resource(show_spinner=False)
def freeze_long_lived_objects(page: str) -> None:
    """Hide what is alive now from the garbage collector, once per `page` per process."""
    gc.freeze()
