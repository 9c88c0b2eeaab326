"""Checking an uploaded roster against the initiative: every row good, bad, or already there.

Group names are matched forgivingly: a spreadsheet retyped by hand, pasted from an email or
autocorrected by Word differs from the group's name in case, apostrophes, dashes and
spaces, and none of those make it another group. A near miss is not guessed at: the row
is refused with the one group it most likely meant.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Initiative, Participant, Stakeholder
from db.models.enums import Role
from i18n import ENGLISH, N_, _, parse_language
from services.core.actors import Actor, require_role
from services.core.errors import ValidationError
from services.core.roster_scope import ON_ROSTER
from services.core.validation import (
    NAME_MAX,
    TEXT_MAX,
    lookup_key,
    optional_email,
    optional_text,
    require,
)
from services.setup.participants import PHONE_MAX
from services.setup.roster_file import RosterFile, RosterRow


@dataclass(frozen=True)
class GoodRow:
    """A row ready to become a participant, its text cleaned and its group resolved."""

    row_number: int
    name: str
    stakeholder_id: int
    email: str
    phone: str
    notes: str
    language: str = "en"


@dataclass(frozen=True)
class BadRow:
    """A row that cannot be imported, with every reason in words."""

    row_number: int
    name: str
    reasons: list[str]


@dataclass(frozen=True)
class KnownRow:
    """A row whose person is on the roster already: skipped, never added twice."""

    row_number: int
    name: str
    reason: str


@dataclass(frozen=True)
class RosterCheck:
    """What importing the file would do: the good rows, the bad ones, and the people who
    are on the roster already."""

    good: list[GoodRow] = field(default_factory=list)
    bad: list[BadRow] = field(default_factory=list)
    known: list[KnownRow] = field(default_factory=list)

    @property
    def good_count(self) -> int:
        return len(self.good)

    @property
    def bad_count(self) -> int:
        return len(self.bad)

    @property
    def known_count(self) -> int:
        return len(self.known)

    @property
    def total(self) -> int:
        return len(self.good) + len(self.bad) + len(self.known)


def check_roster(db: Database, actor: Actor, initiative_id: int, roster: RosterFile) -> RosterCheck:
    """Every row of the file as good, bad or already on the roster, each problem said in
    words; writes nothing."""
    require_role(actor, Role.FACILITATOR)
    with db.read() as s:
        require(s, Initiative, initiative_id, N_("initiative"))
        return check_rows(s, initiative_id, roster)


# Characters that look alike in a spreadsheet and mean the same in a group's name.
_SAME = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u02bc\u2032\u00b4`", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63", "-"),
    }
)
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_AROUND_DASH = re.compile(r"\s*-\s*")


def match_key(text: str) -> str:
    """A name as compared: case, curly or straight quotes, kinds of dash, and runs of
    spaces (no-break ones too) ignored; "Mayor’s  Office" is "mayor's office"."""
    text = unicodedata.normalize("NFKC", text).translate(_SAME)
    text = _AROUND_DASH.sub("-", _INVISIBLE.sub("", text))
    return " ".join(text.split()).casefold()


def group_key(text: str) -> str:
    """A group's name as compared: `match_key`, and an apostrophe left out is no other
    group ("mayors office" is "Mayor's Office", as the upload's help says)."""
    return match_key(text).replace("'", "")


class _Groups:
    """The initiative's groups by match key: current ones to match, retired ones to name."""

    def __init__(self, s: Session, initiative_id: int) -> None:
        groups = s.scalars(
            select(Stakeholder)
            .where(Stakeholder.initiative_id == initiative_id)
            .order_by(Stakeholder.name)
        ).all()
        self.current = {group_key(g.name): g for g in groups if not g.retired}
        self.retired = {group_key(g.name): g for g in groups if g.retired}
        self.names = ", ".join(g.name for g in self.current.values()) or _("none yet")
        self._hints: dict[str, str] = {}

    def problem(self, typed: str) -> str | None:
        """Why a row's group is not one to import into, or None when it is."""
        key = group_key(typed)
        if key in self.current:
            return None
        if not key:
            return _("Stakeholder group is missing. The groups are: {names}.").format(
                names=self.names
            )
        # Repeat the cell only when it is short and printable, never a pasted essay.
        shown = lookup_key(typed, NAME_MAX)
        given = f"“{shown}”" if shown else _("The group")
        if key in self.retired:
            return _(
                "{group} is a retired group: people are no longer added to it. "
                "Put this person in one of the current groups: {names}."
            ).format(group=given, names=self.names)
        hint = self.hint(key) if shown else None
        if hint:
            return _(
                "{group} is not one of this initiative's groups; did you mean “{hint}”?"
            ).format(group=given, hint=hint)
        return _("{group} is not one of this initiative's groups: {names}.").format(
            group=given, names=self.names
        )

    def hint(self, key: str) -> str | None:
        """The one current group a near miss most likely meant, or None when no single one
        stands out (two equally close are a guess, not a hint)."""
        if key not in self._hints:
            self._hints[key] = self._closest(key) or ""
        return self._hints[key] or None

    def _closest(self, key: str) -> str | None:
        scored = sorted(
            ((difflib.SequenceMatcher(None, key, k).ratio(), k) for k in self.current),
            reverse=True,
        )
        close = [(score, k) for score, k in scored if score >= 0.75]
        if close and (len(close) == 1 or close[0][0] - close[1][0] >= 0.1):
            return self.current[close[0][1]].name
        # "Police" for "Police Department": every typed word in exactly one group's name.
        words = set(re.findall(r"\w+", key))
        holding = [g for k, g in self.current.items() if words <= set(re.findall(r"\w+", k))]
        return holding[0].name if words and len(holding) == 1 else None

    def get(self, typed: str) -> Stakeholder | None:
        return self.current.get(group_key(typed))


@dataclass(frozen=True)
class _Person:
    """Who a row or a roster entry is, as compared: a name in a group, with an email."""

    name: str
    group: str
    email: str
    shown: str

    def same_as(self, other: _Person) -> bool:
        """One person when the names match and either the group matches with no other
        email, or the email matches (they may have moved group). Two people with one name
        and different emails are two people; a household sharing an email is several."""
        if self.name != other.name:
            return False
        if self.email and self.email == other.email:
            return True
        emails_differ = self.email and other.email and self.email != other.email
        return self.group == other.group and not emails_differ


class _People:
    """People met so far, found again by name."""

    def __init__(self) -> None:
        self._by_name: dict[str, list[tuple[_Person, object]]] = {}

    def add(self, person: _Person, where: object) -> None:
        self._by_name.setdefault(person.name, []).append((person, where))

    def find(self, person: _Person) -> tuple[_Person, object] | None:
        return next((p for p in self._by_name.get(person.name, []) if p[0].same_as(person)), None)


def check_rows(s: Session, initiative_id: int, roster: RosterFile) -> RosterCheck:
    """The check inside the caller's transaction, so an import checks what it writes."""
    groups = _Groups(s, initiative_id)
    on_roster = _People()
    for name, group_id, group_name, email in s.execute(
        select(Participant.name, Stakeholder.id, Stakeholder.name, Participant.email)
        .join(Stakeholder, Participant.stakeholder_id == Stakeholder.id)
        .where(Participant.initiative_id == initiative_id, ON_ROSTER)
    ):
        shown = f"“{name}” ({group_name})"
        on_roster.add(_Person(match_key(name), str(group_id), email.casefold(), shown), None)
    in_file = _People()
    result = RosterCheck()
    for row in roster.rows:
        reasons: list[str] = []
        cleaned = {f: _field(row, f, reasons) for f in ("name", "email", "phone", "notes")}
        language = _language(row.language, reasons)
        group = groups.get(row.group)
        problem = groups.problem(row.group)
        if problem:
            reasons.append(problem)
        person = _Person(
            match_key(cleaned["name"]),
            str(group.id) if group else "?" + match_key(row.group),
            cleaned["email"].casefold(),
            "",
        )
        known = None
        if person.name:
            earlier = in_file.find(person)
            if earlier:
                reasons.append(_("Same person as row {row}.").format(row=earlier[1]))
            else:
                in_file.add(person, row.row_number)
                known = on_roster.find(person)
        if reasons or group is None:
            result.bad.append(BadRow(row.row_number, row.name, reasons))
        elif known:
            reason = _("Already on the roster as {name}.").format(name=known[0].shown)
            result.known.append(KnownRow(row.row_number, row.name, reason))
        else:
            result.good.append(
                GoodRow(row.row_number, stakeholder_id=group.id, language=language, **cleaned)
            )
    return result


_LIMITS = {
    "name": (N_("Name"), NAME_MAX),
    "phone": (N_("Phone"), PHONE_MAX),
    "notes": (N_("Notes"), TEXT_MAX),
}


def _field(row: RosterRow, name: str, reasons: list[str]) -> str:
    value = getattr(row, name)
    try:
        text = optional_email(value) if name == "email" else optional_text(value, *_LIMITS[name])
    except ValidationError as problem:
        reasons.append(problem.message)
        return ""
    if name == "name" and not text:  # blank, or only invisible characters
        reasons.append(_("Name is missing."))
    return text


def _language(value: str, reasons: list[str]) -> str:
    """English when the cell is empty; a language we do not have is a problem of the row."""
    if not value.strip():
        return ENGLISH
    language = parse_language(value)
    if language is None:
        shown = value.strip()[:40]
        reasons.append(
            _(
                "Language “{language}” is not one the app speaks: write English or Spanish "
                "(or leave it empty for English)."
            ).format(language=shown)
        )
        return ENGLISH
    return language
