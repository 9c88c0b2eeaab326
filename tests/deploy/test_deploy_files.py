"""deploy/ as shipped: nginx accepts its configuration, and the files agree with each other.

No Postgres or browser needed, so these run in every `make test`; the nginx check is
skipped, saying so, on a machine without nginx.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.app_server import ROOT
from tests.deploy import nginx
from tests.deploy.needs import needs_nginx

DEPLOY = ROOT / "deploy"
SETTING = re.compile(r"\b(COMMON_GROUND_[A-Z_]+|DATABASE_URL|STREAMLIT_[A-Z_]+)\b")


@needs_nginx
def test_nginx_accepts_the_shipped_configuration_with_the_shipped_server_list(tmp_path):
    config = nginx.render(tmp_path, servers=[], port=nginx.free_port())
    shipped_list = DEPLOY / "nginx" / "app-servers.conf"
    (tmp_path / "common-ground" / "app-servers.conf").write_text(shipped_list.read_text())
    checked = nginx.check(config)
    assert checked.returncode == 0, checked.stderr


def test_stickiness_hashes_a_cookie_per_browser_not_the_address():
    site = (DEPLOY / "nginx" / "common-ground.conf").read_text()
    active = "\n".join(line.split("#")[0] for line in site.splitlines())
    assert "hash $cg_route consistent;" in active
    assert "ip_hash" not in active  # a venue's phones share one address
    for header in ("Upgrade $http_upgrade", "Connection $cg_connection", "Host $http_host"):
        assert f"proxy_set_header {header};" in active
    assert "proxy_http_version 1.1;" in active


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())


def test_compose_runs_postgres_a_migration_before_the_app_servers_and_nginx_in_front():
    services = compose()["services"]
    assert set(services) == {"postgres", "migrate", "app", "nginx"}
    assert services["migrate"]["command"] == ["python", "-m", "db.migrate"]
    assert services["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert services["app"]["depends_on"] == {
        "migrate": {"condition": "service_completed_successfully"}
    }
    assert services["app"]["deploy"]["replicas"] == "${APP_SERVERS:-2}"
    assert "ports" not in services["app"]  # only through nginx
    # nginx in Docker uses the very site file a host install uses.
    mounts = {m.split(":")[0] for m in services["nginx"]["volumes"]}
    assert mounts == {"./nginx/common-ground.conf", "./docker/app-servers.conf"}
    assert all((DEPLOY / m).is_file() for m in mounts)
    assert (ROOT / services["app"]["build"]["context"].replace("..", ".")).is_dir()
    assert (DEPLOY.parent / services["app"]["build"]["dockerfile"]).is_file()


def test_compose_secrets_come_only_from_the_operators_env_file():
    text = (DEPLOY / "docker-compose.yml").read_text()
    for name in ("POSTGRES_PASSWORD", "COMMON_GROUND_COOKIE_KEY", "STREAMLIT_SERVER_COOKIE_SECRET"):
        uses = re.findall(rf"\$\{{{name}(:[?-])?", text)
        assert uses and all(u == ":?" for u in uses), (name, uses)
    documented = _variables(DEPLOY / "compose.env.example")
    used = set(re.findall(r"\$\{([A-Z_]+)", text))
    assert used <= documented, used - documented
    assert "deploy/.env" in (ROOT / ".gitignore").read_text().splitlines()


def test_every_setting_in_the_examples_is_one_the_app_or_streamlit_reads():
    readme = (ROOT / "README.md").read_text()
    read_by_app = set(SETTING.findall((ROOT / "settings.py").read_text()))
    for example in (DEPLOY / "env.example", DEPLOY / "compose.env.example"):
        for name in _variables(example) & set(SETTING.findall(example.read_text())):
            assert name in read_by_app or name.startswith("STREAMLIT_SERVER_"), name
    # And the README's table of settings names every setting settings.py reads.
    missing = {n for n in read_by_app if f"`{n}`" not in readme}
    assert not missing, f"README.md's Settings table lacks {sorted(missing)}"


def test_the_examples_hold_placeholders_never_secrets():
    for example in (DEPLOY / "env.example", DEPLOY / "compose.env.example"):
        values = dict(
            line.split("=", 1)
            for line in example.read_text().splitlines()
            if line and not line.startswith("#")
        )
        for name, value in values.items():
            if any(word in name for word in ("PASSWORD", "KEY", "SECRET")):
                assert value == "CHANGE-ME" or value.startswith("CHANGE-ME-"), name
        if "DATABASE_URL" in values:
            assert "CHANGE-ME" in values["DATABASE_URL"]


@pytest.mark.parametrize(
    ("unit", "command"),
    [
        (
            "common-ground@.service",
            "/opt/common-ground/.venv/bin/python -m serve app.py --server.port %i",
        ),
        ("common-ground-migrate.service", "/opt/common-ground/.venv/bin/python -m db.migrate"),
    ],
)
def test_the_systemd_units_read_the_private_env_file_and_run_as_their_own_user(unit, command):
    entries = _unit(DEPLOY / "systemd" / unit)
    assert entries["ExecStart"][0].startswith(command)
    assert entries["EnvironmentFile"] == ["/etc/common-ground/env"]
    assert entries["User"] == ["common-ground"]
    assert entries["WorkingDirectory"] == ["/opt/common-ground"]
    assert "COMMON_GROUND_DATA_DIR=/var/lib/common-ground" in entries["Environment"]


def _unit(path: Path) -> dict[str, list[str]]:
    entries: dict[str, list[str]] = {}
    for line in path.read_text().splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, value = line.split("=", 1)
            entries.setdefault(key, []).append(value)
    return entries


def _variables(path: Path) -> set[str]:
    names = set()
    for line in path.read_text().splitlines():
        # Commented-out settings count: they are documented, to be switched on.
        setting = line.lstrip("# ")
        if re.match(r"^[A-Z][A-Z0-9_]*=", setting):
            names.add(setting.split("=", 1)[0])
    return names
