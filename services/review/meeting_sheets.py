"""A meeting's record as tables to take away: one CSV per table in a zip, or one workbook."""

from __future__ import annotations

import io
import zipfile

import pandas as pd

from adapters.spreadsheet import headed, safe_frame
from db.database import Database
from i18n import _
from services.core.actors import Actor
from services.review.meeting_record import MeetingRecord, collect
from services.review.meeting_report_trust import FRAME as TRUST
from services.review.meeting_report_trust import trust_file_frame

SHEET_MAX = 31
"""Excel refuses longer sheet names."""


def meeting_frames(
    db: Database, actor: Actor, meeting_id: int, include_private: bool = False
) -> dict[str, pd.DataFrame]:
    """One safe frame per table of the record; no contact details, confidential only if asked."""
    return safe_frames(collect(db, actor, meeting_id, include_private))


def safe_frames(record: MeetingRecord) -> dict[str, pd.DataFrame]:
    """The record's frames with spreadsheet formulas neutralised; the trust pulse with its
    numbers as numbers (the screen's table prints them as words)."""
    frames = dict(record.frames)
    if TRUST in frames:
        frames[TRUST] = trust_file_frame(record.trust)
    return {name: safe_frame(frame) for name, frame in frames.items()}


def tables_zip(db: Database, actor: Actor, meeting_id: int, include_private: bool = False) -> bytes:
    """Every table as a CSV (UTF-8 with a byte order mark, for Excel's accents) in one zip."""
    return zip_of(collect(db, actor, meeting_id, include_private))


def zip_of(record: MeetingRecord) -> bytes:
    """The zip of CSVs of a record already read (the one the Review screen shows)."""
    frames = safe_frames(record)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, frame in frames.items():
            data = headed(frame).to_csv(index=False).encode("utf-8-sig")
            archive.writestr(f"{_file_name(_(name))}.csv", data)
    return buffer.getvalue()


def tables_xlsx(
    db: Database, actor: Actor, meeting_id: int, include_private: bool = False
) -> bytes:
    """Every table as a sheet of one Excel workbook, header row frozen."""
    return xlsx_of(collect(db, actor, meeting_id, include_private))


def xlsx_of(record: MeetingRecord) -> bytes:
    """The workbook of a record already read (the one the Review screen shows)."""
    frames = safe_frames(record)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in frames.items():
            sheet_name = _(name)[:SHEET_MAX]
            headed(frame).to_excel(writer, sheet_name=sheet_name, index=False)
            sheet = writer.sheets[sheet_name]
            sheet.freeze_panes = "A2"
            for cells in sheet.columns:
                longest = max(len(str(c.value or "")) for c in cells)
                sheet.column_dimensions[cells[0].column_letter].width = min(60, longest + 2)
    return buffer.getvalue()


def _file_name(name: str) -> str:
    return name.lower().replace(" ", "_").replace("-", "_")
