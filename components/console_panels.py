"""Panels of the facilitator's console: live table activity and voice balance, in words."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.charts import render_voice_chart
from components.text import escape_markdown
from i18n import _
from services.room.activity import TableActivity
from services.room.voice import VoiceBalance


def activity_table(rows: list[TableActivity], window_minutes: int) -> None:
    """Notes, ideas and votes per table in the last minutes; silent tables named first."""
    silent = [r.number for r in rows if r.silent]
    if silent:
        tables = ", ".join(str(n) for n in silent)
        st.warning(
            _("Silent in the last {minutes} minutes: table {tables}.").format(
                minutes=window_minutes, tables=tables
            )
        )
    frame = pd.DataFrame(
        [
            {
                _("Table"): r.number,
                _("Scribe"): r.scribe_name or _("— none —"),
                _("Notes"): r.notes,
                _("Ideas"): r.ideas,
                _("Votes"): r.votes,
                _("State"): _("silent") if r.silent else _("active"),
            }
            for r in sorted(rows, key=lambda r: (not r.silent, r.number))
        ]
    )
    st.dataframe(frame, hide_index=True, width="stretch")


def voice_panel(summary: VoiceBalance) -> None:
    """Each group's share of what was said against its share of the room."""
    if summary.too_early:
        st.info(
            _("Too early to judge voice balance: {count} notes and ideas so far.").format(
                count=summary.contributions
            )
        )
        return
    quiet = [s.name for s in summary.shares if s.under_heard]
    if quiet:
        names = ", ".join(escape_markdown(n) for n in quiet)
        st.warning(_("Under-heard: {names}. Invite them in.").format(names=names))
    else:
        st.success(_("Every group present is being heard in proportion to its seats."))
    render_voice_chart(summary.shares, key="voice")
    if summary.unattributed:
        st.caption(
            _("{count} notes and ideas have no group and are not counted.").format(
                count=summary.unattributed
            )
        )
