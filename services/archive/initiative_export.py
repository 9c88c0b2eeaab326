"""A full export of one initiative as JSON, and its import into another database."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Column, Table, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Base, utcnow
from db.models.enums import Role
from i18n import _
from services.archive.initiative_export_rows import GLOBAL_KEYS, ROOT, collect, encode, pk_of
from services.archive.initiative_import_checks import checked_rows
from services.core.actors import Actor, require_role
from services.core.errors import NotFound, ValidationError

FORMAT = "common-ground/1"
# A well-formed bcrypt hash no password matches: sign-in says "wrong password" rather than
# crashing, and anyone reading the account table sees why.
RESET_REQUIRED_HASH = "$2b$04$ImportedPasswordMustBeResetByAFacilitatorBeforeSignIn"

Export = dict[str, Any]


def export_initiative(
    db: Database, actor: Actor, initiative_id: int, include_private: bool = False
) -> Export:
    """Every row of the initiative; confidential items and contact details only on request."""
    require_role(actor, Role.FACILITATOR)
    with db.read() as s:
        rows = collect(s, initiative_id, include_private)
    if not rows[ROOT]:
        raise NotFound(_("That initiative no longer exists; pick another one to export."))
    tables = {}
    for name, table_rows in rows.items():
        table = Base.metadata.tables[name]
        ordered = sorted(table_rows, key=lambda r, t=table: pk_of(t, r))
        tables[name] = [{k: encode(v) for k, v in r.items()} for r in ordered]
    return {
        "format": FORMAT,
        "exported_at": utcnow().isoformat(),
        "initiative_id": initiative_id,
        "tables": tables,
    }


def to_json(export: Export) -> str:
    """The export as readable, stable JSON text."""
    return json.dumps(export, indent=2, ensure_ascii=False, sort_keys=True)


def from_json(text_: str) -> Export:
    """The export in `text_`, refused unless it is a Common Ground export."""
    try:
        export = json.loads(text_)
    except (ValueError, TypeError) as err:
        raise ValidationError(
            _("This file is not a Common Ground export (not JSON: {err}).").format(err=err)
        ) from None
    found = export.get("format") if isinstance(export, dict) else None
    if found != FORMAT or not isinstance(export.get("tables"), dict):
        raise ValidationError(
            _(
                "This file is not a Common Ground export: it does not say it is one. Use the "
                "file that Review's 'whole initiative (JSON)' download gave you."
            )
        )
    return export


def import_initiative(db: Database, actor: Actor, export: Export) -> int:
    """Load an export in one transaction; returns the new initiative's id."""
    require_role(actor, Role.FACILITATOR)
    data = from_json(json.dumps(export))["tables"]
    unknown = sorted(set(data) - set(Base.metadata.tables))
    if unknown:
        raise ValidationError(
            _(
                "This export has tables this version does not know ({names}); "
                "upgrade Common Ground before importing it."
            ).format(names=", ".join(unknown))
        )
    if len(data.get(ROOT, [])) != 1 or not isinstance(data[ROOT][0], dict):
        raise ValidationError(_("This export does not hold exactly one initiative."))
    name = data[ROOT][0].get("name")
    root = Base.metadata.tables[ROOT]
    with db.write() as s:
        if s.scalar(select(root.c.id).where(root.c.name == name)) is not None:
            raise ValidationError(
                _(
                    "An initiative named “{name}” already exists here; rename or delete it first."
                ).format(name=name)
            )
        try:
            id_maps = _insert_all(s, data)
        except IntegrityError as err:
            # The driver's words name tables and keys; the reader needs what to do instead.
            raise ValidationError(
                _(
                    "The export clashes with records already in this database. Load it into an "
                    "empty installation: deploy/README.md, 'Moving an initiative that began on "
                    "SQLite', shows how."
                )
            ) from err
        return id_maps[ROOT][data[ROOT][0]["id"]]


