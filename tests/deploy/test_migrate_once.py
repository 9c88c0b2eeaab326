"""Upgrades run once: two `python -m db.migrate` at the same moment take turns.

As when two machines start their migration unit together: the second waits for the
first's advisory lock, then finds the schema at head and does nothing.
"""

from __future__ import annotations

import os
import subprocess
import sys

from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from db.migrate import alembic_config
from tests.app_server import ROOT
from tests.deploy.needs import needs_postgres
from tests.scratch import scratch_postgres

pytestmark = needs_postgres


def test_two_migrations_at_once_on_an_empty_postgres_both_succeed_at_head(tmp_path):
    head = ScriptDirectory.from_config(alembic_config("")).get_current_head()
    with scratch_postgres("cg_migrate_once") as url:
        env = {**os.environ, "DATABASE_URL": url, "COMMON_GROUND_DATA_DIR": str(tmp_path)}
        env["COMMON_GROUND_COOKIE_KEY"] = "migrate-test-key-not-a-secret"
        runs = [
            subprocess.Popen(
                [sys.executable, "-m", "db.migrate"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            for _ in range(2)
        ]
        outputs = [run.communicate(timeout=120)[0] for run in runs]
        assert [run.returncode for run in runs] == [0, 0], outputs
        engine = create_engine(url)
        with engine.connect() as conn:
            versions = conn.execute(text("SELECT version_num FROM alembic_version")).all()
        engine.dispose()
        assert versions == [(head,)]
