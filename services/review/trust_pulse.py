"""How trust moved: each group's mean answer to each trust question before and after."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from statistics import fmean

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import i18n
from db.database import Database
from db.models import Initiative, Participant, Stakeholder, SurveyResponse
from db.models.enums import Role, SurveyKind
from i18n import N_, _
from services.core import membership
from services.core.actors import Actor, require_role
from services.core.small_groups import can_show, count_words, shown_or_none
from services.core.validation import require
from services.prepare.trust_items import AGREEMENT, Scale, TrustItem, is_answer, trust_items
from services.translations.shown import Shown, Stored, question_shown, with_original
from services.translations.translate import question_translations


@dataclass(frozen=True)
class TrustChange:
    """One group's mean on one question before and after, to one decimal.

    n_before and n_after count only real answers: a skipped rating is in neither. A mean is
    None where no one answered, and also where fewer than small_groups.MIN_GROUP did (the
    count says which); the change is there only when both means are."""

    statement: str
    group: str
    before: float | None
    n_before: int
    after: float | None
    n_after: int
    change: float | None
    scale: Scale = AGREEMENT
    translation: Stored | None = None
    """The translation the facilitator gave the question, when they wrote it and gave one."""

    @property
    def question(self) -> Shown:
        """The question in the reader's language: a published one in the catalogue's
        words, the facilitator's own in their translation, else as written, said so."""
        return question_shown(self.statement, self.translation, i18n.current())

    @property
    def withheld(self) -> bool:
        """Whether a figure of this row is held back because too few answered."""
        return any(n > 0 and not can_show(n) for n in (self.n_before, self.n_after))


def trust_pulse(db: Database, actor: Actor, initiative_id: int) -> list[TrustChange]:
    """Per trust question (in the survey's order) and group (by name), before against after."""
    require_role(actor, Role.FACILITATOR, Role.LEADER)
    with db.read() as s:
        return trust_pulse_in(s, actor, initiative_id)


def trust_pulse_in(s: Session, actor: Actor, initiative_id: int) -> list[TrustChange]:
    """`trust_pulse` inside a read the caller already holds (the Review screen's one read)."""
    require_role(actor, Role.FACILITATOR, Role.LEADER)
    membership.require_member(s, actor, initiative_id)
    return pulse_of(s, initiative_id)


def pulse_of(s: Session, initiative_id: int) -> list[TrustChange]:
    """The pulse, inside a read whose caller has checked the reader (a report's one read)."""
    initiative = require(s, Initiative, initiative_id, N_("initiative"))
    statements = initiative.trust_statements
    translated = question_translations(s, initiative, i18n.current())
    rows = s.execute(
        select(Stakeholder.id, Stakeholder.name, SurveyResponse.kind, SurveyResponse.trust)
        .join(Participant, Participant.id == SurveyResponse.participant_id)
        .join(Stakeholder, Stakeholder.id == Participant.stakeholder_id)
        .where(Participant.initiative_id == initiative_id)
        .order_by(func.lower(Stakeholder.name), Stakeholder.id)
    ).all()
    items = trust_items(statements)
    # (item key, group id) -> kind -> scores; the name is kept beside the id.
    scores: dict[tuple[str, int], dict[SurveyKind, list[int]]] = defaultdict(
        lambda: {SurveyKind.PRE: [], SurveyKind.POST: []}
    )
    names: dict[int, str] = {}
    for gid, name, kind, trust in rows:
        names[gid] = name
        for item in items:
            score = (trust or {}).get(item.key)
            # A skipped rating (None, or anything not a whole number on the item's scale)
            # is no answer: it neither moves the mean nor counts in n beside it.
            if score is not None and is_answer(item, score):
                scores[(item.key, gid)][kind].append(score)
    # Answers to a question since taken off the survey have nothing to be compared with.
    return [
        _change(item, names[gid], scores[(item.key, gid)], translated.get(item.wording))
        for item in items
        for gid in names
        if (item.key, gid) in scores
    ]


