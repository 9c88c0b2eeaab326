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
idea the choices belong to. Streamlit renders a label as Markdown and hands the same raw
string to the screen reader as the row's name, so the label must be plain words that
Markdown leaves alone ("Idea 1 of 9: …"): an escaped label would be read out with its
backslashes. Most ideas are such words and go in as typed. An idea holding characters
Markdown could act on gets its visible words drawn apart, as plain text, above its row, and the
row's label, then collapsed, holds the idea without those characters. Collapsing alone
would not do: Streamlit still renders a collapsed label's Markdown in the page, only
undisplayed, and Chromium fetches an image there all the same (checked in the browser;
tests/e2e/test_ballot_thumbs.py keeps checking it).

The count of what is left sticks to the top of the screen while the ballot scrolls, with
a refused tap's reason under it, and a tap that counted says "Saved" in words under its
row. Streamlit has no size option, so one style block, written once per page run, gives
the choices thumb-sized targets; it reaches only this ballot's controls by the CSS class
Streamlit derives from their keys.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components.live_region import live_region, say
from components.text import Visibility, label_words
from components.translated import translated_note
from i18n import N_, _, ngettext
from services.converge.voting_items import BallotLine, BallotView

CHOICE_LABELS = {"agree": N_("Agree"), "disagree": N_("Disagree"), "pass": N_("Pass / unsure")}
"""Each choice's stored value and its words, translated where they are shown."""
ROWS_PER_FRAGMENT = 5
"""A tap redraws this many rows; opening the ballot writes the count once per this many."""
_TAP = "_ballot_tap"
_LATEST = "_ballot_latest"
_GENERATIONS = "_ballot_key_generations"
"""round id → the ballot as last read: what the fragment draws when it reruns."""
TARGET_PX = 44
"""The smallest comfortable touch target (WCAG 2.5.5, Apple's and Google's guides)."""
_STYLE = f"""<style>
[data-testid="stLayoutWrapper"]:has(> [class*="st-key-ballot-count-"]) {{
  position: sticky; top: 0; z-index: 99; background: #ffffff; color: #111827;
  padding: 0.25rem 0; border-bottom: 1px solid #9ca3af;
}}
[class*="st-key-dots-"] button, [class*="st-key-choice-"] button {{
  min-height: {TARGET_PX}px; min-width: {TARGET_PX}px;
}}
[class*="st-key-dots-"] [data-testid="stWidgetLabel"] p,
[class*="st-key-choice-"] [data-testid="stWidgetLabel"] p {{ font-size: 1rem; }}
[class*="st-key-dots-"] [aria-checked="true"], [class*="st-key-choice-"] [aria-checked="true"] {{
  font-weight: 700; text-decoration: underline; text-decoration-thickness: 3px;
  text-underline-offset: 4px; border-width: 2px; border-color: currentColor;
}}
.ballot-saved {{ color: #14532d; font-weight: 600; margin: 0; }}
</style>"""
"""The count's colours are the theme's text on white (contrast 17:1); "Saved" is dark
green on white (9:1) and says it in words, so colour is never the only signal, nor is it
for the answer a row holds: bold, underlined and framed, where Streamlit marks it with a
tint alone (WCAG 1.4.1), which is all a reloaded ballot showed. A row's label is
body-sized, as is the plain-text line drawn for an idea typed as Markdown."""
FEEDBACK = N_("The meeting is over: tell us how it went")
_CLOSED_STYLE = f"""<style>
[class*="st-key-survey-link-"] a {{
  min-height: {TARGET_PX}px; border: 2px solid #1e3a8a; border-radius: 0.5rem;
  justify-content: center;
}}
[class*="st-key-survey-link-"] a p {{ font-size: 1rem; font-weight: 600; color: #1e3a8a; }}
[class*="st-key-survey-link-"] a * {{ text-align: center; line-height: 1.35; }}
</style>"""
"""The survey and feedback links as thumb-sized buttons: dark blue on white (10:1), their
words centred when they wrap (components/touch_targets.py wraps them)."""


@dataclass(frozen=True)
class Tap:
    """One tap's outcome: the ballot as stored after it, and why it was refused, if it was."""

    round_id: int
    item_id: int
    view: BallotView | None
    """The ballot as stored after the tap; None if it could not be read."""
    problem: str | None = None


Tapped = int | str
"""What a row's tap chose: a number of dots, or a choice's stored value."""
Voter = Callable[[BallotView, int, Tapped], Tap]
"""(the ballot as drawn, item id, value tapped) → the Tap; the page runs the service behind
it, which names the rows as they were drawn rather than reading the names again."""


