"""The same crowd playing the floor app: every interaction becomes its cheapest equivalent.

A tap, a note or an idea becomes "type, press Save, one insert"; a page switch or a
`run_every` refresh becomes a plain rerun; opening a page is opening the floor app. So
each of Common Ground's interactions has a floor of the same kind to be compared with.
"""

from __future__ import annotations

import random

from bench.recorder import Recorder
from bench.session import Run, Tab, text, trigger

OPEN, WRITE, RERUN = "floor: open page", "floor: write", "floor: rerun"


class FloorPlayer:
    """Plays a voter, a scribe or a projector against bench/floor_app.py."""

    def __init__(self, server: str, recorder: Recorder) -> None:
        self.tab = Tab(server)
        self.recorder = recorder
        self.last: Run | None = None

    async def open(self) -> None:
        await self._do(OPEN, self.tab.open, "Floor")

    async def write(self, rng: random.Random) -> None:
        box = self.last.widget("text_input", "Note") if self.last else None
        save = self.last.widget("button", "Save") if self.last else None
        if box is None or save is None:
            self.recorder.error(WRITE, "no form on the floor page")
            return
        states = [text(box.id, f"note {rng.random():.6f}"), trigger(save.id)]
        await self._do(WRITE, lambda: self.tab.rerun(states), "Saved.")

    async def rerun(self) -> None:
        await self._do(RERUN, self.tab.rerun, "Floor")

    tap = save_note = add_idea = write

    async def refresh(self) -> None:
        await self.rerun()

    async def to_ideas(self) -> None:
        await self.rerun()

    async def to_listen(self) -> None:
        await self.rerun()

    async def close(self) -> None:
        await self.tab.close()

    async def _do(self, name, request, expected: str) -> None:
        async with self.tab.lock:
            run = await self.recorder.timed(name, request())
        if run is None:
            return
        if run.exceptions or not run.contains(expected):
            self.recorder.error(name, "; ".join(run.exceptions) or f"missing {expected!r}")
        self.last = run