def _change(
    item: TrustItem,
    group: str,
    by_kind: dict[SurveyKind, list[int]],
    translation: Stored | None,
) -> TrustChange:
    before, after = by_kind[SurveyKind.PRE], by_kind[SurveyKind.POST]
    # One decimal is all a handful of 1-to-5 answers can carry; the change is taken
    # between the rounded means so that every report's arithmetic adds up as read.
    mean_before = shown_or_none(round(fmean(before), 1), len(before)) if before else None
    mean_after = shown_or_none(round(fmean(after), 1), len(after)) if after else None
    change = (
        round(mean_after - mean_before, 1)
        if mean_before is not None and mean_after is not None
        else None
    )
    return TrustChange(
        item.wording,
        group,
        mean_before,
        len(before),
        mean_after,
        len(after),
        change,
        item.scale,
        translation,
    )


TABLE_COLUMNS = [
    N_("Question"),
    N_("Group"),
    N_("Before"),
    N_("n before"),
    N_("After"),
    N_("n after"),
    N_("Change"),
]
EMPTY = (
    "No answers yet — the chart appears when people in a stakeholder group have answered "
    "the trust questions in the survey before or after the meeting."
)


def mean_words(mean: float | None, answered: int) -> str:
    """A mean as every report prints it: one decimal, or why there is none."""
    if mean is None or not can_show(answered):
        return count_words(answered)
    return _decimal(mean)


def _decimal(value: float) -> str:
    """One decimal, as the reader writes it: 2.8 / 2,8."""
    return f"{value:.1f}" if i18n.current() == i18n.ENGLISH else i18n.number(value, 1)


def empty_words() -> str:
    """`EMPTY` in the reader's language."""
    return _(
        "No answers yet — the chart appears when people in a stakeholder group have answered "
        "the trust questions in the survey before or after the meeting."
    )


def change_words(row: TrustChange) -> str:
    """The change as printed: signed, one decimal; a dash where one side is missing."""
    if row.change is None:
        return "—"
    if i18n.current() == i18n.ENGLISH:
        return f"{row.change:+.1f}"
    return ("+" if row.change >= 0 else "-") + _decimal(abs(row.change))


def row_words(row: TrustChange) -> str:
    """'2.8 → 3.5, +0.7 (n 6 → 5)' or '2.8 (n 6) → fewer than 5 answered': a chart's label."""
    shown_before = row.before is not None and can_show(row.n_before)
    shown_after = row.after is not None and can_show(row.n_after)
    if shown_before and shown_after and row.before is not None and row.after is not None:
        return (
            f"{_decimal(row.before)} → {_decimal(row.after)}, {change_words(row)} "
            f"(n {row.n_before} → {row.n_after})"
        )

    def side(mean: float | None, n: int, shown: bool) -> str:
        return f"{_decimal(mean)} (n {n})" if shown and mean is not None else mean_words(mean, n)

    return (
        f"{side(row.before, row.n_before, shown_before)} → "
        f"{side(row.after, row.n_after, shown_after)}"
    )


def table_rows(rows: list[TrustChange]) -> list[list[str]]:
    """The pulse as text cells under TABLE_COLUMNS, as the screen and the PDF print it."""
    return cells(rows, mean_words, count_words, change_words)


def cells(
    rows: Sequence[TrustChange],
    mean: Callable[[float | None, int], object],
    count: Callable[[int], object],
    change: Callable[[TrustChange], object],
) -> list[list]:
    """The pulse's rows under TABLE_COLUMNS, each figure written by the given functions:
    words for a screen, numbers for a spreadsheet (meeting_report_trust.trust_file_frame)."""
    return [
        [
            with_original(r.question),
            r.group,
            mean(r.before, r.n_before),
            count(r.n_before),
            mean(r.after, r.n_after),
            count(r.n_after),
            change(r),
        ]
        for r in rows
    ]
