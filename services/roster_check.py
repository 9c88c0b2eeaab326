"""Checking an uploaded roster against the initiative: every row good or bad, and why."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Initiative, Participant, Stakeholder
from db.models.enums import Role
from services.actors import Actor, require_role
from services.errors import ValidationError
from services.participants import PHONE_MAX
from services.roster_file import RosterFile, RosterRow
from services.validation import (
    NAME_MAX,
    TEXT_MAX,
    lookup_key,
    optional_email,
    optional_text,
    require,
)


@dataclass(frozen=True)
class GoodRow:
    """A row ready to become a participant, its text cleaned and its group resolved."""

    row_number: int
    name: str
    stakeholder_id: int
    email: str
    phone: str
    notes: str


@dataclass(frozen=True)
class BadRow:
    """A row that cannot be imported, with every reason in words."""

    row_number: int
    name: str
    reasons: list[str]


@dataclass(frozen=True)
class RosterCheck:
    """What importing the file would do: the good rows and the bad ones."""

    good: list[GoodRow] = field(default_factory=list)
    bad: list[BadRow] = field(default_factory=list)

    @property
    def good_count(self) -> int:
        return len(self.good)

    @property
    def bad_count(self) -> int:
        return len(self.bad)

    @property
    def total(self) -> int:
        return len(self.good) + len(self.bad)


def check_roster(db: Database, actor: Actor, initiative_id: int, roster: RosterFile) -> RosterCheck:
    """Every row of the file as good or bad, with each problem said in words; writes nothing."""
    require_role(actor, Role.FACILITATOR)
    with db.read() as s:
        require(s, Initiative, initiative_id, "initiative")
        return check_rows(s, initiative_id, roster)


def _key(*parts: str) -> tuple[str, ...]:
    return tuple(" ".join(p.split()).casefold() for p in parts)


def check_rows(s: Session, initiative_id: int, roster: RosterFile) -> RosterCheck:
    """The check inside the caller's transaction, so an import checks what it writes."""
    groups = {
        _key(g.name)[0]: g
        for g in s.scalars(select(Stakeholder).where(Stakeholder.initiative_id == initiative_id))
    }
    names = ", ".join(sorted(g.name for g in groups.values())) or "none yet"
    existing = {
        _key(name, group_name, email)
        for name, group_name, email in s.execute(
            select(Participant.name, Stakeholder.name, Participant.email)
            .join(Stakeholder, Participant.stakeholder_id == Stakeholder.id)
            .where(Participant.initiative_id == initiative_id)
        )
    }
    seen: dict[tuple[str, ...], int] = {}
    result = RosterCheck()
    for row in roster.rows:
        reasons: list[str] = []
        cleaned = {f: _field(row, f, reasons) for f in ("name", "email", "phone", "notes")}
        group = groups.get(_key(row.group)[0])
        if not row.group.strip():
            reasons.append(f"Stakeholder group is missing. The groups are: {names}.")
        elif group is None:
            # Repeat the cell only when it is short and printable, never a pasted essay.
            given = f"“{row.group.strip()}”" if lookup_key(row.group, NAME_MAX) else "The group"
            reasons.append(f"{given} is not one of this initiative's groups: {names}.")
        key = _key(row.name, row.group, row.email)
        if row.name.strip():
            if key in seen:
                reasons.append(f"Same person as row {seen[key]}.")
            elif key in existing:
                reasons.append("Already in the roster (same name, group and email).")
            seen.setdefault(key, row.row_number)
        if reasons or group is None:
            result.bad.append(BadRow(row.row_number, row.name, reasons))
        else:
            result.good.append(GoodRow(row.row_number, stakeholder_id=group.id, **cleaned))
    return result


_LIMITS = {"name": ("Name", NAME_MAX), "phone": ("Phone", PHONE_MAX), "notes": ("Notes", TEXT_MAX)}


def _field(row: RosterRow, name: str, reasons: list[str]) -> str:
    value = getattr(row, name)
    try:
        text = optional_email(value) if name == "email" else optional_text(value, *_LIMITS[name])
    except ValidationError as problem:
        reasons.append(problem.message)
        return ""
    if name == "name" and not text:  # blank, or only invisible characters
        reasons.append("Name is missing.")
    return text
