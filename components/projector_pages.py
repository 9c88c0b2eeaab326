"""Long walls of text on one screen: shown a page at a time, turning by the clock."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from datetime import datetime

from components.projector import text
from i18n import _


def page_now(count: int, per_page: int, now: float, seconds: float, hold: bool = False) -> int:
    """The page (from 0) every projector shows at `now`: each stays `seconds`, then the next.

    By the clock, not by a counter, so every projector of the room shows the same page and
    a refresh needs nothing remembered. `hold` keeps the first page: new ideas are there.
    """
    pages = page_count(count, per_page)
    return 0 if hold else int(now // seconds) % pages


def page_count(count: int, per_page: int) -> int:
    """How many pages `count` things take, at least one."""
    return max(1, math.ceil(count / per_page))


def clock(held_at: datetime | None) -> float:
    """The moment the pages are turned to: now, or when the facilitator held them, so a
    held projector keeps the page it showed then (WCAG 2.2.2)."""
    return held_at.timestamp() if held_at is not None else time.time()


@dataclass(frozen=True, slots=True)
class Paging:
    """The page (from 0) a view shows, and whether the facilitator holds it there."""

    number: int
    held: bool = False
    size: int = 0
    """Items a page holds, where a view's pages vary (results in two languages); 0: the
    view's own number."""


def page_note(what: str, count: int, per_page: int, page: int, seconds: float | None) -> str:
    """'Ideas 9–16 of 40 · page 2 of 5, turning every 12 seconds' (or '…, held' when
    `seconds` is None: the facilitator holds the pages), or '' on a lone page.

    `what` is already in the reader's language ("Ideas", "Items")."""
    pages = page_count(count, per_page)
    if pages == 1:
        return ""
    first, last = page * per_page + 1, min(count, (page + 1) * per_page)
    # Translators: "Ideas 9–16 of 40 · page 2 of 5, turning every 12 seconds".
    note = _(
        "{what} {first}–{last} of {count} · page {page} of {pages}, turning every {seconds} seconds"
    )
    if seconds is None:
        # Translators: "Ideas 9–16 of 40 · page 2 of 5, held": the facilitator stopped the
        # pages turning, so the room can read this one.
        note = _("{what} {first}–{last} of {count} · page {page} of {pages}, held")
    said = note.format(
        what=what, first=first, last=last, count=count, page=page + 1, pages=pages,
        seconds=round(seconds or 0),
    )  # fmt: skip
    return f'<p class="pj-note">{text(said)}</p>'
