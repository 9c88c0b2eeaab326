"""The bar's verdicts on latency and growth, from hand-made samples."""

import math
import random

from bench.recorder import Recorder
from bench.render_times import PageTime
from bench.report import load_table, ratio_interval, render_table


def test_every_interaction_but_sign_in_is_held_under_the_goal():
    # The p95 of 20 samples is the 19th: two slow ones put it over.
    recorder = Recorder()
    recorder.interactions["vote: tap dots"].seconds += [0.02] * 18 + [0.2, 0.2]
    recorder.interactions["ideas: open page"].seconds += [0.05] * 20
    recorder.interactions["sign in"].seconds += [0.3] * 10
    assert load_table(recorder, 0.100).slow == ["vote: tap dots (200 ms)"]
    assert load_table(recorder, 0.300).slow == []


def test_an_interaction_the_run_did_not_see_is_left_out():
    recorder = Recorder()
    recorder.interactions["vote: open page"].seconds.append(0.01)
    assert not any("cookie" in line for line in load_table(recorder, 0.100).lines)


def test_staff_pages_that_grow_past_twice_their_time_are_named():
    small = [
        PageTime("vote", 0.02, 0.010, staff=False),
        PageTime("review", 0.2, 0.100, staff=True),
        PageTime("agenda", 0.05, 0.030, staff=True),
    ]
    large = [
        PageTime("vote", 0.02, 0.050),
        PageTime("review", 0.9, 0.800),
        PageTime("agenda", 0.05, 0.040),
    ]
    lines, misses = render_table(small, large)
    assert misses == ["review (8.0×)"]
    assert any(line.startswith("| vote ") and line.endswith("| – |") for line in lines)


def test_each_interaction_is_held_to_its_own_floor_sign_in_aside():
    app, floor = Recorder(), Recorder()
    app.interactions["vote: tap dots"].seconds += [0.030] * 20
    floor.interactions["vote: tap dots"].seconds += [0.010] * 20
    app.interactions["ideas: open page"].seconds += [0.014] * 20
    floor.interactions["ideas: open page"].seconds += [0.010] * 20
    app.interactions["sign in"].seconds += [0.3] * 10
    floor.interactions["sign in"].seconds += [0.01] * 10
    assert load_table(app, 0.100, floor).over_floor == ["vote: tap dots (3.0×)"]


def test_a_ratio_of_three_has_an_interval_around_three():
    draw = random.Random(1)
    app = [3.0 * draw.expovariate(1.0) for _ in range(800)]
    floor = [draw.expovariate(1.0) for _ in range(800)]
    low, high = ratio_interval(app, floor)
    assert 2.4 < low < 3.0 < high < 3.8
    assert all(math.isnan(v) for v in ratio_interval([], [1.0]))
