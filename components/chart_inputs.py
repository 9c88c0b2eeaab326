"""What the charts read from the results they are given, so components need no service import.

services.converge.tallies's ItemTotal and ItemByGroup satisfy these; so will the voice results,
whichever module computes them. The common-ground chart takes tallies.CommonGround itself: its
verdict is the projector's own words, worked out by tallies from that record.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class TotalRow(Protocol):
    """One idea's counts from every voter (ItemTotal)."""

    @property
    def text(self) -> str: ...
    @property
    def dots(self) -> int: ...
    @property
    def voters(self) -> int: ...
    @property
    def agree(self) -> int: ...
    @property
    def disagree(self) -> int: ...
    @property
    def passed(self) -> int: ...


class Support(Protocol):
    """How many of a group's voters back an idea (voting_counts.Counts)."""

    @property
    def supporters(self) -> int: ...
    @property
    def voters(self) -> int: ...


class GroupSupport(Protocol):
    """One group's counts on one idea (voting_counts.GroupCounts)."""

    @property
    def stakeholder_id(self) -> int: ...
    @property
    def group(self) -> str: ...
    @property
    def counts(self) -> Support: ...


class ByGroupRow(Protocol):
    """One idea with every voting group's counts (ItemByGroup)."""

    @property
    def text(self) -> str: ...
    @property
    def groups(self) -> Sequence[GroupSupport]: ...


class VoiceShare(Protocol):
    """A group's share of the people in the room against its share of what was said."""

    @property
    def name(self) -> str: ...
    @property
    def people_share(self) -> float: ...
    @property
    def contribution_share(self) -> float: ...
    @property
    def under_heard(self) -> bool: ...
