"""The projector frame: one screen, no scrolling, type read from the back of the room.

Every size is in vh, a hundredth of the screen's height: the room's screen is 16:9 at
1920×1080 or 1280×720, and in vh the same view fits both the same way. Body text is 2.6vh
(28 px at 1080), headings larger. Each view is one st.html block: the wall refreshes every
two seconds on every projector, and every element costs the server a message each time.
User text reaches that HTML only through `text()`, which escapes it.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import streamlit as st

from i18n import LANGUAGES, _, using
from services.room.spotlight import Spotlight
from services.translations.shown import Shown, mark

# Static CSS only: no user text ever reaches this string. Text #111827 on white is 17:1,
# #374151 is 10:1 and the accent #1d4ed8 6.7:1 (WCAG AA asks 4.5:1).
_PROJECTOR_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"] {
  display: none;
}
[data-testid="stMainBlockContainer"] { max-width: 100%; padding: 2vh 3vw 0; }
/* Full strength while a refresh runs. Streamlit fades what a run has not redrawn yet (to a
   third, after half a second): a sign for the person who pressed something. At the wall
   nobody did, and on a loaded laptop each two-second refresh dimmed the room's screen. */
[data-stale="true"] { opacity: 1 !important; transition: none !important; }
[data-testid="stMain"] [data-testid="stVerticalBlock"] { gap: 1.2vh; }
.pj { font-size: 2.6vh; line-height: 1.3; color: #111827; }
.pj p, .pj li { font-size: 2.6vh; margin: 0; }
.pj h1, .pj h2 { color: #111827; font-weight: 700; margin: 0; padding: 0; line-height: 1.15; }
.pj h1 { font-size: 4.6vh; }
.pj h2 { font-size: 3.6vh; margin-bottom: 1vh; }
.pj-head { display: flex; justify-content: space-between; align-items: flex-end; gap: 3vw; }
.pj-name { font-size: 3vh !important; color: #374151; font-weight: 600; }
.pj-timer { font-size: 4.6vh; font-weight: 700; white-space: nowrap; }
.pj-prompt { font-size: 3.2vh !important; margin-top: 0.8vh !important; }
.pj-clamp2, .pj-clamp3, .pj-clamp4 { display: -webkit-box; -webkit-box-orient: vertical;
  overflow: hidden; overflow-wrap: anywhere; }
.pj-clamp2 { -webkit-line-clamp: 2; } .pj-clamp3 { -webkit-line-clamp: 3; }
.pj-clamp4 { -webkit-line-clamp: 4; }
.pj-grid { display: grid; gap: 1.4vh 1.2vw; }
.pj-card { border-left: 0.5vh solid #1d4ed8; background: #f1f5f9; padding: 1vh 1vw; }
.pj-note { color: #374151; margin-top: 1vh !important; }
.pj-mark { color: #374151; font-size: 2.4vh; }
/* Both languages side by side: the step's heading holds two, so it takes a smaller type. */
.pj h1:has(.pj-lang) { font-size: 3.8vh; }
.pj-big { font-size: 7vh !important; font-weight: 700; line-height: 1.1; }
.pj-bar { height: 3vh; background: #e5e7eb; display: flex; }
.pj-bar span { display: block; height: 100%; }
.pj-row { display: grid; grid-template-columns: 3vw 38vw 1fr; gap: 0 1.2vw;
  align-items: center; padding: 0.8vh 0; border-bottom: 0.15vh solid #d1d5db; }
.pj-rank { font-size: 3.6vh; font-weight: 700; }
.pj-qr { height: 40vh; width: 40vh; image-rendering: pixelated; }
/* English and Spanish side by side: a grey rule (4.8:1) between them, the same size. */
.pj-lang + .pj-lang { margin-left: 0.6em; padding-left: 0.6em;
  border-left: 0.3vh solid #6b7280; }
/* Words after a bold label, in both languages: the space the side-by-side trims. */
.pj b + .pj-lang { margin-left: 0.25em; }
/* The cloud's counted words after their label in both languages: the same space. */
.pj-lang + .pj-words { margin-left: 0.4em; }
/* An idea card in both languages: each its own lines, one under the other, so a long
   original cannot push its translation out of the card's clamp. */
.pj-idea .pj-clamp3:has(.pj-lang) { display: block; }
.pj-idea .pj-clamp3 .pj-lang { display: -webkit-box; -webkit-box-orient: vertical;
  -webkit-line-clamp: 2; overflow: hidden; }
.pj-idea .pj-clamp3 .pj-lang + .pj-lang { margin: 0.6vh 0 0; padding: 0.6vh 0 0;
  border-left: 0; border-top: 0.3vh solid #6b7280; }
/* A result's item in both languages: each its own line, one under the other, so the row
   keeps its two lines' height and neither version is pushed out of sight. */
.pj-row .pj-clamp2:has(.pj-lang) { display: block; }
.pj-row .pj-clamp2 .pj-lang { display: -webkit-box; -webkit-box-orient: vertical;
  -webkit-line-clamp: 1; overflow: hidden; margin: 0; padding: 0; border: 0; }
.pj-link { font-family: "Courier New", monospace; font-size: 3.4vh; font-weight: 700;
  overflow-wrap: anywhere; }
/* On a narrow screen (a phone, or a browser zoomed to 400 %) nothing is cut to fit a wall,
   and the clock goes under the heading: the page scrolls down instead (WCAG 1.4.10).
   Last, to win over the wall's own rules above. */
@media (max-width: 640px) {
  .pj-clamp2, .pj-clamp3, .pj-clamp4, .pj-idea .pj-clamp3 .pj-lang, .pj-row .pj-clamp2 .pj-lang {
    display: block; -webkit-line-clamp: unset; overflow: visible; }
  .pj-head { flex-wrap: wrap; }
  .pj-timer { white-space: normal; }
  /* A result's rank beside its words, its bar and counts on a line of their own: the
     wall's columns (3 % of the width for the rank) drew "1." over the words. */
  .pj-row { grid-template-columns: auto 1fr; }
  .pj-row > :nth-child(3) { grid-column: 1 / -1; }
}
</style>
"""


