"""Signing in through the real form, and what each outcome shows."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from services.accounts import accounts, signin_accounts
from services.setup import languages
from tests.views.conftest import PASSWORD


def sign_in(at, username: str, password: str):
    fields = {t.label: t for t in at.text_input}
    fields["Username"].input(username)
    fields["Password"].input(password)
    next(b for b in at.button if b.label == "Sign in").click()
    return at.run()


@contextmanager
def deactivated(db, username: str) -> Iterator[None]:
    """The account is inactive inside the block and active again after it."""
    facilitator = signin_accounts.actor_for_username(db, "facilitator")
    account = signin_accounts.get_account_by_username(db, username)
    assert facilitator is not None and account is not None

    def set_active(active: bool) -> None:
        accounts.update_account(
            db,
            facilitator,
            account.id,
            accounts.AccountFields(
                display_name=account.display_name,
                email=account.email,
                stakeholder_id=account.stakeholder_id,
                active=active,
            ),
        )

    set_active(False)
    try:
        yield
    finally:
        set_active(True)


def test_signing_in_with_the_right_password_opens_the_roles_screens(app):
    at = sign_in(app().run(), "facilitator", PASSWORD)
    assert not at.exception
    assert at.session_state["authentication_status"] is True
    assert at.session_state["username"] == "facilitator"
    assert [s.value for s in at.success] == ["You are signed in."]
    at.run()
    assert "Set up" in [link.label for link in at.get("page_link")]


def test_a_wrong_password_is_refused_with_a_plain_message(app):
    at = sign_in(app().run(), "facilitator", "not-the-password")
    assert not at.exception
    assert not at.session_state["authentication_status"]
    assert any("do not match" in e.value for e in at.error)
    assert not at.get("page_link")


def test_a_deactivated_account_cannot_sign_in(app, demo_db):
    with deactivated(demo_db, "leader8"):
        at = sign_in(app().run(), "leader8", PASSWORD)
        assert at.session_state["authentication_status"] is not True
        assert not at.get("page_link")


def test_a_session_whose_account_was_deactivated_loses_its_screens(app, demo_db):
    at = app("leader7").run()
    assert at.get("page_link")
    with deactivated(demo_db, "leader7"):
        at.run()
        assert not at.get("page_link")


def test_the_sidebar_names_the_signed_in_person_literally(room_app, db):
    room = room_app.room
    hostile = "**Ana** [click](http://evil.example) <b>x</b>"
    account = signin_accounts.get_account_by_username(db, "lead")
    assert account is not None
    accounts.update_account(
        db,
        room.facilitator,
        account.id,
        accounts.AccountFields(
            display_name=hostile, email="", stakeholder_id=account.stakeholder_id, active=True
        ),
    )
    at = room_app("lead").run()
    [line] = [c.value for c in at.sidebar.caption if c.value.startswith("Signed in as")]
    assert "\\*\\*Ana\\*\\*" in line and "\\[click\\]" in line and "\\<b\\>" in line


def test_a_locked_username_is_told_how_long_to_wait(app):
    at = app().run()
    for _ in range(5):
        at = sign_in(at, "leader6", "not-the-password")
    assert any("paused for this username" in e.value and "Wait 30 seconds" in e.value
               for e in at.error)  # fmt: skip
    at = sign_in(at, "leader6", PASSWORD)
    assert not at.session_state["authentication_status"]
    assert any("Wait" in e.value for e in at.error)


def test_a_session_signed_out_elsewhere_is_asked_to_sign_in_again(app, demo_db):
    account = signin_accounts.get_account_by_username(demo_db, "leader5")
    assert account is not None
    at = app("leader5")
    at.session_state["signin_version"] = account.token_version
    at.run()
    assert at.get("page_link")
    signin_accounts.sign_out(demo_db, "leader5")  # the same login, on another device
    at.run()
    assert not at.exception
    assert not at.get("page_link")
    assert any("Please sign in again." in i.value for i in at.info)
    assert [t.label for t in at.text_input][:2] == ["Username", "Password"]


def test_the_language_picked_on_the_sign_in_page_is_kept_once_signed_in(app, demo_db):
    """Español picked before signing in: the screens stay Spanish, and the account keeps
    it; an account that picked nothing there keeps its own."""
    at = app().run()
    [switch] = [c for c in at.segmented_control if c.label == "Language · Idioma"]
    switch.set_value("es").run()
    fields = {t.label: t for t in at.text_input}
    fields["Nombre de usuario"].input("facilitator")
    fields["Contraseña"].input(PASSWORD)
    next(b for b in at.button if b.label == "Iniciar sesión").click()
    at = at.run()
    assert not at.exception
    facilitator = signin_accounts.actor_for_username(demo_db, "facilitator")
    assert facilitator is not None
    try:
        at.run()  # the first run signed in, as the browser's next one does
        assert at.session_state["language"] == "es"
        assert languages.own_language(demo_db, facilitator) == "es"
        assert "Configuración" in [link.label for link in at.get("page_link")]
    finally:  # the demo's accounts are the session's: English again for the tests after
        languages.set_own_language(demo_db, facilitator, "en")
