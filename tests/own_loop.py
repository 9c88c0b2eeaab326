"""asyncio code in tests, run where Playwright's event loop cannot be in the way.

Under pytest-xdist a worker that ran a browser test keeps Playwright's event loop in its
main thread, so `asyncio.run()` there fails ("cannot be called from a running event
loop") and leaves its coroutine unawaited, which the next test then reports. A thread of
its own has no loop; the coroutine is made inside it, so a failure leaves nothing behind.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run_in_own_loop(make: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """`asyncio.run(make())` in a thread of its own; its result, or its exception."""
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(lambda: asyncio.run(make())).result()
