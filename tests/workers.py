"""What each pytest-xdist worker keeps to itself: its ports (its Postgres database is a
scratch one of its own, tests/conftest.py's `_postgres`).

`make test` runs the suite in several worker processes at once (pytest-xdist). Each
starts app servers and nginx on ports of its own choosing, so two workers must never
share them. Outside xdist (a plain `pytest` run) the process is worker 0.
"""

from __future__ import annotations

import os
import random
import socket

WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
"""This worker's name ("gw0", "gw1", …), or "" outside xdist."""
INDEX = int(WORKER[2:]) if WORKER.startswith("gw") and WORKER[2:].isdigit() else 0

# Ports below Linux's ephemeral range (32768 and up), where no outgoing connection of
# Chromium, Postgres's clients or the app takes one between our check and the server's
# bind; each worker its own block, so two workers never try the same port.
_FIRST_PORT = 20_000
_PORTS_PER_WORKER = 500
# A random start within the block: another run of the suite on this machine (another
# checkout's `make test`) walks its blocks from elsewhere.
_next_port = random.randrange(_PORTS_PER_WORKER)


def free_port() -> int:
    """A TCP port in this worker's block that nobody listens on right now.

    Consecutive calls give different ports, so a server just stopped is not followed
    onto its port while the old socket may linger.
    """
    global _next_port  # noqa: PLW0603 - one counter per worker process
    block = _FIRST_PORT + (INDEX % 24) * _PORTS_PER_WORKER
    for _ in range(_PORTS_PER_WORKER):
        port = block + _next_port % _PORTS_PER_WORKER
        _next_port += 1
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {block}–{block + _PORTS_PER_WORKER - 1}")
