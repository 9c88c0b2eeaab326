"""What a facilitator types about a planned action: shared by the plan and its SMART check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True, kw_only=True)
class ActionFields:
    """An action as written: the same for adding it, changing it and checking it is SMART.

    Without a stakeholder group the action counts for its owner's group.
    """

    title: str
    description: str = ""
    measure: str = ""
    owner_participant_id: int | None = None
    stakeholder_id: int | None = None
    due_on: date | None = None
    charter_goal: str = ""
    confidential: bool = False
    ready: bool = False
