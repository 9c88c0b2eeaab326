"""What the plan charts read, so components need no service import beyond the shared
vocabulary (a group's counts are keyed by ActionStatus: a Mapping's keys must match exactly).

action_followup's GroupProgress satisfies GroupStatusCounts as it is. The views adapt the
others: option_ratings' OptionScore (mean_impact, mean_feasibility, ratings) with its
Option's cost_band makes a RatedOption; an ActionItem with its stakeholder group's name makes
a PlannedAction.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Protocol

from services.core.vocab import ActionStatus


class RatedOption(Protocol):
    """An option's mean ratings (None: not yet rated), how many tables rated it, its cost."""

    @property
    def title(self) -> str: ...
    @property
    def impact(self) -> float | None: ...
    @property
    def feasibility(self) -> float | None: ...
    @property
    def ratings(self) -> int: ...
    @property
    def cost(self) -> str: ...


class PlannedAction(Protocol):
    """An action of the plan: its due date, status value and stakeholder group's name."""

    @property
    def title(self) -> str: ...
    @property
    def due_on(self) -> date | None: ...
    @property
    def status(self) -> str: ...
    @property
    def group(self) -> str: ...


class GroupStatusCounts(Protocol):
    """A group's actions counted by status value (GroupProgress)."""

    @property
    def stakeholder(self) -> str: ...
    @property
    def counts(self) -> Mapping[ActionStatus, int]: ...
    @property
    def total(self) -> int: ...
