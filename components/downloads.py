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

from i18n import _


def prepared_download(
    label: str,
    make: Callable[[], bytes | str],
    file_name: str,
    mime: str,
    key: str,
) -> None:
    """'Prepare <label>' builds the file; 'Download <label>' then hands over that file.

    `label` is already in the reader's language, with its article ("the report (PDF)").
    """
    held = f"_download_{key}"
    if st.button(_("Prepare {label}").format(label=label), key=f"prepare-{key}"):
        with st.spinner(_("Preparing {label}…").format(label=label)):
            st.session_state[held] = (make(), datetime.now().strftime("%H:%M"))
    if held not in st.session_state:
        return
    data, made_at = st.session_state[held]
    st.download_button(
        _("Download {label}").format(label=label),
        data,
        file_name=file_name,
        mime=mime,
        key=f"download-{key}",
        on_click="ignore",
        type="primary",
    )
    st.caption(
        _("Prepared at {time}. Prepare it again for anything added since.").format(time=made_at)
    )
