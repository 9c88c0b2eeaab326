"""How long each page takes to draw for one person, on a quiet server, at a given room size.

Run at 1× and at 10× the data, it shows how each page's cost grows with the room. Every
page is drawn once as its first view (what a person waits for when they open it, caches
of new content included) and then REPEATS more times; "again" is the median of those.
"""

from __future__ import annotations

import asyncio
import statistics
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bench.app_players import sign_in_form
from bench.seed_load import Room, Seeded
from bench.session import Run, RunFailed, Tab

REPEATS = 3
VISITOR_PAGES = (
    ("home (visitor)", "", ""),
    ("vote", "vote", "code={voter}"),
    ("survey", "survey", "code={voter}"),
    ("projector", "projector", "code={meeting}"),
)
SCRIBE_PAGES = (("listen (scribe)", "listen"), ("ideas (scribe)", "ideas"))
FACILITATOR_PAGES = (
    ("home", ""),
    ("setup", "setup"),
    ("prepare", "prepare"),
    ("agenda", "agenda"),
    ("console", "console"),
    ("listen (all tables)", "listen"),
    ("ideas (board)", "ideas"),
    ("converge", "converge"),
    ("solve", "solve"),
    ("conflicts", "conflicts"),
    ("charter", "charter"),
    ("actions", "actions"),
    ("review", "review"),
)


@dataclass(frozen=True)
class PageTime:
    """One page's first view and its repeat views, in seconds."""

    page: str
    first: float
    again: float
    problem: str = ""


def render_times(server: str, seeded: Seeded, room: Room) -> list[PageTime]:
    """Time every page for `room` (the newest initiative, which signed-in pages show)."""
    return asyncio.run(_all_pages(server, seeded, room))


async def _all_pages(server: str, seeded: Seeded, room: Room) -> list[PageTime]:
    times = []
    for name, page, link in VISITOR_PAGES:
        query = link.format(voter=room.voter_codes[0], meeting=room.meeting_code)
        tab = Tab(server, page, query)
        times.append(await _time(name, tab, tab.open))
        await tab.close()
    scribe, table = room.scribes[0]
    for name, page in SCRIBE_PAGES:
        times.append(await _signed_in(server, scribe, seeded.password, name, page, table))
    for name, page in FACILITATOR_PAGES:
        times.append(await _signed_in(server, seeded.facilitator, seeded.password, name, page))
    return times


async def _signed_in(
    server: str, username: str, password: str, name: str, page: str, table: int | None = None
) -> PageTime:
    """A fresh signed-in tab moved to `page` through the navigation, as a click does."""
    tab = Tab(server)
    try:
        home = await tab.open()
        await tab.rerun(sign_in_form(home, username, password))
        query = f"table={table}" if table else ""
        return await _time(name, tab, lambda: tab.rerun(page=page, query=query))
    except RunFailed as failed:
        return PageTime(name, float("nan"), float("nan"), str(failed))
    finally:
        await tab.close()


async def _time(name: str, tab: Tab, first_view: Callable[[], Awaitable[Run]]) -> PageTime:
    try:
        first = await first_view()
        repeats = [await tab.rerun() for _ in range(REPEATS)]
    except RunFailed as failed:
        return PageTime(name, float("nan"), float("nan"), str(failed))
    problems = [*first.exceptions, *(e for r in repeats for e in r.exceptions)]
    again = statistics.median(r.seconds for r in repeats)
    return PageTime(name, first.seconds, again, "; ".join(problems)[:200])
