"""A voter's ballot on a phone: one labelled row of choices per idea, the dots left in words.

Taps run as callbacks bound to the item they were drawn for, so a tap that lands after
the round closed still reaches the service and gets its refusal instead of vanishing.

The rows are drawn in fragments of a few rows each, so a tap redraws its few rows and
the count above the ballot, not the whole page. What each costs was measured (bench/):
a page run per tap cost five times the floor's time in a 60-person room; a fragment per
row made opening the ballot cost four times it, since each fragment writes the count
too; one fragment for the whole ballot made every tap redraw every row.

The rows are drawn from what the tap's service call says is stored, so a refused tap
shows what really counts, not what was tapped. A tap that finds rows of other fragments
out of date (another phone with the same badge), or the round no longer open, reruns
the whole page, which draws every row as stored and says why the tap was refused.

A row is one control whose label is the idea itself, not a box holding a text and a
control: each element is a message per run, and the label tells a screen reader which
idea the choices belong to.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st

from components.text import escape_markdown

CHOICE_LABELS = {"agree": "Agree", "disagree": "Disagree", "pass": "Pass / unsure"}
ROWS_PER_FRAGMENT = 5
"""A tap redraws this many rows; opening the ballot writes the count once per this many."""
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
    for first in range(0, len(view.items), ROWS_PER_FRAGMENT):
        _dots_rows(view.round_id, first, count, vote)


def choice_ballot(view: Any, vote: Voter) -> None:
    """Per statement, agree / disagree / pass; the choice is named in words."""
    _remember(view)
    count = st.empty()
    for first in range(0, len(view.items), ROWS_PER_FRAGMENT):
        _choice_rows(view.round_id, first, count, vote)


@st.fragment
def _dots_rows(round_id: int, first: int, count: Any, vote: Voter) -> None:
    view, tap = _after_tap(round_id, first, lambda line: line.dots)
    # Each fragment writes the one count on every run: a fragment may only redraw an
    # outside container it also wrote to in the last full run. It holds one element,
    # so the last write is what shows.
    count.markdown(f"### {view.remaining} of {view.budget} dots left")
    for n, line in _rows(view, first):
        key = _synced(f"dots-{round_id}-{line.item_id}", line.dots)
        st.segmented_control(
            _row_label("Idea", n, len(view.items), line.text),
            list(range(view.max_per_item + 1)),
            required=True,
            key=key,
            on_change=_tapped,
            args=(vote, round_id, line.item_id, key),
            width="stretch",
        )
        _refusal_under(line.item_id, tap)


@st.fragment
def _choice_rows(round_id: int, first: int, count: Any, vote: Voter) -> None:
    view, tap = _after_tap(round_id, first, _choice_of)
    answered = sum(1 for line in view.items if line.choice is not None)
    count.markdown(f"### {answered} of {len(view.items)} statements answered")
    for n, line in _rows(view, first):
        key = _synced(f"choice-{round_id}-{line.item_id}", _choice_of(line))
        st.segmented_control(
            _row_label("Statement", n, len(view.items), line.text),
            list(CHOICE_LABELS),
            format_func=CHOICE_LABELS.get,
            key=key,
            on_change=_chosen,
            args=(vote, round_id, line.item_id, key),
            width="stretch",
        )
        _refusal_under(line.item_id, tap)


def _rows(view: Any, first: int) -> list[tuple[int, Any]]:
    """The numbered rows one fragment draws."""
    rows = view.items[first : first + ROWS_PER_FRAGMENT]
    return list(enumerate(rows, start=first + 1))


def _row_label(kind: str, n: int, of: int, text: str) -> str:
    # Numbered, so a screen reader tells one row from the next even when two read alike.
    return f"**{kind} {n} of {of}.** {escape_markdown(text)}"


def _refusal_under(item_id: int, tap: Tap | None) -> None:
    if tap is not None and tap.problem and tap.item_id == item_id:
        st.error(tap.problem)


def _tapped(vote: Voter, round_id: int, item_id: int, key: str) -> None:
    st.session_state[_TAP] = vote(round_id, item_id, st.session_state[key])


def _chosen(vote: Voter, round_id: int, item_id: int, key: str) -> None:
    # Tapping the chosen answer again clears the control; the stored choice stays.
    if st.session_state[key] is not None:
        _tapped(vote, round_id, item_id, key)


def _after_tap(round_id: int, first: int, value: Callable[[Any], Any]) -> tuple[Any, Tap | None]:
    """The ballot these rows draw, and the tap this run answers, if it was one of theirs.

    After a tap it is the ballot as stored. When that shows rows of other fragments out
    of date (another phone with the same badge), or the round no longer open, the whole
    page reruns instead; `take_tap` hands it the refusal to show at the top.
    """
    latest = st.session_state[_LATEST]
    drawn = latest[round_id]
    mine = {line.item_id for _n, line in _rows(drawn, first)}
    tap = st.session_state.get(_TAP)
    if tap is None or tap.round_id != round_id or tap.item_id not in mine:
        return drawn, None
    if (
        tap.view is None
        or tap.view.status != drawn.status
        or _others_moved(drawn, tap.view, mine, value)
    ):
        st.rerun(scope="app")
    del st.session_state[_TAP]
    latest[round_id] = tap.view
    return tap.view, tap


def _others_moved(drawn: Any, stored: Any, mine: set[int], value: Callable[[Any], Any]) -> bool:
    before = {line.item_id: value(line) for line in drawn.items}
    if set(before) != {line.item_id for line in stored.items}:
        return True
    return any(before[i.item_id] != value(i) for i in stored.items if i.item_id not in mine)


def _remember(view: Any) -> None:
    st.session_state.setdefault(_LATEST, {})[view.round_id] = view


def _choice_of(line: Any) -> str | None:
    return line.choice.value if line.choice else None


def _synced(key: str, stored: Any) -> str:
    # Reset from the stored vote on every run, so a refused tap shows what really counts.
    st.session_state[key] = stored
    return key
