"""Alembic owns the schema: head builds every table, and models and migrations agree."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from db.engine import create_db_engine
from db.migrate import alembic_config, upgrade_to_head
from db.models import Base
from services.core.actors import SYSTEM

POSTGRES_URL = os.environ.get("TEST_DATABASE_URL", "")


@pytest.fixture(params=["sqlite", *(["postgres"] if POSTGRES_URL else [])])
def empty_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """The URL of an empty database: a new SQLite file, or a scratch Postgres database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'migrate.db'}"
        return
    name = f"cg_migrate_{uuid.uuid4().hex[:8]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


def test_upgrade_to_head_creates_every_model_table(empty_url):
    upgrade_to_head(empty_url)
    engine = create_db_engine(empty_url)
    tables = set(inspect(engine).get_table_names())
    engine.dispose()
    assert set(Base.metadata.tables) <= tables
    assert "alembic_version" in tables


def test_models_and_migrations_do_not_drift(empty_url):
    upgrade_to_head(empty_url)
    engine = create_db_engine(empty_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == [], "run `make migration m='what changed'` and commit it"


def test_downgrade_to_base_and_back_leaves_a_working_schema(empty_url):
    config = alembic_config(empty_url)
    command.upgrade(config, "head")
    command.downgrade(config, "base")
    command.upgrade(config, "head")
    engine = create_db_engine(empty_url)
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_a_database_full_of_data_survives_every_migration_down_and_up(empty_url):
    """Batch mode rebuilds SQLite tables; nothing a room wrote may be lost on the way."""
    from alembic.script import ScriptDirectory
    from sqlalchemy import func, select

    from db.database import Database
    from db.models import Meeting
    from seed.demo import build_demo
    from services.accounts import signin_accounts
    from services.room import ideas, room_control
    from services.setup import tables

    config = alembic_config(empty_url)
    command.upgrade(config, "head")
    db = Database.from_url(empty_url)
    build_demo(db, "a-test-password-1")
    facilitator = signin_accounts.actor_for_username(db, "facilitator")
    scribe = signin_accounts.actor_for_username(db, "scribe1")
    assert facilitator is not None and scribe is not None
    with db.read() as s:
        meeting_id = s.scalar(select(Meeting.id))
    assert meeting_id is not None
    room_control.start_meeting(db, facilitator, meeting_id)
    room_control.set_input(db, facilitator, meeting_id, True)
    table = tables.list_tables(db, SYSTEM, meeting_id)[0]
    ideas.add_idea(db, scribe, ideas.NewIdea(table_id=table.id, text="Crisis line first"))

    def counts() -> dict[str, int]:
        with db.engine.connect() as conn:
            names = set(inspect(conn).get_table_names()) - {"alembic_version"}
            return {
                n: conn.execute(select(func.count()).select_from(text(n))).scalar_one()
                for n in names
            }

    before = counts()
    base_revision = ScriptDirectory.from_config(config).get_base()
    assert base_revision is not None
    command.downgrade(config, base_revision)
    # A table a later migration creates is dropped, rows and all, on the way down past it
    # (the seed's translations): what must survive is every table that stays.
    stays = set(counts())
    command.upgrade(config, "head")
    after = counts()
    db.dispose()
    assert set(after) == set(before)
    assert {n: after[n] for n in stays} == {n: before[n] for n in stays}
    assert before["idea"] == 1 and before["agenda_item"] == 10 and before["participant"] == 56


def test_what_was_translated_before_languages_were_recorded_keeps_its_language(empty_url):
    """The translations already kept say which language each original is in: the migration
    that records written languages starts from them (a question on its own, an item whole)."""
    config = alembic_config(empty_url)
    command.upgrade(config, "11732e2999a8")  # the revision before content_language
    engine = create_engine(empty_url)
    columns = "kind, entity_id, field, language, text, source_language, source_hash, translated_by"
    rows = [
        ("idea", 5, "text", "en", "More co-responders", "es"),
        ("listening_note", 7, "said", "en", "We wait", "es"),
        ("listening_note", 7, "paraphrase", "en", "They wait", "es"),
        ("initiative", 1, "q-aa", "es", "¿Su barrio?", "en"),
        ("initiative", 1, "q-bb", "en", "Your age?", "es"),
    ]
    with engine.begin() as conn:
        for kind, entity_id, field, language, words, source in rows:
            conn.execute(
                text(
                    f"INSERT INTO content_translation ({columns}, updated_at) VALUES "
                    "(:kind, :entity_id, :field, :language, :words, :source, 'h', '', "
                    "CURRENT_TIMESTAMP)"
                ),
                dict(kind=kind, entity_id=entity_id, field=field, language=language,
                     words=words, source=source),
            )  # fmt: skip
    command.upgrade(config, "head")
    with engine.connect() as conn:
        found = conn.execute(
            text("SELECT kind, entity_id, field, language FROM content_language ORDER BY id")
        ).all()
    engine.dispose()
    assert sorted(tuple(row) for row in found) == [
        ("idea", 5, "", "es"),
        ("initiative", 1, "q-aa", "en"),
        ("initiative", 1, "q-bb", "es"),
        ("listening_note", 7, "", "es"),
    ]


def test_a_meeting_closed_before_closing_was_recorded_takes_its_time_from_the_audit(empty_url):
    """`closed_at` (which meeting people land on after one closes): a meeting already
    closed takes the time its audit trail last says it closed; an open one has none."""
    config = alembic_config(empty_url)
    command.upgrade(config, "dcfdc9c9e094")  # the revision before closed_at
    engine = create_engine(empty_url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO initiative (id, name, city, purpose, trust_statements, "
                "created_at) VALUES (1, 'I', '', '', '[]', CURRENT_TIMESTAMP)"
            )
        )
        for meeting_id, status in ((1, "closed"), (2, "planned")):
            conn.execute(
                text(
                    "INSERT INTO meeting (id, initiative_id, title, location, code, status, "
                    "agenda_status, input_open) VALUES (:id, 1, 'M', '', :code, :status, "
                    "'draft', false)"
                ),
                dict(id=meeting_id, code=f"CODE{meeting_id}", status=status),
            )
        for at in ("2026-03-01 18:00:00", "2026-03-02 20:30:00"):
            conn.execute(
                text(
                    "INSERT INTO audit_entry (actor, entity, entity_id, action, detail, "
                    "created_at) VALUES ('f', 'meeting', 1, 'closed', '{}', :at)"
                ),
                dict(at=at),
            )
    command.upgrade(config, "head")
    with engine.connect() as conn:
        found = dict(conn.execute(text("SELECT id, closed_at FROM meeting")).all())
    engine.dispose()
    assert str(found[1]).startswith("2026-03-02 20:30") and found[2] is None
