"""Ideas waiting for the facilitator's approval: the queue with Approve / Reject on the
facilitator's idea board, and a scribe's own waiting ideas on their table's page."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import streamlit as st

from components.notices import flash_and_rerun
from components.text import escape_markdown
from i18n import _, ngettext
from runtime import StaffPage
from services.core.vocab import IdeaStatus
from services.room import idea_queue, room_control
from services.room.idea_queue import QueuedIdea

REFRESH = "5s"  # new ideas join the queue, and approved ones leave a scribe's list, unasked


@st.fragment(run_every=REFRESH)
def approval_queue(here: StaffPage) -> None:
    """The waiting ideas, oldest first, each with its flags in words and its two buttons.

    Its own read, every few seconds: the queue fills while the facilitator looks at it.
    """
    db, actor, meeting_id, act = here.db, here.actor, here.meeting_id, here.act
    queue = idea_queue.approval_queue(db, actor, meeting_id)
    current = room_control.room_state(db, meeting_id, actor=actor).current
    holding = current is not None and current.premoderate
    if not queue and not holding:
        return
    st.header(_("Waiting for your approval ({count})").format(count=len(queue)))
    st.caption(
        _(
            "The projector, the tables' boards and the ballots show these only once you approve "
            "them. Rejected ideas are kept, hidden, with their history."
        )
    )
    if not queue:
        st.info(_("No ideas are waiting. New ideas from the tables will appear here."))
        return
    if st.button(
        _("Approve all ({count})").format(count=len(queue)), key="approve-all", type="primary"
    ):
        # Only the ideas on screen: one that arrived since was read by nobody yet.
        shown = [q.idea.id for q in queue]
        done = ngettext("Approved {n} ideas.", "Approved {n} ideas.", len(shown))
        act(idea_queue.approve_all, meeting_id, shown, done=done.format(n=len(shown)))
    for waiting in queue:
        _queued(waiting, act)


def _queued(waiting: QueuedIdea, act: Callable[..., None]) -> None:
    idea = waiting.idea
    with st.container(border=True):
        st.markdown(escape_markdown(idea.text))
        where = (
            _("Table {number}").format(number=waiting.table_number)
            if waiting.table_number
            else _("No table")
        )
        line = _("Idea #{id} · {where}").format(id=idea.id, where=where)
        if idea.confidential:
            line += " · " + _("confidential: approved, it still stays off the projector")
        st.caption(line)
        if waiting.flags:
            reasons = "\n".join(f"- {escape_markdown(f.reason)}" for f in waiting.flags)
            st.warning("**" + _("Read it twice before approving:") + f"**\n{reasons}")
        else:
            st.caption(_("Nothing flagged: no listed swear words, phone numbers, emails or names."))
        approve, reject, _spacer = st.columns([2, 2, 4])
        if approve.button(
            _("Approve idea #{id}").format(id=idea.id),
            key=f"approve-{idea.id}",
            type="primary",
            width="stretch",
        ):
            act(
                idea_queue.approve_idea,
                idea.id,
                done=_("Idea #{id} approved: the room sees it.").format(id=idea.id),
            )
        if reject.button(
            _("Reject idea #{id}").format(id=idea.id), key=f"reject-{idea.id}", width="stretch"
        ):
            act(
                idea_queue.reject_idea,
                idea.id,
                done=_("Idea #{id} rejected and kept hidden.").format(id=idea.id),
            )


def added_message(status: IdeaStatus) -> str:
    """What a scribe reads after adding an idea: whether the room sees it yet."""
    if status is IdeaStatus.PENDING:
        return _(
            "Idea added. It is waiting for the facilitator's approval before the room sees it."
        )
    return _("Idea added.")


def waiting_for_approval(here: StaffPage, table_id: int, waiting: bool) -> None:
    """A scribe's ideas the room does not see yet, said in words.

    Refreshing by itself only while some wait (`waiting`, as the screen read it): a tablet
    with nothing waiting costs the server nothing more, and new waiting ideas only come
    from this tablet's own form.
    """
    if st.session_state.get(_seen(table_id)) or waiting:
        _waiting_list(here, table_id)


def _seen(table_id: int) -> str:
    """The session key of the ids this tablet last saw waiting."""
    return f"waiting-ideas-{table_id}"


@st.fragment(run_every=REFRESH)
def _waiting_list(here: StaffPage, table_id: int) -> None:
    db, actor = here.db, here.actor
    waiting = idea_queue.waiting_at_table(db, actor, table_id)
    key = _seen(table_id)
    before, now = st.session_state.get(key, set()), {i.id for i in waiting}
    st.session_state[key] = now
    if before - now:
        # Decided since the last look: the whole page again, so an approved idea joins the
        # table's list below (a form's unsent words survive a rerun), and say what happened.
        decided = idea_queue.table_ideas(db, actor, table_id, before - now)
        flash_and_rerun(_decided((i.text, i.status) for i in decided))
    if not waiting:
        return
    st.subheader(_("Waiting for the facilitator's approval ({count})").format(count=len(waiting)))
    note = _("Waiting for the facilitator's approval: not on the projector yet")
    with st.container(border=True):
        st.markdown(
            "\n\n---\n\n".join(f"{escape_markdown(i.text)}\n\n:small[{note}]" for i in waiting)
        )


def _decided(ideas: Iterable[tuple[str, IdeaStatus]]) -> str:
    lines = []
    for text, status in ideas:
        words = escape_markdown(text)
        if status is IdeaStatus.VISIBLE:
            line = _("Approved, now on the board: “{idea}”")
        elif status is IdeaStatus.MERGED:
            line = _("Merged into an idea on the board that says the same: “{idea}”")
        else:
            line = _("Not shown to the room, by the facilitator's decision: “{idea}”")
        lines.append(line.format(idea=words))
    return "  \n".join(lines)
