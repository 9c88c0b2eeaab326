"""What the charts read from the results they are given, so components need no service import.

services.converge.tallies's ItemTotal, ItemByGroup and CommonGround satisfy these; so will the voice
results, whichever module computes them.
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


class GroupShareRow(Protocol):
    """One group's share backing an idea, None when it had no voters (GroupShare)."""

    @property
    def group(self) -> str: ...
    @property
    def share(self) -> float | None: ...
    @property
    def voters(self) -> int: ...


class CommonGroundRow(Protocol):
    """An idea's bridging score and each group's share (CommonGround)."""

    @property
    def text(self) -> str: ...
    @property
    def score(self) -> float: ...
    @property
    def groups(self) -> Sequence[GroupShareRow]: ...
    @property
    def spread(self) -> float: ...
    @property
    def divides(self) -> bool: ...
    @property
    def backed(self) -> bool: ...


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
