"""What every Set up tab is handed: who acts, on which initiative and meeting."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from runtime import Database
from services.core.actors import Actor


@dataclass(frozen=True)
class SetupContext:
    """The database, the facilitator, the initiative and meeting in focus, and the runner
    of actions (success flashes and reruns; a refusal is shown in the service's words)."""

    db: Database
    actor: Actor
    initiative_id: int
    meeting_id: int
    act: Callable[..., None]
