"""The same crowd playing the equal-element floor (bench/floor_app.py).

Each of a person's interactions becomes a rerun of the floor app that draws again what that
interaction drew on Common Ground (`?i=<interaction>`); opening a page opens a tab on it.
The people, their pacing and their servers' turns are the app run's, and every sample is
recorded under the app's interaction name, so each is compared with its own floor.
"""

from __future__ import annotations

import base64
import json
import random
from pathlib import Path
from urllib.parse import urlencode

from bench.app_players import COOKIE_RERUN, NEW_IDEA_DRAWN, PROJECTOR_REFRESH, WALL_CHECK
from bench.recorder import IdeaWatch, Recorder
from bench.session import Tab


def write_recording(app: Recorder, path: Path) -> dict[str, int]:
    """Each interaction's typical run's messages, for the floor app; → messages per run."""
    kept = {}
    for name in app.kept:
        run = app.typical(name)
        if run is not None:
            kept[name] = [base64.b64encode(m.SerializeToString()).decode() for m in run.deltas]
    path.write_text(json.dumps(kept))
    return {name: len(messages) for name, messages in kept.items()}


class _FloorPerson:
    """A tab on the floor app; each interaction draws again the app's run of that name."""

    def __init__(
        self, server: str, recorder: Recorder, recorded: dict[str, int], watch: IdeaWatch
    ) -> None:
        self.server = server
        self.recorder = recorder
        self.recorded = recorded
        self.watch = watch
        """The room's ideas: a scribe's are counted, so its projectors redraw as the app's do."""
        self.tab: Tab | None = None

    async def _open(self, name: str) -> None:
        if name in self.recorded:
            self.tab = Tab(self.server, "", _query(name))
            await self._do(name, self.tab.open)

    async def _rerun(self, name: str) -> None:
        # An interaction the app never did right has nothing to replay; nor a tab not open.
        tab = self.tab
        if tab is not None and name in self.recorded:
            await self._do(name, lambda: tab.rerun(query=_query(name)))

    async def _do(self, name: str, request) -> None:
        assert self.tab is not None, "a floor tab replays only once it is open"
        async with self.tab.lock:
            run = await self.recorder.timed(name, request())
        if run is not None and len(run.deltas) != self.recorded[name]:
            self.recorder.error(
                name, f"the floor sent {len(run.deltas)} of {self.recorded[name]} messages"
            )

    async def close(self) -> None:
        if self.tab is not None:
            await self.tab.close()


class FloorVoter(_FloorPerson):
    async def open(self) -> None:
        await self._open("vote: open page")

    async def tap(self, rng: random.Random) -> None:
        await self._rerun("vote: tap dots")

    async def refresh(self) -> None:
        await self._rerun("vote: 5 s refresh")


class FloorScribe(_FloorPerson):
    async def open(self) -> None:
        await self._open("home: open page")
        await self._rerun("sign in")
        await self._rerun(COOKIE_RERUN)
        await self.to_listen()

    async def save_note(self, rng: random.Random) -> None:
        await self._rerun("listen: save note")

    async def to_ideas(self) -> None:
        await self._rerun("ideas: open page")

    async def add_idea(self, rng: random.Random) -> None:
        await self._rerun("ideas: add idea")
        self.watch.added += 1

    async def to_listen(self) -> None:
        await self._rerun("listen: open page")


class FloorProjector(_FloorPerson):
    """Draws the app's wall check, and after a scribe of the room added an idea since the
    projector last drew, the page the app drew again to show it."""

    drawn = 0
    """The room's ideas added when this projector last drew its wall."""

    async def open(self) -> None:
        self.drawn = self.watch.added
        await self._open("projector: open page")

    async def refresh(self) -> None:
        self.drawn = self.watch.added
        await self._rerun(PROJECTOR_REFRESH)

    async def check(self) -> None:
        added = self.watch.added
        changed, self.drawn = added != self.drawn, added
        await self._rerun(NEW_IDEA_DRAWN if changed else WALL_CHECK)


def _query(name: str) -> str:
    return urlencode({"i": name})
