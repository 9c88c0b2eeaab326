"""Listen: what a table heard — said, paraphrased back, and the interest beneath."""

import streamlit as st

import runtime
from components.cards import newest_first, note_list
from components.drafts import table_draft
from components.forms import CONFIRMED_LABELS, FIRST_ANSWER, form_saved, submission_key
from components.notices import (
    flash_and_rerun,
    refuse,
    show_error,
    show_flash,
)
from components.room_banner import follow_room
from components.scribe_forms import save_button
from services.core.errors import DomainError
from services.core.scope import check_table_access_for
from services.room import late_notes, notes, room_control
from services.setup import stakeholders
from workarounds.fragment_inline_call import InlineCall

actor = runtime.require_actor()
db = runtime.database()
initiative_id, meeting_id = runtime.require_meeting(actor)
table = runtime.table_in_focus(actor, meeting_id)
try:
    check_table_access_for(db, actor, table.id if table else None)
except DomainError as error:
    refuse(error.message)

st.title(f"Listen · table {table.number}" if table else "Listen · every table")
state = room_control.room_state(db, meeting_id, actor=actor)
follow_room(lambda: room_control.room_state(db, meeting_id, actor=actor), state, actor)
show_flash()
groups = {g.id: g.name for g in stakeholders.list_stakeholders(db, initiative_id)}


def group_of(note) -> str:
    return groups.get(note.stakeholder_id, "")


table_notes = notes.list_notes(db, actor, meeting_id, table.id if table else None)
inline = InlineCall()


fields = ("said", "heard", "interest", "prompt")
draft = table_draft(meeting_id, table.id, "note", *fields) if table else None
gate = late_notes.input_gate(state, actor.is_facilitator)
_OUTCOME = "_note_outcome"


def save_note() -> None:
    """Before the form is drawn again: saved, its fields empty; refused, they keep the text."""
    value = st.session_state.get
    try:
        saved = notes.add_note(
            db, actor, table.id, draft.value("said"), draft.value("heard"),
            draft.value("interest"), value("note_group"),
            CONFIRMED_LABELS[value("note_confirmed", FIRST_ANSWER)], draft.value("prompt"),
            value("note_secret", False), submission_key("note"),
        )  # fmt: skip
    except DomainError as error:
        st.session_state[_OUTCOME] = error
        return
    form_saved("note")
    draft.saved()
    st.session_state.update(note_group=None, note_confirmed=FIRST_ANSWER, note_secret=False)
    st.session_state[_OUTCOME] = "Note saved, marked late." if saved.late else "Note saved."


@st.fragment
def note_form(drawn: list) -> None:
    """The note form, the count, corrections, and the notes newer than the page's list.

    A fragment, so saving a note redraws this and not the page: a whole run per note
    cost five times the floor's time in a 60-person room (bench/).
    """
    result = st.session_state.pop(_OUTCOME, None)  # left by save_note, which ran first
    # Not cleared on submit: a refused save keeps every word in the fields.
    with st.form("note"):
        draft.keep()
        st.text_area("What was said", height=120, key=draft.key("said"))
        st.text_area("What I heard (the paraphrase back)", height=100, key=draft.key("heard"))
        st.text_area("The interest or need underneath", height=80, key=draft.key("interest"))
        st.selectbox(
            "Speaker's stakeholder group", list(groups), format_func=groups.get, index=None,
            key="note_group",
        )  # fmt: skip
        st.radio(
            "Did the speaker confirm the paraphrase?", list(CONFIRMED_LABELS), horizontal=True,
            key="note_confirmed",
        )  # fmt: skip
        st.text_input("Dialogue question it answers (optional)", key=draft.key("prompt"))
        st.checkbox("Confidential: keep it off the projector and out of reports", key="note_secret")
        refused = isinstance(result, DomainError)
        sent = save_button(gate, "Save note", "Save as a late note", save_note, refused=refused)
    # Always there, so what follows keeps its place when the message goes: moved, the
    # "Correct a note" expander was drawn anew, closed, as a note was picked in it.
    outcome = st.empty()
    if refused:
        with outcome:
            show_error(result)
    elif result:
        outcome.success(result)
    fresh = not inline.first() or sent
    current = notes.list_notes(db, actor, meeting_id, table.id) if fresh else drawn
    count_header(current)
    if current:
        correction(current)
    shown = {n.id for n in drawn}
    note_list([n for n in current if n.id not in shown], group_of)


def count_header(listed: list) -> None:
    st.header(f"Notes so far ({len(listed)})")
    if not listed:
        st.info("No listening notes yet.")


def correction(table_notes: list) -> None:
    """Pick one of the table's notes and correct it."""
    with st.expander("Correct a note"):
        chosen = st.selectbox(
            "Note to correct",
            table_notes,
            format_func=lambda n: n.said[:80],
            index=None,
        )
        if chosen is None:
            return
        with st.form(f"edit-{chosen.id}"):
            said = st.text_area("What was said", chosen.said)
            heard = st.text_area("What I heard", chosen.paraphrase)
            interest = st.text_area("The interest or need underneath", chosen.interest)
            group = st.selectbox(
                "Speaker's stakeholder group", list(groups), format_func=groups.get,
                index=list(groups).index(chosen.stakeholder_id)
                if chosen.stakeholder_id in groups else None,
            )  # fmt: skip
            answer = {v: k for k, v in CONFIRMED_LABELS.items()}[chosen.confirmed]
            confirmed = st.radio(
                "Did the speaker confirm the paraphrase?", list(CONFIRMED_LABELS),
                index=list(CONFIRMED_LABELS).index(answer), horizontal=True,
            )  # fmt: skip
            secret = st.checkbox("Confidential", chosen.confidential)
            if st.form_submit_button("Save correction"):
                try:
                    notes.update_note(
                        db, actor, chosen.id, said, heard, interest, group,
                        CONFIRMED_LABELS[confirmed], chosen.prompt, secret,
                    )  # fmt: skip
                    flash_and_rerun("Correction saved.")
                except DomainError as error:
                    show_error(error)


if table is not None:
    note_form(table_notes)
else:
    count_header(table_notes)
note_list(newest_first(table_notes, "notes", key="all-notes"), group_of)
