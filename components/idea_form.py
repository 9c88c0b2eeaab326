"""A table's idea form, with the table's ideas newer than the page's list below it."""

from __future__ import annotations

from functools import partial

import streamlit as st

import i18n
from components.approval_queue import added_message, waiting_for_approval
from components.cards import idea_list
from components.drafts import table_draft
from components.forms import submission_key
from components.idea_board import count_header, origin, reading
from components.live_region import live_region
from components.scribe_forms import TableForm, save_button, show_outcome
from i18n import N_, _
from runtime import StaffPage
from services.core.errors import DomainError
from services.room import ideas, ideas_screen
from services.room.ideas_screen import IdeasScreen
from services.translations.shown import language_name, other_language
from workarounds.fragment_inline_call import InlineCall

SECRET = N_("Confidential: keep it off the projector and out of reports")
_RESETS = {"idea_group": None, "idea_secret": False}


def idea_form(here: StaffPage, screen: IdeasScreen) -> None:
    """The form of the table of `screen` (a table's page only), its count and new ideas."""
    table_id = screen.table_id
    if table_id is None:  # the board of every table has no form: ideas are a table's
        return
    draft = table_draft(screen.meeting_id, table_id, "idea", "text", "translation")
    form = TableForm("idea", draft, _RESETS)
    _idea_fragment(here, screen, table_id, form, InlineCall())


def _save_idea(here: StaffPage, table_id: int, form: TableForm) -> None:
    """Before the form is drawn again: saved, its field empty; refused, it keeps the text."""
    value = st.session_state.get

    def store() -> str:
        saved = ideas.add_idea(here.db, here.actor, ideas.NewIdea(
            table_id=table_id, text=form.draft.value("text"), stakeholder_id=value("idea_group"),
            confidential=value("idea_secret", False), submission_key=submission_key("idea"),
            translation=form.draft.value("translation"), written_in=i18n.current(),
        ))  # fmt: skip
        said = added_message(saved.status)
        return (
            _("{added} Marked late: input had closed.").format(added=said) if saved.late else said
        )

    form.save(store)


@st.fragment
def _idea_fragment(
    here: StaffPage, screen: IdeasScreen, table_id: int, form: TableForm, inline: InlineCall
) -> None:
    """A fragment, so adding an idea redraws this and not the page: a whole run per idea
    cost five times the floor's time in a 60-person room (bench/)."""
    result = form.outcome()  # left by _save_idea, which ran first
    draft = form.draft
    groups = dict(screen.groups)
    # Not cleared on submit: a refused save keeps every word in the field.
    with st.form("idea"):
        draft.keep()
        st.text_area(_("The idea"), height=100, key=draft.key("text"))
        # Written in the page's language; a bilingual scribe adds the other beside it.
        other = language_name(other_language(i18n.current()))
        st.text_area(
            _("Translation ({language})").format(language=other),
            height=68, key=draft.key("translation"),
            help=_("Optional: the idea in {language}, for the people who read that language. "
                   "Write the idea itself in the language this page is in.").format(
                language=other
            ),
        )  # fmt: skip
        st.selectbox(
            _("Stakeholder group of the person who raised it"),
            list(groups), format_func=groups.__getitem__, index=None, key="idea_group",
            placeholder=_("Choose an option"),
        )  # fmt: skip
        st.checkbox(_(SECRET), key="idea_secret")
        refused = isinstance(result, DomainError)
        save = partial(_save_idea, here, table_id, form)
        sent = save_button(
            screen.gate, _("Add idea"), _("Add as a late idea"), save, refused=refused
        )
    show_outcome(live_region("idea"), result)  # the region is there before "Idea added."
    fresh = not inline.first() or sent
    now = (
        ideas_screen.table_ideas(here.db, here.actor, screen.meeting_id, table_id)
        if fresh
        else ideas_screen.TableIdeas(screen.ideas, screen.waiting)
    )
    waiting_for_approval(here, table_id, now.waiting)
    count_header(now.ideas)
    shown = {i.id for i in screen.ideas}
    idea_list([i for i in now.ideas if i.id not in shown][::-1], origin, reading)