def closed_screen(survey_page: str, code: str) -> None:
    """The phone once the meeting has closed: thanks, and the feedback form one tap away."""
    st.header(_("This meeting has closed — thank you"), anchor=False)
    st.write(_("Thank you for taking part. Votes can no longer be sent from this page."))
    survey_button(survey_page, _(FEEDBACK), code, "feedback")


def survey_button(survey_page: str, label: str, code: str, name: str) -> None:
    """A link to the survey with this badge's code, as big as a thumb (WCAG 2.5.5)."""
    st.html(_CLOSED_STYLE)
    with st.container(key=f"survey-link-{name}"):
        st.page_link(survey_page, label=label, query_params={"code": code}, width="stretch")


def take_tap() -> Tap | None:
    """The tap a full run of the page is answering, if any: its refusal goes at the top."""
    return st.session_state.pop(_TAP, None)


def dots_ballot(view: BallotView, vote: Voter) -> None:
    """Per idea, a row 0…max of how many dots it gets; the total left is said in words."""
    _remember(view)
    count = _count_box(view.round_id)
    st.caption(
        # The keys too: a row is a radio group, which Tab enters once and the arrows move
        # through (WAI-ARIA's pattern); a keyboard-only walk looked for each number by Tab.
        _(
            "Give each idea 0 to {most} dots. Tap a number to change it (by keyboard: Tab "
            "to an idea, then the arrow keys)."
        ).format(most=view.max_per_item)
    )
    for first in range(0, len(view.items), ROWS_PER_FRAGMENT):
        _dots_rows(view.round_id, first, count, vote)


def choice_ballot(view: BallotView, vote: Voter) -> None:
    """Per statement, agree / disagree / pass; the choice is named in words."""
    _remember(view)
    count = _count_box(view.round_id)
    for first in range(0, len(view.items), ROWS_PER_FRAGMENT):
        _choice_rows(view.round_id, first, count, vote)


@st.fragment
def _dots_rows(round_id: int, first: int, count: DeltaGenerator, vote: Voter) -> None:
    view, tap = _after_tap(round_id, first, lambda line: line.dots)
    # Each fragment writes the one count on every run: a fragment may only redraw an
    # outside container it also wrote to in the last full run. It holds one element,
    # so the last write is what shows.
    left = ngettext(
        "{left} of {budget} dots left", "{left} of {budget} dots left", view.remaining
    ).format(left=view.remaining, budget=view.budget)  # Spanish: "Le queda 1", "Le quedan 2"
    _write_count(count, left, tap)
    for n, line in _rows(view, first):
        key = _synced(f"dots-{round_id}-{line.item_id}", line.dots, _answers(tap, line))
        number = _("Idea {n} of {total}:").format(n=n, total=len(view.items))
        label, visibility = _row_label(number, line.text)
        st.segmented_control(
            label,
            list(range(view.max_per_item + 1)),
            required=True,
            key=key,
            on_change=_tapped,
            args=(vote, round_id, line.item_id, key),
            width="stretch",
            label_visibility=visibility,
        )
        _name_note(line)
        _outcome_under(round_id, line.item_id, tap, _dots_saved(line.dots))


@st.fragment
def _choice_rows(round_id: int, first: int, count: DeltaGenerator, vote: Voter) -> None:
    view, tap = _after_tap(round_id, first, _choice_of)
    answered = sum(1 for line in view.items if line.choice is not None)
    total = len(view.items)
    done = _("{answered} of {total} statements answered").format(answered=answered, total=total)
    _write_count(count, done, tap)
    for n, line in _rows(view, first):
        key = _synced(f"choice-{round_id}-{line.item_id}", _choice_of(line), _answers(tap, line))
        number = _("Statement {n} of {total}:").format(n=n, total=total)
        label, visibility = _row_label(number, line.text)
        st.segmented_control(
            label,
            list(CHOICE_LABELS),
            format_func=lambda choice: _(CHOICE_LABELS[choice]),
            key=key,
            on_change=_chosen,
            args=(vote, round_id, line.item_id, key),
            width="stretch",
            label_visibility=visibility,
        )
        _name_note(line)
        _outcome_under(round_id, line.item_id, tap, _choice_saved(line))


def _name_note(line: BallotLine) -> None:
    """Under a row named by a translation: that it is one, and the original one tap away."""
    if line.name is not None:
        translated_note(line.name, key=f"ballot-{line.item_id}")


def _rows(view: BallotView, first: int) -> list[tuple[int, BallotLine]]:
    """The numbered rows one fragment draws."""
    rows = view.items[first : first + ROWS_PER_FRAGMENT]
    return list(enumerate(rows, start=first + 1))


