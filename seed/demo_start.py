"""Seed the demo and settle its passwords: one function for `make demo` and the home button."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from db.database import Database
from seed.credentials import chosen_password, write_credentials
from seed.demo import DemoSummary, build_demo
from services.core.actors import SYSTEM, Actor


@dataclass(frozen=True)
class DemoStart:
    """What was seeded, and what may be said about the demo's passwords."""

    summary: DemoSummary
    passwords: dict[str, str]
    """Each new login's own password, shown this once; empty when DEMO_PASSWORD was set
    (the operator's to know, never printed or shown) or nothing new was made."""
    chosen: bool
    """The operator set DEMO_PASSWORD for every demo login."""
    kept_in: Path | None
    """Where the generated passwords are also kept, owner-only."""

    @property
    def generated(self) -> bool:
        return bool(self.passwords)


def start_demo(db: Database, data_dir: Path, actor: Actor = SYSTEM) -> DemoStart:
    """Build the demo once (see build_demo): DEMO_PASSWORD for all, else one each."""
    chosen = chosen_password()
    summary = build_demo(db, chosen, actor)
    passwords = summary.passwords if summary.created and chosen is None else {}
    kept_in = write_credentials(data_dir, passwords) if passwords else None
    return DemoStart(summary, passwords, chosen is not None, kept_in)
