"""Small finders for AppTest elements by their visible label."""

from __future__ import annotations

import html
import re

from components import live_region, opened, room_banner


def by_label(elements, label: str):
    """The one element whose label is `label`."""
    found = [e for e in elements if e.label == label]
    assert len(found) == 1, f"{len(found)} elements labelled {label!r}"
    return found[0]


def click(at, label: str):
    """Press the button labelled `label` and run the app."""
    by_label(at.button, label).click()
    return at.run()


def open_tab(at, key: str, label: str):
    """Open the tab `label` of the tabs keyed `key` (drawn only when open) and run the app."""
    at.session_state[key] = label
    return at.run()


def open_expanders(at, *keys: str):
    """Open the expanders keyed `keys` (drawn only once opened) and run the app."""
    for key in keys:
        at.session_state[key] = True
    return at.run()


SETUP_TABS = 5


def setup_screen(room_app, user: str = "fac"):
    """Set up as a facilitator who has been through each of its tabs (a tab is drawn once
    opened), on its first tab, run."""
    at = room_app(user).run().switch_page("views/setup.py")
    at.session_state[opened.OPENED] = {f"setup-tab:{n}" for n in range(SETUP_TABS)}
    return at.run()


def screen_text(at) -> str:
    """The words of every st.html block on the page (the projector's views): tags dropped,
    entities read back, runs of white space made one space."""
    words = re.sub(r"<[^>]+>", " ", "\n".join(h.proto.body for h in at.html))
    return " ".join(html.unescape(words).split())


def said(at) -> list[str]:
    """Every status message a live region shows on the page ("Note saved.")."""
    return [words for h in at.html if (words := live_region.shown(h.proto.body)) is not None]


def countdown(at) -> str:
    """The page's one timer heading as drawn (the console's, or a phone's open round's),
    icon name first: "timer Timer: 4:12 left"."""
    (shown,) = [c for h in at.html if (c := room_banner.countdown_shown(h.proto.body))]
    return " ".join(shown)


def texts(at) -> list[str]:
    """Every markdown, caption, success, error, warning and info text on the page, and every
    message of a live region."""
    parts = [*at.markdown, *at.caption, *at.success, *at.error, *at.warning, *at.info]
    return [p.value for p in parts] + said(at)


def ballot_rows(at) -> list:
    """The ballot's rows, one button group each."""
    return list(at.button_group)
