"""The meeting record's tables of what came after the votes: conflicts, charter, action plan."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

import i18n
from db.models import Account, Charter, Conflict, ConflictParty, Meeting, Signature, Stakeholder
from i18n import N_, _
from services.act.plan_export import PLAN_COLUMNS, rows_in
from services.act.plan_export import status_words as _words
from services.core import confidential
from services.core.actors import Actor
from services.partner.charters import find_latest
from services.translations.shown import with_original
from services.translations.translate import field_translations, fields_shown

CONFLICT_COLUMNS = [
    N_("Table"),
    N_("Issue"),
    N_("Status"),
    N_("Parties"),
    N_("Options"),
    N_("Agreement"),
    N_("Next step"),
    N_("Owner"),
]
SIGNOFF_COLUMNS = [
    N_("Group"),
    N_("Major group"),
    N_("Status"),
    N_("Signed version"),
    N_("Signed by"),
    N_("Signed on"),
]


def conflicts_in(s: Session, meeting_id: int, secret_ok: bool) -> tuple[Conflict, ...]:
    """The meeting's conflicts, oldest first; confidential ones only when `secret_ok`."""
    query = select(Conflict).where(Conflict.meeting_id == meeting_id)
    if not secret_ok:
        query = query.where(Conflict.confidential.is_(False))
    return tuple(s.scalars(query.order_by(Conflict.created_at, Conflict.id)))


def conflicts_frame(
    s: Session, conflicts: tuple[Conflict, ...], tables: dict[int, str]
) -> pd.DataFrame:
    """Each conflict with its parties' positions and interests, and where it stands; the
    words someone translated in the reader's language, the original beside them."""
    language = i18n.current()
    fields = ("issue", "agreement")
    stored = field_translations(s, "conflict", [c.id for c in conflicts], language, fields)
    rows = []
    for c in conflicts:
        said = fields_shown(c.id, {f: getattr(c, f) for f in fields}, stored, language)
        rows.append(
            [
                table_label(tables, c.table_id),
                confidential.marked(
                    with_original(said["issue"]) if "issue" in said else c.issue, c.confidential
                ),
                _words(c.status),
                _parties(s, c.id, language),
                c.options,
                with_original(said["agreement"]) if "agreement" in said else c.agreement,
                c.next_step,
                c.owner,
            ]
        )
    return pd.DataFrame(rows, columns=CONFLICT_COLUMNS)


def after_frames(
    s: Session, actor: Actor, meeting: Meeting, secret_ok: bool, facts: dict[str, object]
) -> dict[str, pd.DataFrame]:
    """Charter sign-off and action plan; the charter's version goes to `facts`."""
    # The plan belongs to the initiative; the Thought Leader Team reads it whole.
    plan = rows_in(s, actor, meeting.initiative_id, secret_ok)[0]
    return {
        N_("Charter sign-off"): _signoff(s, meeting.initiative_id, facts),
        N_("Action plan"): pd.DataFrame(plan, columns=PLAN_COLUMNS),
    }


def table_label(tables: dict[int, str], table_id: int | None) -> str:
    """ "Table 2 (Name)", or "Whole room" for what no table raised."""
    return tables.get(table_id, _("Whole room")) if table_id is not None else _("Whole room")


def _parties(s: Session, conflict_id: int, language: str) -> str:
    query = (
        select(ConflictParty.id, Stakeholder.name, ConflictParty.position, ConflictParty.interests)
        .join(Stakeholder, Stakeholder.id == ConflictParty.stakeholder_id)
        .where(ConflictParty.conflict_id == conflict_id)
        .order_by(Stakeholder.name)
    )
    rows = s.execute(query).all()
    fields = ("position", "interests")
    stored = field_translations(s, "conflict_party", [r[0] for r in rows], language, fields)
    parts = []
    for party_id, name, position, interests in rows:
        words = fields_shown(
            party_id, {"position": position, "interests": interests}, stored, language
        )
        pairs = ((_("position"), words.get("position")), (_("interests"), words.get("interests")))
        said = [f"{k}: {with_original(v)}" for k, v in pairs if v is not None]
        parts.append(f"{name} — " + "; ".join(said))
    return "\n".join(parts)


def _signoff(s: Session, initiative_id: int, facts: dict[str, object]) -> pd.DataFrame:
    latest = find_latest(s, initiative_id)
    facts.update(
        charter_version=latest.version if latest else None,
        charter_mission=latest.mission if latest else "",
    )
    newest = (
        select(Signature.stakeholder_id, func.max(Charter.version))
        .join(Charter, Charter.id == Signature.charter_id)
        .where(Charter.initiative_id == initiative_id)
        .group_by(Signature.stakeholder_id)
    )
    signed_version = dict(s.execute(newest).all())
    # Names of accounts, never their email: contact details stay in the app.
    signer = func.coalesce(Account.display_name, _("(account since removed)"))
    on_latest = {}
    if latest is not None:
        query = (
            select(Signature.stakeholder_id, signer, Signature.signed_at)
            .outerjoin(Account, Account.id == Signature.account_id)
            .where(Signature.charter_id == latest.id)
        )
        on_latest = {gid: (name, at) for gid, name, at in s.execute(query)}
    groups = select(Stakeholder).where(Stakeholder.initiative_id == initiative_id)
    rows = []
    for g in s.scalars(groups.order_by(Stakeholder.name)):
        version = signed_version.get(g.id)
        if g.retired and version is None:
            continue  # a retired group stays on the record only where it signed
        if g.id in on_latest:
            name, at = on_latest[g.id]
            status, by, day = _("Signed"), name, at.date().isoformat()
        else:
            status = _("Signed an earlier version") if version else _("Not signed")
            by, day = "", ""
        name_shown = _("{name} (retired)").format(name=g.name) if g.retired else g.name
        major = _("Yes") if g.is_major else _("No")
        rows.append([name_shown, major, status, version or "", by, day])
    return pd.DataFrame(rows, columns=SIGNOFF_COLUMNS)
