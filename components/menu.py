"""The sidebar menu, drawn by us: a heading per stage of the meeting, a link per screen.

Streamlit's own sectioned navigation writes its section headers as <div>s straight inside
a <ul>, and its links as <li>s outside any list — an invalid list that screen readers
announce wrongly (axe: `list`, `listitem`, on every screen). Its entries also carried
their Material icon's ligature in their accessible name ("home Home"). Here each stage is
a real heading and each screen a plain link named by its words.
"""

from __future__ import annotations

import html
import json

import streamlit as st

from i18n import _

MENU_KEY = "menu"


def draw(sections: dict[str, list[st.Page]]) -> None:
    """`sections` in order: a stage's name ("" for none) and its pages; in the sidebar,
    where the caller draws it."""
    with st.container(key=MENU_KEY):
        for stage, pages in sections.items():
            if stage:
                st.html(f'<h2 class="menu-stage">{html.escape(_(stage))}</h2>')
            for page in pages:
                st.page_link(page, label=page.title)
        st.html(_STYLE)
        st.html(landmark_script(_("Menu")), unsafe_allow_javascript=True)


# The heading reads as a section label, the size of the sidebar's text, not a page title.
_STYLE = """<style>
.st-key-menu h2.menu-stage { font-size: 0.875rem; font-weight: 600; margin: 0.75rem 0 0 0;
  padding: 0; color: #374151; text-transform: none; }
</style>"""


# The sidebar scrolls when the menu is taller than the screen (a tablet held upright): a
# scrolling region must take keyboard focus so it can be scrolled without a mouse (axe:
# scrollable-region-focusable), and as the menu's landmark it lets a screen reader jump
# straight to it or past it (WCAG 2.4.1). Fixed text: no person's words in it, only the
# landmark's name from our catalogue, written as a JavaScript string.
# In a block of its own: the script runs again in the same page when its words change (a
# person switching language), and a second top-level `const menu` there would be an error
# that stops it.
_LANDMARK = """<script>
(() => {
  const menu = document.querySelector('[data-testid="stSidebarContent"]');
  if (menu) {
    menu.setAttribute('tabindex', '0');
    menu.setAttribute('role', 'navigation');
    menu.setAttribute('aria-label', %s);
  }
})();
</script>"""


def landmark_script(name: str) -> str:
    """The script that makes the sidebar the menu's landmark, named `name`."""
    return _LANDMARK % json.dumps(name)


LANDMARK_SCRIPT = landmark_script("Menu")
"""The script as an English page writes it."""
