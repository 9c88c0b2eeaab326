"""Invitations on Prepare: the printable sheet and the mail merge, and a short preview."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.downloads import prepared_download
from components.sheets import invitation_sheet_html
from i18n import _
from runtime import Database
from services.core.actors import Actor
from services.prepare import invitations
from services.prepare.prepare_screen import InvitationsOnScreen


def invitation_sheet_download(
    db: Database, actor: Actor, meeting_id: int, base: str, key: str
) -> None:
    """'Prepare the invitation sheet', then its download: two invitations to a page.

    Built on request: hundreds of QR codes are too much to draw on every run of a screen.
    """
    prepared_download(
        _("the invitation sheet"),
        lambda: invitation_sheet_html(
            invitations.meeting_heading(db, actor, meeting_id),
            invitations.invitations(db, actor, meeting_id, base),
        ),
        _("invitations.html"),
        key=key,
        of=(meeting_id, base),
    )


def invitations_panel(db: Database, actor: Actor, shown: InvitationsOnScreen) -> None:
    """How many are invited, the three downloads, and the first rows of the mail merge.

    The sheet is drawn from `shown`, the invitations the screen lists; the mail merge reads
    the contact details afresh, in the write that records its export in the audit trail.
    """
    counts, base, meeting_id = shown.counts, shown.base, shown.meeting_id
    if counts.invited == 0:
        st.info(_("No one to invite yet: add people on Set up, or import a roster there."))
        return
    invited = (
        _(
            "**{invited}** people get an invitation (left out: {absent} marked absent); "
            "**{with_email}** of them have an email address."
        )
        if counts.absent
        else _(
            "**{invited}** people get an invitation; **{with_email}** of them have an "
            "email address."
        )
    )
    st.markdown(
        invited.format(invited=counts.invited, absent=counts.absent, with_email=counts.with_email)
    )
    st.caption(
        _(
            "Each invitation carries two personal links: the survey, to answer before the "
            "meeting, and the ballot, to vote at it."
        )
    )
    if not counts.survey_open:
        st.warning(
            _(
                "The survey is closed, so survey links say so. Reopen it in Survey settings "
                "above before you send the invitations."
            )
        )
    if not shown.reachable:
        st.warning(
            _(
                "Links start with `{base}`, which only this computer can open. Set "
                "COMMON_GROUND_PUBLIC_URL to the address people reach this app by (README, "
                "Settings), or pick the room-network address on the Console, before you "
                "print or send."
            ).format(base=base)
        )
    sheet, csv, xlsx = st.columns(3)
    with sheet:
        prepared_download(
            _("the invitation sheet"),
            lambda: invitation_sheet_html(shown.heading, shown.people),
            _("invitations.html"),
            key="invitation-sheet",
            of=(meeting_id, base),
        )
    with csv:
        prepared_download(
            _("the mail-merge CSV"),
            lambda: invitations.mail_merge_csv(db, actor, meeting_id, base),
            _("invitations-mail-merge.csv"),
            key="mail-merge-csv",
            of=(meeting_id, base),
        )
    with xlsx:
        prepared_download(
            _("the mail-merge Excel file"),
            lambda: invitations.mail_merge_xlsx(db, actor, meeting_id, base),
            _("invitations-mail-merge.xlsx"),
            key="mail-merge-xlsx",
            of=(meeting_id, base),
        )
    st.caption(
        _(
            "The mail-merge files hold each person's email and phone, and their personal "
            "links: keep them private. Each one prepared is recorded in the audit trail."
        )
    )
    first = shown.preview
    st.dataframe(
        pd.DataFrame(
            [(i.name, i.group, i.survey_link) for i in first],
            columns=[_("Name"), _("Group"), _("Survey link")],
        ),
        hide_index=True,
        width="stretch",
    )
    st.caption(
        _("The first {shown} of {invited}, by name.").format(
            shown=len(first), invited=counts.invited
        )
    )
