"""`python -m ops`: a first facilitator, passwords, and one initiative out and back in."""

from __future__ import annotations

import io
import json

import bcrypt
import pytest

from db.database import Database
from db.migrate import upgrade_to_head
from ops.__main__ import main
from services.accounts import signin_accounts
from services.setup import initiatives
from tests.app_server import seed_demo


@pytest.fixture
def configured(tmp_path, monkeypatch):
    """An empty, migrated database that the commands find through DATABASE_URL."""
    url = f"sqlite:///{tmp_path / 'install.db'}"
    upgrade_to_head(url)
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("COMMON_GROUND_DATA_DIR", str(tmp_path))
    return url


def run(monkeypatch, *argv: str, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(list(argv))


def password_of(url: str, username: str) -> bytes:
    db = Database.from_url(url)
    try:
        account = signin_accounts.get_account_by_username(db, username)
        assert account is not None
        return account.password_hash.encode()
    finally:
        db.dispose()


def test_a_first_facilitator_then_a_new_password_read_from_standard_input(
    configured, monkeypatch, capsys
):
    assert (
        run(monkeypatch, "add-facilitator", "maria.lopez", "Maria Lopez", stdin="first-pass-1\n")
        == 0
    )
    assert bcrypt.checkpw(b"first-pass-1", password_of(configured, "maria.lopez"))
    assert run(monkeypatch, "set-password", "maria.lopez", stdin="second-pass-2\n") == 0
    assert bcrypt.checkpw(b"second-pass-2", password_of(configured, "maria.lopez"))
    assert "new password" in capsys.readouterr().out
    # A refusal is said in words, with no traceback, and changes nothing.
    assert run(monkeypatch, "set-password", "maria.lopez", stdin="short\n") == 1
    assert run(monkeypatch, "set-password", "nobody.here", stdin="third-pass-3\n") == 1
    assert "no login named" in capsys.readouterr().err
    assert bcrypt.checkpw(b"second-pass-2", password_of(configured, "maria.lopez"))


def test_an_initiative_exported_to_a_private_file_imports_into_an_empty_install(
    configured, monkeypatch, tmp_path, capsys
):
    old = f"sqlite:///{tmp_path / 'old.db'}"
    seed_demo(old, "an-old-password-1")
    monkeypatch.setenv("DATABASE_URL", old)
    assert run(monkeypatch, "list-initiatives") == 0
    initiative_id = capsys.readouterr().out.split("\t")[0]
    file = tmp_path / "initiative.json"
    assert run(monkeypatch, "export-initiative", initiative_id, str(file)) == 0
    assert file.stat().st_mode & 0o077 == 0
    assert json.loads(file.read_text())["format"] == "common-ground/1"

    monkeypatch.setenv("DATABASE_URL", configured)
    assert run(monkeypatch, "import-initiative", str(file)) == 0
    assert "set-password" in capsys.readouterr().out
    db = Database.from_url(configured)
    try:
        assert [i.name for i in initiatives.list_initiatives(db)] == [
            "Riverside Community–Police Initiative"
        ]
    finally:
        db.dispose()
    # The imported logins (scribes, leaders) wait for a password; the facilitator's login
    # is not part of an initiative, so the operator opens one.
    assert not bcrypt.checkpw(b"an-old-password-1", password_of(configured, "scribe1"))
    assert run(monkeypatch, "set-password", "scribe1", stdin="a-new-password-1\n") == 0
    assert bcrypt.checkpw(b"a-new-password-1", password_of(configured, "scribe1"))
    assert (
        run(monkeypatch, "add-facilitator", "facilitator", "Fac", stdin="a-new-password-2\n") == 0
    )


def test_a_facilitator_added_by_command_voids_the_waiting_setup_code(
    configured, monkeypatch, tmp_path
):
    from services.accounts import first_run

    db = Database.from_url(configured)
    try:
        assert first_run.prepare_setup_code(db, tmp_path) is not None
        assert (
            run(monkeypatch, "add-facilitator", "maria.lopez", "Maria", stdin="pass-word-1\n") == 0
        )
        assert not first_run.setup_code_path(tmp_path).exists()
    finally:
        db.dispose()
