"""Every public read of services/ says on whose behalf it reads: an actor, or a code.

A page holds ids that came from the browser (a remembered choice, a link), so a read that
takes only an id lets anyone who can open a page read anything by changing a number. A
read names its reader: a signed-in `actor` (whose role and membership it checks inside its
transaction), or the participant's or meeting's `code` that opened a public screen.

Read from the source with ast: a public module-level function of services/ that opens
`db.read()` must have a parameter named `actor`, or `code` (or ending in `_code`). The
few that have no reader by their nature (signing in, the first run, the operator's list,
the published library) are listed below, each with why.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVICES = ROOT / "services"

_SIGN_IN = "signing in: there is no actor yet, the username and password or cookie are the key"

# "package/module.function": why it has no reader, by design and for good.
NO_READER: dict[str, str] = {
    "accounts/first_run.has_accounts": "the first-run check, before any account exists",
    "accounts/signin_accounts.sign_in": _SIGN_IN,
    "accounts/signin_accounts.signed_in_by_cookie": _SIGN_IN,
    "accounts/signin_accounts.has_active_login": _SIGN_IN,
    "accounts/signin_accounts.get_account_by_username": _SIGN_IN,
    "accounts/signin_accounts.actor_for_username": "it makes the actor (runtime.current_actor)",
    "accounts/signin_throttle.current_lock": "the sign-in throttle, checked before there is "
    "an actor: the username and the address are the key",
    "setup/initiatives.list_initiatives": "operator commands (ops/), the seed and bench/ "
    "list every initiative as the system, outside any page",
    "solve/best_practices.list_best_practices": "the library of published practices: no "
    "initiative's data, the same for everyone",
}


def _opens_a_read(function: ast.FunctionDef) -> bool:
    """Whether the function's body calls `db.read()` anywhere."""
    return any(
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "read"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "db"
        for node in ast.walk(function)
    )


def _names_its_reader(function: ast.FunctionDef) -> bool:
    """Whether it takes an `actor` or a code, and not as an optional one that defaults to
    None: a read any caller may make without saying who reads is a read without a reader."""
    args = function.args
    positional = [*args.posonlyargs, *args.args]
    defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    given = [
        *zip(positional, defaults, strict=True),
        *zip(args.kwonlyargs, args.kw_defaults, strict=True),
    ]
    names = [
        a.arg
        for a, default in given
        if not (isinstance(default, ast.Constant) and default.value is None)
    ]
    return "actor" in names or any(n == "code" or n.endswith("_code") for n in names)


def reads_without_a_reader(folder: Path = SERVICES) -> list[str]:
    """ "package/module.function" of every public read in `folder` that names no reader."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        module = path.relative_to(folder).with_suffix("").as_posix()
        for node in ast.parse(path.read_text(), filename=str(path)).body:
            if (
                isinstance(node, ast.FunctionDef)
                and not node.name.startswith("_")
                and _opens_a_read(node)
                and not _names_its_reader(node)
            ):
                found.append(f"{module}.{node.name}")
    return found


def test_every_public_read_takes_an_actor_or_a_code_or_has_none_by_nature():
    assert sorted(set(reads_without_a_reader()) - set(NO_READER)) == []


def test_the_list_of_reads_without_a_reader_holds_only_such_reads():
    # A read given its actor (or renamed, or removed) comes off the list.
    assert sorted(set(NO_READER) - set(reads_without_a_reader())) == []


def test_every_entry_says_why():
    assert all(len(why) > 20 for why in NO_READER.values())


def test_the_check_finds_a_read_by_id_and_passes_one_by_actor_or_code(tmp_path):
    (tmp_path / "sample.py").write_text(
        "def by_id(db, meeting_id):\n    with db.read() as s:\n        return s\n"
        "def by_actor(db, actor, meeting_id):\n    with db.read() as s:\n        return s\n"
        "def by_code(db, code):\n    with db.read() as s:\n        return s\n"
        "def maybe(db, meeting_id, *, actor=None):\n    with db.read() as s:\n        return s\n"
        "def _private(db, meeting_id):\n    with db.read() as s:\n        return s\n"
        "def writes(db, meeting_id):\n    with db.write() as s:\n        return s\n"
    )
    assert reads_without_a_reader(tmp_path) == ["sample.by_id", "sample.maybe"]
