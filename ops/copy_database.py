"""Copy a whole installation from one database to another: SQLite to Postgres, typically.

Every row of every table, with its id, so links and codes printed on badges and table
cards keep working; passwords stay as they were. The target must be empty and upgraded to
the same migration as the source; the source is only read.
"""

from __future__ import annotations

from sqlalchemy import Column, Table, func, insert, select, text, update
from sqlalchemy.orm import Session

from db.database import Database
from db.migrate import upgrade_to_head
from db.models import Base

BATCH = 1_000


class CopyRefused(Exception):
    """The copy would lose or mix data; the message says what to do."""


def copy_database(source_url: str, target_url: str) -> dict[str, int]:
    """Copy every row from `source_url` into the empty `target_url`; rows copied per table."""
    source = Database.from_url(source_url)
    upgrade_to_head(target_url)
    target = Database.from_url(target_url)
    try:
        with source.read() as src, target.write() as dst:
            _same_revision(src, dst)
            _empty(dst)
            return _copy(src, dst)
    finally:
        source.dispose()
        target.dispose()


def _same_revision(src: Session, dst: Session) -> None:
    query = text("SELECT version_num FROM alembic_version")
    try:
        mine = src.scalars(query).all()
    except Exception as error:  # no alembic_version: not a Common Ground database
        raise CopyRefused(f"The source is not a Common Ground database ({error}).") from None
    theirs = dst.scalars(query).all()
    if sorted(mine) != sorted(theirs):
        raise CopyRefused(
            f"The source is at migration {mine} and the target at {theirs}. Upgrade the "
            "source first: DATABASE_URL=<source> python -m db.migrate"
        )


def _empty(dst: Session) -> None:
    for table in Base.metadata.sorted_tables:
        if dst.scalar(select(func.count()).select_from(table)):
            raise CopyRefused(
                f"The target already holds data (table {table.name}); copy only into a new, "
                "empty database."
            )


def _copy(src: Session, dst: Session) -> dict[str, int]:
    order = {t.name: i for i, t in enumerate(Base.metadata.sorted_tables)}
    copied: dict[str, int] = {}
    later: list[tuple[Table, dict, dict]] = []
    for table in Base.metadata.sorted_tables:
        rows = [dict(r) for r in src.execute(select(table)).mappings()]
        # A reference to a row not copied yet (meeting -> its current step, an idea merged
        # into a later one) is filled in once every row is there.
        deferred = [c for c in table.c if _refers_later(c, order)]
        for row in rows:
            held = {c.name: row[c.name] for c in deferred if row[c.name] is not None}
            if held:
                later.append((table, _key(table, row), held))
                row.update(dict.fromkeys(held))
        for start in range(0, len(rows), BATCH):
            dst.execute(insert(table), rows[start : start + BATCH])
        copied[table.name] = len(rows)
    for table, key, values in later:
        dst.execute(update(table).where(*(table.c[k] == v for k, v in key.items())).values(values))
    if dst.get_bind().dialect.name == "postgresql":
        _restart_sequences(dst)
    return copied


def _refers_later(column: Column, order: dict[str, int]) -> bool:
    return any(
        order[fk.column.table.name] >= order[column.table.name] for fk in column.foreign_keys
    )


def _key(table: Table, row: dict) -> dict:
    return {c.name: row[c.name] for c in table.primary_key.columns}


def _restart_sequences(dst: Session) -> None:
    """New rows get ids after the copied ones."""
    for table in Base.metadata.sorted_tables:
        for column in table.primary_key.columns:
            if column.autoincrement is not False and column.type.python_type is int:
                dst.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                        f'COALESCE((SELECT MAX("{column.name}") FROM "{table.name}"), 0) + 1, '
                        "false)"
                    )
                )
