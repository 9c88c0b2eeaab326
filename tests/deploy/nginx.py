"""The shipped nginx configuration, run as a throwaway nginx in front of test app servers.

Only what must differ on a test machine changes: the port it listens on, the app servers
it balances, and where nginx keeps its pid, logs and buffers. The rest is deploy/'s file
byte for byte, so what passes here is what an operator installs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from tests.app_server import ROOT
from tests.workers import free_port

DEPLOY_NGINX = ROOT / "deploy" / "nginx"
NGINX = shutil.which("nginx") or next(
    (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).is_file()), None
)
SHIPPED_LISTEN = "listen 80;"
# Each line: the route key, the upstream(s) a request went to, its status, the request line.
LOG_FORMAT = "$cg_route|$upstream_addr|$status|$request"


def render(folder: Path, servers: list[str], port: int) -> Path:
    """Write a main nginx.conf into `folder` that includes deploy/'s files; return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    shipped = (DEPLOY_NGINX / "common-ground.conf").read_text()
    assert shipped.count(SHIPPED_LISTEN) == 1, "deploy/nginx/common-ground.conf changed shape"
    site = shipped.replace(SHIPPED_LISTEN, f"listen 127.0.0.1:{port};")
    (folder / "common-ground.conf").write_text(site)
    (folder / "common-ground").mkdir(exist_ok=True)
    (folder / "common-ground" / "app-servers.conf").write_text(
        "".join(f"server {s} max_fails=2 fail_timeout=10s;\n" for s in servers)
    )
    for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / "temp" / name).mkdir(parents=True, exist_ok=True)
    # As root, nginx's workers would drop to `nobody` and could not use these folders.
    user = "user root root;\n" if os.geteuid() == 0 else ""
    main = folder / "nginx.conf"
    main.write_text(
        f"""{user}worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log info;
events {{ worker_connections 512; }}
http {{
    log_format cg_test '{LOG_FORMAT}';
    access_log {folder}/access.log cg_test;
    client_body_temp_path {folder}/temp/client_body;
    proxy_temp_path {folder}/temp/proxy;
    fastcgi_temp_path {folder}/temp/fastcgi;
    uwsgi_temp_path {folder}/temp/uwsgi;
    scgi_temp_path {folder}/temp/scgi;
    include common-ground.conf;
}}
"""
    )
    return main


def check(config: Path) -> subprocess.CompletedProcess:
    """`nginx -t` on `config`; its output says what is wrong."""
    assert NGINX is not None, "only run under needs_nginx"
    return subprocess.run(
        [NGINX, "-t", "-p", str(config.parent), "-c", str(config)],
        capture_output=True,
        text=True,
        check=False,
    )


@dataclass(frozen=True)
class Nginx:
    """A running nginx: its address, process and access log."""

    url: str
    process: subprocess.Popen
    folder: Path

    def log_lines(self) -> list[tuple[str, str, str, str]]:
        """(cg_route, upstream address, status, request line) per logged request."""
        lines = []
        for line in (self.folder / "access.log").read_text().splitlines():
            route, upstream, status, request = line.split("|", 3)
            lines.append((route, upstream, status, request))
        return lines


def start(folder: Path, servers: list[str]) -> Nginx:
    """nginx in the foreground with the shipped configuration, once it answers."""
    port = free_port()
    config = render(folder, servers, port)
    tested = check(config)
    assert tested.returncode == 0, tested.stderr
    assert NGINX is not None
    process = subprocess.Popen(
        [NGINX, "-p", str(folder), "-c", str(config), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = Nginx(f"http://127.0.0.1:{port}", process, folder)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2):
                return server
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.1)
    stop(server)
    raise RuntimeError(f"nginx did not answer:\n{(folder / 'error.log').read_text()[-2000:]}")


def stop(server: Nginx) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()