def _insert_all(s: Session, data: dict[str, list[dict]]) -> dict[str, dict]:
    tables = [t for t in Base.metadata.sorted_tables if data.get(t.name)]
    order = {t.name: i for i, t in enumerate(Base.metadata.sorted_tables)}
    rows = {t.name: checked_rows(t, data[t.name]) for t in tables}
    id_maps: dict[str, dict[int, int]] = {}
    reused: dict[str, set[int]] = {}
    for t in tables:
        if (pk := _int_pk(t)) is not None:
            id_maps[t.name], reused[t.name] = _plan_ids(s, t, pk, rows[t.name])
    later: list[tuple[Table, str, int, dict]] = []
    for table in tables:
        pk = _int_pk(table)
        batch = []
        for row in rows[table.name]:
            if pk is not None and row[pk] in reused[table.name]:
                continue
            new = _remapped(table, row, id_maps)
            # A reference to a table not yet inserted (meeting.current_item_id) or to the
            # same table (a merged idea) is set once every row is in.
            deferred = {
                c.name: new.pop(c.name)
                for c in table.c
                if c.name in new and new[c.name] is not None and _refers_later(c, order)
            }
            if deferred:
                # Only a row with an id of its own is referred to, and so refers later.
                assert pk is not None, f"{table.name} has no id to update the row by"
                later.append((table, pk, new[pk], deferred))
            if table.name == "account":
                new["password_hash"] = RESET_REQUIRED_HASH
            batch.append(new)
        if batch:
            s.execute(insert(table), batch)
    for table, pk, key, values in later:
        s.execute(update(table).where(table.c[pk] == key).values(**values))
    if s.get_bind().dialect.name == "postgresql":
        for table in tables:
            if (pk := _int_pk(table)) is not None:
                s.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', '{pk}'), "
                        f'(SELECT MAX("{pk}") FROM "{table.name}"))'
                    )
                )
    return id_maps


def _int_pk(table: Table) -> str | None:
    columns = list(table.primary_key.columns)
    if len(columns) == 1 and not columns[0].foreign_keys and columns[0].type.python_type is int:
        return columns[0].name
    return None


def _plan_ids(
    s: Session, table: Table, pk_name: str, rows: list[dict]
) -> tuple[dict[int, int], set[int]]:
    """Old id -> new id, and the old ids of global rows already here (reused, not inserted)."""
    pk = table.c[pk_name]
    mapping: dict[int, int] = {}
    key = GLOBAL_KEYS.get(table.name)
    if key:
        by_key = {r[key]: r[pk.name] for r in rows}
        for value, id_ in s.execute(select(table.c[key], pk).where(table.c[key].in_(by_key))):
            mapping[by_key[value]] = id_
    reused = set(mapping)
    fresh = [r[pk.name] for r in rows if r[pk.name] not in mapping]
    taken = s.scalars(select(pk).where(pk.in_(fresh))).first() if fresh else None
    # Shift past every id in use rather than guess at gaps; order within the table survives.
    offset = 0 if taken is None else s.scalar(select(func.max(pk)))
    mapping.update({old: old + offset for old in fresh})
    return mapping, reused


def _remap(column: Column, value: Any, id_maps: dict[str, dict[int, int]]) -> Any:
    """A foreign key value translated to the id its row has in this database."""
    if value is None or not column.foreign_keys:
        return value
    target = next(iter(column.foreign_keys)).column.table.name
    if target not in id_maps:
        return value
    if value not in id_maps[target]:
        raise ValidationError(
            _(
                "The export is incomplete: {name}.{name2} refers to {target} {value}, which it "
                "does not hold."
            ).format(name=column.table.name, name2=column.name, target=target, value=value)
        )
    return id_maps[target][value]


def _remapped(table: Table, row: dict, id_maps: dict[str, dict[int, int]]) -> dict:
    """The row with every reference translated to the ids its rows have here.

    A translation, or an item's written language, names its item by kind (its table's
    name) and id, with no foreign key: its id moves with the item's, or it would speak of
    another item after import.
    """
    new = {k: _remap(table.c[k], v, id_maps) for k, v in row.items()}
    if table.name in ("content_translation", "content_language"):
        new["entity_id"] = id_maps.get(new["kind"], {}).get(new["entity_id"], new["entity_id"])
    return new


def _refers_later(column: Column, order: dict[str, int]) -> bool:
    return any(
        order[fk.column.table.name] >= order[column.table.name] for fk in column.foreign_keys
    )
