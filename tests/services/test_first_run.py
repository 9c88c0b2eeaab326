"""The first facilitator of an empty install: only the holder of the setup code gets in."""

from __future__ import annotations

import stat
import threading

import pytest

from db.models.enums import Role
from services.accounts import accounts, first_run, signin_accounts
from services.core import audit
from services.core.actors import SYSTEM
from services.core.errors import NotAllowedNow, ValidationError

# On Postgres too: the first account: usernames unique; the setup code's rows.
pytestmark = pytest.mark.both_databases

PASSWORD = "a-first-password"


def create(db, data_dir, code, username="maria.lopez", again=PASSWORD):
    return first_run.create_first_facilitator(
        db,
        data_dir,
        code,
        first_run.FirstLogin(
            username=username, display_name="Maria Lopez", password=PASSWORD, password_again=again
        ),
    )


def test_an_empty_install_gets_a_random_code_kept_owner_only(db, tmp_path):
    code = first_run.prepare_setup_code(db, tmp_path)
    path = first_run.setup_code_path(tmp_path)
    assert code is not None and len(first_run.normalise_code(code)) == 16
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert first_run.normalise_code(path.read_text()) == first_run.normalise_code(code)
    # A restart before anyone used it keeps the link already printed working.
    assert first_run.prepare_setup_code(db, tmp_path) == code
    other = tmp_path / "other"
    assert first_run.prepare_setup_code(db, other) != code


def test_the_code_opens_one_facilitator_account_once(db, tmp_path, fast_bcrypt):
    code = first_run.prepare_setup_code(db, tmp_path)
    account = create(db, tmp_path, code)
    assert account.role is Role.FACILITATOR and not account.is_demo
    assert signin_accounts.sign_in(db, "maria.lopez", PASSWORD).username == "maria.lopez"
    assert not first_run.setup_code_path(tmp_path).exists()
    (entry,) = audit.history(db, SYSTEM, "account", account.id)
    assert entry.actor == "first-run setup" and entry.action == "created"
    with pytest.raises(NotAllowedNow, match="already has an account"):
        create(db, tmp_path, code, username="someone.else")
    assert [a.username for a in accounts.list_accounts(db, SYSTEM)] == ["maria.lopez"]


def test_the_code_is_read_as_people_type_it(db, tmp_path, fast_bcrypt):
    code = first_run.prepare_setup_code(db, tmp_path)
    assert code is not None
    typed = f"  {code.lower().replace('-', ' ')} "
    assert create(db, tmp_path, typed).username == "maria.lopez"


def test_a_wrong_or_missing_code_is_refused_and_writes_nothing(db, tmp_path, fast_bcrypt):
    code = first_run.prepare_setup_code(db, tmp_path)
    assert code is not None
    wrong = ("1" if code[0] != "1" else "2") + code[1:]
    for attempt in (wrong, "", "ZZZZ", "é" * 16, None):
        with pytest.raises(ValidationError, match="setup code is not right"):
            create(db, tmp_path, attempt)
    assert not first_run.has_accounts(db)
    assert first_run.setup_code_path(tmp_path).exists(), "a wrong guess must not use it up"


def test_no_code_waiting_is_refused_with_what_to_do(db, tmp_path):
    with pytest.raises(NotAllowedNow, match="make run"):
        create(db, tmp_path, "ABCD-EFGH-JKMN-PQRS")
    assert not first_run.has_accounts(db)


def test_a_code_file_others_could_read_is_not_trusted(db, tmp_path):
    code = first_run.prepare_setup_code(db, tmp_path)
    path = first_run.setup_code_path(tmp_path)
    path.chmod(0o644)
    with pytest.raises(NotAllowedNow):
        create(db, tmp_path, code)
    fresh = first_run.prepare_setup_code(db, tmp_path)
    assert fresh != code and stat.S_IMODE(path.stat().st_mode) == 0o600


def test_passwords_that_differ_or_a_bad_username_keep_the_code(db, tmp_path, fast_bcrypt):
    code = first_run.prepare_setup_code(db, tmp_path)
    with pytest.raises(ValidationError, match="differ"):
        create(db, tmp_path, code, again="another-password")
    with pytest.raises(ValidationError, match="username"):
        create(db, tmp_path, code, username="Maria Lopez")
    assert not first_run.has_accounts(db)
    assert create(db, tmp_path, code).username == "maria.lopez"


def test_once_any_account_exists_there_is_no_code(db, tmp_path, fast_bcrypt):
    code = first_run.prepare_setup_code(db, tmp_path)
    accounts.create_account(
        db,
        SYSTEM,
        accounts.NewAccount(
            username="ops.made",
            display_name="Made by ops",
            role=Role.FACILITATOR,
            password=PASSWORD,
        ),
    )
    assert not first_run.first_account_needed(db, tmp_path)
    assert not first_run.setup_code_path(tmp_path).exists()
    assert first_run.prepare_setup_code(db, tmp_path) is None
    with pytest.raises(NotAllowedNow):
        create(db, tmp_path, code)


def test_two_submissions_at_once_open_one_account(db, tmp_path, fast_bcrypt):
    code = first_run.prepare_setup_code(db, tmp_path)
    outcomes: list[str] = []

    def submit(username: str) -> None:
        try:
            create(db, tmp_path, code, username=username)
            outcomes.append("created")
        except NotAllowedNow:
            outcomes.append("refused")

    threads = [threading.Thread(target=submit, args=(f"person{n}",)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["created", "refused"]
    assert len(accounts.list_accounts(db, SYSTEM)) == 1


@pytest.mark.parametrize("weak", ["password12", "aaaaaaaaaa", "maria.lopez", "Maria Lopez 1"])
def test_the_first_facilitator_cannot_choose_a_guessable_password(db, tmp_path, weak):
    code = first_run.prepare_setup_code(db, tmp_path)
    assert code is not None
    with pytest.raises(ValidationError, match="guess"):
        first_run.create_first_facilitator(
            db,
            tmp_path,
            code,
            first_run.FirstLogin(
                username="maria.lopez",
                display_name="Maria Lopez",
                password=weak,
                password_again=weak,
            ),
        )
    assert not first_run.has_accounts(db)
