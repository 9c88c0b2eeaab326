"""Where the room is: the current step, its prompt, whether input is open, the timer."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from datetime import UTC, datetime

import streamlit as st

import i18n
from components.text import escape_markdown
from i18n import _
from services.core.actors import Actor
from services.room import late_notes
from services.room.room_control import RoomState
from services.translations.shown import Shown, mark, show_original_words
from workarounds.fragment_inline_call import InlineCall


def timer_text(seconds_left: int | None, *, paused: bool = False) -> str:
    """'12:05 left', 'Paused — 4:12 left', 'Time is up', or '' when no timer runs."""
    if seconds_left is None:
        return ""
    if seconds_left <= 0 and not paused:
        return _("Time is up")
    minutes, seconds = divmod(max(0, seconds_left), 60)
    # Translators: {time} is minutes and seconds, "12:05".
    left = _("{time} left").format(time=f"{minutes}:{seconds:02d}")
    # In words: a clock that merely stops looks like a frozen screen, not a choice.
    # Translators: {left} is "4:12 left".
    return _("Paused — {left}").format(left=left) if paused else left


def room_timer_text(state: RoomState, now: datetime | None = None) -> str:
    """The room's timer as every screen words it, paused or running (see `timer_text`)."""
    return timer_text(state.seconds_left(now or datetime.now(UTC)), paused=state.paused)


def step_heading(state: RoomState) -> str:
    """'Step 3 of 10: Ideas for better 911 response', or why there is no step; the title in
    the language being drawn (its translation, where the facilitator wrote one)."""
    title = state.step_title(i18n.current())
    if title is None:
        return _("The meeting has not started yet")
    return _("Step {position} of {count}: {title}").format(
        position=state.position, count=state.step_count, title=title.text
    )


def countdown_text(seconds_left: int | None, *, paused: bool = False) -> str:
    """'Timer: 12:05 left', 'Timer: Paused — 4:12 left', 'Timer: Time is up', or
    'No timer is running'."""
    timer = timer_text(seconds_left, paused=paused)
    return _("Timer: {timer}").format(timer=timer) if timer else _("No timer is running")


COUNTDOWN_CHECK = "5s"
"""How often the console reads the room's timer afresh: between reads the browser counts."""

_ICONS = {"running": "timer", "up": "alarm", "paused": "pause_circle", "none": "timer"}

# Counts down from what the server said, by the browser's own clock between reads; one
# interval per heading, by its key (a new body clears the last one's), and it stops at zero
# or when its heading is gone. Only numbers, the key and the catalogue's words reach it, as
# JSON.
_TICK = """<script data-counts-down>(() => {
  const said = __SAID__;
  const from = performance.now();
  const timers = window.cgCountdowns = window.cgCountdowns || {};
  clearInterval(timers[said.key]);
  if (said.left === null || said.paused || said.left <= 0) return;
  const draw = () => {
    const heading = document.querySelector(`[data-cg-countdown][data-cg-key="${said.key}"]`);
    const left = Math.max(0, said.left - Math.floor((performance.now() - from) / 1000));
    if (!heading) return clearInterval(timers[said.key]);
    const time = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
    const timer = left > 0 ? said.left_words.replace("{time}", time) : said.up_words;
    heading.querySelector("[data-cg-words]").textContent = said.line.replace("{timer}", timer);
    heading.querySelector("[data-cg-icon]").textContent = left > 0 ? "timer" : "alarm";
    if (left <= 0) clearInterval(timers[said.key]);
  };
  timers[said.key] = setInterval(draw, 1000);
})();</script>"""


