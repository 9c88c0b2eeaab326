"""Charter: the partnering charter in versions, each group's commitments, sign-off, PDF."""

import streamlit as st

import runtime
from components.charter_panels import charter_text, new_version_form, signoff_table
from components.downloads import prepared_download
from components.notices import action_runner, show_flash
from services.core.vocab import Role
from services.partner import charter_commitments, charter_pdf, charter_signoff, charters
from services.setup import stakeholders

actor = runtime.require_actor()
db = runtime.database()
initiative_id, _ = runtime.require_meeting(actor)

act = action_runner(db, actor)


st.title("Partnering charter")
show_flash()
versions = charters.list_versions(db, actor, initiative_id)
groups = {g.id: g.name for g in stakeholders.list_stakeholders(db, initiative_id)}
if versions:
    shown = st.selectbox(
        "Version", versions, format_func=lambda c: f"Version {c.version}", key="version"
    )
    latest = shown.id == versions[0].id
    if not latest:
        st.warning(
            f"This is an older version. The charter in force is version {versions[0].version}."
        )
    charter_text(shown, charter_commitments.commitments(db, shown.id))
    st.header("Sign-off")
    signoff_table(charter_signoff.signoff_status(db, actor, initiative_id), versions[0].version)
    leader = actor.role is Role.LEADER and latest
    if leader and st.button("Sign this version for my group", type="primary"):
        act(charter_signoff.sign, shown.id, done="Signed. Thank you.")
    prepared_download(
        f"the charter, version {shown.version} (PDF)",
        # Built only when asked for, not on every run of the page.
        lambda: charter_pdf.charter_pdf(db, actor, initiative_id, shown.id),
        f"partnering-charter-v{shown.version}.pdf",
        "application/pdf",
        key=f"charter-{shown.id}",
    )
else:
    st.info("No charter drafted yet.")
if actor.is_facilitator:
    st.header("Draft a new version")
    st.caption("A new version needs every group to sign again.")
    new_version_form(
        versions[0] if versions else None,
        groups,
        lambda *fields: act(
            charters.new_version, initiative_id, *fields, done="New version saved."
        ),
    )
    if versions:
        with st.expander("A group's commitment in the current version"):
            # Retired groups make no new commitments.
            active = {
                g.id: g.name
                for g in stakeholders.list_stakeholders(db, initiative_id, include_retired=False)
            }
            group = st.selectbox("Group", list(active), format_func=active.get, index=None)
            text = st.text_area("What the group commits to")
            if st.button("Save the commitment") and group is not None:
                act(
                    charter_commitments.set_commitment, versions[0].id, group, text,
                    done="Commitment saved.",
                )  # fmt: skip
