"""Files to download that are built on request and then held by the page until fetched.

Streamlit 1.67 can build a download lazily (a callable as `data`), but the file it builds
belongs to no session: every script run of any session sweeps unclaimed files, and a
second sweep deletes it. In a live room — a projector rerunning every 2 s, sixty phones —
two sweeps can fall between the build and the browser's fetch, and the person gets a
"file not found" named by a hash (seen in the browser tests). So the file is built when
asked for, kept in the session, and offered by an ordinary download button, whose file
this session's run holds.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import streamlit as st


def prepared_download(
    label: str,
    make: Callable[[], bytes | str],
    file_name: str,
    mime: str,
    key: str,
) -> None:
    """'Prepare <label>' builds the file; 'Download <label>' then hands over that file."""
    held = f"_download_{key}"
    if st.button(f"Prepare {label}", key=f"prepare-{key}"):
        with st.spinner(f"Preparing {label}…"):
            st.session_state[held] = (make(), datetime.now().strftime("%H:%M"))
    if held not in st.session_state:
        return
    data, made_at = st.session_state[held]
    st.download_button(
        f"Download {label}",
        data,
        file_name=file_name,
        mime=mime,
        key=f"download-{key}",
        on_click="ignore",
        type="primary",
    )
    st.caption(f"Prepared at {made_at}. Prepare it again for anything added since.")
