"""`python -m seed`: the demo initiative and the best-practice library, once."""

from __future__ import annotations

from db.database import Database
from seed.best_practices import LIBRARY
from seed.credentials import demo_password, write_credentials
from seed.demo import build_demo
from services import best_practices
from services.actors import SYSTEM
from settings import load_settings


def main() -> None:
    """Seed the configured database and say what was done."""
    settings = load_settings()
    db = Database.from_url(settings.database_url)
    password, generated = demo_password(settings.data_dir)
    summary = build_demo(db, password)
    added = best_practices.upsert_library(db, SYSTEM, LIBRARY)
    db.dispose()
    if not summary.created:
        print(f"Demo initiative already there; {added} new best-practice programme(s) added.")
        return
    print(f"Seeded the demo initiative and {added} best-practice programmes.")
    print(f"Demo usernames: {', '.join(summary.usernames)}")
    if generated:
        path = write_credentials(settings.data_dir, password, summary.usernames)
        print(f"Generated demo password (shown once, also kept in {path}): {password}")
    else:
        print("Demo password: the DEMO_PASSWORD you set, or the one in data/demo-credentials.txt.")


if __name__ == "__main__":
    main()
