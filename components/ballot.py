"""A voter's ballot on a phone: one labelled row of choices per idea, the dots left in words.

Taps run as callbacks bound to the item they were drawn for, so a tap that lands after
the round closed still reaches the service and gets its refusal instead of vanishing.

Each row is a fragment, so a tap redraws its row and the count above the ballot, not
the whole page: a page run per tap cost five times the floor's time in a 60-person room
(bench/). The row is drawn from what the tap's service call says is stored, so a refused
tap shows what really counts, not what was tapped. A tap that finds other rows out of
date (another phone with the same badge), or the round no longer open, reruns the whole
page, which draws every row as stored and says why the tap was refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st

from components.text import escape_markdown

CHOICE_LABELS = {"agree": "Agree", "disagree": "Disagree", "pass": "Pass / unsure"}
_TAP = "_ballot_tap"
_LATEST = "_ballot_latest"
"""round id → the ballot as last read: what the fragment draws when it reruns."""


@dataclass(frozen=True)
class Tap:
    """One tap's outcome: the ballot as stored after it, and why it was refused, if it was."""

    round_id: int
    item_id: int
    view: Any
    """The ballot as stored after the tap; None if it could not be read."""
    problem: str | None = None


Voter = Callable[[int, int, Any], Tap]
"""(round id, item id, value tapped) → the Tap; the page runs the service behind it."""


def take_tap() -> Tap | None:
    """The tap a full run of the page is answering, if any: its refusal goes at the top."""
    return st.session_state.pop(_TAP, None)


def dots_ballot(view: Any, vote: Voter) -> None:
    """Per idea, a row 0…max of how many dots it gets; the total left is said in words."""
    _remember(view)
    count = st.empty()
    st.caption(f"Give each idea 0 to {view.max_per_item} dots. Tap a number to change it.")
    for n, line in enumerate(view.items, start=1):
        _dots_row(view.round_id, n, line.item_id, count, vote)


def choice_ballot(view: Any, vote: Voter) -> None:
    """Per statement, agree / disagree / pass; the choice is named in words."""
    _remember(view)
    count = st.empty()
    for n, line in enumerate(view.items, start=1):
        _choice_row(view.round_id, n, line.item_id, count, vote)


@st.fragment
def _dots_row(round_id: int, n: int, item_id: int, count: Any, vote: Voter) -> None:
    view, refused = _after_tap(round_id, item_id, lambda line: line.dots)
    # Every row writes the one count, on every run: a fragment may only redraw an outside
    # container it also wrote to in the last full run. It holds one element, so the
    # last write is what shows.
    count.markdown(f"### {view.remaining} of {view.budget} dots left")
    line = _line(view, item_id)
    key = _synced(f"dots-{round_id}-{item_id}", line.dots)
    with st.container(border=True):
        st.markdown(escape_markdown(line.text))
        st.segmented_control(
            # Numbered, so a screen reader tells one idea's row from the next.
            f"Your dots on idea {n} of {len(view.items)}",
            list(range(view.max_per_item + 1)),
            required=True,
            key=key,
            on_change=_tapped,
            args=(vote, round_id, item_id, key),
            width="stretch",
        )
        if refused:
            st.error(refused)


@st.fragment
def _choice_row(round_id: int, n: int, item_id: int, count: Any, vote: Voter) -> None:
    view, refused = _after_tap(round_id, item_id, _choice_of)
    answered = sum(1 for line in view.items if line.choice is not None)
    count.markdown(f"### {answered} of {len(view.items)} statements answered")
    line = _line(view, item_id)
    key = _synced(f"choice-{round_id}-{item_id}", _choice_of(line))
    with st.container(border=True):
        st.markdown(escape_markdown(line.text))
        st.segmented_control(
            f"Your view on statement {n} of {len(view.items)}",
            list(CHOICE_LABELS),
            format_func=CHOICE_LABELS.get,
            key=key,
            on_change=_chosen,
            args=(vote, round_id, item_id, key),
            width="stretch",
        )
        if refused:
            st.error(refused)


def _tapped(vote: Voter, round_id: int, item_id: int, key: str) -> None:
    st.session_state[_TAP] = vote(round_id, item_id, st.session_state[key])


def _chosen(vote: Voter, round_id: int, item_id: int, key: str) -> None:
    # Tapping the chosen answer again clears the control; the stored choice stays.
    if st.session_state[key] is not None:
        _tapped(vote, round_id, item_id, key)


def _after_tap(round_id: int, item_id: int, value: Callable[[Any], Any]) -> tuple[Any, str | None]:
    """The ballot this row draws, and the refusal to show under it if its tap was refused.

    After the row's own tap it is the ballot as stored. When that shows other rows out of
    date (another phone with the same badge), or the round is no longer open, the whole
    page reruns instead; `take_tap` hands it the refusal to show at the top.
    """
    latest = st.session_state[_LATEST]
    tap = st.session_state.get(_TAP)
    if tap is None or (tap.round_id, tap.item_id) != (round_id, item_id):
        return latest[round_id], None
    drawn = latest[round_id]
    if (
        tap.view is None
        or tap.view.status != drawn.status
        or _others_moved(drawn, tap.view, item_id, value)
    ):
        st.rerun(scope="app")
    del st.session_state[_TAP]
    latest[round_id] = tap.view
    return tap.view, tap.problem


def _others_moved(drawn: Any, stored: Any, item_id: int, value: Callable[[Any], Any]) -> bool:
    before = {line.item_id: value(line) for line in drawn.items}
    return any(before.get(i.item_id) != value(i) for i in stored.items if i.item_id != item_id)


def _remember(view: Any) -> None:
    st.session_state.setdefault(_LATEST, {})[view.round_id] = view


def _line(view: Any, item_id: int) -> Any:
    return next(line for line in view.items if line.item_id == item_id)


def _choice_of(line: Any) -> str | None:
    return line.choice.value if line.choice else None


def _synced(key: str, stored: Any) -> str:
    # Reset from the stored vote on every run, so a refused tap shows what really counts.
    st.session_state[key] = stored
    return key
