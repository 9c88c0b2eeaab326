"""One unmeasured visit to each page the crowd uses, so no figure pays for first imports.

A server that has run a page once has imported its modules (the word cloud's pull in
matplotlib and numpy); a room's server has always done so before the meeting starts.
"""

from __future__ import annotations

import asyncio

from bench.seed_load import Seeded
from bench.session import Tab
from tests.app_server import AppServer


def warm_up(servers: list[AppServer], seeded: Seeded) -> None:
    """Visit the vote, projector and home pages on every server."""
    asyncio.run(_visit_all(servers, seeded))


async def _visit_all(servers: list[AppServer], seeded: Seeded) -> None:
    for server in servers:
        room = seeded.rooms[0]
        pages = [
            ("", ""),
            ("vote", f"code={room.voter_codes[-1]}"),
            ("projector", f"code={room.meeting_code}"),
        ]
        for page, query in pages:
            tab = Tab(server.url, page, query)
            await tab.open()
            await tab.close()


def warm_up_floor(servers: list[AppServer], query: str) -> None:
    """One unmeasured run of the floor app on every server: it reads its recording once."""
    asyncio.run(_open_each(servers, query))


async def _open_each(servers: list[AppServer], query: str) -> None:
    for server in servers:
        tab = Tab(server.url, "", query)
        await tab.open()
        await tab.close()
