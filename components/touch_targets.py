"""Every control a finger uses is at least 44 px tall (WCAG 2.5.5; Apple's and Google's
guides): scribes work on tablets and participants on phones, and Streamlit's buttons are
40 px, its radio and checkbox rows and menu entries smaller still.

Static CSS only, no user text; one style block per page run, from the router.
"""

from __future__ import annotations

import streamlit as st

TARGET_PX = 44
_STYLE = f"""<style>
[data-testid="stMain"] button,
[data-testid="stMain"] [data-testid="stPageLink"] a,
[data-testid="stSidebar"] button,
[data-testid="stSidebarNav"] a {{ min-height: {TARGET_PX}px; }}
[data-testid="stMain"] [role="radiogroup"] label,
[data-testid="stMain"] [data-testid="stCheckbox"] label {{
  min-height: {TARGET_PX}px; align-items: center;
}}
</style>"""


def thumb_sized_controls() -> None:
    """Write the style block that sizes the page's controls; call once per page run."""
    st.html(_STYLE)
