"""The SMART check: which letters a planned action misses, and refusing it as ready until none."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from i18n import _
from services.act.action_fields import ActionFields
from services.core.errors import ValidationError

MIN_DESCRIPTION = 20


class SmartGap(NamedTuple):
    """One SMART letter an action does not meet yet, with what to add."""

    letter: str
    message: str


def smart_check(fields: ActionFields, today: date) -> list[SmartGap]:
    """The SMART letters the action misses, each with a message; empty when it is ready.

    Realistic is merged into Assignable and Measurable: software cannot judge whether a
    plan is realistic, only that someone has agreed to own a result that can be checked,
    so R is never reported on its own and the room judges the rest.
    """
    title, description, measure = fields.title, fields.description, fields.measure
    due_on = fields.due_on
    gaps = []
    if not (title or "").strip() or len((description or "").strip()) < MIN_DESCRIPTION:
        gaps.append(
            SmartGap(
                "S",
                _(
                    "Specific: give a title and a description of at least {n} "
                    "characters saying what will be done, and how."
                ).format(n=MIN_DESCRIPTION),
            )
        )
    if not (measure or "").strip():
        gaps.append(SmartGap("M", _("Measurable: say how everyone will know it is done.")))
    if fields.owner_participant_id is None:
        gaps.append(SmartGap("A", _("Assignable: name the person who owns it.")))
    if due_on is None or due_on < today:
        gaps.append(SmartGap("T", _("Time-bound: set a due date that is today or later.")))
    return gaps


def require_smart(fields: ActionFields) -> None:
    """Refuse an action marked ready that misses a SMART letter, naming each one missing."""
    gaps = smart_check(fields, date.today())
    if gaps:
        missing = " ".join(gap.message for gap in gaps)
        raise ValidationError(
            _(
                "This action is not SMART yet ({letters} missing). {missing} Or save it as a draft."
            ).format(letters=", ".join(g.letter for g in gaps), missing=missing)
        )
