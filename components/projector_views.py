"""The projector's idea wall and charter, built as HTML for components/projector.screen."""

from __future__ import annotations

from collections.abc import Sequence

from components.projector import text
from components.projector_pages import page_note
from services.partner.charter_screen import CharterOnScreen

WALL_COLUMNS, WALL_ROWS = 2, 4
WALL_PAGE = WALL_COLUMNS * WALL_ROWS
WALL_SECONDS = 12.0
"""How long each page of older ideas stays up."""
NEWEST_HOLD = 20.0
"""For this long after an idea arrives the wall shows the newest page, where it is."""
CLAUSE_PAGE = 4
CHARTER_SECONDS = 15.0


def wall_html(newest_first: Sequence[str], page: int) -> str:
    """One page of the ideas, newest first, as cards of at most three lines each."""
    count = len(newest_first)
    if not count:
        return "<h2>0 ideas so far</h2><p>Ideas from the tables appear here as they arrive.</p>"
    shown = newest_first[page * WALL_PAGE : (page + 1) * WALL_PAGE]
    cards = "".join(f'<div class="pj-card"><p class="pj-clamp3">{text(t)}</p></div>' for t in shown)
    noun = "idea" if count == 1 else "ideas"
    return (
        f"<h2>{count} {noun} so far, newest first</h2>"
        f'<div class="pj-grid" style="grid-template-columns:repeat({WALL_COLUMNS}, 1fr)">'
        f"{cards}</div>{page_note('Ideas', count, WALL_PAGE, page, WALL_SECONDS)}"
    )


def charter_html(charter: CharterOnScreen | None, page: int) -> str:
    """The charter's mission, one page of its clauses, and which groups have signed."""
    if charter is None:
        return "<h2>Partnering charter</h2><p>The charter has not been drafted yet.</p>"
    clauses = charter.clauses[page * CLAUSE_PAGE : (page + 1) * CLAUSE_PAGE]
    cards = "".join(
        f'<div class="pj-card"><p><b>{text(heading)}</b></p>'
        f'<p class="pj-clamp4">{text(body)}</p></div>'
        for heading, body in clauses
    )
    signed = ", ".join(text(g) for g in charter.signed) or "no group yet"
    waiting = ", ".join(text(g) for g in charter.waiting)
    still = f" Not signed yet: {waiting}." if waiting else " Every group has signed."
    note = page_note("Clauses", len(charter.clauses), CLAUSE_PAGE, page, CHARTER_SECONDS)
    return (
        f"<h2>Partnering charter, version {charter.version}</h2>"
        f'<p class="pj-prompt pj-clamp2" style="margin:0 0 1.4vh !important">'
        f"<b>Mission:</b> {text(charter.mission)}</p>"
        f'<div class="pj-grid" style="grid-template-columns:repeat(2, 1fr)">{cards}</div>'
        f'<p class="pj-clamp2" style="margin-top:1.4vh !important"><b>Signed by:</b> '
        f"{signed}.{still}</p>{note}"
    )
