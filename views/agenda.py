"""Agenda: the meeting's steps in order; leaders comment on each and approve the whole."""

import streamlit as st

import runtime
from components.agenda_form import step_form
from components.late_notes_toggle import late_notes_toggle
from components.notices import action_runner, show_flash
from components.text import escape_markdown
from services.agenda import agenda, agenda_review
from services.core.vocab import Role, label

actor = runtime.require_actor()
db = runtime.database()
_, meeting_id = runtime.require_meeting(actor)
act = action_runner(db, actor)

st.title("Agenda")
show_flash()
items = agenda.list_agenda(db, meeting_id, actor=actor)
review = agenda_review.approval_status(db, actor, meeting_id)
total = sum(i.minutes for i in items)
if review.approved:
    st.success(f"Approved by the Thought Leader Team · {len(items)} steps, {total} minutes")
else:
    waiting = ", ".join(escape_markdown(n) for n in review.waiting_for) or "nobody"
    st.warning(f"Draft: waiting for approval from {waiting} · {len(items)} steps, {total} minutes")
for who in review.approvers:
    st.caption(
        escape_markdown(f"Approved by {who.name} ({who.group}) on {who.approved_at:%d %b %H:%M}")
    )
if actor.role is Role.LEADER:
    mine = any(a.account_id == actor.account_id for a in review.approvers)
    if not mine and st.button("Approve this agenda", type="primary"):
        act(agenda_review.approve, meeting_id, done="Your approval is recorded.")
    if mine and st.button("Withdraw my approval"):
        act(agenda_review.withdraw_approval, meeting_id, done="Approval withdrawn.")

if actor.is_facilitator and not items:
    st.info("This meeting has no agenda yet: start from the standard one and change it.")
    if st.button("Start from the standard agenda (10 steps, the seven skills)", type="primary"):
        act(agenda.add_standard_agenda, meeting_id, done="The standard agenda is in place.")
if actor.is_facilitator:
    with st.expander("Add a step", expanded=False):
        step_form(
            "new-step", None,
            lambda *f: act(agenda.add_item, meeting_id, *f, done="Step added."),
            "Add the step",
        )  # fmt: skip
notes = agenda_review.comments(db, actor, meeting_id)
for item in items:
    with st.container(border=True):
        skill = f" · {label(item.skill)}" if item.skill else ""
        st.markdown(
            f"**{item.position}. {escape_markdown(item.title)}** · {item.minutes} min{skill}"
        )
        if item.goal:
            st.markdown(f"*Goal:* {escape_markdown(item.goal)}")
        if item.materials:
            st.markdown(f"*Materials:* {escape_markdown(item.materials)}")
        for note in notes.get(item.id, []):
            st.caption(escape_markdown(f"{note.author}: {note.text}"))
        if actor.is_facilitator:
            with st.expander("Change this step"):
                step_form(
                    f"edit-{item.id}", item,
                    lambda *f, i=item.id: act(agenda.update_item, i, *f, done="Step saved."),
                    "Save the step",
                )  # fmt: skip
                late_notes_toggle(db, actor, item, key="agenda-late-notes")
                up, down, drop = st.columns(3)
                if up.button("Move up", key=f"up-{item.id}", disabled=item.position == 1):
                    act(agenda.move_item, item.id, -1, done="Moved up.")
                if down.button("Move down", key=f"down-{item.id}", disabled=item is items[-1]):
                    act(agenda.move_item, item.id, +1, done="Moved down.")
                if drop.button("Remove the step", key=f"drop-{item.id}"):
                    act(agenda.delete_item, item.id, done="Step removed.")
        if actor.role in (Role.LEADER, Role.FACILITATOR):
            with st.form(f"comment-{item.id}", clear_on_submit=True):
                text = st.text_input("Comment on this step", key=f"c-{item.id}")
                if st.form_submit_button("Add comment"):
                    act(agenda_review.comment, item.id, text, done="Comment added.")
