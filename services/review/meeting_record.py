"""A meeting's record for the Thought Leader Team, gathered in one read as plain tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Idea, Initiative, ListeningNote, MeetingTable, Stakeholder, Theme
from db.models.enums import IdeaStatus, Role
from services.core import membership
from services.core.actors import Actor, require_role
from services.review.meeting_record_after import after_frames, table_label
from services.review.meeting_record_results import common_ground_frame, voice_frame, votes_frame
from services.review.meeting_report_trust import FRAME as TRUST_FRAME
from services.review.meeting_report_trust import trust_frame

NOTE_COLUMNS = ["Table", "Said", "Paraphrase", "Interest", "Group", "Confirmed", "When", "Late"]
IDEA_COLUMNS = ["Table", "Idea", "Group", "Theme", "Status", "Late"]
LATE_WORDS = {True: "Late: saved after input closed", False: ""}
THEME_COLUMNS = ["Theme", "Description", "Ideas"]


@dataclass(frozen=True)
class MeetingRecord:
    """The meeting's heading facts and one frame per table of its record, raw (not yet safe)."""

    initiative: str
    city: str
    title: str
    starts_at: datetime | None
    location: str
    frames: dict[str, pd.DataFrame]
    facts: dict[str, object] = field(default_factory=dict)


def collect(
    db: Database, actor: Actor, meeting_id: int, include_private: bool = False
) -> MeetingRecord:
    """Every table of the meeting's record; confidential items only for a facilitator who asks."""
    require_role(actor, Role.FACILITATOR, Role.LEADER)
    # Leaders never see confidential work, whatever the page asked for.
    secret_ok = include_private and actor.role is Role.FACILITATOR
    with db.read() as s:
        meeting = membership.member_meeting(s, actor, meeting_id)
        initiative = s.get_one(Initiative, meeting.initiative_id)
        tables = _table_labels(s, meeting_id)
        frames = {
            "Listening notes": _notes(s, meeting_id, tables, secret_ok),
            "Ideas": _ideas(s, meeting_id, tables, secret_ok),
            "Themes": _themes(s, meeting_id, secret_ok),
            "Votes": votes_frame(s, meeting_id, secret_ok),
            "Common ground": common_ground_frame(s, meeting_id, secret_ok),
        }
        facts: dict[str, object] = {}
        frames["Voice balance"] = voice_frame(s, meeting_id, facts)
        frames.update(after_frames(s, actor, meeting, tables, secret_ok, facts))
        initiative_id = initiative.id
    # Survey answers, by group only and small groups withheld (services.core.small_groups).
    frames[TRUST_FRAME] = trust_frame(db, actor, initiative_id)
    return MeetingRecord(
        initiative.name,
        initiative.city,
        meeting.title,
        meeting.starts_at,
        meeting.location,
        frames,
        facts,
    )


def _table_labels(s: Session, meeting_id: int) -> dict[int, str]:
    query = select(MeetingTable).where(MeetingTable.meeting_id == meeting_id)
    return {
        t.id: f"Table {t.number}" + (f" ({t.name})" if t.name else "")
        for t in s.scalars(query.order_by(MeetingTable.number))
    }


def _notes(s: Session, meeting_id: int, tables: dict[int, str], secret_ok: bool) -> pd.DataFrame:
    query = select(ListeningNote, MeetingTable.number, Stakeholder.name).join(
        MeetingTable, MeetingTable.id == ListeningNote.table_id
    )
    query = query.outerjoin(Stakeholder, Stakeholder.id == ListeningNote.stakeholder_id)
    query = query.where(ListeningNote.meeting_id == meeting_id)
    if not secret_ok:
        query = query.where(ListeningNote.confidential.is_(False))
    order = (MeetingTable.number, ListeningNote.created_at, ListeningNote.id)
    confirmed = {True: "Yes", False: "No", None: "Not checked"}
    rows = [
        [
            table_label(tables, n.table_id),
            n.said,
            n.paraphrase,
            n.interest,
            group or "",
            confirmed[n.confirmed],
            # Text, not a datetime: Excel cannot store a time zone.
            f"{n.created_at:%Y-%m-%d %H:%M} UTC",
            LATE_WORDS[n.late],
        ]
        for n, _, group in s.execute(query.order_by(*order))
    ]
    return pd.DataFrame(rows, columns=NOTE_COLUMNS)


def _ideas(s: Session, meeting_id: int, tables: dict[int, str], secret_ok: bool) -> pd.DataFrame:
    query = (
        select(Idea, Stakeholder.name, Theme.name)
        .outerjoin(Stakeholder, Stakeholder.id == Idea.stakeholder_id)
        .outerjoin(Theme, Theme.id == Idea.theme_id)
        .outerjoin(MeetingTable, MeetingTable.id == Idea.table_id)
        .where(Idea.meeting_id == meeting_id)
    )
    if not secret_ok:
        # A hidden idea was taken off the board on purpose, and a waiting one never reached
        # it, so both stay private too.
        query = query.where(
            Idea.confidential.is_(False),
            Idea.status.not_in([IdeaStatus.HIDDEN, IdeaStatus.PENDING]),
        )
    order = (MeetingTable.number.is_(None), MeetingTable.number, Idea.created_at, Idea.id)
    rows = []
    for idea, group, theme in s.execute(query.order_by(*order)):
        status = idea.status.value.capitalize()
        if idea.status is IdeaStatus.MERGED and idea.merged_into_id:
            status = f"Merged into #{idea.merged_into_id}"
        elif idea.status is IdeaStatus.PENDING:
            status = "Waiting for approval"
        text = idea.text + (" (confidential)" if idea.confidential else "")
        where = table_label(tables, idea.table_id)
        rows.append([where, text, group or "", theme or "", status, LATE_WORDS[idea.late]])
    return pd.DataFrame(rows, columns=IDEA_COLUMNS)


def _themes(s: Session, meeting_id: int, secret_ok: bool) -> pd.DataFrame:
    counted = (Idea.theme_id == Theme.id) & (Idea.status == IdeaStatus.VISIBLE)
    if not secret_ok:
        counted &= Idea.confidential.is_(False)
    query = (
        select(Theme.name, Theme.description, func.count(Idea.id))
        .outerjoin(Idea, counted)
        .where(Theme.meeting_id == meeting_id)
        .group_by(Theme.id, Theme.name, Theme.description)
        .order_by(Theme.name)
    )
    return pd.DataFrame([list(r) for r in s.execute(query)], columns=THEME_COLUMNS)
