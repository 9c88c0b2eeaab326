"""The benchmark's own database: a new SQLite file, or a Postgres database emptied first."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from db.migrate import upgrade_to_head


def fresh_database(url: str | None, folder: Path) -> str:
    """A database at head with nothing in it; `url` None means SQLite under `folder`."""
    if url is None:
        path = folder / "bench.db"
        path.unlink(missing_ok=True)
        url = f"sqlite:///{path}"
    else:
        _empty_postgres(url)
    upgrade_to_head(url)
    return url


def _empty_postgres(url: str) -> None:
    name = make_url(url).database or ""
    # Emptying is destructive, so only a database named for the benchmark is emptied.
    if "bench" not in name:
        raise SystemExit(
            f"BENCH_DATABASE_URL names the database {name!r}; the benchmark empties it first, "
            "so it only runs on a database whose name contains 'bench' (e.g. cg_bench)."
        )
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    except OperationalError as error:
        raise SystemExit(
            f"Cannot reach the benchmark's database {name!r} ({error.orig}). If it does not "
            f"exist yet, create it: createdb -h 127.0.0.1 -U postgres {name}"
        ) from None
    finally:
        engine.dispose()
