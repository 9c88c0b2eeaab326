"""One load run: a whole crowd per room, in one asyncio loop, against one or more servers.

The same crowd plays either Common Ground or the equal-element floor (`floor`: what each
interaction drew on Common Ground, by name). People are dealt to the servers in turn, as
a load balancer without sticky rooms would deal them.
"""

from __future__ import annotations

import asyncio
import itertools
import random
import time
from dataclasses import dataclass, field

from bench.app_players import AppProjector, AppScribe, AppVoter, ScribeSeat
from bench.crowd import Pace, play_projector, play_scribe, play_voter
from bench.floor_players import FloorProjector, FloorScribe, FloorVoter
from bench.recorder import IdeaWatch, Recorder
from bench.seed_load import Seeded
from bench.server_meter import Meter, Usage


@dataclass(frozen=True)
class Crowd:
    """How many people of each kind play each room."""

    voters: int = 50
    scribes: int = 10
    projectors: int = 2


@dataclass
class LoadResult:
    """Samples, ideas on screens and resources of one run."""

    recorder: Recorder
    usage: Usage
    until: float
    """When the load stopped (time.monotonic()); ideas sent just before may not show."""
    watches: list[IdeaWatch] = field(default_factory=list)
    projectors_per_room: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class LoadPlan:
    """How long the crowd plays, who is in it and at what pace; `floor` is the recording
    the floor app replays (None plays the app itself); `seed` makes the run repeatable."""

    seconds: float
    crowd: Crowd = field(default_factory=Crowd)
    pace: Pace = field(default_factory=Pace)
    floor: dict[str, int] | None = None
    seed: int = 7


def run_load(servers: list[tuple[str, int]], seeded: Seeded, plan: LoadPlan) -> LoadResult:
    """Play every room's crowd for `plan.seconds` against `servers` ((url, pid) pairs)."""
    return asyncio.run(_run(servers, seeded, plan))


async def _run(servers, seeded, plan: LoadPlan) -> LoadResult:
    seconds, crowd, pace, floor, seed = plan.seconds, plan.crowd, plan.pace, plan.floor, plan.seed
    recorder = Recorder()
    deal = itertools.cycle([url for url, _pid in servers])
    rng = random.Random(seed)
    until = time.monotonic() + seconds
    meter = Meter([pid for _url, pid in servers])
    games, watches = [], []
    for room in seeded.rooms:
        watch = IdeaWatch()
        watches.append(watch)
        people = [
            *(
                (play_voter, AppVoter(next(deal), code, recorder))
                for code in room.voter_codes[: crowd.voters]
            ),
            *(
                (
                    play_scribe,
                    AppScribe(
                        next(deal),
                        ScribeSeat(
                            username=user, password=seeded.password, table=table, room=room.number
                        ),
                        watch,
                        recorder,
                    ),
                )
                for user, table in room.scribes[: crowd.scribes]
            ),
            *(
                (
                    play_projector,
                    AppProjector(
                        next(deal),
                        room.meeting_code,
                        f"room{room.number}-projector{n}",
                        watch,
                        recorder,
                    ),
                )
                for n in range(crowd.projectors)
            ),
        ]
        for play, player in people:
            # The floor gets the same people, the same pacing and the same servers' turns.
            stand_in = (
                player
                if floor is None
                else _FLOOR[play](player.tab.server_url, recorder, floor, watch)
            )
            games.append(play(stand_in, pace, random.Random(rng.random()), until))
    await asyncio.gather(*games)
    usage = meter.stop()
    return LoadResult(recorder, usage, until, [] if floor else watches, crowd.projectors)


_FLOOR = {play_voter: FloorVoter, play_scribe: FloorScribe, play_projector: FloorProjector}
