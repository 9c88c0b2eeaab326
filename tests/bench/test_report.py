"""The bar's verdicts on latency and growth, from hand-made samples."""

from bench.recorder import Recorder
from bench.render_times import PageTime
from bench.report import load_table, render_table


def test_every_interaction_but_sign_in_is_held_under_the_goal():
    # The p95 of 20 samples is the 19th: two slow ones put it over.
    recorder = Recorder()
    recorder.interactions["vote: tap dots"].seconds += [0.02] * 18 + [0.2, 0.2]
    recorder.interactions["ideas: open page"].seconds += [0.05] * 20
    recorder.interactions["sign in"].seconds += [0.3] * 10
    _lines, misses = load_table(recorder, 0.100)
    assert misses == ["vote: tap dots (200 ms)"]
    _lines, misses = load_table(recorder, 0.300)
    assert misses == []


def test_an_interaction_the_run_did_not_see_is_left_out():
    recorder = Recorder()
    recorder.interactions["vote: open page"].seconds.append(0.01)
    lines, _misses = load_table(recorder, 0.100)
    assert not any("cookie" in line for line in lines)


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
