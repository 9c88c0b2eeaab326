"""Set up › People › import: a roster from a CSV or Excel file, every bad row named.

An upload is read once, when it arrives, and kept by its file id: a rerun (any click on
the page) reuses it instead of reading the file again. After an import the uploader is
replaced by a fresh, empty one, and what was added stays in words until the next upload.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from components.notices import show_error
from components.setup.context import SetupContext
from components.setup_panels import problems_table
from components.text import escape_markdown
from i18n import N_, _, number
from services.core.errors import DomainError
from services.setup import roster_import
from services.setup.roster_check import check_roster
from services.setup.roster_file import (
    MAX_COLUMNS,
    MAX_MEGABYTES,
    MAX_PEOPLE,
    RosterFile,
    check_size,
    limits_in_words,
    parse_roster,
)

# Session keys: which uploader is on screen, the last upload as read, the last summary.
_ROUND = "roster_upload_round"
_READ = "roster_upload_read"
_SUMMARY = "roster_import_summary"

LABEL = N_("Import people from a CSV or Excel (.xlsx) file: {limits}")
HELP = N_(
    "The first row holds the headers: Name and Stakeholder group are needed; Email, Phone, "
    "Notes and Language (English or Spanish; empty is English) are read when present, by "
    "these names or their Spanish ones (Nombre, Grupo, Correo electrónico, Teléfono, Notas, "
    "Idioma). "
    "Group names are matched ignoring case, apostrophes, dashes and spaces. Up to "
    "{megabytes} MB, {people} people and {columns} columns per file: split a longer list "
    "into several files."
)


def roster_import_panel(ctx: SetupContext) -> None:
    """Upload, check every row, then import the whole file or only its good rows."""
    upload = st.file_uploader(
        _(LABEL).format(limits=limits_in_words()),
        type=["csv", "xlsx"],
        key=f"roster_upload_{st.session_state.get(_ROUND, 0)}",
        help=_(HELP).format(
            megabytes=MAX_MEGABYTES, people=number(MAX_PEOPLE), columns=MAX_COLUMNS
        ),
        max_upload_size=MAX_MEGABYTES,
    )
    if upload is None:
        st.session_state.pop(_READ, None)  # nothing on screen: keep nothing of it
        initiative_id, summary = st.session_state.get(_SUMMARY, (None, ""))
        if summary and initiative_id == ctx.initiative_id:
            st.success(escape_markdown(summary))
        return
    st.session_state.pop(_SUMMARY, None)
    parsed = _read_once(upload)
    if isinstance(parsed, DomainError):
        show_error(parsed)
        return
    try:
        check = check_roster(ctx.db, ctx.actor, ctx.initiative_id, parsed)
    except DomainError as error:
        show_error(error)
        return
    problems_table(check)
    whole, good_only = st.columns(2)
    if whole.button(_("Import the file"), type="primary", disabled=not check.good):
        _import(ctx, parsed, only_good_rows=False)
    if good_only.button(_("Import only the good rows"), disabled=not check.good):
        _import(ctx, parsed, only_good_rows=True)


def _read_once(upload: UploadedFile) -> RosterFile | DomainError:
    """The upload as read (or why it cannot be), read only when a new file arrives."""
    kept = st.session_state.get(_READ)
    if kept is not None and kept[0] == upload.file_id:
        return kept[1]
    try:
        check_size(upload.size, upload.name)  # before getvalue() copies it
        parsed: RosterFile | DomainError = parse_roster(upload.getvalue(), upload.name)
    except DomainError as error:
        parsed = error
    st.session_state[_READ] = (upload.file_id, parsed)
    return parsed


def _import(ctx: SetupContext, parsed: RosterFile, only_good_rows: bool) -> None:
    try:
        result = roster_import.import_roster(
            ctx.db, ctx.actor, ctx.initiative_id, parsed, only_good_rows
        )
    except DomainError as error:
        show_error(error)
        return
    # A new key is a new, empty uploader: the imported file cannot be imported twice by
    # a second click, and the summary below it says what was done.
    st.session_state[_ROUND] = st.session_state.get(_ROUND, 0) + 1
    st.session_state.pop(_READ, None)
    st.session_state[_SUMMARY] = (ctx.initiative_id, result.summary())
    st.rerun()
