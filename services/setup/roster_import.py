"""Importing a checked roster file in one transaction: all or nothing, or the good rows.

People already on the roster are skipped and named, never added twice: importing the
same file again, or a longer version of it, adds only the people who are new.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select

from db.database import Database
from db.models import Initiative, Participant, Stakeholder
from db.models.enums import Role
from i18n import N_, _, ngettext
from services.core import audit, codes
from services.core.actors import Actor, require_role
from services.core.errors import ValidationError
from services.core.validation import require
from services.setup.roster_check import BadRow, KnownRow, check_rows
from services.setup.roster_file import RosterFile

# A summary names this many rows, then says how many more: it is read, not searched.
ROWS_NAMED = 10


@dataclass(frozen=True)
class ImportResult:
    """The participants an import added, by group, and the rows it left out."""

    imported: int
    participant_ids: list[int]
    skipped: list[BadRow]
    known: list[KnownRow]
    by_group: list[tuple[str, int]]

    def summary(self) -> str:
        """What the import did, in a sentence or three: who was added to which group,
        who was on the roster already, which rows were skipped."""
        groups = ", ".join(f"{count} {name}" for name, count in self.by_group)
        added = ngettext(
            "Added {n} person: {groups}.", "Added {n} people: {groups}.", self.imported
        )
        parts = [added.format(n=self.imported, groups=groups)]
        if self.known:
            parts.append(
                _("{n} already on the roster, not added again ({rows}).").format(
                    n=len(self.known), rows=_rows([k.row_number for k in self.known])
                )
            )
        if self.skipped:
            skipped = ngettext(
                "{n} row skipped ({rows}).", "{n} rows skipped ({rows}).", len(self.skipped)
            )
            parts.append(
                skipped.format(
                    n=len(self.skipped), rows=_rows([b.row_number for b in self.skipped])
                )
            )
        return " ".join(parts)


def _rows(numbers: list[int]) -> str:
    named = ", ".join(str(n) for n in numbers[:ROWS_NAMED])
    if len(numbers) > ROWS_NAMED:
        return _("rows {rows} and {more} more").format(rows=named, more=len(numbers) - ROWS_NAMED)
    return ngettext("row {rows}", "rows {rows}", len(numbers)).format(rows=named)


def import_roster(
    db: Database, actor: Actor, initiative_id: int, roster: RosterFile, only_good_rows: bool = False
) -> ImportResult:
    """Add the file's new people to the roster: all or nothing, or only the good rows.
    Rows whose person is on the roster already are skipped either way."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        # Lock the initiative so two imports of one file queue: the second then sees the
        # first's people and reports them as already on the roster.
        s.scalar(select(Initiative.id).where(Initiative.id == initiative_id).with_for_update())
        require(s, Initiative, initiative_id, N_("initiative"))
        check = check_rows(s, initiative_id, roster)
        if check.bad and not only_good_rows:
            raise ValidationError(
                ngettext(
                    "{n} row has problems; fix them or import only the good rows.",
                    "{n} rows have problems; fix them or import only the good rows.",
                    check.bad_count,
                ).format(n=check.bad_count)
            )
        if not check.good:
            raise ValidationError(_nothing_to_add(roster, check.known, check.bad))
        people = [
            Participant(
                initiative_id=initiative_id,
                stakeholder_id=row.stakeholder_id,
                name=row.name,
                email=row.email,
                phone=row.phone,
                notes=row.notes,
                language=row.language,
                code=codes.new_code(),
            )
            for row in check.good
        ]
        s.add_all(people)
        s.flush()
        names = {
            group_id: name
            for group_id, name in s.execute(
                select(Stakeholder.id, Stakeholder.name).where(
                    Stakeholder.initiative_id == initiative_id
                )
            )
        }
        counts = Counter(names[p.stakeholder_id] for p in people)
        by_group = sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))
        skipped = [row.row_number for row in check.bad]
        known = [row.row_number for row in check.known]
        detail = {
            "file": roster.filename,
            "imported": len(people),
            "skipped_rows": skipped,
            "already_on_roster_rows": known,
        }
        audit.record(
            s,
            actor,
            audit.Change(
                entity="initiative",
                entity_id=initiative_id,
                action="roster_imported",
                detail=detail,
                initiative_id=initiative_id,
            ),
        )
        return ImportResult(len(people), [p.id for p in people], check.bad, check.known, by_group)


def _nothing_to_add(roster: RosterFile, known: list[KnownRow], bad: list[BadRow]) -> str:
    if known and not bad:
        if len(known) == 1:
            return _(
                "Nobody to add from “{filename}”: the one person in it is already on the "
                "roster. Nothing was changed."
            ).format(filename=roster.filename)
        return _(
            "Nobody to add from “{filename}”: all {n} people in it are already on the roster. "
            "Nothing was changed."
        ).format(filename=roster.filename, n=len(known))
    on_roster = ngettext(
        "{n} is already on the roster", "{n} are already on the roster", len(known)
    ).format(n=len(known))
    with_problems = ngettext("{n} has problems", "{n} have problems", len(bad)).format(n=len(bad))
    return _(
        "Nobody to add: of the {rows} rows of “{filename}”, {on_roster} and {with_problems}. "
        "Fix those rows and upload the file again."
    ).format(
        rows=len(known) + len(bad),
        filename=roster.filename,
        on_roster=on_roster,
        with_problems=with_problems,
    )
