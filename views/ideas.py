"""Ideas: the divergent idea board — a table's ideas, or the facilitator's whole board."""

import streamlit as st

import runtime
from components import moderation
from components.approval_queue import added_message, approval_queue, waiting_for_approval
from components.cards import idea_list, idea_origin, newest_first
from components.drafts import table_draft
from components.forms import form_saved, submission_key
from components.notices import (
    action_runner,
    refuse,
    show_error,
    show_flash,
)
from components.room_banner import follow_room
from components.scribe_forms import save_button
from components.wordcloud import show_word_cloud
from services.core.errors import DomainError
from services.core.scope import check_table_access_for
from services.room import idea_merge, ideas, late_notes, room_control, themes
from services.setup import stakeholders, tables
from workarounds.fragment_inline_call import InlineCall

actor = runtime.require_actor()
db = runtime.database()
initiative_id, meeting_id = runtime.require_meeting(actor)
table = runtime.table_in_focus(actor, meeting_id)
try:
    check_table_access_for(db, actor, table.id if table else None)
except DomainError as error:
    refuse(error.message)

act = action_runner(db, actor)


st.title(f"Ideas · table {table.number}" if table else "Idea board")
show_flash()
state = room_control.room_state(db, meeting_id, actor=actor)
follow_room(lambda: room_control.room_state(db, meeting_id, actor=actor), state, actor)
groups = {g.id: g.name for g in stakeholders.list_stakeholders(db, initiative_id)}
numbers = {t.id: t.number for t in tables.list_tables(db, meeting_id)}
theme_names = {t.id: t.name for t in themes.list_themes(db, actor, meeting_id)}

if actor.is_facilitator and table is None:
    approval_queue(db, actor, meeting_id)
    left, right = st.columns(2)
    pick_tables = left.multiselect("Tables", sorted(numbers.values()), placeholder="All tables")
    pick_groups = right.multiselect("Groups", list(groups), format_func=groups.get)
    show_hidden = st.toggle("Show hidden and merged ideas")
    board = ideas.list_ideas(db, meeting_id, include_hidden=show_hidden, actor=actor)
    board = [
        i
        for i in board
        if (not pick_tables or numbers.get(i.table_id) in pick_tables)
        and (not pick_groups or i.stakeholder_id in pick_groups)
    ]
    visible = [i for i in board if i.status.value == "visible"]
    with st.expander("Moderate: edit, hide, merge, group into themes"):
        tab_edit, tab_merge, tab_theme = st.tabs(["Edit or hide", "Merge duplicates", "Themes"])
        with tab_edit:
            moderation.edit_panel(
                board,
                on_save=lambda i, t: act(
                    ideas.update_idea, i.id, t, i.stakeholder_id, i.confidential, done="Saved."
                ),
                on_toggle=lambda i, hidden: act(
                    ideas.show_idea if hidden else ideas.hide_idea, i.id, done="Done."
                ),
            )
        with tab_merge:
            moderation.merge_panel(
                visible, on_merge=lambda k, d: act(idea_merge.merge_ideas, k, d, done="Merged.")
            )
        with tab_theme:
            moderation.theme_panel(
                visible,
                theme_names,
                on_create=lambda n: act(themes.create_theme, meeting_id, n, done="Theme added."),
                on_assign=lambda ids, t: act(themes.assign_theme, ids, t, done="Grouped."),
            )
    show_word_cloud([i.text for i in visible if not i.confidential], key="board-cloud")
else:
    board = ideas.list_ideas(db, meeting_id, table_id=table.id if table else None, actor=actor)


def origin(idea) -> list[str]:
    return idea_origin(
        idea, groups.get(idea.stakeholder_id, ""), numbers.get(idea.table_id),
        theme_names.get(idea.theme_id, ""),
    )  # fmt: skip


def count_header(listed: list) -> None:
    st.header(f"Ideas ({len(listed)})")
    if not listed:
        st.info("No ideas yet.")


inline = InlineCall()


draft = table_draft(meeting_id, table.id, "idea", "text") if table else None
gate = late_notes.input_gate(state, actor.is_facilitator)
_OUTCOME = "_idea_outcome"


def save_idea() -> None:
    """Before the form is drawn again: saved, its field empty; refused, it keeps the text."""
    value = st.session_state.get
    try:
        saved = ideas.add_idea(
            db, actor, table.id, draft.value("text"), value("idea_group"),
            value("idea_secret", False), submission_key=submission_key("idea"),
        )  # fmt: skip
    except DomainError as error:
        st.session_state[_OUTCOME] = error
        return
    form_saved("idea")
    draft.saved()
    st.session_state.update(idea_group=None, idea_secret=False)
    said = added_message(saved)
    st.session_state[_OUTCOME] = f"{said} Marked late: input had closed." if saved.late else said


@st.fragment
def idea_form(drawn: list) -> None:
    """The idea form, the count, and the table's ideas newer than the page's list.

    A fragment, so adding an idea redraws this and not the page: a whole run per idea
    cost five times the floor's time in a 60-person room (bench/).
    """
    result = st.session_state.pop(_OUTCOME, None)  # left by save_idea, which ran first
    # Not cleared on submit: a refused save keeps every word in the field.
    with st.form("idea"):
        draft.keep()
        st.text_area("The idea", height=100, key=draft.key("text"))
        st.selectbox(
            "Stakeholder group of the person who raised it",
            list(groups), format_func=groups.get, index=None, key="idea_group",
        )  # fmt: skip
        st.checkbox("Confidential: keep it off the projector and out of reports", key="idea_secret")
        refused = isinstance(result, DomainError)
        sent = save_button(gate, "Add idea", "Add as a late idea", save_idea, refused=refused)
    if refused:
        show_error(result)
    elif result:
        st.success(result)
    waiting_for_approval(db, actor, table.id)
    fresh = not inline.first() or sent
    now = ideas.list_ideas(db, meeting_id, table.id, actor=actor) if fresh else drawn
    count_header(now)
    shown = {i.id for i in drawn}
    idea_list([i for i in now if i.id not in shown][::-1], origin)


if table is not None:
    idea_form(board)
else:
    count_header(board)
idea_list(newest_first(board[::-1], "ideas", key="all-ideas"), origin)
