"""Charter: the partnering charter in versions, each group's commitments, sign-off, PDF."""

import streamlit as st

import runtime
from components import charter_panels as panels
from components.notices import show_flash
from i18n import _
from services.partner import charter_commitments, charter_signoff, charter_versions_screen, charters

here = runtime.page()
act = here.act
screen = charter_versions_screen.read(here.db, here.actor, here.initiative_id)
current = screen.versions[0] if screen.versions else None

st.title(_("Partnering charter"))
show_flash()
if current is not None:
    shown = panels.version_picker(screen.versions)
    latest = shown.charter_id == current.charter_id
    if not latest:
        st.warning(
            _("This is an older version. The charter in force is version {number}.").format(
                number=current.version
            )
        )
    panels.charter_text(shown, act if here.actor.is_facilitator else None)
    st.header(_("Sign-off"))
    panels.signoff_table(screen.signoff, current.version)
    if latest:
        panels.sign_here(
            screen,
            lambda: act(charter_signoff.sign, shown.charter_id, done=_("Signed. Thank you.")),
        )
    panels.charter_download(shown)
else:
    st.info(_("No charter drafted yet."))
if here.actor.is_facilitator:
    st.header(_("Draft a new version"))
    st.caption(_("A new version needs every group to sign again."))
    panels.new_version_form(
        current,
        lambda *fields: act(
            charters.new_version, here.initiative_id, *fields, done=_("New version saved.")
        ),
    )
    if current is not None:
        panels.commitment_form(
            screen.active_groups,
            lambda group, text, charter_id=current.charter_id: act(
                charter_commitments.set_commitment, charter_id, group, text,
                done=_("Commitment saved."),
            ),
            current.version if screen.latest_signed else None,
        )  # fmt: skip
