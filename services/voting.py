"""Voting in one place for pages and the seed: rounds, ballots, merges' vote moves, results.

The work is split by concern (voting_rounds, voting_items, voting_ballots, voting_merge,
tallies); this module only gathers their public functions under one name.
"""

from services.tallies import (
    CommonGround,
    GroupShare,
    ItemTotal,
    by_group,
    common_ground,
    list_votes,
    score,
    spread,
    totals,
)
from services.voting_ballots import ballot, choose, set_dots
from services.voting_counts import Counts, GroupCounts, ItemByGroup
from services.voting_items import BallotItem, BallotLine, BallotView, round_items
from services.voting_rounds import (
    add_round_items,
    close_round,
    create_round,
    delete_round,
    get_round,
    list_rounds,
    open_round,
    remove_round_item,
)

__all__ = [
    "BallotItem",
    "BallotLine",
    "BallotView",
    "CommonGround",
    "Counts",
    "GroupCounts",
    "GroupShare",
    "ItemByGroup",
    "ItemTotal",
    "add_round_items",
    "ballot",
    "by_group",
    "choose",
    "close_round",
    "common_ground",
    "create_round",
    "delete_round",
    "get_round",
    "list_rounds",
    "list_votes",
    "open_round",
    "remove_round_item",
    "round_items",
    "score",
    "set_dots",
    "spread",
    "totals",
]
