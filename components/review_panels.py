"""The record of a meeting as the Thought Leader Team reads it, section by section."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import pandas as pd
import streamlit as st

import runtime
from components.cards import ShownIdea, ShownNote, idea_list, idea_origin, note_list
from components.downloads import prepared_download
from components.translated import list_note
from i18n import _, ngettext
from services.archive import initiative_export
from services.review import meeting_report, meeting_sheets
from services.review.meeting_record import MeetingRecord
from services.review.review_screen import TableHeard
from services.translations.shown import Shown


def figures(counts: tuple[tuple[str, int], ...]) -> None:
    """The line of counts at the top of the record (named by the service, translated here)."""
    for column, (name, count) in zip(st.columns(len(counts)), counts, strict=True):
        column.metric(_(name), count)


def tables_record(tables: tuple[TableHeard, ...]) -> None:
    """Per table, what it heard and what it proposed; then what no table put forward.

    A table's record is drawn only while its expander is open: a closed expander's content
    is still built and sent on every run, and at 10× the data fifty tables' notes and ideas
    were most of the page (bench/), though a reader opens one table at a time.
    """
    for table in tables:
        where = (
            _("Table {number}").format(number=table.number)
            if table.number is not None
            else _("Whole room")
        )
        notes = ngettext("{n} note", "{n} notes", len(table.notes)).format(n=len(table.notes))
        ideas = ngettext("{n} idea", "{n} ideas", len(table.ideas)).format(n=len(table.ideas))
        # Translators: "Table 3: 12 notes, 4 ideas".
        label = _("{where}: {notes}, {ideas}").format(where=where, notes=notes, ideas=ideas)
        key = f"review-table-{table.number if table.number is not None else 'room'}"
        box = st.expander(label, key=key, on_change="rerun")
        if box.open:
            with box:
                _table_record(table)


def _table_record(table: TableHeard) -> None:
    group = {said.note.id: said.group for said in table.notes}
    note_words = {said.note.id: said.words for said in table.notes}
    origin = {p.idea.id: (p.group, table.number, p.theme) for p in table.ideas}
    words = {p.idea.id: p.words for p in table.ideas}
    # The record holds the database's rows, whose `Mapped[...]` columns pyright does not
    # match against the lists' protocols, though they read as the same values.
    notes = cast("Sequence[ShownNote]", [said.note for said in table.notes])
    ideas = cast("Sequence[ShownIdea]", [p.idea for p in table.ideas])
    note_list(notes, lambda n: group[n.id], lambda n: note_words[n.id])
    idea_list(
        ideas,
        lambda i: [*_note_of(words[i.id]), *idea_origin(i, *origin[i.id])],
        lambda i: shown_words.text if (shown_words := words[i.id]) else i.text,
    )


def _note_of(words: Shown | None) -> list[str]:
    """Whether an idea is shown by its translation, in words (components/translated.py)."""
    return list_note(words) if words else []


def conflicts_record(record: MeetingRecord) -> None:
    """Each conflict with its status, the agreement reached or the next step."""
    items = record.conflicts
    if not items:
        st.info(_("No conflicts were logged."))
        return
    # The record's own table, as the report and the spreadsheets print it: the same words,
    # a translation with its original beside it.
    frame = record.frames["Conflicts"]
    columns = ("Issue", "Status", "Agreement", "Next step", "Owner")
    shown = pd.DataFrame({_(column): frame[column] for column in columns})
    st.dataframe(shown, hide_index=True, width="stretch")


def record_downloads(record: MeetingRecord) -> None:
    """The report and every table of the record shown above, built from that same record."""
    report_col, zip_col, xlsx_col = st.columns(3)
    # A file with confidential items says so in its name, once it is out of the app.
    secret = record.private
    of = (record.meeting_id, secret)
    with report_col:
        prepared_download(
            # Translators: follows "Prepare" and "Download" on the buttons.
            _("the meeting report (PDF)"),
            lambda: meeting_report.report_pdf(record),
            _("meeting-report-confidential.pdf") if secret else _("meeting-report.pdf"),
            key="report",
            of=of,
        )
    with zip_col:
        prepared_download(
            _("every table (CSV, zipped)"),
            lambda: meeting_sheets.zip_of(record),
            _("meeting-tables-confidential.zip") if secret else _("meeting-tables.zip"),
            key="tables-zip",
            of=of,
        )
    with xlsx_col:
        prepared_download(
            _("every table (one Excel workbook)"),
            lambda: meeting_sheets.xlsx_of(record),
            _("meeting-tables-confidential.xlsx") if secret else _("meeting-tables.xlsx"),
            key="tables-xlsx",
            of=of,
        )


def full_export(here: runtime.StaffPage) -> None:
    """The whole initiative as JSON, for a facilitator: more than this meeting's record."""
    st.header(_("Full export"))
    private = st.checkbox(
        _(
            "Include participants' contact details and badge codes, their survey answers and "
            "votes, and confidential items"
        ),
        help=_("Leave this off for anything that leaves the facilitation team."),
    )
    prepared_download(
        _("the whole initiative (JSON)"),
        lambda: initiative_export.to_json(
            initiative_export.export_initiative(here.db, here.actor, here.initiative_id, private)
        ),
        _("initiative-export-private.json") if private else _("initiative-export.json"),
        key="initiative-json",
        of=(here.initiative_id, private),
    )
    st.caption(
        _("A facilitator can load this file into an empty installation, losing nothing.")
        if private
        else _(
            "A facilitator can load this file into an empty installation, without what the "
            "box above leaves out; each person gets a new badge code."
        )
    )
