"""How a room behaves over time: who arrives when, how long people think, what refreshes.

The pacing comes from the run's seed, so two runs (two commits, `--app`) play the same
room. It is busier than a real room on purpose: a voter taps every few seconds for the
whole run, and each scribe saves something every few seconds.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Pace:
    """Timings of the crowd, in seconds."""

    ramp: float = 10.0
    """People open their page at a random moment in the first `ramp` seconds."""
    voter_think: tuple[float, float] = (3.0, 8.0)
    scribe_think: tuple[float, float] = (4.0, 8.0)
    vote_refresh: float = 5.0
    """The ballot's `run_every` fragment, as views/vote.py declares it."""
    projector_refresh: float = 2.0
    """The projector's `run_every` fragment, as views/projector.py declares it."""
    projector_check: float = 0.5
    """The projector's wall check, a `run_every` fragment of its own
    (components/projector_live.py, WALL_CHECK_SECONDS)."""


class Voter(Protocol):
    async def open(self) -> None: ...
    async def tap(self, rng: random.Random) -> None: ...
    async def refresh(self) -> None: ...
    async def close(self) -> None: ...


class Scribe(Protocol):
    async def open(self) -> None: ...
    async def save_note(self, rng: random.Random) -> None: ...
    async def to_ideas(self) -> None: ...
    async def add_idea(self, rng: random.Random) -> None: ...
    async def to_listen(self) -> None: ...
    async def close(self) -> None: ...


class Projector(Protocol):
    async def open(self) -> None: ...
    async def refresh(self) -> None: ...
    async def check(self) -> None: ...
    async def close(self) -> None: ...


async def play_voter(voter: Voter, pace: Pace, rng: random.Random, until: float) -> None:
    """Arrive, then tap a number every few seconds while the ballot refreshes itself."""
    await asyncio.sleep(rng.uniform(0, pace.ramp))
    await voter.open()
    timer = asyncio.create_task(every(pace.vote_refresh, voter.refresh, until))
    while await think(rng, pace.voter_think, until):
        await voter.tap(rng)
    await timer
    await voter.close()


async def play_scribe(scribe: Scribe, pace: Pace, rng: random.Random, until: float) -> None:
    """Sign in, then note what was said, turn to ideas, add one, turn back, and again."""
    await asyncio.sleep(rng.uniform(0, pace.ramp))
    await scribe.open()
    steps = [
        lambda: scribe.save_note(rng),
        scribe.to_ideas,
        lambda: scribe.add_idea(rng),
        scribe.to_listen,
    ]
    turn = 0
    while await think(rng, pace.scribe_think, until):
        await steps[turn % len(steps)]()
        turn += 1
    await scribe.close()


async def play_projector(projector: Projector, pace: Pace, rng: random.Random, until: float):
    """Open once; then the live view refreshes itself, and the wall check asks between."""
    await asyncio.sleep(rng.uniform(0, 1.0))
    await projector.open()
    await asyncio.gather(
        every(pace.projector_refresh, projector.refresh, until),
        every(pace.projector_check, projector.check, until),
    )
    await projector.close()


async def think(rng: random.Random, span: tuple[float, float], until: float) -> bool:
    """Pause like a person; False once the run is over."""
    pause = rng.uniform(*span)
    if time.monotonic() + pause >= until:
        await asyncio.sleep(max(0.0, until - time.monotonic()))
        return False
    await asyncio.sleep(pause)
    return True


async def every(interval: float, action: Callable[[], Awaitable[None]], until: float) -> None:
    """Like the browser's setInterval: ticks on a fixed beat; a tick that finds the
    last refresh still running is dropped, as Streamlit coalesces them on the server."""
    start = time.monotonic()
    tick = 1
    while True:
        due = start + tick * interval
        if due >= until:
            return
        await asyncio.sleep(max(0.0, due - time.monotonic()))
        await action()
        tick = max(tick + 1, int((time.monotonic() - start) / interval) + 1)
