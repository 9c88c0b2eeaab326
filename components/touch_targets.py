"""Every control a finger uses is at least 44 px tall (WCAG 2.5.5; Apple's and Google's
guides): scribes work on tablets and participants on phones, and Streamlit's buttons are
40 px, its radio and checkbox rows and menu entries smaller still.

And a link that has the keyboard's focus shows it (WCAG 2.4.7): Streamlit marks a focused
page link only with the faint background it also gives the current page, so a person
moving through the menu by Tab could not see where they were
(tests/e2e/test_keyboard.py). Nor the screen's main area, which Tab reaches after the
menu (the browser lets a keyboard scroll it): it showed no sign of having the focus
(tests/e2e/test_screenshots.py walks every screen by Tab). Nor a table's grid, drawn on a
canvas, reached by Tab: it drew nothing, its first cell marked only once an arrow key moved.

And a button's or a page link's words wrap rather than end in "…" or run off the screen:
Streamlit keeps a label on one line and cuts it (the phone ballot's survey link ran off a
320 px screen), and Spanish labels run a third longer than English ("Preparar el CSV de
combinación de correspondencia"), so a cut one hid what the button does. So do a
figure's label: the Review's five counts cut "Listening notes" to "Listeni…" with the
text at twice its size (WCAG 1.4.4).

A choice of a radio group reached by Tab (the survey's) is ringed too: Streamlit gave it
a pale tint (about 1.2:1 on white). An expander's heading ("See the original (English)"
under a translated question) and the button that opens the sidebar are 44 px too.

Static CSS only, no user text; one style block per page run, from the router.
"""

from __future__ import annotations

import streamlit as st

TARGET_PX = 44
FOCUS_RING = "#1d4ed8"
"""The theme's primary colour (.streamlit/config.toml): 6.7:1 on the sidebar's grey."""
_STYLE = f"""<style>
[data-testid="stMain"] button,
[data-testid="stMain"] [data-testid="stPageLink"] a,
[data-testid="stSidebar"] button,
[data-testid="stSidebarNav"] a {{ min-height: {TARGET_PX}px; }}
[data-testid="stMain"] [role="radiogroup"] label,
[data-testid="stMain"] [data-testid="stCheckbox"] label {{
  min-height: {TARGET_PX}px; align-items: center;
}}
[data-testid="stMain"] [data-testid="stExpander"] summary {{
  min-height: {TARGET_PX}px; align-items: center;
}}
[data-testid="stExpandSidebarButton"] {{ min-width: {TARGET_PX}px; min-height: {TARGET_PX}px; }}
[data-testid="stMain"] button {{ height: auto; }}
[data-testid="stMain"] button [data-testid="stMarkdownContainer"],
[data-testid="stMain"] button [data-testid="stMarkdownContainer"] p,
[data-testid="stMain"] [data-testid="stPageLink"] a * {{
  white-space: normal; text-overflow: clip; overflow-wrap: break-word;
}}
[data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"],
[data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"] p {{
  white-space: normal; text-overflow: clip; overflow-wrap: anywhere;
}}
a:focus-visible {{ outline: 3px solid {FOCUS_RING} !important; outline-offset: 2px; }}
[data-testid="stMain"] [role="radiogroup"] label:has(input:focus-visible) {{
  outline: 3px solid {FOCUS_RING}; outline-offset: 2px;
}}
[data-testid="stMain"]:focus-visible {{ outline: 3px solid {FOCUS_RING}; outline-offset: -3px; }}
[data-testid="stDataFrame"]:focus-within {{ outline: 3px solid {FOCUS_RING}; outline-offset: 2px; }}
</style>"""


def thumb_sized_controls() -> None:
    """Write the style block that sizes the page's controls; call once per page run."""
    st.html(_STYLE)
