"""The one rule for small groups: a figure or a piece of free text broken down by a group
is shown only when at least MIN_GROUP people in that group answered.

People give honest feedback about the police, and the police about residents, only when
no answer can be traced back to them. With three respondents in a group, a mean or a quote
"from the police" points at a person the room knows. Every screen, the projector, each
report and each export asks `can_show` (or one of the helpers built on it) before it
breaks anything down by group, so the threshold lives here and nowhere else.
"""

from __future__ import annotations

from typing import TypeVar

from i18n import _

MIN_GROUP = 5
WITHHELD = f"fewer than {MIN_GROUP} answered"
# What a reader needs to weigh the figures: said once beside every by-group trust figure.
WHAT_SMALL_GROUPS_SHOW = (
    f"A group where fewer than {MIN_GROUP} people answered is not shown, so no one's answer "
    "can be picked out. Even a shown group is small: in a group of 5 one person moving one "
    "step moves the mean by 0.2, so read a change as a direction to talk about, not a "
    "measured result. These figures are not tests of significance."
)
PRIVACY_PROMISE = (
    f"Your answers are never shown with your name; groups of fewer than {MIN_GROUP} are not shown."
)

T = TypeVar("T")


def withheld() -> str:
    """`WITHHELD` in the reader's language."""
    return _("fewer than {n} answered").format(n=MIN_GROUP)


def what_small_groups_show() -> str:
    """`WHAT_SMALL_GROUPS_SHOW` in the reader's language."""
    return _(
        "A group where fewer than {n} people answered is not shown, so no one's answer "
        "can be picked out. Even a shown group is small: in a group of 5 one person moving one "
        "step moves the mean by 0.2, so read a change as a direction to talk about, not a "
        "measured result. These figures are not tests of significance."
    ).format(n=MIN_GROUP)


def privacy_promise() -> str:
    """`PRIVACY_PROMISE` in the reader's language."""
    return _(
        "Your answers are never shown with your name; groups of fewer than {n} are not shown."
    ).format(n=MIN_GROUP)


def can_show(answered: int) -> bool:
    """Whether a figure from `answered` people of one group may be shown."""
    return answered >= MIN_GROUP


def shown_or_none(value: T, answered: int) -> T | None:
    """`value` when enough people answered to show it, else None (withheld)."""
    return value if can_show(answered) else None


def count_words(answered: int) -> str:
    """How many answered, as a reader sees it: the number, or that it was too few."""
    if answered == 0:
        return _("no answers")
    return str(answered) if can_show(answered) else withheld()
