"""An initiative export checked as the screens check what people type, row by row.

The import writes rows straight into tables, so without this a one-letter personal code, a
NUL, or 100,000 characters in a note went in unchecked, and a row missing a field failed
with a bare KeyError. Each refusal names the table, the row (counted from 1 in the file)
and the field.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Column, Enum, String, Table, Text

from services.archive.initiative_export_rows import decode
from services.core.errors import ValidationError
from services.core.validation import LONG_MAX, clean_text, optional_text

CODE_COLUMNS = {("participant", "code"), ("meeting", "code")}
_CODE = re.compile(r"^[A-Za-z0-9_-]{6,32}$")
"""Codes as the app makes them (8 symbols now, 16 before) and as older installs set them
(six or more); never one letter."""
_NOT_PEOPLE_S_TEXT = {"password_hash", "submission_key"}
_FILLED_ON_IMPORT = {("account", "password_hash")}
"""Never exported: the import sets a hash no password matches, so it must be reset."""


def checked_rows(table: Table, rows: list[Any]) -> list[dict[str, Any]]:
    """`rows` of `table` as Python values, each text cleaned as the screens clean it."""
    required = {
        c.name
        for c in table.c
        if not c.nullable
        and c.default is None
        and c.server_default is None
        and not _auto(c)
        and (table.name, c.name) not in _FILLED_ON_IMPORT
    }
    out = []
    for number, row in enumerate(rows, start=1):
        where = f"{table.name}, row {number}"
        if not isinstance(row, dict):
            raise ValidationError(f"{where} is not a record. Export the initiative again.")
        unknown = sorted(set(row) - set(table.c.keys()))
        if unknown:
            raise ValidationError(
                f"{where} has fields this version does not know ({', '.join(unknown)}); "
                "upgrade Common Ground before importing it."
            )
        missing = sorted(required - set(row))
        if missing:
            raise ValidationError(
                f"{where} lacks {', '.join(missing)}. Export the initiative again."
            )
        out.append({k: _value(table, table.c[k], v, where) for k, v in row.items()})
    return out


def _value(table: Table, column: Column, value: Any, where: str) -> Any:
    try:
        decoded = decode(column, value)
    except (ValueError, TypeError, LookupError):
        raise ValidationError(
            f"{where}: {column.name} is “{str(value)[:40]}”, which is not {_kind(column)}."
        ) from None
    if decoded is None or not isinstance(decoded, str) or isinstance(column.type, Enum):
        return decoded
    if (table.name, column.name) in CODE_COLUMNS:
        if not _CODE.fullmatch(decoded):
            raise ValidationError(
                f"{where}: the code “{decoded[:40]}” is not one the app makes "
                "(6 to 32 letters and digits). Export the initiative again."
            )
        return decoded
    if column.name in _NOT_PEOPLE_S_TEXT or not isinstance(column.type, String | Text):
        return decoded
    limit = getattr(column.type, "length", None) or LONG_MAX
    label = f"{where}: {column.name}"
    blank_refused = any(f"{column.name}_not_blank" in str(c.name) for c in table.constraints)
    return (clean_text if blank_refused else optional_text)(decoded, label, limit)


def _auto(column: Column) -> bool:
    return column.primary_key and column.autoincrement in (True, "auto")


def _kind(column: Column) -> str:
    kind = getattr(column.type, "impl", column.type)
    if isinstance(kind, Enum):
        return "one of " + ", ".join(kind.enums)
    return f"a valid {type(kind).__name__.lower()}"
