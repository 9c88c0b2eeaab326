"""InlineCall: the fragment's call in the page's run, told from its reruns."""

from components.fragments import InlineCall


def test_only_the_first_call_is_the_inline_one():
    inline = InlineCall()
    assert inline.first() is True
    assert inline.first() is False
    assert inline.first() is False


def test_each_full_run_makes_a_new_one_whose_first_call_is_inline_again():
    last_run, this_run = InlineCall(), InlineCall()
    last_run.first()
    assert this_run.first() is True
