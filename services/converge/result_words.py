"""Vote results as people read them: "agree 72% · 25 votes", whole percentages, no 0.000.

Pure formatting, no database: the meeting report, the review charts' tables and the
projector can all say a result the same way. The common-ground score itself (a product
of every group's smoothed share, tiny with many groups) is for ranking, never for reading.
"""

from __future__ import annotations

from collections.abc import Iterable

import i18n
from i18n import N_, _, ngettext
from services.converge.voting_counts import Counts

DOTS, AGREE_DISAGREE = "dots", "agree_disagree"
NO_VOTES = N_("no votes yet")
EVERY_GROUP = N_("every group equally")


def percent(share: float | None) -> str:
    """A share of 0–1 as a whole percentage: "72%"; "under 1%" rather than a false "0%"."""
    if share is None:
        return _("no votes")
    if 0 < share < 0.005:
        return _("under 1%")
    if 0.995 <= share < 1:
        return _("over 99%")
    return f"{share:.0%}" if i18n.current() == i18n.ENGLISH else i18n.percent(share)


def counted(n: int, one: str, many: str | None = None) -> str:
    """`n` with its noun in the right number: "1 vote", "25 votes"."""
    return f"{n} {one if n == 1 else many or one + 's'}"


def number(value: float) -> str:
    """A score where one is needed: a whole number when it is one, else one decimal."""
    rounded = round(value, 1)
    return f"{rounded:.0f}" if rounded == int(rounded) else f"{rounded:.1f}"


def support(mode: str, counts: Counts) -> str:
    """One item's support from the whole room, in words.

    Dots: "12 dots from 7 voters"; agree / disagree: "agree 72% · 25 votes", the share of
    the votes cast on the item (a pass counts as a vote that did not agree).
    """
    mode = str(getattr(mode, "value", mode))
    if mode == DOTS:
        dots, voters = counts.dots, counts.voters
        if not dots and not voters:
            return _(NO_VOTES)
        return _("{dots} from {voters}").format(
            dots=ngettext("{n} dot", "{n} dots", dots).format(n=dots),
            voters=ngettext("{n} voter", "{n} voters", voters).format(n=voters),
        )
    if mode == AGREE_DISAGREE:
        cast = counts.agree + counts.disagree + counts.passed
        if not cast:
            return _(NO_VOTES)
        return _("agree {share} · {votes}").format(
            share=percent(counts.agree / cast),
            votes=ngettext("{n} vote", "{n} votes", cast).format(n=cast),
        )
    raise ValueError(f"Unknown voting mode: {mode!r}")


def least_backed(shares: Iterable[tuple[str, float | None]]) -> str:
    """The group that backs an item least, with its share: "Youth (40%)"; "" with no votes."""
    known = [(share, group) for group, share in shares if share is not None]
    if not known:
        return ""
    share, group = min(known, key=lambda pair: pair[0])
    if len(known) > 1 and all(percent(s) == percent(share) for s, _ in known):
        return f"{_(EVERY_GROUP)} ({percent(share)})"
    return f"{group} ({percent(share)})"


def backing(least: str) -> str:
    """`least_backed`'s answer as a phrase: "least backed by Youth (40%)"."""
    if not least:
        return ""
    if least.startswith(_(EVERY_GROUP)):
        return _("backed by {least}").format(least=least)
    return _("least backed by {least}").format(least=least)


def group_share(group: str, supporters: int, voters: int) -> str:
    """One group's backing: "Police 3 of 4 (75%)", or "Police: no votes"."""
    if not voters:
        return _("{group}: no votes").format(group=group)
    return _("{group} {supporters} of {voters} ({share})").format(
        group=group, supporters=supporters, voters=voters, share=percent(supporters / voters)
    )
