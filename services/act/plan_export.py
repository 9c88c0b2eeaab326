"""The action plan as rows, CSV and Excel for people who work in a spreadsheet."""

from __future__ import annotations

import io
from collections.abc import Sequence

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

import i18n
from adapters.spreadsheet import headed, safe_frame
from db.database import Database
from db.models import (
    Account,
    ActionItem,
    ActionUpdate,
    Conflict,
    Idea,
    Initiative,
    Participant,
    Stakeholder,
    Theme,
)
from db.models.enums import ActionStatus, ConflictStatus, Role
from i18n import N_, _
from services.core import confidential, membership
from services.core.actors import Actor, require_role
from services.core.validation import require
from services.core.vocab import label
from services.translations.shown import with_original
from services.translations.translate import field_translations, fields_shown

PLAN_COLUMNS = [
    N_("Action"),
    N_("Description"),
    N_("Measure of done"),
    N_("Owner"),
    N_("Group"),
    N_("Due"),
    N_("Status"),
    N_("Ready"),
    N_("Serves"),
    N_("Last update"),
    N_("Last update on"),
]
UPDATE_COLUMNS = [N_("Action"), N_("Date"), N_("Status"), N_("Note"), N_("By")]


def plan_rows(
    db: Database, actor: Actor, initiative_id: int, include_confidential: bool = False
) -> list[dict]:
    """The plan by due date, one dict per action under PLAN_COLUMNS; no contact details."""
    require_role(actor, Role.FACILITATOR, Role.LEADER)
    with db.read() as s:
        return rows_in(s, actor, initiative_id, include_confidential)[0]


def plan_csv(
    db: Database, actor: Actor, initiative_id: int, include_confidential: bool = False
) -> bytes:
    """The plan as CSV, UTF-8 with a byte order mark so Excel reads accents right."""
    require_role(actor, Role.FACILITATOR, Role.LEADER)
    with db.read() as s:
        rows, _updates = rows_in(s, actor, initiative_id, include_confidential)
    return csv_of(rows)


def csv_of(rows: Sequence[dict]) -> bytes:
    """The plan rows (from `rows_in`) as that CSV."""
    buffer = io.BytesIO()
    headed(safe_frame(pd.DataFrame(list(rows), columns=PLAN_COLUMNS))).to_csv(
        buffer, index=False, encoding="utf-8-sig"
    )
    return buffer.getvalue()


def plan_xlsx(
    db: Database, actor: Actor, initiative_id: int, include_confidential: bool = False
) -> bytes:
    """The plan as an Excel workbook: sheet "Action plan" and sheet "Updates", every update."""
    require_role(actor, Role.FACILITATOR, Role.LEADER)
    with db.read() as s:
        rows, updates = rows_in(s, actor, initiative_id, include_confidential)
    return xlsx_of(rows, updates)


def xlsx_of(rows: Sequence[dict], updates: Sequence[dict]) -> bytes:
    """The plan rows and their updates (from `rows_in`) as that workbook."""
    sheets = {N_("Action plan"): (rows, PLAN_COLUMNS), N_("Updates"): (updates, UPDATE_COLUMNS)}
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, (data, columns) in sheets.items():
            headed(safe_frame(pd.DataFrame(list(data), columns=columns))).to_excel(
                writer, sheet_name=_(name), index=False
            )
            sheet = writer.sheets[_(name)]
            sheet.freeze_panes = "A2"
            for cells in sheet.columns:
                longest = max(len(str(c.value or "")) for c in cells)
                sheet.column_dimensions[cells[0].column_letter].width = min(60, longest + 2)
    return buffer.getvalue()


def status_words(status: ActionStatus | ConflictStatus) -> str:
    """An action's or a conflict's status as people say it: "In progress"."""
    return label(status)


