"""Charter: the partnering charter in versions, each group's commitments, sign-off, PDF."""

import streamlit as st

import runtime
from components import charter_panels as panels
from components.notices import show_flash
from services.partner import charter_commitments, charter_signoff, charter_versions_screen, charters

here = runtime.page()
act = here.act
screen = charter_versions_screen.read(here.db, here.actor, here.initiative_id)
current = screen.versions[0] if screen.versions else None

st.title("Partnering charter")
show_flash()
if current is not None:
    shown = st.selectbox(
        "Version", screen.versions, format_func=lambda v: f"Version {v.version}", key="version"
    )
    latest = shown.charter_id == current.charter_id
    if not latest:
        st.warning(f"This is an older version. The charter in force is version {current.version}.")
    panels.charter_text(shown)
    st.header("Sign-off")
    panels.signoff_table(screen.signoff, current.version)
    if screen.may_sign and latest and st.button("Sign this version for my group", type="primary"):
        act(charter_signoff.sign, shown.charter_id, done="Signed. Thank you.")
    panels.charter_download(shown)
else:
    st.info("No charter drafted yet.")
if here.actor.is_facilitator:
    st.header("Draft a new version")
    st.caption("A new version needs every group to sign again.")
    panels.new_version_form(
        current,
        lambda *fields: act(
            charters.new_version, here.initiative_id, *fields, done="New version saved."
        ),
    )
    if current is not None:
        panels.commitment_form(
            screen.active_groups,
            lambda group, text: act(
                charter_commitments.set_commitment, current.charter_id, group, text,
                done="Commitment saved.",
            ),
        )  # fmt: skip
