"""Every public read of services/ says on whose behalf it reads: an actor, or a code.

A page holds ids that came from the browser (a remembered choice, a link), so a read that
takes only an id lets anyone who can open a page read anything by changing a number. A
read names its reader: a signed-in `actor` (whose role and membership it checks inside its
transaction), or the participant's or meeting's `code` that opened a public screen.

Read from the source with ast: a public module-level function of services/ that opens
`db.read()` must have a parameter named `actor`, or `code` (or ending in `_code`). The
ones that do not yet are listed below, each with why; finish one, then take it off.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVICES = ROOT / "services"

_OTHER_SCREENS = "called by other screens' views, which get their own read models now"
_RUNTIME = "runtime.py resolves the table in focus with it before any page reads"
_PROJECTOR = (
    "the projector (reached by a meeting's code) reads it; pass the code when its read model lands"
)
_SIGN_IN = "signing in: there is no actor yet, the username and password or cookie are the key"

# "package/module.function": why it takes neither an actor nor a code, for now.
NOT_YET: dict[str, str] = {
    "accounts/first_run.has_accounts": "the first-run check, before any account exists",
    "accounts/signin_accounts.sign_in": _SIGN_IN,
    "accounts/signin_accounts.signed_in_by_cookie": _SIGN_IN,
    "accounts/signin_accounts.has_active_login": _SIGN_IN,
    "accounts/signin_accounts.get_account_by_username": _SIGN_IN,
    "accounts/signin_accounts.actor_for_username": "it makes the actor (runtime.current_actor)",
    "accounts/signin_throttle.current_lock": _SIGN_IN,
    "act/action_followup.updates": "Actions screen (not thinned here)",
    "converge/tallies.results": _OTHER_SCREENS + " (review, solve) and " + _PROJECTOR,
    "converge/voting_items.round_items": "no screen calls it; tests and bench/ find a "
    "ballot's items with it (the phone's ballot reads through voting_ballots, by code)",
    "converge/voting_reveal.round_on_screen": _PROJECTOR,
    "core/audit.history": _OTHER_SCREENS + " (conflicts, actions)",
    "partner/charter_commitments.commitments": "Charter screen (not thinned here)",
    "partner/charter_screen.charter_for_room": _PROJECTOR,
    "partner/charter_signoff.signatures": "Charter screen (not thinned here)",
    "partner/charters.get_charter": "Charter screen (not thinned here)",
    "prepare/imported_credit.round_credit": _PROJECTOR,
    "resolve/conflict_parties.list_parties": "Conflicts screen (not thinned here)",
    "room/ideas.wall_version": _PROJECTOR + "; it reads no text, only a fingerprint",
    "room/spotlight.spotlight": _PROJECTOR,
    "room/voice.voice_balance": _PROJECTOR + " and the console",
    "setup/initiatives.list_initiatives": "operator commands (ops/), the seed and bench/ "
    "list every initiative as the system, outside any page",
    "setup/stakeholders.list_stakeholders": _OTHER_SCREENS
    + " (listen, ideas, conflicts, console, charter, actions, review) and Set up's tabs",
    "setup/tables.list_tables": _OTHER_SCREENS + " (console, ideas, review) and Set up's tabs",
    "setup/tables.tables_for_scribe": _RUNTIME,
    "setup/tables.get_table_by_number": _RUNTIME,
    "solve/best_practices.list_best_practices": "the library of published practices: no "
    "initiative's data, the same for everyone",
    "solve/option_citations.citations": "Solve screen (not thinned here)",
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
    args = function.args
    names = [a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)]
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


def test_every_public_read_takes_an_actor_or_a_code_or_says_why_not_yet():
    assert sorted(set(reads_without_a_reader()) - set(NOT_YET)) == []


def test_the_list_of_reads_not_done_yet_holds_only_reads_still_to_do():
    # A read given its actor (or renamed, or removed) comes off the list.
    assert sorted(set(NOT_YET) - set(reads_without_a_reader())) == []


def test_every_entry_says_why():
    assert all(len(why) > 20 for why in NOT_YET.values())


def test_the_check_finds_a_read_by_id_and_passes_one_by_actor_or_code(tmp_path):
    (tmp_path / "sample.py").write_text(
        "def by_id(db, meeting_id):\n    with db.read() as s:\n        return s\n"
        "def by_actor(db, actor, meeting_id):\n    with db.read() as s:\n        return s\n"
        "def by_code(db, code):\n    with db.read() as s:\n        return s\n"
        "def _private(db, meeting_id):\n    with db.read() as s:\n        return s\n"
        "def writes(db, meeting_id):\n    with db.write() as s:\n        return s\n"
    )
    assert reads_without_a_reader(tmp_path) == ["sample.by_id"]
