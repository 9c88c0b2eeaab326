"""Importing a checked roster file in one transaction: all or nothing, or the good rows."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from db.database import Database
from db.models import Initiative, Participant
from db.models.enums import Role
from services import audit, codes
from services.actors import Actor, require_role
from services.errors import ValidationError
from services.roster_check import BadRow, check_rows
from services.roster_file import RosterFile
from services.validation import require


@dataclass(frozen=True)
class ImportResult:
    """The participants an import added and the rows it left out."""

    imported: int
    participant_ids: list[int]
    skipped: list[BadRow]


def import_roster(
    db: Database, actor: Actor, initiative_id: int, roster: RosterFile, only_good_rows: bool = False
) -> ImportResult:
    """Add the file's people to the roster: all or nothing, or only the good rows."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        # Lock the initiative so two imports of one file queue: the second then sees the
        # first's people and reports them as already in the roster.
        s.scalar(select(Initiative.id).where(Initiative.id == initiative_id).with_for_update())
        require(s, Initiative, initiative_id, "initiative")
        check = check_rows(s, initiative_id, roster)
        if check.bad and not only_good_rows:
            rows = "1 row has" if check.bad_count == 1 else f"{check.bad_count} rows have"
            raise ValidationError(f"{rows} problems; fix them or import only the good rows.")
        people = [
            Participant(
                initiative_id=initiative_id,
                stakeholder_id=row.stakeholder_id,
                name=row.name,
                email=row.email,
                phone=row.phone,
                notes=row.notes,
                code=codes.new_code(),
            )
            for row in check.good
        ]
        s.add_all(people)
        s.flush()
        skipped = [row.row_number for row in check.bad]
        detail = {"file": roster.filename, "imported": len(people), "skipped_rows": skipped}
        audit.record(
            s, actor, "initiative", initiative_id, "roster_imported", detail, initiative_id
        )
        return ImportResult(len(people), [p.id for p in people], check.bad)
