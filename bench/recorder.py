"""What the crowd measured: latency per interaction, errors, refusals, ideas reaching screens."""

from __future__ import annotations

import itertools
import math
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TypeVar

from bench.session import Run, RunFailed

T = TypeVar("T")


class Unexpected(Exception):
    """The run finished but did not show what the interaction must show."""


@dataclass
class Interaction:
    """Every sample of one kind of interaction."""

    seconds: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    refusals: int = 0
    """Domain refusals in words, such as "You have no dots left": the app working."""

    def percentile(self, share: float) -> float:
        return percentile(self.seconds, share)


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (share 0.95 → p95); NaN when there are no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


class Recorder:
    """Collects samples by interaction name; `timed` wraps one interaction."""

    def __init__(self) -> None:
        self.interactions: dict[str, Interaction] = defaultdict(Interaction)
        self.timeline: list[tuple[float, str, float]] = []
        """(started, interaction, seconds) of every sample: where in the run the slow ones fell."""
        self.kept: dict[str, list[Run]] = defaultdict(list)
        """Runs that did what they should, by interaction: the floor replays one of each."""

    async def timed(
        self, name: str, action: Awaitable[T], named: Callable[[T], str] | None = None
    ) -> T | None:
        """Run one interaction; its latency counts only when it did what it should.

        `named` names it by its result instead, when only the answer tells which it was.
        """
        started = time.monotonic()
        try:
            result = await action
        except (RunFailed, Unexpected, OSError) as error:
            self.error(name, f"{type(error).__name__}: {error}")
            return None
        seconds = time.monotonic() - started
        name = named(result) if named else name
        self.interactions[name].seconds.append(seconds)
        self.timeline.append((started, name, seconds))
        return result

    def keep(self, name: str, run: Run) -> None:
        # Only the messages are needed later: the elements go, to keep the memory small.
        self.kept[name].append(Run(run.seconds, [], run.deltas))

    def typical(self, name: str) -> Run | None:
        """The run of `name` that sent the median number of messages, if any."""
        runs = sorted(self.kept.get(name, []), key=lambda r: len(r.deltas))
        return runs[len(runs) // 2] if runs else None

    def error(self, name: str, message: str) -> None:
        self.interactions[name].errors.append(message)

    def refused(self, name: str) -> None:
        self.interactions[name].refusals += 1


class IdeaWatch:
    """Ideas sent by scribes, and when each projector first showed them."""

    def __init__(self) -> None:
        self._counter = itertools.count(1)
        self._sent: dict[str, float] = {}
        self._seen: set[tuple[str, str]] = set()
        self.latencies: list[float] = []
        self.added = 0
        """Ideas the room's scribes added on the floor, which draws no idea to watch for."""

    def new_marker(self, room: int) -> str:
        """A word no idea contains by chance; letters and digits survive markdown escaping."""
        return f"zq{room}x{next(self._counter)}"

    def sent(self, marker: str, at: float) -> None:
        self._sent[marker] = at

    def shown(self, projector: str, texts: list[tuple[str, float]]) -> None:
        """Record every sent idea this projector shows for the first time.

        `texts` are the run's elements' texts with the moment each arrived: the idea's card
        is on the screen from then on, even if the run goes on drawing the word cloud.
        """
        for marker, sent_at in self._sent.items():
            if (projector, marker) in self._seen:
                continue
            arrived = next((at for text, at in texts if marker in text), None)
            if arrived is not None:
                self._seen.add((projector, marker))
                self.latencies.append(arrived - sent_at)

    def unseen(self, projectors: int, sent_before: float) -> int:
        """Ideas sent before `sent_before` that some projector never showed."""
        shown: dict[str, int] = {}
        for _projector, marker in self._seen:
            shown[marker] = shown.get(marker, 0) + 1
        return sum(
            1
            for marker, at in self._sent.items()
            if at < sent_before and shown.get(marker, 0) < projectors
        )
