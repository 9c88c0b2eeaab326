"""Telling a fragment's first call, inline in the page's run, from its own reruns.

Upstream: Streamlit 1.67 has no public way for a fragment to know whether it runs as
part of the page's full run or as its own rerun (a form's submit, a `run_every` timer).
The script run context knows (`fragment_ids_this_run`), but that is private and was
reshaped before (streamlit/streamlit#8953). So the page says it: it makes an InlineCall
on each full run, before calling its fragment.

Upstream issue: none found. Drop it when st.context grows a way to tell; the canary in
tests/workarounds/test_fragment_inline_call.py fails when st.context changes.
"""

from __future__ import annotations


class InlineCall:
    """Made by the page on each full run, before it calls its fragment.

    The page's run calls the fragment once, inline, with what the page has just read;
    the fragment's later runs (a form's submit, a `run_every` timer) come after and must
    read afresh.
    """

    def __init__(self) -> None:
        self._pending = True

    def first(self) -> bool:
        """True on the fragment's call in the page's run, False on every rerun after it."""
        pending, self._pending = self._pending, False
        return pending
