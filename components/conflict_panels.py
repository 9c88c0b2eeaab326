"""Panels of the win-win conflict log; they render and call back, never query."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from components.forms import fresh_form_key, save_then_fresh
from components.text import escape_markdown
from components.translated import translated_note
from components.translation_boxes import Box, translation_boxes
from i18n import N_, _, zoned_moment
from services.core.vocab import ConflictStatus, label
from services.resolve.conflicts_screen import Change, ConflictCard, Side
from services.translations.translate import translate_all

SECRET = N_("Confidential: keep it off the projector and out of reports")
# The audit trail's action codes (services/resolve), as the history table says them.
CHANGES = {
    "created": N_("created"),
    "updated": N_("updated"),
    "deleted": N_("deleted"),
    # Translators: a conflict's history: its status was changed.
    "status": N_("status"),
    # Translators: a conflict's history: a party's position and interests were saved.
    "party": N_("party"),
    "party removed": N_("party removed"),
    "made action": N_("made action"),
    "made ground rule": N_("made ground rule"),
}


def new_conflict_form(on_save: Callable[[str, str, str, bool], None]) -> None:
    """Log a conflict: the issue, options that could meet both sides, who follows it up."""
    with (
        st.expander(_("Log a conflict"), expanded=False),
        st.form(fresh_form_key("new-conflict")),
    ):
        issue = st.text_area(_("The issue in dispute"))
        options = st.text_area(_("Options that could meet both sides' interests (optional)"))
        owner = st.text_input(_("Who follows it up (optional)"))
        secret = st.checkbox(_(SECRET))
        if st.form_submit_button(_("Log it"), type="primary"):
            # Saved, the form starts empty; refused, it keeps what was typed.
            save_then_fresh("new-conflict", lambda: on_save(issue, options, owner, secret))


def conflict_picker(log: tuple[ConflictCard, ...]) -> ConflictCard:
    """Pick the conflict to work on; then its issue, and its status in words."""
    chosen = st.selectbox(
        _("Conflict to work on"),
        log,
        format_func=lambda c: f"#{c.id} · {label(c.status)} · {c.reads('issue')[:70]}",
    )
    st.subheader(escape_markdown(chosen.reads("issue")))
    if "issue" in chosen.words:
        translated_note(chosen.words["issue"], key=f"conflict-issue-{chosen.id}")
    status = label(chosen.status)
    st.caption(
        _("Status: {status} · on the projector").format(status=status)
        if chosen.on_projector
        else _("Status: {status}").format(status=status)
    )
    return chosen


def sides_side_by_side(sides: tuple[Side, ...]) -> None:
    """Each party's position and, apart, the interests beneath it, in columns."""
    if not sides:
        st.info(_("No parties yet: add each group's position and interests below."))
        return
    for column, side in zip(st.columns(len(sides)), sides, strict=True):
        with column, st.container(border=True):
            st.markdown(f"**{escape_markdown(side.group)}**")
            lines = {
                "position": _("*Position:* {position}"),
                "interests": _("*Interests:* {interests}"),
            }
            for name, line in lines.items():
                words = side.words.get(name)
                said = escape_markdown(words.text if words is not None else "—")
                st.markdown(line.format(**{name: said}))
                if words is not None:
                    translated_note(words, key=f"side-{side.party_id}-{name}")


def party_form(key: str, groups: dict[int, str], on_save: Callable[[int, str, str], None]) -> None:
    """One group's position and interests."""
    with st.form(fresh_form_key(f"party-{key}")):
        group = st.selectbox(
            _("Group"),
            list(groups),
            format_func=groups.__getitem__,
            index=None,
            placeholder=_("Choose an option"),
        )
        position = st.text_area(_("Their position (what they say they want)"))
        interests = st.text_area(_("The interests beneath it (why they want it)"))
        if st.form_submit_button(_("Save this side")) and group is not None:
            save_then_fresh(f"party-{key}", lambda: on_save(group, position, interests))


def status_form(conflict: ConflictCard, on_save: Callable[[str, str, str], None]) -> None:
    """Move the conflict along: open, exploring options, agreed, parked."""
    statuses = list(ConflictStatus)
    with st.form(f"status-{conflict.id}"):
        status = st.radio(
            _("Status"), statuses, index=statuses.index(conflict.status), format_func=label,
            horizontal=True,
        )  # fmt: skip
        agreement = st.text_area(_("Agreement reached"), conflict.agreement)
        next_step = st.text_area(_("Next step"), conflict.next_step)
        if st.form_submit_button(_("Save status")):
            on_save(status.value, agreement, next_step)


def room_buttons(
    conflict: ConflictCard,
    on_spotlight: Callable[[int | None], None],
    on_action: Callable[[], None],
    on_ground_rule: Callable[[], None],
) -> None:
    """The facilitator's: the projector, and the agreement carried into the plan or charter."""
    left, middle, right = st.columns(3)
    if conflict.on_projector:
        if left.button(_("Take it off the projector")):
            on_spotlight(None)
    elif left.button(_("Show it on the projector"), disabled=conflict.confidential):
        on_spotlight(conflict.id)
    if middle.button(_("Make the agreement an action"), disabled=not conflict.agreed):
        on_action()
    if right.button(_("Make it a charter ground rule"), disabled=not conflict.agreed):
        on_ground_rule()


def _change_words(action: str) -> str:
    words = action.replace("_", " ")
    return _(CHANGES[words]) if words in CHANGES else words


def history_table(entries: tuple[Change, ...]) -> None:
    """Who changed what, and when, in an expander."""
    # The month in the reader's words, at the meeting's hour: "Dec 2, 2:05 PM CST",
    # "2 dic, 14:05 CST".
    rows = [
        {
            _("When"): zoned_moment(e.when),
            _("Who"): e.who,
            _("What"): _change_words(e.action),
            _("Details"): ", ".join(f"{k}: {v}" for k, v in e.details),
        }
        for e in entries
    ]
    with st.expander(_("History")):
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def conflict_translation(conflict: ConflictCard, act: Callable[..., None]) -> None:
    """The conflict's issue, agreement and each side's words in the other language: what
    the conflicts screen and the projector show its readers, marked as a translation."""
    boxes = [Box("conflict", conflict.id, name, words) for name, words in conflict.words.items()]
    boxes += [
        Box("conflict_party", side.party_id, name, words)
        for side in conflict.sides
        for name, words in side.words.items()
    ]
    with st.expander(_("Translate this conflict"), key=f"translate-conflict-{conflict.id}"):
        translation_boxes(
            f"conflict-translations-{conflict.id}",
            boxes,
            lambda entries: act(translate_all, entries, done=_("Translations saved.")),
            _("Leave a box empty to remove its translation."),
        )
