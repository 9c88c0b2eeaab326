"""Telling a fragment's first call, inline in the page's run, from its own reruns."""

from __future__ import annotations


class InlineCall:
    """Made by the page on each full run, before it calls its fragment.

    The page's run calls the fragment once, inline, with what the page has just read;
    the fragment's later runs (a form's submit, a `run_every` timer) come after and must
    read afresh. Streamlit 1.67 has no public way to tell the two apart, so the page says.
    """

    def __init__(self) -> None:
        self._pending = True

    def first(self) -> bool:
        """True on the fragment's call in the page's run, False on every rerun after it."""
        pending, self._pending = self._pending, False
        return pending
