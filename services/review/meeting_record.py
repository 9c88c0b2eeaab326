"""A meeting's record for the Thought Leader Team, gathered in one read as plain tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

import i18n
from db.database import Database
from db.models import (
    Conflict,
    Idea,
    Initiative,
    ListeningNote,
    MeetingTable,
    Stakeholder,
    Theme,
)
from db.models.enums import IdeaStatus, Role
from i18n import N_, _
from services.core import confidential, membership
from services.core.actors import Actor, require_role
from services.core.meeting_time import in_its_zone
from services.core.vocab import label
from services.review.meeting_record_after import (
    after_frames,
    conflicts_frame,
    conflicts_in,
    table_label,
)
from services.review.meeting_record_results import common_ground_frame, voice_frame, votes_frame
from services.review.meeting_report_trust import FRAME as TRUST_FRAME
from services.review.meeting_report_trust import trust_frame
from services.review.trust_pulse import TrustChange, trust_pulse_in
from services.translations.shown import Shown, shown, with_original
from services.translations.translate import (
    KINDS,
    field_translations,
    fields_shown,
    translations_for,
)

NOTE_FIELDS = KINDS["listening_note"].fields
"""A note's fields a translation can be given to, in the order a note reads."""
NOTE_COLUMNS = [
    N_("Table"),
    N_("Said"),
    N_("Paraphrase"),
    N_("Interest"),
    N_("Group"),
    N_("Confirmed"),
    N_("When"),
    N_("Late"),
]
IDEA_COLUMNS = [N_("Table"), N_("Idea"), N_("Group"), N_("Theme"), N_("Status"), N_("Late")]
LATE_WORDS = {True: N_("Late: saved after input closed"), False: ""}
THEME_COLUMNS = [N_("Theme"), N_("Description"), N_("Ideas")]
PROPOSED = (IdeaStatus.VISIBLE, IdeaStatus.MERGED)
"""The ideas every reader of the record sees: those on the board and those merged."""


@dataclass(frozen=True, slots=True)
class Said:
    """A listening note as the record holds it, with its table's label and speaker's group."""

    note: RecordNote
    table: str
    group: str
    words: dict[str, Shown] = field(default_factory=dict)
    """Its fields written (said, paraphrase, interest) in the reader's language: a
    translation, or as written, and which (translate.fields_shown)."""


@dataclass(frozen=True, slots=True)
class RecordNote:
    """A note's own fields the record uses, read as plain columns (as RecordIdea)."""

    id: int
    table_id: int
    said: str
    paraphrase: str
    interest: str
    confirmed: bool | None
    confidential: bool
    late: bool
    created_at: datetime


@dataclass(frozen=True, slots=True)
class RecordIdea:
    """An idea's own fields the record uses: read as plain columns, since a room's
    thousands of ideas built as ORM objects were half of Review's time at 10x the data."""

    id: int
    table_id: int | None
    text: str
    status: IdeaStatus
    merged_into_id: int | None
    confidential: bool
    late: bool


@dataclass(frozen=True, slots=True)
class Proposed:
    """An idea as the record holds it, with where it came from and its theme."""

    idea: RecordIdea
    table: str
    group: str
    theme: str
    words: Shown | None = None
    """Its words in the reader's language: a translation, or the idea's text, and which."""


