"""The home page on a new install: the first account, the first initiative, the demo."""

from __future__ import annotations

from pathlib import Path

import bcrypt
import pytest

import runtime
from components.text import escape_markdown
from db.database import Database
from db.models.enums import Role
from seed.credentials import read_credentials
from services.accounts import accounts, first_run
from services.core.actors import SYSTEM
from services.setup import demo, initiatives, meetings
from tests.views.conftest import _app_factory
from tests.views.helpers import by_label, click, texts

PASSWORD = "a-home-password-1"
FIRST_ACCOUNT_FIELDS = [
    "Setup code",
    "Username to sign in with",
    "Your name",
    "Password (at least 10 characters)",
    "The same password again",
]


@pytest.fixture
def empty(db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """AppTests over an install with nothing in it yet, per backend, with fast hashing."""
    real = bcrypt.gensalt
    monkeypatch.setattr(bcrypt, "gensalt", lambda: real(rounds=4))
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    make = _app_factory(monkeypatch, db.engine.url.render_as_string(hide_password=False), tmp_path)
    make.db, make.data_dir = db, tmp_path  # type: ignore[attr-defined]
    yield make
    runtime.database.clear()


def labels(at) -> list[str]:
    return [t.label for t in at.text_input]


def fill_first_account(at, code: str | None = None, again: str = PASSWORD):
    if code is not None:
        by_label(at.text_input, "Setup code").input(code)
    by_label(at.text_input, "Username to sign in with").input("maria.lopez")
    by_label(at.text_input, "Your name").input("Maria Lopez")
    by_label(at.text_input, "Password (at least 10 characters)").input(PASSWORD)
    by_label(at.text_input, "The same password again").input(again)
    return click(at, "Create the account")


def facilitator(db, username="maria.lopez"):
    accounts.create_account(
        db,
        SYSTEM,
        accounts.NewAccount(
            username=username, display_name="Maria Lopez", role=Role.FACILITATOR, password=PASSWORD
        ),
    )
    return username


def test_an_empty_install_offers_the_first_account_not_a_sign_in(empty):
    code = first_run.prepare_setup_code(empty.db, empty.data_dir)
    at = empty(query={"setup": code}).run()
    assert not at.exception
    assert labels(at) == FIRST_ACCOUNT_FIELDS, "no sign-in form: nobody could use it"
    assert by_label(at.text_input, "Setup code").value == code
    assert "Create the first facilitator account" in [h.value for h in at.subheader]


def test_the_link_s_code_opens_the_first_account_and_the_form_goes(empty):
    code = first_run.prepare_setup_code(empty.db, empty.data_dir)
    at = fill_first_account(empty(query={"setup": code}).run())
    assert not at.exception
    ready = f"“{escape_markdown('maria.lopez')}” is ready"  # shown as typed, not as Markdown
    assert any(ready in t for t in texts(at)), texts(at)
    assert labels(at) == ["Username", "Password"], "now the sign-in form, and no setup form"
    (account,) = accounts.list_accounts(empty.db, SYSTEM)
    assert (account.username, account.role) == ("maria.lopez", Role.FACILITATOR)
    assert not first_run.setup_code_path(empty.data_dir).exists()
    assert "setup" not in at.query_params


def test_a_wrong_code_is_refused_on_the_page(empty):
    first_run.prepare_setup_code(empty.db, empty.data_dir)
    at = fill_first_account(empty().run(), code="AAAA-BBBB-CCCC-DDDD")
    assert any("setup code is not right" in e.value for e in at.error)
    assert labels(at) == FIRST_ACCOUNT_FIELDS
    assert not first_run.has_accounts(empty.db)


def test_a_used_setup_link_says_so_and_shows_the_sign_in(empty):
    facilitator(empty.db)
    at = empty(query={"setup": "AAAA-BBBB-CCCC-DDDD"}).run()
    assert labels(at) == ["Username", "Password"]
    assert any("setup link has been used" in t for t in texts(at))


def test_a_facilitator_with_no_initiative_starts_a_new_one(empty):
    at = empty(facilitator(empty.db)).run()
    assert "Start with the demo" in [b.label for b in at.button]
    by_label(at.text_input, "Initiative name").input("Eastside Initiative")
    by_label(at.text_input, "City").input("Eastside")
    by_label(at.text_input, "Meeting title").input("First session")
    by_label(at.text_input, "Place").input("Library")
    at = click(at, "Start the initiative")
    assert not at.exception
    (initiative,) = initiatives.list_initiatives(empty.db)
    assert initiative.name == "Eastside Initiative" and not initiative.is_demo
    (meeting,) = meetings.list_meetings(empty.db, SYSTEM, initiative.id)
    assert (meeting.title, meeting.location) == ("First session", "Library")
    assert any("is started with its first meeting" in t for t in texts(at))
    assert "Open Set up" in [link.label for link in at.get("page_link")]
    assert "Start with the demo" not in [b.label for b in at.button]


def test_a_bad_new_initiative_is_refused_and_nothing_is_made(empty):
    at = empty(facilitator(empty.db)).run()
    by_label(at.text_input, "Initiative name").input("Eastside Initiative")
    at = click(at, "Start the initiative")
    assert any("Meeting title is empty" in e.value for e in at.error)
    assert initiatives.list_initiatives(empty.db) == []


def test_the_demo_starts_shows_its_logins_once_and_is_removed(empty):
    at = click(empty(facilitator(empty.db)).run(), "Start with the demo")
    assert not at.exception
    (initiative,) = demo.demo_initiatives(empty.db, SYSTEM)
    kept = read_credentials(empty.data_dir)
    assert len(kept) == 17 and len(set(kept.values())) == 17  # each login its own
    [shown] = [c.value for c in at.code]
    assert shown.splitlines()[0].split() == ["facilitator", kept["facilitator"]]
    assert all(f"{user}  {password}" in shown for user, password in kept.items())
    assert initiative.name in [h.value for h in at.subheader]

    at = click(at, "Remove the demo")
    assert len(at.code) == 0, "the password is shown once only"
    assert demo.has_demo(empty.db, SYSTEM), "asks first"
    at = click(at, "Yes, remove the demo")
    assert not at.exception
    assert any("The demo is removed: 1 initiative(s) and 17 login(s)." in t for t in texts(at))
    assert not demo.has_demo(empty.db, SYSTEM) and initiatives.list_initiatives(empty.db) == []
    assert [a.username for a in accounts.list_accounts(empty.db, SYSTEM)] == ["maria.lopez"]
    assert not (empty.data_dir / "demo-credentials.txt").exists()
    assert "Start with the demo" in [b.label for b in at.button]


def test_keeping_the_demo_removes_nothing(empty):
    at = click(empty(facilitator(empty.db)).run(), "Start with the demo")
    at = click(click(at, "Remove the demo"), "Keep the demo")
    assert demo.has_demo(empty.db, SYSTEM)
    assert "Remove the demo" in [b.label for b in at.button]


def test_a_demo_login_is_told_why_it_cannot_remove_the_demo(empty):
    at = click(empty(facilitator(empty.db)).run(), "Start with the demo")
    at = empty("facilitator").run()  # the demo's own facilitator login
    at = click(click(at, "Remove the demo"), "Yes, remove the demo")
    assert any("one of the demo" in e.value for e in at.error), [e.value for e in at.error]
    assert demo.has_demo(empty.db, SYSTEM)


def test_a_scribe_on_an_empty_install_is_pointed_to_a_facilitator(empty):
    accounts.create_account(
        empty.db,
        SYSTEM,
        accounts.NewAccount(
            username="sam.scribe", display_name="Sam", role=Role.SCRIBE, password=PASSWORD
        ),
    )
    at = empty("sam.scribe").run()
    assert any("A facilitator starts one" in i.value for i in at.info)
    assert "Start with the demo" not in [b.label for b in at.button]
    assert "Remove the demo" not in [b.label for b in at.button]
