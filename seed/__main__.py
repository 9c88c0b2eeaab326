"""`python -m seed`: the demo initiative and the best-practice library, once.

`python -m seed --library-only` loads only the library, which every install needs; it
prints nothing, so `make run` stays quiet.
"""

from __future__ import annotations

import argparse

from db.database import Database
from seed.best_practices import LIBRARY
from seed.demo_start import start_demo
from services.accounts import first_run
from services.core.actors import SYSTEM
from services.solve import best_practices
from settings import load_settings


def main(argv: list[str] | None = None) -> None:
    """Seed the configured database and say what was done."""
    parser = argparse.ArgumentParser(
        prog="python -m seed", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument(
        "--library-only", action="store_true", help="load the best-practice library, no demo"
    )
    args = parser.parse_args(argv)
    settings = load_settings()
    db = Database.from_url(settings.database_url)
    try:
        if args.library_only:
            best_practices.upsert_library(db, SYSTEM, LIBRARY)
            return
        started = start_demo(db, settings.data_dir)
        added = best_practices.upsert_library(db, SYSTEM, LIBRARY)
        first_run.first_account_needed(db, settings.data_dir)  # accounts now: no setup code
    finally:
        db.dispose()
    summary = started.summary
    library = f" and {added} best-practice programme(s)" if added else ""
    if not summary.created:
        print(f"Demo initiative already there; {added} new best-practice programme(s) added.")
        return
    print(f"Seeded the demo initiative{library}.")
    if started.generated:
        kept = f"shown once, also kept in {started.kept_in}"
        print(f"Demo logins, each with its own password ({kept}):")
        width = max(map(len, started.passwords))
        for username, password in started.passwords.items():
            print(f"  {username:<{width}}  {password}")
    elif started.chosen:
        print(f"Demo usernames: {', '.join(summary.usernames)}")
        print("Demo password: the DEMO_PASSWORD you set, for every demo login.")


if __name__ == "__main__":
    main()
