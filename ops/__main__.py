"""`python -m ops <command>`: what an operator does to an install outside the app.

Each command uses the configured database (DATABASE_URL, as the app servers do) unless
told otherwise. Passwords are read from the terminal, or from standard input when it is
not one, never from the command line, where `ps` and shell history would keep them.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from settings import load_settings


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        message = args.run(args)
    except Exception as error:  # a refusal from a service or the copy, said plainly
        print(f"{type(error).__name__}: {getattr(error, 'message', error)}", file=sys.stderr)
        return 1
    print(message)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m ops", description=(__doc__ or "").split("\n")[0]
    )
    commands = parser.add_subparsers(required=True, metavar="command")

    copy = commands.add_parser(
        "copy-database", help="copy the whole installation into a new, empty database"
    )
    copy.add_argument("--to", required=True, metavar="URL", help="the empty target database")
    copy.add_argument("--from", dest="source", metavar="URL", help="default: DATABASE_URL")
    copy.set_defaults(run=_copy_database)

    export = commands.add_parser("export-initiative", help="one initiative as a JSON file")
    export.add_argument("initiative_id", type=int)
    export.add_argument("file", type=Path)
    export.add_argument(
        "--private",
        action="store_true",
        help="include contact details, badge codes, survey answers, votes and confidential items",
    )
    export.set_defaults(run=_export)

    load = commands.add_parser(
        "import-initiative", help="load a JSON export (its accounts need new passwords)"
    )
    load.add_argument("file", type=Path)
    load.set_defaults(run=_import)

    add = commands.add_parser("add-facilitator", help="open a facilitator login")
    add.add_argument("username")
    add.add_argument("display_name")
    add.set_defaults(run=_add_facilitator)

    password = commands.add_parser("set-password", help="give a login a new password")
    password.add_argument("username")
    password.set_defaults(run=_set_password)

    listed = commands.add_parser("list-initiatives", help="ids and names, for export")
    listed.set_defaults(run=_list)
    return parser


def _database():
    from db.database import Database  # noqa: PLC0415 - --help needs no database driver

    return Database.from_url(load_settings().database_url)


def _copy_database(args: argparse.Namespace) -> str:
    from ops.copy_database import copy_database  # noqa: PLC0415

    copied = copy_database(args.source or load_settings().database_url, args.to)
    return f"Copied {sum(copied.values())} rows in {len(copied)} tables."


def _export(args: argparse.Namespace) -> str:
    from services.archive import initiative_export  # noqa: PLC0415
    from services.core.actors import SYSTEM  # noqa: PLC0415

    db = _database()
    try:
        export = initiative_export.export_initiative(db, SYSTEM, args.initiative_id, args.private)
    finally:
        db.dispose()
    # Names of people and what they said: readable by the operator only, like a backup.
    descriptor = os.open(args.file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(initiative_export.to_json(export))
    return f"Initiative {args.initiative_id} written to {args.file}."


def _import(args: argparse.Namespace) -> str:
    from services.archive import initiative_export  # noqa: PLC0415
    from services.core.actors import SYSTEM  # noqa: PLC0415

    export = initiative_export.from_json(args.file.read_text(encoding="utf-8"))
    db = _database()
    try:
        new_id = initiative_export.import_initiative(db, SYSTEM, export)
    finally:
        db.dispose()
    return (
        f"Imported as initiative {new_id}. Its logins have no password yet: give each one "
        "with `python -m ops set-password USERNAME` (or a facilitator does on Set up)."
    )


def _add_facilitator(args: argparse.Namespace) -> str:
    from services.accounts import accounts, first_run  # noqa: PLC0415
    from services.core.actors import SYSTEM  # noqa: PLC0415
    from services.core.vocab import Role  # noqa: PLC0415

    password = _new_password()
    db = _database()
    try:
        account = accounts.create_account(
            db,
            SYSTEM,
            accounts.NewAccount(
                username=args.username,
                display_name=args.display_name,
                role=Role.FACILITATOR,
                password=password,
            ),
        )
        # The install has an account now: a setup code printed at start is void.
        first_run.first_account_needed(db, load_settings().data_dir)
    finally:
        db.dispose()
    return f"Facilitator {account.username} can sign in."


def _set_password(args: argparse.Namespace) -> str:
    from services.accounts import accounts, signin_accounts  # noqa: PLC0415
    from services.core.actors import SYSTEM  # noqa: PLC0415

    db = _database()
    try:
        account = signin_accounts.get_account_by_username(db, args.username)
        if account is None:
            raise LookupError(f"There is no login named {args.username!r}.")
        accounts.set_password(db, SYSTEM, account.id, _new_password())
    finally:
        db.dispose()
    return f"{account.username} has a new password."


def _list(_args: argparse.Namespace) -> str:
    from services.setup import initiatives  # noqa: PLC0415

    db = _database()
    try:
        found = initiatives.list_initiatives(db)
    finally:
        db.dispose()
    return "\n".join(f"{i.id}\t{i.name}" for i in found) or "No initiatives yet."


def _new_password() -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("New password: ")
    if getpass.getpass("Again: ") != first:
        raise ValueError("The two passwords differ; nothing was changed.")
    return first


if __name__ == "__main__":
    sys.exit(main())
