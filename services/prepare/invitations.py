"""Invitations: each person's survey and voting links, for the printed sheet and a mail merge.

The mail merge carries email addresses and phone numbers out of the app, so only a
facilitator can make it, and each one made is recorded in the audit trail.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from adapters.room_links import survey_link, vote_link
from adapters.spreadsheet import headed, safe_frame
from db.database import Database
from db.models import Initiative, Meeting, MeetingTable, Participant, Stakeholder
from db.models.enums import Role
from i18n import ENGLISH, LANGUAGES, N_, _
from services.core import audit
from services.core.actors import Actor, require_role
from services.core.codes import display_code
from services.core.meeting_time import in_its_zone
from services.core.roster_scope import ON_ROSTER, PRESENT
from services.core.validation import require

MAIL_MERGE_COLUMNS = [
    N_("Name"),
    N_("Group"),
    N_("Table"),
    N_("Email"),
    N_("Phone"),
    N_("Language"),
    N_("Survey link"),
    N_("Voting link"),
    N_("Code"),
]
"""The mail merge's columns, headed in the facilitator's language where the file is made
(a letter template's merge fields are written in it). A person's language is named in its
own words ("Español"), to pick each person's letter by."""
SHEET_NAME = N_("Invitations")


@dataclass(frozen=True)
class MeetingHeading:
    """What an invitation says about the meeting; `starts_at` is in the meeting's own time
    zone (UTC for a meeting that has none)."""

    initiative: str
    title: str
    starts_at: datetime | None
    location: str


@dataclass(frozen=True)
class Invitation:
    """One person's invitation. `code` is as stored, as the links carry it."""

    name: str
    group: str
    table: int | None
    code: str
    survey_link: str
    vote_link: str
    language: str = ENGLISH
    """The person's own language: their invitation is printed in it."""

    @property
    def shown_code(self) -> str:
        """The code as people read and type it: `K7QM-4TPX`."""
        return display_code(self.code)


@dataclass(frozen=True)
class InvitationCounts:
    """How many people get an invitation, how many of them have an email, who is left out."""

    invited: int
    with_email: int
    absent: int
    survey_open: bool


def meeting_heading(db: Database, actor: Actor, meeting_id: int) -> MeetingHeading:
    """The initiative's name and the meeting's title, start and place."""
    require_role(actor, Role.FACILITATOR)  # only the invitation sheet, a facilitator's, asks
    with db.read() as s:
        return heading_in(s, meeting_id)


def heading_in(s: Session, meeting_id: int) -> MeetingHeading:
    """`meeting_heading` inside a read the caller holds."""
    meeting = require(s, Meeting, meeting_id, N_("meeting"))
    initiative = s.get_one(Initiative, meeting.initiative_id)
    starts = in_its_zone(meeting.starts_at, meeting.time_zone)
    return MeetingHeading(initiative.name, meeting.title, starts, meeting.location)


def invitations(db: Database, actor: Actor, meeting_id: int, base: str) -> list[Invitation]:
    """Everyone on the roster who is not marked absent, by name, with their two links.

    No contact details: this is what the printed sheet and the screen need.
    """
    require_role(actor, Role.FACILITATOR)  # the codes let anyone answer as the person
    with db.read() as s:
        return invitations_in(s, meeting_id, base)


def invitations_in(s: Session, meeting_id: int, base: str) -> list[Invitation]:
    """`invitations` inside a read the caller holds, after it has checked the actor."""
    return [invitation for invitation, _, _ in _invited(s, meeting_id, base)]


def invitation_counts(db: Database, actor: Actor, meeting_id: int) -> InvitationCounts:
    """How many invitations there are, how many can go by email, how many are left out."""
    require_role(actor, Role.FACILITATOR)
    with db.read() as s:
        return counts_in(s, meeting_id)


def counts_in(s: Session, meeting_id: int) -> InvitationCounts:
    """`invitation_counts` inside a read the caller holds, after it has checked the actor."""
    meeting = require(s, Meeting, meeting_id, N_("meeting"))
    initiative = s.get_one(Initiative, meeting.initiative_id)
    roster = select(func.count()).where(
        Participant.initiative_id == meeting.initiative_id, ON_ROSTER
    )
    present = roster.where(PRESENT)
    return InvitationCounts(
        invited=s.scalar(present) or 0,
        with_email=s.scalar(present.where(Participant.email != "")) or 0,
        absent=s.scalar(roster.where(Participant.absent.is_(True))) or 0,
        survey_open=initiative.survey_open,
    )


def mail_merge_csv(db: Database, actor: Actor, meeting_id: int, base: str) -> bytes:
    """The mail merge as CSV, UTF-8 with a byte order mark so Excel reads accents right.

    Carries contact details: recorded in the audit trail as "contacts_exported".
    """
    frame = _exported_frame(db, actor, meeting_id, base, "csv")
    buffer = io.BytesIO()
    frame.to_csv(buffer, index=False, encoding="utf-8-sig")
    return buffer.getvalue()


def mail_merge_xlsx(db: Database, actor: Actor, meeting_id: int, base: str) -> bytes:
    """The mail merge as an Excel workbook with one sheet, "Invitations".

    Carries contact details: recorded in the audit trail as "contacts_exported".
    """
    frame = _exported_frame(db, actor, meeting_id, base, "xlsx")
    buffer = io.BytesIO()
    name = _(SHEET_NAME)
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name=name, index=False)
        sheet = writer.sheets[name]
        sheet.freeze_panes = "A2"
        for cells in sheet.columns:
            longest = max(len(str(c.value or "")) for c in cells)
            sheet.column_dimensions[cells[0].column_letter].width = min(60, longest + 2)
    return buffer.getvalue()


