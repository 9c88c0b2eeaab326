"""Set up › People › import: a roster from a CSV or Excel file, every bad row named."""

from __future__ import annotations

import streamlit as st

from components.notices import show_error
from components.setup.context import SetupContext
from components.setup_panels import problems_table
from services import roster_import
from services.errors import DomainError
from services.roster_check import check_roster
from services.roster_file import parse_roster


def roster_import_panel(ctx: SetupContext) -> None:
    """Upload, check every row, then import the whole file or only its good rows."""
    upload = st.file_uploader("Import people from a CSV or Excel file", type=["csv", "xlsx"])
    if upload is None:
        return
    try:
        parsed = parse_roster(upload.getvalue(), upload.name)
        problems_table(check_roster(ctx.db, ctx.actor, ctx.initiative_id, parsed))
        clean, good_only = st.columns(2)
        if clean.button("Import the file", type="primary"):
            ctx.act(roster_import.import_roster, ctx.initiative_id, parsed, done="Roster imported.")
        if good_only.button("Import only the good rows"):
            ctx.act(
                roster_import.import_roster,
                ctx.initiative_id,
                parsed,
                True,
                done="Good rows imported.",
            )
    except DomainError as error:
        show_error(error)