@dataclass(frozen=True)
class MeetingRecord:
    """The meeting's heading facts, what it holds row by row, and one frame per table of it.

    The frames are made from the rows here (raw, not yet safe for a spreadsheet), so the
    Review screen, which shows the rows, and the files, which print the frames, agree.
    """

    initiative: str
    city: str
    title: str
    starts_at: datetime | None
    location: str
    frames: dict[str, pd.DataFrame]
    facts: dict[str, object] = field(default_factory=dict)
    initiative_id: int = 0
    meeting_id: int = 0
    private: bool = False
    """Whether it holds confidential items (only ever for a facilitator who asked)."""
    tables: tuple[MeetingTable, ...] = ()
    notes: tuple[Said, ...] = ()
    ideas: tuple[Proposed, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    trust: tuple[TrustChange, ...] = ()


def collect(
    db: Database, actor: Actor, meeting_id: int, include_private: bool = False
) -> MeetingRecord:
    """Every table of the meeting's record; confidential items only for a facilitator who asks."""
    with db.read() as s:
        return collect_in(s, actor, meeting_id, include_private)


def collect_in(
    s: Session, actor: Actor, meeting_id: int, include_private: bool = False
) -> MeetingRecord:
    """`collect` inside a read the caller already holds (the Review screen's one read).

    The one place the record decides what is confidential: a Thought Leader Team member
    never reads it, whatever the page asked for; a facilitator reads it only by asking.
    """
    require_role(actor, Role.FACILITATOR, Role.LEADER)
    secret_ok = include_private and actor.role is Role.FACILITATOR
    meeting = membership.member_meeting(s, actor, meeting_id)
    initiative = s.get_one(Initiative, meeting.initiative_id)
    tables = _tables(s, meeting_id)
    labels = {t.id: _label(t) for t in tables}
    notes = _notes(s, meeting_id, labels, secret_ok)
    ideas = _ideas(s, meeting_id, labels, secret_ok)
    conflicts = conflicts_in(s, meeting_id, secret_ok)
    trust = tuple(trust_pulse_in(s, actor, initiative.id))
    frames = {
        N_("Listening notes"): _notes_frame(notes),
        N_("Ideas"): _ideas_frame(ideas),
        N_("Themes"): _themes(s, meeting_id, secret_ok),
        N_("Votes"): votes_frame(s, meeting_id, secret_ok),
        N_("Common ground"): common_ground_frame(s, meeting_id, secret_ok),
    }
    facts: dict[str, object] = {}
    frames[N_("Voice balance")] = voice_frame(s, meeting_id, facts)
    frames[N_("Conflicts")] = conflicts_frame(s, conflicts, labels)
    frames.update(after_frames(s, actor, meeting, secret_ok, facts))
    # Survey answers, by group only and small groups withheld (services.core.small_groups).
    frames[TRUST_FRAME] = trust_frame(trust)
    return MeetingRecord(
        initiative.name,
        initiative.city,
        meeting.title,
        in_its_zone(meeting.starts_at, meeting.time_zone),
        meeting.location,
        frames,
        facts,
        initiative_id=initiative.id,
        meeting_id=meeting.id,
        private=secret_ok,
        tables=tables,
        notes=notes,
        ideas=ideas,
        conflicts=conflicts,
        trust=trust,
    )


def _tables(s: Session, meeting_id: int) -> tuple[MeetingTable, ...]:
    query = select(MeetingTable).where(MeetingTable.meeting_id == meeting_id)
    return tuple(s.scalars(query.order_by(MeetingTable.number)))


def _label(t: MeetingTable) -> str:
    if t.name:
        return _("Table {number} ({name})").format(number=t.number, name=t.name)
    return _("Table {number}").format(number=t.number)


def _notes(
    s: Session, meeting_id: int, tables: dict[int, str], secret_ok: bool
) -> tuple[Said, ...]:
    n = ListeningNote
    query = select(
        n.id, n.table_id, n.said, n.paraphrase, n.interest, n.confirmed, n.confidential, n.late,
        n.created_at, Stakeholder.name,
    ).join(MeetingTable, MeetingTable.id == n.table_id)  # fmt: skip
    query = query.outerjoin(Stakeholder, Stakeholder.id == ListeningNote.stakeholder_id)
    query = query.where(ListeningNote.meeting_id == meeting_id)
    if not secret_ok:
        query = query.where(ListeningNote.confidential.is_(False))
    order = (MeetingTable.number, ListeningNote.created_at, ListeningNote.id)
    rows = [
        (RecordNote(id_, table, said, heard, interest, confirmed, secret, late, at), group)
        for id_, table, said, heard, interest, confirmed, secret, late, at, group in s.execute(
            query.order_by(*order)
        )
    ]
    language = i18n.current()
    ids = [note.id for note, _group in rows]
    stored = field_translations(s, "listening_note", ids, language, NOTE_FIELDS)
    return tuple(
        Said(
            note,
            table_label(tables, note.table_id),
            group or "",
            fields_shown(note.id, _written(note), stored, language),
        )
        for note, group in rows
    )


def _written(note: RecordNote) -> dict[str, str]:
    return {name: getattr(note, name) for name in NOTE_FIELDS}


def _notes_frame(notes: tuple[Said, ...]) -> pd.DataFrame:
    confirmed = {True: _("Yes"), False: _("No"), None: _("Not checked")}
    rows = [
        [
            said.table,
            # What was said first: a confidential note says so there.
            *(
                confidential.marked(_cell(said, name), n.confidential and name == "said")
                for name in NOTE_FIELDS
            ),
            said.group,
            confirmed[n.confirmed],
            # Text, not a datetime: Excel cannot store a time zone.
            f"{n.created_at:%Y-%m-%d %H:%M} UTC",
            _late(n.late),
        ]
        for said in notes
        for n in [said.note]
    ]
    return pd.DataFrame(rows, columns=NOTE_COLUMNS)


def _cell(said: Said, name: str) -> str:
    """A note's field for a file: a translation with what it is and its original after it
    (nothing opens in a file), else as written."""
    words = said.words.get(name)
    return with_original(words) if words is not None else getattr(said.note, name)


def _ideas(
    s: Session, meeting_id: int, tables: dict[int, str], secret_ok: bool
) -> tuple[Proposed, ...]:
    """What the tables proposed: every idea on the board and every one merged into another.

    A merged idea stays on its table's record: merging tidies duplicates on the wall (its
    votes move to the idea kept), but the table still proposed it, and the voice balance
    counts it. A hidden idea was taken off the board on purpose, and a waiting one never
    reached it: both stay out, as confidential ones do, unless a facilitator asks.
    """
    query = (
        select(
            Idea.id,
            Idea.table_id,
            Idea.text,
            Idea.status,
            Idea.merged_into_id,
            Idea.confidential,
            Idea.late,
            Stakeholder.name,
            Theme.name,
        )
        .outerjoin(Stakeholder, Stakeholder.id == Idea.stakeholder_id)
        .outerjoin(Theme, Theme.id == Idea.theme_id)
        .outerjoin(MeetingTable, MeetingTable.id == Idea.table_id)
        .where(Idea.meeting_id == meeting_id)
    )
    if not secret_ok:
        query = query.where(Idea.confidential.is_(False), Idea.status.in_(PROPOSED))
    order = (MeetingTable.number.is_(None), MeetingTable.number, Idea.created_at, Idea.id)
    rows = [
        (RecordIdea(id_, table, text, status, merged, secret, late), group, theme)
        for id_, table, text, status, merged, secret, late, group, theme in s.execute(
            query.order_by(*order)
        )
    ]
    language = i18n.current()
    stored = translations_for(s, "idea", [idea.id for idea, _g, _t in rows], language)
    return tuple(
        Proposed(
            idea, table_label(tables, idea.table_id), group or "", theme or "",
            shown(idea.text, stored.get(idea.id), language),
        )
        for idea, group, theme in rows
    )  # fmt: skip


def _ideas_frame(ideas: tuple[Proposed, ...]) -> pd.DataFrame:
    rows = []
    for proposed in ideas:
        idea = proposed.idea
        status = label(idea.status)
        if idea.status is IdeaStatus.MERGED and idea.merged_into_id:
            status = _("Merged into #{id}").format(id=idea.merged_into_id)
        elif idea.status is IdeaStatus.PENDING:
            status = _("Waiting for approval")
        words = with_original(proposed.words) if proposed.words else idea.text
        text = confidential.marked(words, idea.confidential)
        late = _late(idea.late)
        rows.append([proposed.table, text, proposed.group, proposed.theme, status, late])
    return pd.DataFrame(rows, columns=IDEA_COLUMNS)


def _late(late: bool) -> str:
    """The record's word for a late note or idea, in the reader's language; '' when on time."""
    return _(LATE_WORDS[True]) if late else LATE_WORDS[False]


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
