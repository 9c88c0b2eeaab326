"""Set up › Initiative and meetings: what the initiative is called, where and why; a new one;
archiving and restoring; and its meetings (components/setup/meetings.py)."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

import runtime
from components.setup.context import SetupContext
from components.setup.meetings import meetings_panel
from components.text import escape_markdown
from i18n import _
from runtime import Database
from services.core.actors import Actor
from services.setup import initiatives


def initiative_tab(ctx: SetupContext) -> None:
    """The tab with an initiative and a meeting in focus (views/setup.py's SetupContext)."""
    initiative_and_meetings(ctx.db, ctx.actor, ctx.act)


def initiative_and_meetings(db: Database, actor: Actor, act: Callable[..., None]) -> None:
    """Everything of the tab; also shown alone while there is no initiative or no meeting yet."""
    here = runtime.focus(actor)
    if here.initiative_id is None:
        st.header(_("Start your first initiative"))
        st.caption(
            _(
                "An initiative is one city's effort: its groups, people, charter and actions. "
                "Its meetings (the first session and its follow-ups) come next."
            )
        )
        new_initiative_form(act, "first-initiative")
    else:
        details(db, actor, act, here.initiative_id)
        meetings_panel(db, actor, act, here.initiative_id, here.meeting_id)
        st.header(_("Other initiatives"))
        with st.expander(_("Start a new initiative")):
            new_initiative_form(act, "new-initiative")
    archived_panel(db, actor, act)


def details(db: Database, actor: Actor, act: Callable[..., None], initiative_id: int) -> None:
    """The initiative's name, city and purpose, editable; and archiving it, confirmed."""
    initiative = initiatives.get_initiative(db, initiative_id, actor=actor)
    st.header(escape_markdown(initiative.name))
    with st.form(f"initiative-{initiative.id}"):
        name = st.text_input(_("Initiative name"), initiative.name)
        city = st.text_input(_("City"), initiative.city)
        purpose = st.text_area(_("Purpose"), initiative.purpose)
        if st.form_submit_button(_("Save the initiative")):
            act(
                initiatives.update_initiative, initiative.id,
                initiatives.InitiativeFields(name=name, city=city, purpose=purpose),
                done=_("Initiative saved."),
            )  # fmt: skip
    with st.expander(_("Archive this initiative")):
        st.write(
            _(
                "An archived initiative is kept whole, with everything said in it, but leaves "
                "every picker and the home screen until a facilitator restores it below."
            )
        )
        sure = st.checkbox(
            _("Yes, archive “{initiative}”").format(initiative=escape_markdown(initiative.name)),
            key=f"sure-{initiative.id}",
        )
        archive = _("Archive the initiative")
        if st.button(archive, disabled=not sure, key=f"archive-{initiative.id}"):
            act(initiatives.archive_initiative, initiative.id, done=_("Initiative archived."))


def new_initiative_form(act: Callable[..., None], key: str) -> None:
    """Name, city and purpose of a new initiative; starting it switches every screen to it."""
    with st.form(key, clear_on_submit=True):
        name = st.text_input(_("Name of the new initiative"))
        city = st.text_input(_("City (optional)"))
        purpose = st.text_area(_("Purpose (optional)"))
        if st.form_submit_button(_("Start the initiative"), type="primary"):
            act(
                _start_and_switch, name, city, purpose,
                done=_(
                    "Initiative started; every screen now works on it. Add its first meeting."
                ),
            )  # fmt: skip


def archived_panel(db: Database, actor: Actor, act: Callable[..., None]) -> None:
    """The archived initiatives, each one click from coming back."""
    archived = [i for i in initiatives.initiatives_for(db, actor, True) if i.archived]
    if not archived:
        return
    with st.expander(_("Archived initiatives ({count})").format(count=len(archived))):
        names = {i.id: i.name for i in archived}
        chosen = st.selectbox(
            _("Archived initiative"),
            list(names),
            format_func=lambda i: names[i],
            key="archived-initiative",
        )
        if st.button(_("Restore it"), key="restore-initiative"):
            act(initiatives.restore_initiative, chosen, done=_("Initiative restored."))


def _start_and_switch(db: Database, actor: Actor, name: str, city: str, purpose: str) -> None:
    made = initiatives.create_initiative(
        db, actor, initiatives.InitiativeFields(name=name, city=city, purpose=purpose)
    )
    runtime.choose(made.id)
