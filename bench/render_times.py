"""How long each page takes to draw for one person, on a quiet server, at a given room size.

Run at 1× and at 10× the data, it shows how each page's cost grows with the room. Every
page is drawn once as its first view (what a person waits for when they open it, caches
of new content included) and then REPEATS more times; "again" is the median of those, and
"CPU" the server's CPU time per repeat (from /proc, in 10 ms ticks: coarse for small
pages). The growth bar compares "again" at 10× with "again" at 1× for the staff pages.
"""

from __future__ import annotations

import asyncio
import statistics
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace

from bench.app_players import sign_in_form
from bench.seed_load import Room, Seeded
from bench.server_meter import cpu_seconds
from bench.session import Run, RunFailed, Tab

REPEATS = 5
"""Repeat views per page: "again" is their median, which the growth bar compares."""
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
    cpu: float = float("nan")
    problem: str = ""
    staff: bool = False
    """A signed-in page (a scribe's, a facilitator's): held to the growth bar."""


def render_times(server: tuple[str, int], seeded: Seeded, room: Room) -> list[PageTime]:
    """Time every page for `room` (the newest initiative, which signed-in pages show) on
    `server` ((url, pid)), which nobody else may be using meanwhile."""
    return asyncio.run(_all_pages(server, seeded, room))


async def _all_pages(server: tuple[str, int], seeded: Seeded, room: Room) -> list[PageTime]:
    url, pid = server
    times = []
    for name, page, link in VISITOR_PAGES:
        query = link.format(voter=room.voter_codes[0], meeting=room.meeting_code)
        tab = Tab(url, page, query)
        times.append(await _time(name, pid, tab, tab.open))
        await tab.close()
    scribe, table = room.scribes[0]
    for name, page in SCRIBE_PAGES:
        times.append(await _signed_in(server, (scribe, seeded.password), name, page, table))
    for name, page in FACILITATOR_PAGES:
        login = (seeded.facilitator, seeded.password)
        times.append(await _signed_in(server, login, name, page))
    return times


async def _signed_in(
    server: tuple[str, int],
    login: tuple[str, str],
    name: str,
    page: str,
    table: int | None = None,
) -> PageTime:
    """A fresh signed-in tab moved to `page` through the navigation, as a click does."""
    url, pid = server
    tab = Tab(url)
    try:
        home = await tab.open()
        await tab.rerun(sign_in_form(home, *login))
        query = f"table={table}" if table else ""
        timed = await _time(name, pid, tab, lambda: tab.rerun(page=page, query=query))
    except RunFailed as failed:
        timed = PageTime(name, float("nan"), float("nan"), problem=str(failed))
    finally:
        await tab.close()
    return replace(timed, staff=True)


async def _time(
    name: str, pid: int, tab: Tab, first_view: Callable[[], Awaitable[Run]]
) -> PageTime:
    try:
        first = await first_view()
        before = cpu_seconds(pid)
        repeats = [await tab.rerun() for _ in range(REPEATS)]
        cpu = (cpu_seconds(pid) - before) / REPEATS
    except RunFailed as failed:
        return PageTime(name, float("nan"), float("nan"), problem=str(failed))
    problems = [*first.exceptions, *(e for r in repeats for e in r.exceptions)]
    again = statistics.median(r.seconds for r in repeats)
    return PageTime(name, first.seconds, again, cpu, "; ".join(problems)[:200])
