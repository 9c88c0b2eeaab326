"""`python -m bench`: the load benchmark, against Common Ground and against the floor app.

In one run: seed the rooms at 1×, start the app, time every page for one person, play
the room's crowd for --seconds, seed a 10× room and time every page again, then play the
same crowd against the floor app. Prints Markdown tables (also kept in bench/results/)
and exits 1 if anything failed.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path

from bench import report
from bench.crowd import Pace
from bench.load import Crowd, LoadResult, run_load
from bench.machine import describe
from bench.render_times import PageTime, render_times
from bench.scratch_db import fresh_database
from bench.seed_load import seed_rooms
from bench.warm_up import warm_up
from db.database import Database
from tests.app_server import ROOT, AppServer, start_app, stop_app

FLOOR_APP = ROOT / "bench" / "floor_app.py"
RESULTS = ROOT / "bench" / "results"


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    folder = Path(args.data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    url = fresh_database(args.database_url or os.environ.get("BENCH_DATABASE_URL"), folder)
    out = [
        f"# Load benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        "",
        f"Command: `{' '.join(['python -m bench', *(argv or sys.argv[1:])])}`",
        f"Machine: {describe(url)}",
        f"Crowd per room: {args.voters} voters on /vote, {args.scribes} scribes on /listen "
        f"and /ideas, {args.projectors} projectors; {args.rooms} room(s) over "
        f"{args.servers} server(s); {args.seconds:.0f} s of load.",
    ]
    _say("\n".join(out))
    db = Database.from_url(url)
    seeded = seed_rooms(db, rooms=args.rooms, scale=1)
    crowd = Crowd(args.voters, args.scribes, args.projectors)
    cookie_key = secrets.token_urlsafe(32)

    with ExitStack() as stack:
        servers = _servers(
            stack, url, folder / "app", args.servers, script=Path(args.app), cookie_key=cookie_key
        )
        warm_up(servers, seeded)
        first = _targets(servers)[0]
        small = [] if args.skip_render else render_times(first, seeded, seeded.rooms[-1])
        _say("Load on Common Ground…")
        app = run_load(_targets(servers), seeded, args.seconds, crowd, Pace())
        large: list[PageTime] = []
        if not args.skip_render:
            _say("Seeding a 10× room and timing every page again…")
            big = seed_rooms(db, rooms=1, scale=10, password=seeded.password)
            large = render_times(first, big, big.rooms[-1])
    floor = None
    if not args.skip_floor:
        with ExitStack() as stack:
            servers = _servers(stack, url, folder / "floor", args.servers, script=FLOOR_APP)
            warm_up(servers, None)
            _say("The same load on the floor app…")
            floor = run_load(_targets(servers), seeded, args.seconds, crowd, Pace(), floor=True)
    db.dispose()

    failed = _report(out, app, floor, small, large)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.md").write_text("\n".join(out) + "\n")
    _timeline(RESULTS / "timeline-app.csv", app)
    if floor:
        _timeline(RESULTS / "timeline-floor.csv", floor)
    return 1 if failed else 0


def _report(out, app: LoadResult, floor, small, large) -> bool:
    table, misses = report.load_table(app.recorder, floor.recorder if floor else None)
    # An idea sent in the last seconds may not have had its refresh yet: not counted unseen.
    ideas, ideas_verdict = report.idea_lines(app, app.until - 5.0)
    section = [
        "",
        "## Per interaction",
        "",
        *table,
        "",
        *ideas,
        "",
        *report.usage_lines(app, floor),
    ]
    if small:
        section += ["", "## Time to draw each page, one person, quiet server", ""]
        section += report.render_table(small, large)
    errors = sum(len(i.errors) for i in app.recorder.interactions.values())
    errors += sum(len(i.errors) for i in floor.recorder.interactions.values()) if floor else 0
    section += ["", "## Goals", ""]
    section.append(f"- No errors: {'met' if not errors else f'NOT met ({errors} errors)'}")
    if floor:
        ratio = "met" if not misses else f"NOT met by {', '.join(misses)}"
        section.append(
            f"- Every interaction's p95 within {report.RATIO_GOAL:.0f}× the floor: {ratio}"
        )
    section.append(
        f"- An idea on the projector within {report.IDEA_GOAL:.0f} s (p95): {ideas_verdict}"
    )
    for name, sample in app.recorder.interactions.items():
        for message in sorted(set(sample.errors))[:5]:
            section.append(f"  - error in {name}: {message}")
    out += section
    _say("\n".join(section))
    return bool(errors)


def _timeline(path: Path, run: LoadResult) -> None:
    """Every sample as a CSV row, seconds from the first: to see when the slow ones came."""
    samples = sorted(run.recorder.timeline)
    start = samples[0][0] if samples else 0.0
    rows = ["started_s,interaction,ms"]
    rows += [f"{at - start:.3f},{name},{seconds * 1000:.1f}" for at, name, seconds in samples]
    path.write_text("\n".join(rows) + "\n")


def _servers(stack: ExitStack, url: str, folder: Path, count: int, **options) -> list[AppServer]:
    servers = []
    for n in range(count):
        server = start_app(url, folder / f"server{n}", **options)
        stack.callback(stop_app, server)
        servers.append(server)
    return servers


def _targets(servers: list[AppServer]) -> list[tuple[str, int]]:
    return [(s.url, s.process.pid) for s in servers]


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--seconds", type=float, default=90.0, help="length of each load run")
    parser.add_argument("--voters", type=int, default=50, help="phones per room")
    parser.add_argument("--scribes", type=int, default=10, help="tablets per room")
    parser.add_argument("--projectors", type=int, default=2, help="projectors per room")
    parser.add_argument("--rooms", type=int, default=1, help="rooms (meetings) to play at once")
    parser.add_argument("--servers", type=int, default=1, help="app servers to deal people to")
    parser.add_argument("--database-url", help="default: $BENCH_DATABASE_URL, else SQLite")
    parser.add_argument("--data-dir", default=str(ROOT / "data" / "bench"))
    parser.add_argument(
        "--app",
        default=str(ROOT / "app.py"),
        help="the app to load: e.g. app.py of a `git worktree` of an older commit, to compare",
    )
    parser.add_argument("--skip-render", action="store_true", help="no per-page times")
    parser.add_argument("--skip-floor", action="store_true", help="no floor app run")
    return parser.parse_args(argv)


def _say(text: str) -> None:
    print(text, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
