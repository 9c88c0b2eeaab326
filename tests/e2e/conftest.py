"""The real app in a real browser: `python -m serve` over a freshly seeded demo on SQLite.

Finding Chromium, and skipping or failing without it, is tests/conftest.py's job.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect
from sqlalchemy import select

from db.database import Database
from db.models import Account, Meeting, MeetingTable, Participant
from services.converge import voting_rounds
from services.core.actors import SYSTEM, Actor
from services.core.vocab import Role, VoteMode
from services.room import ideas, room_control
from tests.app_server import ROOT, AppServer, running_app, seed_demo
from tests.browser import signed_in

PASSWORD = "an-e2e-password-1"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"


@dataclass(frozen=True)
class Demo:
    """A running app and a handle on its database, for reading codes and checking rows."""

    server: AppServer
    db: Database

    @property
    def url(self) -> str:
        return self.server.url


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """The app serving a freshly seeded demo on SQLite, for one test module."""
    folder = tmp_path_factory.mktemp("e2e")
    url = f"sqlite:///{folder / 'demo.db'}"
    seed_demo(url, PASSWORD)
    with running_app(url, folder, cookie_key="e2e-cookie-key-not-secret") as server:
        database = Database.from_url(url)
        yield Demo(server, database)
        database.dispose()


@contextmanager
def kept_signed_in(
    context: BrowserContext, base: str, username: str, password: str = PASSWORD
) -> Iterator[Page]:
    """A page of `context` signed in as `username`, for a module's tests to share; its
    browser closed when they end. Left open, it went on asking for its module's stopped
    server for the rest of the run: about 1 % of a core for each such page (3 consoles
    of a stopped server: 0.74 CPU-seconds of Chromium in 30 s, measured here)."""
    page = context.new_page()
    try:
        signed_in(page, base, username, password)
        yield page
    finally:
        context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture(scope="session", autouse=True)
def _patient_expectations() -> None:
    """Wait up to 15 s for what a screen should show: on a 2-core CI machine busy with a
    database and several browsers, an action's rerun can take longer than Playwright's
    5 s default, and a person would wait for it too."""
    expect.set_options(timeout=15_000)


@dataclass(frozen=True)
class LiveRoom:
    """The demo's meeting started with input open: who runs it, its first table, and the
    first two people's badge codes and ids."""

    meeting_id: int
    facilitator: Actor
    table_id: int
    codes: tuple[str, ...]
    participant_ids: tuple[int, ...]


def live_room(demo: Demo) -> LiveRoom:
    """Start the demo's meeting (where it is not yet) and open input, as a facilitator leaves
    it for table work and voting."""
    with demo.db.read() as s:
        meeting_id = s.scalars(select(Meeting.id)).one()
        account_id = s.scalars(select(Account.id).where(Account.username == "facilitator")).one()
        table_id = s.scalars(
            select(MeetingTable.id).where(MeetingTable.meeting_id == meeting_id)
        ).first()
        people = s.execute(select(Participant.id, Participant.code).limit(2)).all()
    assert table_id is not None and len(people) == 2
    facilitator = Actor(account_id, Role.FACILITATOR, "Facilitator")
    if room_control.room_state(demo.db, meeting_id, actor=SYSTEM).current is None:
        room_control.start_meeting(demo.db, facilitator, meeting_id)
    room_control.set_input(demo.db, facilitator, meeting_id, True)
    ids, codes = zip(*people, strict=True)
    return LiveRoom(meeting_id, facilitator, table_id, tuple(codes), tuple(ids))


def open_dot_round(
    demo: Demo, texts: list[str], budget: int = 5, title: str = "Which first?"
) -> tuple[LiveRoom, int]:
    """The room live (`live_room`) and a dot round of `texts`, each a new idea at the first
    table, opened: the room and the round's id, for the phone tests."""
    room = live_room(demo)
    made = [
        ideas.add_idea(demo.db, room.facilitator, ideas.NewIdea(table_id=room.table_id, text=t))
        for t in texts
    ]
    fields = voting_rounds.NewRound(
        title=title, mode=VoteMode.DOTS, budget=budget, idea_ids=[i.id for i in made]
    )
    rnd = voting_rounds.create_round(demo.db, room.facilitator, room.meeting_id, fields)
    voting_rounds.open_round(demo.db, room.facilitator, rnd.id)
    return room, rnd.id
