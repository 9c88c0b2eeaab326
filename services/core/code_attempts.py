"""Wrong codes from one browser slow it down: the rule, and where the counts are kept.

A code is eight symbols of 30 (services/core/codes): 6.6 × 10^11 of them against a roster of
hundreds. Guessing is already hopeless at the pace of a person; this keeps a script at
that pace too. After `FREE_TRIES` wrong codes each further try waits, 1 s, 2 s, 4 s… up to
`MAX_WAIT`; a try during the wait is refused at once, without looking the code up (were a
right code let through, the wait would hold back nobody) and without counting.

"One browser" is its Streamlit session and its network address. The session alone
would restart at zero in a new tab; the address alone would make one person's typos slow
down everyone behind the venue's Wi-Fi, which often shows the server a single address.
So each is counted, and the address is given `ADDRESS_FREE_TRIES`, room for a hall of
people mistyping now and then. Whichever of the two is waiting longer decides.

The counts live in this process's memory, bounded (`MAX_KEYS`, least recently wrong
forgotten first) and forgotten `FORGET_AFTER` seconds after the last wrong try. That is
enough: what is protected is the pace of guessing, not a record, and a guesser cannot
make the server restart to have the counts forgotten. On an
install of several servers each keeps its own counts, so a guesser whose tries land on
all of them gets as many tries as there are servers: still hopeless, and no table or
shared store is needed for it.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

FREE_TRIES = 5
"""Wrong codes a browser session may type before it has to wait."""
ADDRESS_FREE_TRIES = 20
"""The same for one network address, which a whole room may share."""
FIRST_WAIT = 1.0
MAX_WAIT = 30.0
FORGET_AFTER = 15 * 60.0
"""Seconds after the last wrong code when a browser starts again from zero."""
MAX_KEYS = 10_000


@dataclass(frozen=True)
class Browser:
    """Who is typing: the Streamlit session's id and the client's address (None when
    the browser is on the server's own computer)."""

    session: str
    address: str | None = None


@dataclass
class _Count:
    wrong: int
    last: float


class CodeAttempts:
    """Wrong codes per browser, in memory; `clock` is injectable for tests."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, max_keys: int = MAX_KEYS):
        self._clock = clock
        self._max_keys = max_keys
        self._counts: OrderedDict[tuple[str, str], _Count] = OrderedDict()
        # Every browser's session runs in its own thread of the one server process.
        self._lock = threading.Lock()

    def wait_left(self, browser: Browser) -> float:
        """Seconds before `browser` may try a code again; 0 when it may try now."""
        now = self._clock()
        with self._lock:
            return max((self._wait(key, free, now) for key, free in _keys(browser)), default=0)

    def record_wrong(self, browser: Browser) -> float:
        """Count a wrong code from `browser`; the seconds it must now wait before the next."""
        now = self._clock()
        with self._lock:
            for key, _ in _keys(browser):
                count = self._live(key, now) or _Count(0, now)
                count.wrong, count.last = count.wrong + 1, now
                self._counts[key] = count
                self._counts.move_to_end(key)
            while len(self._counts) > self._max_keys:
                self._counts.popitem(last=False)
            return max(self._wait(key, free, now) for key, free in _keys(browser))

    def _live(self, key: tuple[str, str], now: float) -> _Count | None:
        count = self._counts.get(key)
        if count is not None and now - count.last >= FORGET_AFTER:
            del self._counts[key]
            return None
        return count

    def _wait(self, key: tuple[str, str], free: int, now: float) -> float:
        count = self._live(key, now)
        if count is None:
            return 0.0
        return max(0.0, count.last + delay_after(count.wrong, free) - now)


def delay_after(wrong: int, free: int = FREE_TRIES) -> float:
    """The wait after `wrong` wrong codes: none before `free`, then 1 s, doubling, to 30 s."""
    if wrong < free:
        return 0.0
    return min(MAX_WAIT, FIRST_WAIT * 2 ** min(wrong - free, 16))


def seconds_to_say(wait: float) -> int:
    """A wait in whole seconds as said on screen, never 0 while there is any wait left."""
    return math.ceil(wait)


def _keys(browser: Browser) -> list[tuple[tuple[str, str], int]]:
    keys = [(("session", browser.session), FREE_TRIES)]
    if browser.address:
        keys.append((("address", browser.address), ADDRESS_FREE_TRIES))
    return keys