def _exported_frame(
    db: Database, actor: Actor, meeting_id: int, base: str, file_format: str
) -> pd.DataFrame:
    """The mail-merge rows, every text cell made safe; the export is audited in the same
    transaction that read them, so no file leaves without its entry."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        found = _invited(s, meeting_id, base)
        rows = [
            [
                i.name,
                i.group,
                i.table,
                email,
                phone,
                LANGUAGES.get(i.language, i.language),
                i.survey_link,
                i.vote_link,
                i.shown_code,
            ]
            for i, email, phone in found
        ]
        meeting = s.get_one(Meeting, meeting_id)
        detail = {"meeting_id": meeting_id, "format": file_format, "people": len(rows)}
        audit.record(
            s,
            actor,
            audit.Change(
                entity="initiative",
                entity_id=meeting.initiative_id,
                action="contacts_exported",
                detail=detail,
                initiative_id=meeting.initiative_id,
            ),
        )
    frame = pd.DataFrame(rows, columns=MAIL_MERGE_COLUMNS)
    # A whole number column with blanks, not 1.0 and NaN: a person may have no table yet.
    frame["Table"] = frame["Table"].astype("Int64")
    return headed(safe_frame(frame))


def _invited(s: Session, meeting_id: int, base: str) -> list[tuple[Invitation, str, str]]:
    """Each person not marked absent with their email and phone, by name.

    The table is named only when it is one of this meeting's: a seat from another meeting
    of the initiative would send the person to the wrong table.
    """
    meeting = require(s, Meeting, meeting_id, N_("meeting"))
    query = (
        select(Participant, Stakeholder.name, MeetingTable.number)
        .join(Stakeholder, Stakeholder.id == Participant.stakeholder_id)
        .outerjoin(
            MeetingTable,
            (MeetingTable.id == Participant.table_id) & (MeetingTable.meeting_id == meeting_id),
        )
        .where(Participant.initiative_id == meeting.initiative_id)
        .where(PRESENT)
        .order_by(func.lower(Participant.name), Participant.id)
    )
    return [
        (
            Invitation(
                name=person.name,
                group=group,
                table=table,
                code=person.code,
                survey_link=survey_link(base, person.code),
                vote_link=vote_link(base, person.code),
                language=person.language,
            ),
            person.email,
            person.phone,
        )
        for person, group, table in s.execute(query)
    ]
