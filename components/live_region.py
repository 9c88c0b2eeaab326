"""Status messages a screen reader says (WCAG 4.1.3): "Note saved.", "Saved: 2 dots.".

A live region is said when its content changes while it is already on the page; one that
arrives with its words already in it is often not said at all. So the region is drawn on
every run, empty until there is something to say, in the place the message belongs: a
keyed box Streamlit keeps from run to run (the same element at the same place), made a
region (role="status", aria-live="polite": said after what is being read, never
interrupting it) by a fixed script the first time it is drawn. A message is then a new
paragraph inside a region already there, and is said.

The messages are our own fixed words, never text a person typed (escaped all the same).
"""

from __future__ import annotations

from html import escape, unescape

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

KEY_PREFIX = "said-"

_MARK = (
    "<style>[data-testid=stElementContainer]:has(script[data-live-region]){display:none}"
    # An empty region takes no room: the gap before its slot (Streamlit's 1rem) is given
    # back, on the wrapper Streamlit puts around a keyed box (one :has may not hold another).
    f'[data-testid="stLayoutWrapper"]:has(> [class*="st-key-{KEY_PREFIX}"])'
    ":not(:has(.live-said)){margin-top:-1rem}"
    ".live-said{color:#14532d;font-weight:600;margin:0}</style>"
    "<script data-live-region>"
    f"document.querySelectorAll('[class*=\"st-key-{KEY_PREFIX}\"]:not([role=status])')"
    ".forEach((box) => { box.setAttribute('role', 'status');"
    " box.setAttribute('aria-live', 'polite'); box.setAttribute('aria-atomic', 'true'); });"
    "</script>"
)
"""Fixed text, so the browser runs it once, when the box is first drawn. Dark green on
white (9:1) with a tick and words: colour is never the only signal."""


def live_region(key: str) -> DeltaGenerator:
    """The live region named `key` (unique on the page), drawn here on every run, empty;
    `say` puts a message in it. Draw it on runs with nothing to say too: that it is already
    on the page when a message comes is what makes the message heard."""
    box = st.container(key=f"{KEY_PREFIX}{key}")
    with box:
        st.html(_MARK, unsafe_allow_javascript=True)
    return box


def say(region: DeltaGenerator, message: str, css_class: str = "") -> None:
    """Show `message` in `region`, with a tick: seen where it belongs, and said."""
    classes = " ".join(c for c in ("live-said", css_class) if c)
    with region:
        st.html(f'<p class="{classes}">✓ {escape(message)}</p>')


def shown(body: str) -> str | None:
    """The words a `say` paragraph shows, read back from its HTML (None for another
    block): for tests that read a run's elements."""
    if 'class="live-said' not in body:
        return None
    start = body.index("✓ ") + 2
    return unescape(body[start : body.index("</p>", start)])
