"""What the multi-server tests need, as skip marks that say what is missing.

These tests need what a multi-server install needs. Without TEST_DATABASE_URL (a Postgres
server) they are skipped with a message saying so; `.ci/run` sets it, so CI runs them.
Chromium is tests/conftest.py's business, as for every browser test (the `e2e` mark).
Without nginx only the parts through nginx are skipped.
"""

from __future__ import annotations

import pytest

from tests.deploy.nginx import NGINX
from tests.scratch import POSTGRES_URL

NO_POSTGRES = (
    "Multi-server tests skipped: TEST_DATABASE_URL is not set. Several app servers share "
    "one Postgres database; point TEST_DATABASE_URL at a Postgres server to run them "
    "(.ci/run does)."
)
NO_NGINX = "The nginx checks are skipped: no nginx on this machine (apt-get install nginx-light)."

needs_postgres = pytest.mark.skipif(not POSTGRES_URL, reason=NO_POSTGRES)
needs_nginx = pytest.mark.skipif(NGINX is None, reason=NO_NGINX)