def _count_box(round_id: int) -> DeltaGenerator:
    """The place for the count: a keyed box the style block makes stick to the top."""
    st.html(_STYLE)
    return st.container(key=f"ballot-count-{round_id}").empty()


def _row_label(number: str, text: str) -> tuple[str, Visibility]:
    """The row's label, plain words as the screen reader reads them, and its visibility.

    Numbered ("Idea 1 of 9:"), so a screen reader tells one row from the next even when
    two read alike (components/text.py's label_words says the rest).
    """
    return label_words(text, before=f"{number} ")


def _write_count(count: DeltaGenerator, words: str, tap: Tap | None) -> None:
    """The count, and under it why the tap this run answers was refused, if it was: in the
    box that sticks to the top, so the refusal is in sight wherever the row tapped was.
    Under the row, the last row's refusal fell below a phone's screen (a keyboard walk at
    390×844 found it), and the tap seemed to do nothing."""
    box = count.container()
    box.subheader(words, anchor=False)
    if tap is not None and tap.problem:
        box.error(tap.problem)  # an alert: a screen reader says it at once


def _outcome_under(round_id: int, item_id: int, tap: Tap | None, saved: str) -> None:
    """Under each row, its live region; under the row just tapped and saved, "Saved", said
    by the region. A refusal goes with the count (`_write_count`)."""
    region = live_region(f"{round_id}-{item_id}")
    if tap is not None and tap.item_id == item_id and not tap.problem:
        say(region, saved, "ballot-saved")  # fixed words, never user text


def _choice_saved(line: BallotLine) -> str:
    choice = _choice_of(line)
    words = _(CHOICE_LABELS[choice]) if choice in CHOICE_LABELS else _("no answer")
    return _("Saved: {choice}.").format(choice=words)


def _dots_saved(dots: int) -> str:
    return ngettext("Saved: {n} dot.", "Saved: {n} dots.", dots).format(n=dots)


def _tapped(vote: Voter, round_id: int, item_id: int, key: str) -> None:
    if _retired(key):
        # A value sent for a control redrawn since under a new key: not a tap (_synced).
        return
    drawn = st.session_state[_LATEST][round_id]
    st.session_state[_TAP] = vote(drawn, item_id, st.session_state[key])


def _chosen(vote: Voter, round_id: int, item_id: int, key: str) -> None:
    # Tapping the chosen answer again clears the control; the stored choice stays.
    if st.session_state[key] is not None:
        _tapped(vote, round_id, item_id, key)


def _after_tap(
    round_id: int, first: int, value: Callable[[BallotLine], Tapped | None]
) -> tuple[BallotView, Tap | None]:
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


def _others_moved(
    drawn: BallotView,
    stored: BallotView,
    mine: set[int],
    value: Callable[[BallotLine], Tapped | None],
) -> bool:
    before = {line.item_id: value(line) for line in drawn.items}
    if set(before) != {line.item_id for line in stored.items}:
        return True
    return any(before[i.item_id] != value(i) for i in stored.items if i.item_id not in mine)


def _remember(view: BallotView) -> None:
    st.session_state.setdefault(_LATEST, {})[view.round_id] = view


def _choice_of(line: BallotLine) -> str | None:
    return line.choice.value if line.choice else None


def _synced(row: str, stored: Tapped | None, tapped_here: bool) -> str:
    """The key of `row`'s control, holding the stored vote: a refused tap shows what
    really counts.

    When the stored vote changed from outside (another phone with the same badge), the
    control gets a new key rather than a new value. The browser may send the old value
    once more before it has drawn the new one (a 5 s check firing in between, seen on a
    loaded machine); under the same key Streamlit would take that for a tap and store it,
    undoing the other phone's vote. A value for a retired key is dropped (`_retired`).
    The row just tapped keeps its key, so its control keeps the focus.
    """
    generations: dict[str, int] = st.session_state.setdefault(_GENERATIONS, {})
    key = f"{row}-{generations.get(row, 0)}"
    if not tapped_here and key in st.session_state and st.session_state[key] != stored:
        generations[row] = generations.get(row, 0) + 1
        key = f"{row}-{generations[row]}"
    st.session_state[key] = stored
    return key


def _retired(key: str) -> bool:
    """Whether `key` is no longer its row's control (Streamlit keeps a retired control's
    callback, so a late value for it would still reach `_tapped`)."""
    row, generation = key.rsplit("-", 1)
    return st.session_state.get(_GENERATIONS, {}).get(row, 0) != int(generation)


def _answers(tap: Tap | None, line: BallotLine) -> bool:
    """Whether this run answers a tap on `line`'s row."""
    return tap is not None and tap.item_id == line.item_id
