"""The benchmark's ratio intervals: how far a run's p95 ratio could have moved."""

import math
import random

from bench.report import ratio_interval


def _latencies(seed: int, n: int, scale: float) -> list[float]:
    draw = random.Random(seed)
    return [scale * draw.expovariate(1.0) for _ in range(n)]


def test_a_ratio_of_three_has_an_interval_around_three():
    low, high = ratio_interval(_latencies(1, 800, 3.0), _latencies(2, 800, 1.0))
    assert 2.4 < low < 3.0 < high < 3.8


def test_fewer_samples_give_a_wider_interval():
    floor = _latencies(2, 800, 1.0)
    few = ratio_interval(_latencies(3, 30, 3.0), floor)
    many = ratio_interval(_latencies(3, 800, 3.0), floor)
    assert few[1] - few[0] > 2 * (many[1] - many[0])


def test_no_samples_give_no_interval():
    assert all(math.isnan(v) for v in ratio_interval([], [1.0]))