def projector_frame() -> None:
    """Hide the sidebar and the app's header, and set the projector's type."""
    st.html(_PROJECTOR_CSS)


def text(value: str | None) -> str:
    """User text (or anything else) made safe to place in the projector's HTML."""
    return html.escape(value or "", quote=True)


def screen(*parts: str) -> None:
    """One block of the projector's HTML, made of parts built with `text()`."""
    st.html(f'<div class="pj">{"".join(parts)}</div>')


def header_html(
    meeting: str, heading: str, timer: str, prompt: str | None, also: Sequence[Shown] = ()
) -> str:
    """The meeting's name, the step, the timer in words, and the step's prompt, then the
    prompt in the room's other language when it has a translation (`also`)."""
    # Babel reads no `_()` inside an f-string: every marked string stands outside one.
    timer_words = text(_("Timer: {timer}").format(timer=timer))
    clock = f'<p class="pj-timer">{timer_words}</p>' if timer else ""
    asked = f'<p class="pj-prompt pj-clamp2">{text(prompt)}</p>' if prompt else ""
    for other in also:
        # Named by its language in that language ("Español:"), and marked for the screen
        # reader's voice; what it is (a translation) is said in the projector's words.
        said = f"{LANGUAGES.get(other.language, other.language)}: {other.text}"
        with using(other.language):  # said to its own reader, in their words: one mark
            what = mark(other)
        # The mark on the same line, after the words: a line of its own pushed the wall
        # in both languages off a 1080 px screen.
        note = f' <span class="pj-mark">({text(what)})</span>' if what else ""
        asked += (
            f'<p class="pj-prompt pj-clamp2"><span lang="{text(other.language)}">'
            f"{text(said)}{note}</span></p>"
        )
    return (
        f'<header class="pj-head"><div><p class="pj-name">{text(meeting)}</p>'
        f'<h1 class="pj-clamp2">{text(heading)}</h1></div>{clock}</header>{asked}'
    )


def closed_html(meeting: str) -> str:
    """The screen once the meeting has closed: thanks, and nothing live."""
    thanks, closed = text(_("Thank you for coming.")), text(_("This meeting has closed."))
    what_next = _(
        "Nothing more is being collected. What the room decided goes into the meeting report "
        "for everyone who took part."
    )
    return (
        f'<p class="pj-name">{text(meeting)}</p>'
        f'<p class="pj-big" style="margin-top:20vh !important">{thanks}</p>'
        f'<h2 style="margin-top:3vh">{closed}</h2>'
        f"<p>{text(what_next)}</p>"
    )


def spotlight_html(spot: Spotlight) -> str:
    """One conflict's sides side by side: each position, and apart, the interests beneath;
    someone's words in the run's language where they were translated (Spotlight.said)."""
    position, interests = text(_("Position:")), text(_("Interests:"))
    sides = "".join(
        f'<div class="pj-card"><h2>{text(side.group)}</h2>'
        f'<p class="pj-clamp3"><b>{position}</b> {text(side.said("position") or "—")}</p>'
        f'<p class="pj-clamp4" style="margin-top:1vh"><b>{interests}</b> '
        f"{text(side.said('interests') or '—')}</p></div>"
        for side in spot.sides
    )
    columns = f"repeat({min(max(len(spot.sides), 1), 4)}, 1fr)"
    agreement = text(_("Agreement:"))
    agreed = (
        f'<p class="pj-clamp3" style="margin-top:2vh"><b>{agreement}</b> '
        f"{text(spot.said('agreement'))}</p>"
        if spot.agreement
        else ""
    )
    # Each piece of someone's words in the projector's language, a translation marked first.
    issue = text(_("Working through: {issue}").format(issue=spot.said("issue")))
    return (
        f'<h2 class="pj-clamp2">{issue}</h2>'
        f'<div class="pj-grid" style="grid-template-columns:{columns}">{sides}</div>{agreed}'
    )
