"""The facilitator's switch letting scribes save notes and ideas for a step after input closes."""

from __future__ import annotations

import streamlit as st

from components.notices import show_error
from components.text import escape_markdown
from i18n import N_, _
from runtime import Database
from services.agenda.agenda import AgendaItem
from services.core.actors import Actor
from services.core.errors import DomainError
from services.room import late_notes

LABEL = N_("Allow late notes for this step")
HELP = N_(
    "Tables can still save notes and ideas for this step after you close input; "
    "they are marked late wherever they are listed."
)


# `item` is an agenda step as RoomState and the agenda screen hold it (components reach the
# row's type through the service that reads it: they do not import db/).
def late_notes_toggle(
    db: Database,
    actor: Actor,
    item: AgendaItem | None,
    *,
    key: str = "late-notes",
    title: str | None = None,
) -> None:
    """A switch for `item`'s late notes, saved the moment it is flipped; `title`, the
    step's title as the reader reads it, where it is not as written.

    The switch is set from the database on every run (the callback runs before the page
    reads it), so it shows what another facilitator chose, and a flip is saved in its
    callback, never by comparing with a value drawn before someone else's change.
    """
    if item is None or not actor.is_facilitator:
        return
    widget, said = f"{key}-{item.id}", f"{key}-{item.id}-said"
    result = st.session_state.pop(said, None)
    st.session_state[widget] = bool(item.late_notes)

    def flip() -> None:
        allowed = bool(st.session_state[widget])
        try:
            late_notes.allow_late_notes(db, actor, item.id, allowed)
        except DomainError as error:
            st.session_state[said] = error
            return
        st.session_state[said] = (
            _("Late notes are allowed for {title}: tables can still save, marked late.")
            if allowed
            else _("Late notes are stopped for {title}.")
        ).format(title=escape_markdown(item.title if title is None else title))

    st.toggle(_(LABEL), key=widget, help=_(HELP), on_change=flip)
    if isinstance(result, DomainError):
        show_error(result)
    elif result:
        st.success(result)
