"""The generic half of the initiative export: which rows belong, and how values travel."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, Date, DateTime, Enum, Table, or_, select
from sqlalchemy.orm import Session

from db.models import Base
from services.core.codes import new_code

ROOT = "initiative"
# Shared by every initiative and matched on import by a natural key, so a restore reuses
# the login or library entry already there instead of duplicating it.
GLOBAL_KEYS = {"account": "username", "best_practice": "name"}
# Personal data a facilitator must ask for explicitly.
PRIVATE_COLUMNS = {"participant": ("email", "phone", "notes")}
# Answers tied to a participant, so to a name: never in a file that may leave the
# facilitation team, only in the private export made to move an installation whole. A
# ballot and its votes say how a named person voted, as a survey response says what they
# answered (the votes' counts travel in the meeting's tables, CSV and Excel).
PRIVATE_TABLES = ("survey_response", "ballot", "vote")
# A badge's code lets anyone holding it answer and vote as that person ("Keep this
# private"): outside the private export each is replaced by a fresh one, so the file still
# loads and no printed badge works with it.
CREDENTIAL_COLUMNS = {"participant": "code"}
# Never leaves the database, whatever is asked.
SECRET_COLUMNS = {"account": ("password_hash",)}

Row = dict[str, Any]


def owned_tables() -> set[str]:
    """Tables reachable from `initiative` by following foreign keys backwards."""
    owned, frontier = {ROOT}, [ROOT]
    while frontier:
        parent = frontier.pop()
        for table in Base.metadata.sorted_tables:
            if table.name in owned or table.name in GLOBAL_KEYS:
                continue
            if any(fk.column.table.name == parent for fk in table.foreign_keys):
                owned.add(table.name)
                frontier.append(table.name)
    return owned


def pk_of(table: Table, row: Mapping[Any, Any]) -> tuple:
    """The primary key of `row` as a tuple, for sorting and identity."""
    return tuple(row[c.name] for c in table.primary_key.columns)


def collect(s: Session, initiative_id: int, include_private: bool) -> dict[str, list[Row]]:
    """Every row of the initiative and the global rows it refers to, as Python values."""
    owned = owned_tables()
    tables = [t for t in Base.metadata.sorted_tables if t.name in owned]
    kept: dict[str, dict[tuple, Row]] = {t.name: {} for t in tables}
    root = Base.metadata.tables[ROOT]
    for row in s.execute(select(root).where(root.c.id == initiative_id)).mappings():
        kept[ROOT][pk_of(root, row)] = dict(row)
    withheld: dict[str, set] = {t.name: set() for t in tables}
    # Repeat until nothing new turns up: cycles (meeting <-> agenda_item) need a second look.
    changed = True
    while changed:
        changed = False
        for table in tables:
            found = _rows_referring_to(s, table, kept)
            for row in found:
                key = pk_of(table, row)
                if key in kept[table.name] or key in withheld[table.name]:
                    continue
                private_row = row.get("confidential") is True or table.name in PRIVATE_TABLES
                if not include_private and private_row:
                    withheld[table.name].add(key)
                    continue
                kept[table.name][key] = dict(row)
                changed = True
    result = {name: list(rows.values()) for name, rows in kept.items()}
    _drop_dangling(result, withheld, include_private)
    for name in GLOBAL_KEYS:
        result[name] = _global_rows(s, Base.metadata.tables[name], result)
    _redact(result, include_private)
    return result


def _redact(result: dict[str, list[Row]], include_private: bool) -> None:
    for name, columns in SECRET_COLUMNS.items():
        for row in result.get(name, []):
            for column in columns:
                row.pop(column, None)
    if not include_private:
        for name, columns in PRIVATE_COLUMNS.items():
            for row in result.get(name, []):
                row.update(dict.fromkeys(columns, ""))
        for name, column in CREDENTIAL_COLUMNS.items():
            for row in result.get(name, []):
                row[column] = new_code()


def _rows_referring_to(s: Session, table: Table, kept: dict[str, dict[tuple, Row]]) -> list[Row]:
    conditions = []
    for fk in table.foreign_keys:
        parent = fk.column.table.name
        values = {r[fk.column.name] for r in kept.get(parent, {}).values()}
        if parent != table.name and values:
            conditions.append(fk.parent.in_(values))
    if not conditions:
        return []
    return [dict(r) for r in s.execute(select(table).where(or_(*conditions))).mappings()]


def _drop_dangling(result: dict[str, list[Row]], withheld: dict[str, set], private: bool) -> None:
    """Leave out rows that depend on a left-out row; SET NULL references are cleared."""
    changed = True
    while changed:
        changed = False
        present = {
            (name, c): {r[c] for r in rows} for name, rows in result.items() for c in _refd(name)
        }
        for table in Base.metadata.sorted_tables:
            if table.name not in result:
                continue
            before = len(result[table.name])
            result[table.name] = [
                row
                for row in result[table.name]
                if _still_whole(table, row, present) and not _about_withheld(row, withheld, private)
            ]
            changed = changed or len(result[table.name]) != before


def _refd(name: str) -> set[str]:
    return {
        fk.column.name
        for t in Base.metadata.sorted_tables
        for fk in t.foreign_keys
        if fk.column.table.name == name
    }


def _still_whole(table: Table, row: Row, present: dict) -> bool:
    for fk in table.foreign_keys:
        target = (fk.column.table.name, fk.column.name)
        value = row.get(fk.parent.name)
        if value is None or target not in present or value in present[target]:
            continue
        if fk.ondelete != "SET NULL":
            return False
        # What the database itself would do had the referenced row been deleted.
        row[fk.parent.name] = None
    return True


def _about_withheld(row: Row, withheld: dict[str, set], include_private: bool) -> bool:
    """An audit entry about a confidential record, or a translation of it, would repeat
    what it says."""
    entity = row.get("entity", row.get("kind"))
    if include_private or not isinstance(entity, str) or entity not in withheld:
        return False
    return (row.get("entity_id"),) in withheld[entity]


def _global_rows(s: Session, table: Table, result: dict[str, list[Row]]) -> list[Row]:
    """Global rows the export refers to, or that refer to what it holds (a group's leader)."""
    wanted: set = set()
    for other in Base.metadata.sorted_tables:
        for fk in other.foreign_keys:
            if fk.column.table is table and other.name in result:
                wanted |= {r[fk.parent.name] for r in result[other.name]} - {None}
    referring = [
        fk.parent.in_({r[fk.column.name] for r in result[fk.column.table.name]})
        for fk in table.foreign_keys
        if result.get(fk.column.table.name)
    ]
    pk = next(iter(table.primary_key.columns))
    query = select(table).where(or_(pk.in_(wanted), *referring))
    rows = [dict(r) for r in s.execute(query).mappings()]
    present = {(name, c): {r[c] for r in result[name]} for name in result for c in _refd(name)}
    return [row for row in rows if _still_whole(table, row, present)]


def encode(value: Any) -> Any:
    """A JSON-safe form: ISO 8601 for times and dates, enums by value."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def decode(column: Column, value: Any) -> Any:
    """The Python value `column` takes for an exported JSON value."""
    if value is None:
        return None
    kind = getattr(column.type, "impl", column.type)
    if isinstance(kind, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return date.fromisoformat(value)
    if isinstance(kind, Enum) and kind.enum_class is not None:
        return kind.enum_class(value)
    return value