def rows_in(
    s: Session, actor: Actor, initiative_id: int, include_confidential: bool
) -> tuple[list[dict], list[dict]]:
    require(s, Initiative, initiative_id, N_("initiative"))
    membership.require_member(s, actor, initiative_id)
    # Leaders never see confidential work, whatever the page asked for.
    secret_ok = include_confidential and actor.role is Role.FACILITATOR
    # Owner's name only: the roster's email, phone and notes never leave the app this way.
    query = (
        select(ActionItem, Participant.name, Stakeholder.name, Idea, Theme.name, Conflict)
        .outerjoin(Participant, Participant.id == ActionItem.owner_participant_id)
        .outerjoin(Stakeholder, Stakeholder.id == ActionItem.stakeholder_id)
        .outerjoin(Idea, Idea.id == ActionItem.idea_id)
        .outerjoin(Theme, Theme.id == ActionItem.theme_id)
        .outerjoin(Conflict, Conflict.id == ActionItem.conflict_id)
        .where(ActionItem.initiative_id == initiative_id)
        .order_by(ActionItem.due_on.is_(None), ActionItem.due_on, ActionItem.id)
    )
    if not secret_ok:
        query = query.where(ActionItem.confidential.is_(False))
    found = s.execute(query).all()
    updates = _updates(s, [row[0].id for row in found])
    # An action someone translated: in the reader's language, its original beside it.
    language = i18n.current()
    fields = ("title", "description", "measure")
    stored = field_translations(s, "action_item", [row[0].id for row in found], language, fields)

    def cell(a: ActionItem, name: str) -> str:
        said = fields_shown(a.id, {f: getattr(a, f) for f in fields}, stored, language)
        return with_original(said[name]) if name in said else getattr(a, name)

    rows = [
        {
            "Action": confidential.marked(cell(a, "title"), a.confidential),
            "Description": cell(a, "description"),
            "Measure of done": cell(a, "measure"),
            "Owner": owner or "",
            "Group": group or "",
            "Due": a.due_on,
            "Status": status_words(a.status),
            "Ready": _("Yes") if a.ready else _("No"),
            "Serves": _serves(a, idea, theme, conflict, secret_ok),
            **_last(updates[a.id]),
        }
        for a, owner, group, idea, theme, conflict in found
    ]
    return rows, [u for row in found for u in updates[row[0].id]]


def _last(updates: list[dict]) -> dict:
    if not updates:
        return {"Last update": "", "Last update on": None}
    last = updates[-1]
    words = last["Note"] or _("Status set to {status}").format(status=last["Status"].lower())
    return {"Last update": words, "Last update on": last["Date"]}


def _serves(
    a: ActionItem, idea: Idea | None, theme: str | None, conflict: Conflict | None, secret_ok: bool
) -> str:
    """What the action serves, in words: its idea, theme, conflict and charter goal."""
    parts = [
        (_("Idea"), _named(idea, "text", secret_ok)),
        (_("Theme"), theme),
        (_("Conflict"), _named(conflict, "issue", secret_ok)),
        (_("Charter goal"), a.charter_goal),
    ]
    return "; ".join(f"{label}: {text}" for label, text in parts if text)


def _named(record: Idea | Conflict | None, field: str, secret_ok: bool) -> str:
    """The record's words, or only its number when it is confidential and must not show."""
    if record is None:
        return ""
    if record.confidential and not secret_ok:
        return _("#{id} (confidential)").format(id=record.id)
    return getattr(record, field)


def _updates(s: Session, action_ids: list[int]) -> dict[int, list[dict]]:
    """Each action's dated updates, oldest first, under UPDATE_COLUMNS."""
    out: dict[int, list[dict]] = {i: [] for i in action_ids}
    by = func.coalesce(Account.display_name, _("(account since removed)"))
    query = (
        select(ActionUpdate, ActionItem.title, by)
        .join(ActionItem, ActionItem.id == ActionUpdate.action_id)
        .outerjoin(Account, Account.id == ActionUpdate.account_id)
        .where(ActionUpdate.action_id.in_(action_ids))
        .order_by(ActionUpdate.created_at, ActionUpdate.id)
    )
    for update, title, name in s.execute(query):
        # Dates, not UTC times: Excel cannot store a time zone, and the day is what counts.
        values = [title, update.created_at.date(), status_words(update.status), update.note, name]
        out[update.action_id].append(dict(zip(UPDATE_COLUMNS, values, strict=True)))
    return out
