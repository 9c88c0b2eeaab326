"""The demo initiative: what the issue promises a newcomer sees after `make run`."""

from __future__ import annotations

from collections import Counter

import pytest

from seed.best_practices import LIBRARY
from seed.credentials import CREDENTIALS_FILE, read_credentials
from seed.demo import DEMO_NAME, build_demo
from seed.demo_start import start_demo
from services.accounts import accounts, signin_accounts
from services.agenda import agenda
from services.core.actors import SYSTEM
from services.core.vocab import Role, Skill
from services.setup import initiatives, meetings, participants, stakeholders, tables
from services.solve import best_practices

PASSWORD = "seed-test-password"

# Seventeen logins at the real cost took 4 s a demo; the cost is test_password_cost.py's.
pytestmark = pytest.mark.usefixtures("fast_bcrypt")


def snapshot(db) -> dict:
    ini = initiatives.list_initiatives(db)[0]
    meeting = meetings.list_meetings(db, SYSTEM, ini.id)[0]
    people = participants.list_participants(db, SYSTEM, ini.id)
    return {
        "groups": [g.name for g in stakeholders.list_stakeholders(db, SYSTEM, ini.id)],
        "people": sorted((p.name, p.stakeholder_id, p.table_id) for p in people),
        "agenda": [
            (i.title, i.step, i.skill) for i in agenda.list_agenda(db, meeting.id, actor=SYSTEM)
        ],
        "accounts": sorted(a.username for a in accounts.list_accounts(db, SYSTEM)),
    }


def test_builds_the_demo_the_issue_describes(db):
    summary = build_demo(db, PASSWORD)
    assert summary.created
    ini = initiatives.list_initiatives(db)[0]
    assert ini.name == DEMO_NAME
    groups = stakeholders.list_stakeholders(db, SYSTEM, ini.id)
    assert len(groups) == 8
    meeting = meetings.list_meetings(db, SYSTEM, ini.id)[0]
    assert [t.number for t in tables.list_tables(db, SYSTEM, meeting.id)] == list(range(1, 9))
    assert len(participants.list_participants(db, SYSTEM, ini.id)) == 56


def test_every_table_mixes_the_groups_with_police_and_residents_at_each(db):
    build_demo(db, PASSWORD)
    ini = initiatives.list_initiatives(db)[0]
    by_name = {g.name: g.id for g in stakeholders.list_stakeholders(db, SYSTEM, ini.id)}
    seating: dict[int | None, Counter[int | None]] = {}  # None: someone left unseated
    for person in participants.list_participants(db, SYSTEM, ini.id):
        seating.setdefault(person.table_id, Counter())[person.stakeholder_id] += 1
    assert len(seating) == 8
    for counts in seating.values():
        assert sum(counts.values()) == 7
        assert counts[by_name["Police Department"]] >= 1
        assert counts[by_name["Neighborhood residents who call 911"]] >= 1
        assert len(counts) >= 4, "a table should mix at least four groups"


def test_the_thought_leader_team_has_one_leader_per_major_group(db):
    build_demo(db, PASSWORD)
    ini = initiatives.list_initiatives(db)[0]
    major = {g.id for g in stakeholders.list_stakeholders(db, SYSTEM, ini.id) if g.is_major}
    leaders = [a for a in accounts.list_accounts(db, SYSTEM) if a.role is Role.LEADER]
    assert Counter(a.stakeholder_id for a in leaders) == Counter(major)


def test_each_table_has_its_own_scribe_account(db):
    build_demo(db, PASSWORD)
    ini = initiatives.list_initiatives(db)[0]
    meeting = meetings.list_meetings(db, SYSTEM, ini.id)[0]
    scribes: dict[int | None, str] = {a.id: a.username for a in accounts.list_accounts(db, SYSTEM)}
    assert [scribes[t.scribe_account_id] for t in tables.list_tables(db, SYSTEM, meeting.id)] == [
        f"scribe{n}" for n in range(1, 9)
    ]


def test_the_agenda_follows_the_seven_skills_in_order(db):
    build_demo(db, PASSWORD)
    ini = initiatives.list_initiatives(db)[0]
    meeting = meetings.list_meetings(db, SYSTEM, ini.id)[0]
    skills = [
        i.skill for i in agenda.list_agenda(db, meeting.id, actor=SYSTEM) if i.skill is not None
    ]
    first_seen = list(dict.fromkeys(skills))
    assert first_seen == list(Skill)


@pytest.mark.both_databases  # finding what exists again
def test_a_second_run_adds_nothing(db):
    build_demo(db, PASSWORD)
    before = snapshot(db)
    again = build_demo(db, PASSWORD)
    assert not again.created
    assert snapshot(db) == before


@pytest.mark.both_databases  # the demo on each database
def test_the_same_seed_builds_the_same_demo_on_another_database(db, tmp_path):
    from db.database import Database
    from db.models import Base

    other = Database.from_url(f"sqlite:///{tmp_path / 'other.db'}")
    Base.metadata.create_all(other.engine)
    build_demo(db, PASSWORD)
    build_demo(other, PASSWORD)
    mine, theirs = snapshot(db), snapshot(other)
    assert [p[0] for p in mine["people"]] == [p[0] for p in theirs["people"]]
    assert mine["agenda"] == theirs["agenda"]
    other.dispose()


def test_demo_accounts_sign_in_with_the_given_password(db):
    build_demo(db, PASSWORD)
    for username in ("facilitator", "scribe1", "leader8"):
        assert signin_accounts.sign_in(db, username, PASSWORD).username == username


def test_without_a_given_password_each_demo_login_gets_its_own(db):
    summary = build_demo(db)
    assert sorted(summary.passwords) == sorted(summary.usernames)
    assert len(set(summary.passwords.values())) == len(summary.usernames) == 17
    assert signin_accounts.sign_in(db, "leader2", summary.passwords["leader2"])
    with pytest.raises(signin_accounts.SignInRefused):
        signin_accounts.sign_in(db, "leader2", summary.passwords["leader3"])


@pytest.mark.both_databases  # the library's upsert
def test_the_library_loads_once(db):
    assert best_practices.upsert_library(db, SYSTEM, LIBRARY) == len(LIBRARY)
    assert best_practices.upsert_library(db, SYSTEM, LIBRARY) == 0
    assert len(best_practices.list_best_practices(db)) == len(LIBRARY) >= 12


def test_the_password_comes_from_the_environment_when_set(tmp_path, monkeypatch, db):
    monkeypatch.setenv("DEMO_PASSWORD", "from-the-env-123")
    started = start_demo(db, tmp_path)
    assert started.chosen and started.passwords == {} and started.kept_in is None
    assert signin_accounts.sign_in(db, "scribe5", "from-the-env-123").username == "scribe5"
    assert not (tmp_path / CREDENTIALS_FILE).exists()


def test_generated_passwords_are_random_kept_private_and_shown_once(tmp_path, monkeypatch, db):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    started = start_demo(db, tmp_path)
    assert started.generated and all(len(p) >= 16 for p in started.passwords.values())
    assert started.kept_in is not None and started.kept_in.stat().st_mode & 0o077 == 0
    assert read_credentials(tmp_path) == started.passwords
    assert start_demo(db, tmp_path).passwords == {}  # seeded already: nothing new to show
