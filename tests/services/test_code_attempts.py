"""Wrong codes slow a browser down: counted per session and per address, on a test clock."""

from __future__ import annotations

import pytest

from services.core import code_attempts
from services.core.code_attempts import ADDRESS_FREE_TRIES, FREE_TRIES, Browser, CodeAttempts


class Clock:
    """Time that moves only when the test says so."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def attempts(clock: Clock) -> CodeAttempts:
    return CodeAttempts(clock=clock)


PHONE = Browser("session-1", "10.0.0.7")


def wrong(attempts: CodeAttempts, browser: Browser, times: int) -> float:
    wait = 0.0
    for _ in range(times):
        wait = attempts.record_wrong(browser)
    return wait


def test_the_first_wrong_codes_cost_nothing(attempts):
    assert wrong(attempts, PHONE, FREE_TRIES - 1) == 0
    assert attempts.wait_left(PHONE) == 0


def test_after_five_wrong_codes_each_further_try_waits_longer(attempts, clock):
    assert wrong(attempts, PHONE, FREE_TRIES) == 1
    waits = []
    for _ in range(6):
        clock.now += attempts.wait_left(PHONE)
        waits.append(attempts.record_wrong(PHONE))
    assert waits == [2, 4, 8, 16, 30, 30]


def test_the_wait_runs_down_with_the_clock(attempts, clock):
    wrong(attempts, PHONE, FREE_TRIES + 3)  # 8 s
    clock.now += 5.5
    assert attempts.wait_left(PHONE) == pytest.approx(2.5)
    assert code_attempts.seconds_to_say(attempts.wait_left(PHONE)) == 3
    clock.now += 2.5
    assert attempts.wait_left(PHONE) == 0


def test_a_new_tab_from_the_same_address_is_still_slowed(attempts):
    wrong(attempts, PHONE, ADDRESS_FREE_TRIES)
    new_tab = Browser("session-2", PHONE.address)
    assert attempts.wait_left(new_tab) == 1


def test_a_new_tab_gets_no_fresh_start_once_the_address_waits(attempts, clock):
    tabs = [Browser(f"tab-{n}", "10.0.0.7") for n in range(ADDRESS_FREE_TRIES)]
    for tab in tabs:
        attempts.record_wrong(tab)
    assert all(attempts.wait_left(tab) == 1 for tab in tabs)
    assert attempts.wait_left(Browser("tab-new", "10.0.0.7")) == 1


def test_one_persons_typos_do_not_slow_others_on_the_same_wifi(attempts):
    wrong(attempts, PHONE, FREE_TRIES + 2)
    neighbour = Browser("session-9", PHONE.address)
    assert attempts.wait_left(PHONE) == 4
    assert attempts.wait_left(neighbour) == 0


def test_on_the_servers_own_computer_the_session_is_counted(attempts):
    laptop = Browser("session-1", None)
    wrong(attempts, laptop, FREE_TRIES)
    assert attempts.wait_left(laptop) == 1
    assert attempts.wait_left(Browser("session-2", None)) == 0


def test_counts_are_forgotten_a_quarter_hour_after_the_last_wrong_code(attempts, clock):
    wrong(attempts, PHONE, FREE_TRIES + 6)
    clock.now += code_attempts.FORGET_AFTER
    assert attempts.wait_left(PHONE) == 0
    assert attempts.record_wrong(PHONE) == 0


def test_the_store_keeps_only_the_most_recently_wrong(clock):
    attempts = CodeAttempts(clock=clock, max_keys=4)
    guesser = Browser("guesser")
    wrong(attempts, guesser, FREE_TRIES)
    for n in range(3):
        attempts.record_wrong(Browser(f"other-{n}"))
    attempts.record_wrong(guesser)  # the guesser's count is the newest again
    for n in range(3, 6):
        attempts.record_wrong(Browser(f"other-{n}"))
    assert attempts.wait_left(guesser) == 2
    assert len(attempts._counts) == 4


def test_the_delay_rule():
    assert [code_attempts.delay_after(n) for n in range(12)] == [0] * 5 + [1, 2, 4, 8, 16, 30, 30]
    assert code_attempts.delay_after(10_000) == 30
