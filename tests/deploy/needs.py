"""What the multi-server tests need, as skip marks that say what is missing.

These tests need what a multi-server install needs. Without TEST_DATABASE_URL (a Postgres
server) they are skipped with a message saying so; `.ci/run` sets it, so CI runs them.
Without Chromium they are skipped too, unless REQUIRE_BROWSER_TESTS is set (CI), in which
case they fail. Without nginx only the parts through nginx are skipped.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.deploy.nginx import NGINX
from tests.deploy.scratch import POSTGRES_URL

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
HAVE_CHROMIUM = Path(CHROMIUM).is_file()

NO_POSTGRES = (
    "Multi-server tests skipped: TEST_DATABASE_URL is not set. Several app servers share "
    "one Postgres database; point TEST_DATABASE_URL at a Postgres server to run them "
    "(.ci/run does)."
)
NO_CHROMIUM = (
    f"Multi-server browser tests skipped: no Chromium at {CHROMIUM}. "
    "Install Debian's package (apt-get install chromium) or set CHROMIUM to run them."
)
NO_NGINX = "The nginx checks are skipped: no nginx on this machine (apt-get install nginx-light)."

needs_postgres = pytest.mark.skipif(not POSTGRES_URL, reason=NO_POSTGRES)
needs_chromium = pytest.mark.skipif(
    not HAVE_CHROMIUM and not os.environ.get("REQUIRE_BROWSER_TESTS"), reason=NO_CHROMIUM
)
needs_nginx = pytest.mark.skipif(NGINX is None, reason=NO_NGINX)
