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

from i18n import _
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
        where = _("{table}, row {number}").format(table=table.name, number=number)
        if not isinstance(row, dict):
            raise ValidationError(
                _("{where} is not a record. Export the initiative again.").format(where=where)
            )
        unknown = sorted(set(row) - set(table.c.keys()))
        if unknown:
            raise ValidationError(
                _(
                    "{where} has fields this version does not know ({names}); "
                    "upgrade Common Ground before importing it."
                ).format(where=where, names=", ".join(unknown))
            )
        missing = sorted(required - set(row))
        if missing:
            raise ValidationError(
                _("{where} lacks {names}. Export the initiative again.").format(
                    where=where, names=", ".join(missing)
                )
            )
        out.append({k: _value(table, table.c[k], v, where) for k, v in row.items()})
    return out


def _value(table: Table, column: Column, value: Any, where: str) -> Any:
    try:
        decoded = decode(column, value)
    except (ValueError, TypeError, LookupError):
        raise ValidationError(
            _("{where}: {column} is “{value}”, which is not {kind}.").format(
                where=where, column=column.name, value=str(value)[:40], kind=_kind(column)
            )
        ) from None
    if decoded is None or not isinstance(decoded, str) or isinstance(column.type, Enum):
        return decoded
    if (table.name, column.name) in CODE_COLUMNS:
        if not _CODE.fullmatch(decoded):
            raise ValidationError(
                _(
                    "{where}: the code “{code}” is not one the app makes "
                    "(6 to 32 letters and digits). Export the initiative again."
                ).format(where=where, code=decoded[:40])
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
        return _("one of {values}").format(values=", ".join(kind.enums))
    return _("a valid {type}").format(type=type(kind).__name__.lower())