def countdown_html(seconds_left: int | None, *, paused: bool = False, key: int = 0) -> str:
    """A timer heading and the script that counts it down in the browser: the console's,
    and each open round's on a phone (`key`, its meeting's id, tells them apart).

    The heading is whole without the script ('Timer: 12:05 left' as of this read); the
    icon is decoration, hidden from screen readers: the words carry the state.
    """
    if seconds_left is None:
        state = "none"
    elif paused:
        state = "paused"
    else:
        state = "running" if seconds_left > 0 else "up"
    words = countdown_text(seconds_left, paused=paused)
    said = {
        "key": str(key),
        "left": seconds_left,
        "paused": paused,
        # Translators: {time} is minutes and seconds, "12:05".
        "left_words": _("{time} left"),
        "up_words": _("Time is up"),
        "line": _("Timer: {timer}"),
    }
    script = _TICK.replace("__SAID__", json.dumps(said).replace("<", "\\u003c"))
    return (
        f'<h3 class="cg-countdown" data-cg-countdown="{state}" data-cg-key="{key}">'
        f'<span data-cg-icon aria-hidden="true" class="cg-countdown-icon">{_ICONS[state]}</span> '
        f"<span data-cg-words>{html.escape(words)}</span></h3>"
        f"<style>.cg-countdown{{font-size:1.5rem;font-weight:600}}"
        f".cg-countdown-icon{{font-family:'Material Symbols Rounded';font-weight:400;"
        f"vertical-align:-0.15em}}</style>{script}"
    )


def countdown_shown(body: str) -> tuple[str, str] | None:
    """The icon and words a countdown heading shows as drawn, read back from its HTML (None
    for another block): for tests that read a run's elements."""
    found = _SHOWN.search(body)
    return (found[1], html.unescape(found[2])) if found else None


_SHOWN = re.compile(r"<span data-cg-icon[^>]*>(\w+)</span> <span data-cg-words>([^<]*)</span>")


def live_countdown(read_state: Callable[[], RoomState]) -> None:
    """The room's timer, counted down each second by the browser, read afresh every 5 s.

    Every second on the server was a rerun of the page's fragment for one changed number;
    now the server draws the heading as of its read, and the browser counts between reads.
    A read every `COUNTDOWN_CHECK` shows a timer another facilitator started, extended,
    paused or cleared; this console's own buttons rerun the page and show it at once.
    """

    @st.fragment(run_every=COUNTDOWN_CHECK)
    def check() -> None:
        state = read_state()
        left = state.seconds_left(datetime.now(UTC))
        st.html(countdown_html(left, paused=state.paused), unsafe_allow_javascript=True)

    check()


def show_room_banner(
    state: RoomState, now: datetime | None = None, *, with_timer: bool = True
) -> None:
    """The step, prompt, input state and timer; words, not colour, carry the state.

    A screen that shows `live_countdown` passes `with_timer=False`, so the timer is not
    shown twice, once frozen.
    """
    now = now or datetime.now(UTC)
    st.subheader(escape_markdown(step_heading(state)))
    title, prompt = state.step_title(i18n.current()), state.step_prompt(i18n.current())
    if prompt is not None and prompt.original:
        st.markdown("**" + _("Question:") + "** " + escape_markdown(prompt.text))
    _step_note([p for p in (title, prompt) if p is not None and p.original])
    status = _("Input is open") if state.input_open else _("Input is closed")
    timer = room_timer_text(state, now) if with_timer else ""
    line = f"{status} · {timer}" if timer else status
    if state.input_open:
        st.success(line, icon=":material/edit_note:")
    else:
        st.warning(line, icon=":material/lock:")


def _step_note(parts: list[Shown]) -> None:
    """One note under the step's title and question: which words they are, and their
    originals behind one tap. Two notes took a tablet's screen from the form below."""
    marked = [p for p in parts if mark(p)]
    if not marked:
        return
    st.caption(escape_markdown(mark(marked[0])))
    translated = [p for p in parts if p.translated]
    if translated:
        with st.expander(show_original_words(translated[0]), key="original-room-step"):
            for part in translated:
                st.text(part.original)  # someone's words, shown literally


def follow_room(
    read_state: Callable[[], RoomState], drawn: RoomState, actor: Actor, every: str = "2s"
) -> None:
    """The banner on a table's screen, read afresh every two seconds, so it follows the room.

    When what a save from this screen would do changes (input opens or closes, late notes
    are allowed or stopped, the meeting closes), the whole page runs again so its forms say
    so. Text being typed survives that run: the browser keeps it as a draft (drafts.py).
    """
    page_gate = late_notes.input_gate(drawn, actor.is_facilitator)
    inline = InlineCall()

    @st.fragment(run_every=every)
    def banner() -> None:
        state = drawn if inline.first() else read_state()
        show_room_banner(state)
        if state.current is not None and state.current.late_notes and not state.input_open:
            st.info(_("Late notes are allowed for this step: they are marked late."))
        if late_notes.input_gate(state, actor.is_facilitator) != page_gate:
            st.rerun()

    banner()
