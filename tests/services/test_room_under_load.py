"""A whole room at once: 10 scribes and 60 voters writing together for a few seconds.

Afterwards every submitted item is stored exactly once, no voter is over budget, no
error other than a domain refusal reached anyone, and the tallies equal a recount.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter

import pytest
from sqlalchemy import func, select

from db.models import Ballot, Idea, ListeningNote, Participant, Vote
from services.converge import tallies, voting_ballots, voting_items, voting_rounds
from services.core.actors import SYSTEM
from services.core.errors import DomainError
from services.room import ideas, notes
from tests.factories import build_crowd

pytestmark = pytest.mark.both_databases  # concurrent writers

SECONDS = 3.0


def test_ten_scribes_and_sixty_voters_at_once_lose_nothing_and_overspend_nothing(db):
    crowd = build_crowd(db, tables=10, voters=60)
    made = [
        ideas.add_idea(
            db,
            crowd.facilitator,
            ideas.NewIdea(table_id=None, text=f"Idea {n}", meeting_id=crowd.meeting_id),
        )
        for n in range(6)
    ]
    rnd = voting_rounds.create_round(
        db,
        crowd.facilitator,
        crowd.meeting_id,
        voting_rounds.NewRound(
            title="Load", mode="dots", budget=5, max_per_item=3, idea_ids=[i.id for i in made]
        ),
    )
    voting_rounds.open_round(db, crowd.facilitator, rnd.id)
    items = [i.id for i in voting_items.round_items(db, SYSTEM, rnd.id)]
    stop = time.monotonic() + SECONDS
    sent: Counter[str] = Counter()
    seen = Counter()  # double taps sent and budget refusals met, to show both paths ran
    failures: list[BaseException] = []
    lock = threading.Lock()

    def scribe(n: int) -> None:
        rng = random.Random(n)
        actor, table_id = crowd.scribes[n]
        count = 0
        while time.monotonic() < stop:
            key = f"t{n}-{count}"
            taps = 2 if rng.random() < 0.2 else 1  # a double tap sends the same key twice
            try:
                for _ in range(taps):
                    notes.add_note(
                        db,
                        actor,
                        table_id,
                        notes.NoteFields(said=f"said {key}"),
                        submission_key="n" + key,
                    )
                    ideas.add_idea(
                        db,
                        actor,
                        ideas.NewIdea(
                            table_id=table_id, text=f"idea {key}", submission_key="i" + key
                        ),
                    )
            except BaseException as error:
                with lock:
                    failures.append(error)
                return
            with lock:
                sent[key] += 1
                seen["double taps"] += taps - 1
            count += 1

    def voter(code: str, seed: int) -> None:
        rng = random.Random(seed)
        while time.monotonic() < stop:
            try:
                voting_ballots.set_dots(db, code, rng.choice(items), rng.randint(0, 3))
            except DomainError:
                # "You have no dots left" is the budget doing its job, not a failure.
                with lock:
                    seen["refusals"] += 1
            except BaseException as error:
                with lock:
                    failures.append(error)
                return

    threads = [threading.Thread(target=scribe, args=(n,)) for n in range(len(crowd.scribes))]
    threads += [threading.Thread(target=voter, args=(c, i)) for i, c in enumerate(crowd.codes)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not failures, failures[:3]
    assert sum(sent.values()) > 20, "the scribes barely wrote: the test proved nothing"
    assert seen["double taps"] > 0 and seen["refusals"] > 0, seen

    with db.read() as s:
        note_keys = Counter(s.scalars(select(ListeningNote.submission_key)))
        idea_keys = Counter(k for k in s.scalars(select(Idea.submission_key)) if k)
        assert set(note_keys) == {"n" + k for k in sent} and max(note_keys.values()) == 1
        assert set(idea_keys) == {"i" + k for k in sent} and max(idea_keys.values()) == 1
        spent = dict(
            s.execute(
                select(Vote.participant_id, func.sum(Vote.dots))
                .where(Vote.round_id == rnd.id)
                .group_by(Vote.participant_id)
            ).all()
        )
        ballots = {
            b.participant_id: b for b in s.scalars(select(Ballot).where(Ballot.round_id == rnd.id))
        }
        assert ballots, "nobody voted: the test proved nothing"
        for pid, ballot in ballots.items():
            assert ballot.dots_used == spent.get(pid, 0) <= ballot.budget
        per_item = Counter()
        for item, dots in s.execute(
            select(Vote.round_item_id, Vote.dots).where(Vote.round_id == rnd.id)
        ):
            per_item[item] += dots
        assert s.scalar(select(func.count()).select_from(Participant)) >= 60
    assert {t.item_id: t.dots for t in tallies.totals(db, SYSTEM, rnd.id)} == {
        i: per_item[i] for i in items
    }
