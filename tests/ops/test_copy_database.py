"""`python -m ops copy-database`: an installation moves to another database, row for row."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import select

from db.database import Database
from db.models import Base
from ops.copy_database import CopyRefused, copy_database
from services.accounts import signin_accounts
from services.agenda import agenda
from services.converge import voting_ballots, voting_items, voting_rounds
from services.core.actors import SYSTEM
from services.core.vocab import Step
from services.room import idea_merge, ideas, room_control
from services.setup import initiatives, meetings, participants
from tests.app_server import ROOT, seed_demo
from tests.scratch import POSTGRES_URL, scratch_postgres

PASSWORD = "a-copy-test-password-1"


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite install that ran a meeting: a live step, a merged idea, votes."""
    url = f"sqlite:///{tmp_path_factory.mktemp('source') / 'common-ground.db'}"
    seed_demo(url, PASSWORD)
    db = Database.from_url(url)
    initiative = initiatives.list_initiatives(db)[0]
    meeting = meetings.list_meetings(db, SYSTEM, initiative.id)[0]
    facilitator = signin_accounts.actor_for_username(db, "facilitator")
    assert facilitator is not None
    room_control.start_meeting(db, facilitator, meeting.id)
    diverge = next(
        i for i in agenda.list_agenda(db, meeting.id, actor=SYSTEM) if i.step is Step.DIVERGE
    )
    room_control.go_to_step(db, facilitator, meeting.id, diverge.id)
    made = [
        ideas.add_idea(
            db, facilitator, ideas.NewIdea(table_id=None, text=f"Idea {n}", meeting_id=meeting.id)
        )
        for n in range(3)
    ]
    # Merged into a later idea: a reference to a row inserted after it.
    idea_merge.merge_ideas(db, facilitator, made[2].id, [made[0].id])
    rnd = voting_rounds.create_round(
        db,
        facilitator,
        meeting.id,
        voting_rounds.NewRound(
            title="Round", mode="dots", budget=5, max_per_item=3, idea_ids=[made[1].id, made[2].id]
        ),
    )
    voting_rounds.open_round(db, facilitator, rnd.id)
    code = participants.list_participants(db, SYSTEM, initiative.id)[0].code
    for item in voting_items.round_items(db, SYSTEM, rnd.id):
        voting_ballots.set_dots(db, code, item.id, 2)
    db.dispose()
    return url


@contextmanager
def _target(kind: str, folder: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'target.db'}"
    else:
        with scratch_postgres("cg_copy") as url:
            yield url


@pytest.mark.parametrize("kind", ["sqlite", *(["postgres"] if POSTGRES_URL else [])])
def test_every_row_arrives_with_its_id_and_new_rows_come_after(source, kind, tmp_path):
    with _target(kind, tmp_path) as target:
        copied = copy_database(source, target)
        assert copied["idea"] == 3 and copied["vote"] == 2
        before, after = Database.from_url(source), Database.from_url(target)
        try:
            for table in Base.metadata.sorted_tables:
                keys = list(table.primary_key.columns)
                with before.read() as s, after.read() as t:
                    mine = s.execute(select(table).order_by(*keys)).all()
                    theirs = t.execute(select(table).order_by(*keys)).all()
                assert theirs == mine, table.name
            # Passwords came along: the demo's still signs in, ids continue after the copy.
            facilitator = signin_accounts.actor_for_username(after, "facilitator")
            assert facilitator is not None
            meeting = meetings.list_meetings(
                after, SYSTEM, initiatives.list_initiatives(after)[0].id
            )[0]
            fresh = ideas.add_idea(
                after,
                facilitator,
                ideas.NewIdea(table_id=None, text="After the move", meeting_id=meeting.id),
            )
            assert fresh.id == 4
        finally:
            before.dispose()
            after.dispose()
        with pytest.raises(CopyRefused, match="already holds data"):
            copy_database(source, target)


def test_the_command_copies_the_configured_database_and_says_how_much(source, tmp_path):
    target = f"sqlite:///{tmp_path / 'moved.db'}"
    env = {**os.environ, "DATABASE_URL": source, "COMMON_GROUND_DATA_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "ops", "copy-database", "--to", target],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Copied ")
    again = subprocess.run(
        [sys.executable, "-m", "ops", "copy-database", "--to", target],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert again.returncode == 1
    assert "empty database" in again.stderr and "Traceback" not in again.stderr
