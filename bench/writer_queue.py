"""SQLite writers with and without the process's writer queue: `python -m bench.writer_queue`.

Ten threads each make 150 short write transactions (insert a row, count the table) with
0–20 ms pauses between them, against a fresh SQLite file, first with the queue that
`Database.write` uses on SQLite (db/database.py), then without it, so that a second
writer waits in SQLite's busy handler as it did before. Prints p50, p95, p99 and the
worst write of each, and the ratios, measured in the same run.
"""

from __future__ import annotations

import math
import random
import tempfile
import threading
import time
from pathlib import Path

from sqlalchemy import func, select

from db.database import Database
from db.models import Base, Initiative

THREADS = 10
WRITES = 150


def write_latencies(folder: Path, queued: bool) -> list[float]:
    """Seconds per write transaction, every thread's, sorted."""
    db = Database.from_url(f"sqlite:///{folder / f'queue-{queued}.db'}")
    Base.metadata.create_all(db.engine)
    if not queued:
        db._writers = None  # the one switch this comparison needs: SQLite waits alone
    latencies: list[float] = []
    lock = threading.Lock()

    def writer(number: int) -> None:
        pauses = random.Random(number)
        for n in range(WRITES):
            time.sleep(pauses.uniform(0.0, 0.02))
            started = time.perf_counter()
            with db.write() as s:
                s.add(Initiative(name=f"writer {number}, write {n}"))
                s.flush()
                s.scalar(select(func.count()).select_from(Initiative))
            with lock:
                latencies.append(time.perf_counter() - started)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    db.dispose()
    return sorted(latencies)


def _at(values: list[float], share: float) -> float:
    return values[max(0, math.ceil(share * len(values)) - 1)] * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        queued = write_latencies(Path(folder), queued=True)
        unqueued = write_latencies(Path(folder), queued=False)
    print(f"{THREADS} threads × {WRITES} writes on SQLite, ms per write transaction\n")
    print("| | p50 | p95 | p99 | worst |\n|---|--:|--:|--:|--:|")
    for name, values in (("queued", queued), ("busy handler", unqueued)):
        cells = [_at(values, q) for q in (0.5, 0.95, 0.99, 1.0)]
        print(f"| {name} | " + " | ".join(f"{c:.2f}" for c in cells) + " |")
    ratios = [_at(unqueued, q) / _at(queued, q) for q in (0.5, 0.95, 0.99, 1.0)]
    print("| busy handler ÷ queued | " + " | ".join(f"{r:.1f}×" for r in ratios) + " |")


if __name__ == "__main__":
    main()
