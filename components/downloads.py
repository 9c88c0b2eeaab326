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

from collections.abc import Callable, Hashable
from datetime import datetime
from pathlib import PurePath

import streamlit as st

from i18n import _

MIME_TYPES = {
    ".pdf": "application/pdf",
    ".zip": "application/zip",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".csv": "text/csv",
    ".html": "text/html",
    ".json": "application/json",
}
"""Each kind of file the app hands over, by the ending of its name."""


def prepared_download(
    label: str,
    make: Callable[[], bytes | str],
    file_name: str,
    key: str,
    *,
    of: Hashable,
) -> None:
    """'Prepare <label>' builds the file; 'Download <label>' then hands over that file.

    `label` is already in the reader's language, with its article ("the report (PDF)").
    `of` says what the file is built from (the meeting, whether confidential items are in
    it, the address its links start with): a file held for anything else is dropped, not
    offered. A report prepared with confidential items stayed offered after the box was
    unticked, under the same name as a clean one (a helper's walk); one prepared for a
    meeting stayed offered once the picker had moved to another.
    """
    held = f"_download_{key}"
    made_of = (of, file_name, label)  # the names carry the reader's language
    if st.button(_("Prepare {label}").format(label=label), key=f"prepare-{key}"):
        with st.spinner(_("Preparing {label}…").format(label=label)):
            st.session_state[held] = (made_of, make(), datetime.now().strftime("%H:%M"))
    kept = st.session_state.get(held)
    if kept is None:
        return
    if kept[0] != made_of:
        del st.session_state[held]
        return
    _made_of, data, made_at = kept
    st.download_button(
        _("Download {label}").format(label=label),
        data,
        file_name=file_name,
        mime=MIME_TYPES[PurePath(file_name).suffix],
        key=f"download-{key}",
        on_click="ignore",
        type="primary",
    )
    st.caption(
        _("Prepared at {time}. Prepare it again for anything added since.").format(time=made_at)
    )
