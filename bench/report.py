"""The benchmark's tables, in Markdown so they paste into BENCHMARKS.md as printed."""

from __future__ import annotations

import math
import random

from bench.floor_players import OPEN, RERUN, WRITE
from bench.load import LoadResult
from bench.recorder import Recorder, percentile
from bench.render_times import PageTime

RATIO_GOAL = 2.0
RESAMPLES = 1000
"""Bootstrap resamples behind each ratio's interval."""
IDEA_GOAL = 3.0
NOT_HELD = {"sign in": "bcrypt checks the password: slow on purpose, once per tablet"}
"""Interactions reported but not held to the floor ratio, and why."""

# Each interaction is compared with the floor interaction of the same kind.
FLOOR_KIND = {
    "home: open page": OPEN,
    "vote: open page": OPEN,
    "projector: open page": OPEN,
    "vote: tap dots": WRITE,
    "listen: save note": WRITE,
    "ideas: add idea": WRITE,
    "sign in": WRITE,
}
ORDER = [
    "vote: open page",
    "vote: tap dots",
    "vote: 5 s refresh",
    "home: open page",
    "sign in",
    "cookie component rerun",
    "listen: open page",
    "listen: save note",
    "ideas: open page",
    "ideas: add idea",
    "projector: open page",
    "projector: 2 s refresh",
]


def load_table(app: Recorder, floor: Recorder | None) -> tuple[list[str], list[str]]:
    """The per-interaction table, and the interactions that miss the ratio goal."""
    lines = [
        "| interaction | n | p50 ms | p95 ms | floor p95 ms | ratio | 90% interval "
        "| errors | refusals |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    misses = []
    names = [n for n in ORDER if n in app.interactions]
    names += sorted(set(app.interactions) - set(ORDER))
    for name in names:
        sample = app.interactions[name]
        kind = FLOOR_KIND.get(name, RERUN)
        base = floor.interactions[kind].percentile(0.95) if floor else math.nan
        ratio = sample.percentile(0.95) / base if base else math.nan
        low, high = (
            ratio_interval(sample.seconds, floor.interactions[kind].seconds)
            if floor
            else (math.nan, math.nan)
        )
        held = name not in NOT_HELD
        if held and not ratio <= RATIO_GOAL:
            misses.append(name)
        mark = "" if held else " †"
        lines.append(
            f"| {name}{mark} | {len(sample.seconds)} | {_ms(sample.percentile(0.5))} "
            f"| {_ms(sample.percentile(0.95))} | {_ms(base)} | {_ratio(ratio)} "
            f"| {_ratio(low)}–{_ratio(high)} | {len(sample.errors)} | {sample.refusals} |"
        )
    floor_rows = (
        [(kind, floor.interactions[kind]) for kind in (OPEN, WRITE, RERUN)] if floor else []
    )
    for kind, sample in floor_rows:
        lines.append(
            f"| {kind} | {len(sample.seconds)} | {_ms(sample.percentile(0.5))} "
            f"| {_ms(sample.percentile(0.95))} | | | | {len(sample.errors)} | |"
        )
    lines += [f"\n† {name}: {why}." for name, why in NOT_HELD.items() if name in app.interactions]
    return lines, misses


def ratio_interval(app: list[float], floor: list[float]) -> tuple[float, float]:
    """The 5th and 95th percentiles of the p95 ratio over bootstrap resamples of both runs.

    The p95 of 36 samples is the second slowest, so a ratio moves from run to run by more
    than many changes move it; the interval says how far this run's could have moved.
    """
    if not app or not floor:
        return math.nan, math.nan
    draw = random.Random(0)
    ratios = sorted(
        percentile(draw.choices(app, k=len(app)), 0.95)
        / percentile(draw.choices(floor, k=len(floor)), 0.95)
        for _ in range(RESAMPLES)
    )
    return percentile(ratios, 0.05), percentile(ratios, 0.95)


def idea_lines(result: LoadResult, until_cutoff: float) -> tuple[list[str], str]:
    """Idea-to-projector latency, and the verdict on its goal."""
    latencies = [s for w in result.watches for s in w.latencies]
    unseen = sum(w.unseen(result.projectors_per_room, until_cutoff) for w in result.watches)
    p95 = percentile(latencies, 0.95)
    if not latencies:
        verdict = "not measured: no idea was added in time (run longer)"
    else:
        verdict = "met" if p95 <= IDEA_GOAL and unseen == 0 else "NOT met"
    return [
        f"Idea to projector: {len(latencies)} sightings, p50 {_s(percentile(latencies, 0.5))}, "
        f"p95 {_s(p95)}, max {_s(max(latencies, default=math.nan))}; "
        f"ideas some projector never showed: {unseen}"
    ], verdict


def usage_lines(app: LoadResult, floor: LoadResult | None) -> list[str]:
    lines = [_usage("Common Ground", app)]
    if floor is not None:
        lines.append(_usage("floor app", floor))
    return lines


def _usage(name: str, result: LoadResult) -> str:
    u = result.usage
    # CPU per request barely moves when other work shares the machine; latency does.
    requests = sum(len(i.seconds) + len(i.errors) for i in result.recorder.interactions.values())
    per_request = u.server_cpu / requests * 1000 if requests else math.nan
    return (
        f"{name}: server CPU {u.server_cpu:.1f} s in {u.wall:.0f} s "
        f"({u.server_cores:.2f} cores) for {requests} requests, {per_request:.1f} ms each; "
        f"peak RSS {u.peak_rss_mb:.0f} MiB; load generator {u.generator_cores:.2f} cores"
    )


def render_table(small: list[PageTime], large: list[PageTime] | None) -> list[str]:
    """Each page at 1× and 10×: first view, repeat views, their CPU, and how the CPU grew."""
    big = {t.page: t for t in large or []}
    nothing = PageTime("", math.nan, math.nan)
    lines = [
        "| page | 1× first ms | 1× again ms | 1× CPU ms "
        "| 10× first ms | 10× again ms | 10× CPU ms | CPU 10×/1× |",
        "|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    problems = []
    for t in small:
        other = big.get(t.page, nothing)
        growth = other.cpu / t.cpu if t.cpu else math.nan
        lines.append(
            f"| {t.page} | {_ms(t.first)} | {_ms(t.again)} | {_ms(t.cpu)} "
            f"| {_ms(other.first)} | {_ms(other.again)} | {_ms(other.cpu)} | {_ratio(growth)} |"
        )
        problems += [f"{t.page}: {p}" for p in (t.problem, other.problem) if p]
    return lines + [f"\nProblem drawing {p}" for p in problems]


def _ms(seconds: float) -> str:
    return "–" if math.isnan(seconds) else f"{seconds * 1000:.0f}"


def _s(seconds: float) -> str:
    return "–" if math.isnan(seconds) else f"{seconds:.2f} s"


def _ratio(value: float) -> str:
    return "–" if math.isnan(value) else f"{value:.1f}×"
