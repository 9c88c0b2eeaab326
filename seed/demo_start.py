"""Seed the demo and settle its password: one function for `make demo` and the home button."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from db.database import Database
from seed.credentials import demo_password, password_is_chosen, write_credentials
from seed.demo import DemoSummary, build_demo
from services.actors import SYSTEM, Actor


@dataclass(frozen=True)
class DemoStart:
    """What was seeded, and what may be said about the demo's password."""

    summary: DemoSummary
    password: str
    chosen: bool
    """The operator set DEMO_PASSWORD: theirs to know, never printed or shown."""
    generated: bool
    """Made just now: shown this once, and kept in `kept_in`."""
    kept_in: Path | None


def start_demo(db: Database, data_dir: Path, actor: Actor = SYSTEM) -> DemoStart:
    """Build the demo once (see build_demo) with the install's demo password."""
    password, generated = demo_password(data_dir)
    summary = build_demo(db, password, actor)
    fresh = generated and summary.created
    kept_in = write_credentials(data_dir, password, summary.usernames) if fresh else None
    return DemoStart(summary, password, password_is_chosen(), fresh, kept_in)
