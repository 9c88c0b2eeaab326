"""Panels of the action plan: the SMART form with its check, an action's follow-up."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

from components.downloads import prepared_download
from components.forms import date_pattern, fresh_form_key, save_then_fresh
from components.notices import show_flash
from components.text import escape_markdown
from components.translated import translated_notes
from components.translation_boxes import Box, translation_boxes
from i18n import N_, _, ngettext, short_day
from services.act import plan_export
from services.act.action_fields import ActionFields
from services.act.actions_screen import PlannedItem
from services.act.smart import SmartGap
from services.core.vocab import ActionStatus, label
from services.translations.translate import Translation


@dataclass(frozen=True, slots=True)
class PlanEditing:
    """What a facilitator may do to each action of the plan, beside following it up:
    change what it says, remove it, translate it."""

    people: dict[int, str]
    groups: dict[int, str]
    check: Callable[[ActionFields], list[SmartGap]]
    on_change: Callable[[int, ActionFields], None]
    on_remove: Callable[[int], None]
    on_translate: Callable[[list[Translation]], None]


def smart_form(
    people: dict[int, str],
    groups: dict[int, str],
    check: Callable[[ActionFields], list[SmartGap]],
    on_save: Callable[[ActionFields], None],
) -> None:
    """A new action; the SMART check names what is missing before it can be ready. Saved,
    the form starts empty for the next one; refused, it keeps what was typed."""
    with st.form(fresh_form_key("new-action")):
        fields = _action_fields(people, groups, None)
        pressed = st.form_submit_button(_("Save the action"), type="primary")
    if pressed:
        _say_gaps(check(fields))
        save_then_fresh("new-action", lambda: on_save(fields))


def _action_fields(
    people: dict[int, str], groups: dict[int, str], was: ActionFields | None
) -> ActionFields:
    """The action's boxes inside the caller's form: empty, or holding what `was` says."""
    was = was or ActionFields(title="")
    title = st.text_input(_("Action (specific: what will be done)"), was.title)
    description = st.text_area(_("How it will be done"), was.description)
    measure = st.text_input(_("Measure of done (how we will know)"), was.measure)
    owner = _pick(_("Owner"), people, was.owner_participant_id)
    group = _pick(_("Owner's stakeholder group"), groups, was.stakeholder_id)
    due = st.date_input(_("Due date"), was.due_on, format=date_pattern())
    goal = st.text_input(_("Charter goal it serves (optional)"), was.charter_goal)
    secret = st.checkbox(_("Confidential: keep it out of reports and exports"), was.confidential)
    ready = st.checkbox(_("Ready: it passes the SMART check"), was.ready)
    return ActionFields(
        title=title, description=description, measure=measure, owner_participant_id=owner,
        stakeholder_id=group, due_on=due, charter_goal=goal, confidential=secret, ready=ready,
    )  # fmt: skip


def _pick(label: str, names: dict[int, str], chosen: int | None) -> int | None:
    """One of `names` by its id, `chosen` to start with (nothing, when it is not there)."""
    ids = list(names)
    return st.selectbox(
        label,
        ids,
        index=ids.index(chosen) if chosen in ids else None,
        format_func=lambda i: names.get(i, ""),
        placeholder=_("Choose an option"),
    )


def _say_gaps(gaps: list[SmartGap]) -> None:
    for gap in gaps:
        st.warning(f"{gap.letter}: {gap.message}")
    if not gaps:
        st.success(_("SMART: specific, measurable, assignable, realistic and time-bound."))


def change_panel(item: PlannedItem, editing: PlanEditing) -> None:
    """For a facilitator, behind a switch: the action's boxes as written, to correct and
    save, and its removal, asked twice. Saved, the switch is off again on the next run."""
    action = item.action
    form = f"change-action-{action.id}"
    if not st.toggle(_("Change or remove this action"), key=f"{fresh_form_key(form)}-open"):
        return
    with st.form(fresh_form_key(form)):
        fields = _action_fields(editing.people, editing.groups, item.as_written)
        pressed = st.form_submit_button(_("Save the changes"), type="primary")
    if pressed:
        _say_gaps(editing.check(fields))
        save_then_fresh(form, lambda: editing.on_change(action.id, fields))
    _removal(item, lambda: editing.on_remove(action.id))


def _removal(item: PlannedItem, on_remove: Callable[[], None]) -> None:
    """ "Remove this action", then a question naming what goes with it, then the removal."""
    asked = f"remove-action-{item.action.id}"
    if not st.session_state.get(asked):
        if st.button(_("Remove this action"), key=f"{asked}-ask"):
            st.session_state[asked] = True
            st.rerun()
        return
    title, n = escape_markdown(item.action.title), len(item.updates)
    st.warning(
        ngettext(
            "Remove “{title}” and its {n} update? This cannot be undone.",
            "Remove “{title}” and its {n} updates? This cannot be undone.",
            n,
        ).format(title=title, n=n)
        if n
        else _("Remove “{title}”? This cannot be undone.").format(title=title)
    )
    yes, no = st.columns(2)
    if no.button(_("Keep the action"), key=f"{asked}-keep"):
        del st.session_state[asked]
        st.rerun()
    if yes.button(_("Yes, remove the action"), type="primary", key=f"{asked}-yes"):
        del st.session_state[asked]
        on_remove()


def update_form(item: PlannedItem, on_update: Callable[[str, str], None]) -> None:
    """A dated note on progress, with the status it leaves the action in."""
    action = item.action
    statuses = list(ActionStatus)
    with st.form(f"update-{action.id}", clear_on_submit=True):
        status = st.radio(
            _("Status"), statuses, index=statuses.index(action.status), format_func=label,
            horizontal=True,
        )  # fmt: skip
        note = st.text_area(_("What happened"))
        if st.form_submit_button(_("Add the update")):
            on_update(status.value, note)


def updates_table(item: PlannedItem) -> None:
    """The action's follow-up, oldest first."""
    updates = item.updates
    if not updates:
        st.caption(_("No updates yet."))
        return
    # Translators: the columns of an action's updates: the date, its status, the note.
    on, status, note = _("On"), _("Status"), _("Note")
    rows = [{on: short_day(u.created_at), status: label(u.status), note: u.note} for u in updates]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def overdue_notice(items: Sequence[PlannedItem], today: date) -> None:
    """Overdue actions, named, with how late they are."""
    if not items:
        st.success(_("Nothing is overdue."))
        return
    n = len(items)
    st.warning(ngettext("{n} action overdue:", "{n} actions overdue:", n).format(n=n))
    for a in items:
        due = a.due_on
        if due is None:
            continue  # an action with no date is never overdue
        late = (today - due).days
        line = ngettext(
            "{title} — due {day}, {n} days late", "{title} — due {day}, {n} days late", late
        ).format(title=escape_markdown(a.title), day=short_day(due), n=late)
        st.markdown(f"- {line}")


WORDS = {
    "title": N_("Action"),
    "description": N_("How it will be done"),
    "measure": N_("Measure of done"),
}
"""An action's written fields, by the label their originals are shown with."""

PLAN = "plan"
"""Where an action's removal is confirmed: above the list, where it was."""


def place_of(action_id: int) -> str:
    """Where a change to the action is confirmed: in its own row, where it was made (the
    top of a long plan is out of sight)."""
    return f"action-{action_id}"


def plan_items(
    items: Sequence[PlannedItem],
    on_update: Callable[[int, str, str], None],
    editing: PlanEditing | None = None,
) -> None:
    """Each action, folded: what it is, its measure of done, its follow-up and a new update,
    in the reader's language where someone translated it; for a facilitator (`editing`),
    its change and removal and a box per written field for its words in the other
    language."""
    show_flash(PLAN)
    for item in items:
        action = item.action
        title = escape_markdown(item.reads("title"))
        due = short_day(action.due_on) if action.due_on else _("no date")  # "15 mar 2027"
        # Keyed: it stays open over the run an update or a translation starts.
        with st.expander(
            _("{title} · {status} · due {due}").format(
                title=title, status=label(action.status), due=due
            ),
            key=f"action-{action.id}",
        ):
            show_flash(place_of(action.id))
            st.caption(
                escape_markdown(
                    _("Owner: {owner} · Group: {group}").format(
                        owner=item.owner or _("nobody yet"), group=item.group or "—"
                    )
                )
            )
            st.markdown(escape_markdown(item.reads("description") or "—"))
            st.caption(
                escape_markdown(
                    _("Measure of done: {measure}").format(measure=item.reads("measure") or "—")
                )
            )
            # What its words are, once for the three when alike, the originals one tap away.
            translated_notes(
                [(_(label), item.words[f]) for f, label in WORDS.items() if f in item.words],
                key=f"action-words-{action.id}",
            )
            updates_table(item)
            update_form(item, lambda status, note, a=action.id: on_update(a, status, note))
            if editing is not None:
                change_panel(item, editing)
                boxes = [Box("action_item", action.id, f, w) for f, w in item.words.items()]
                note = _("Leave a box empty to remove its translation.")
                translation_boxes(
                    f"action-translations-{action.id}", boxes, editing.on_translate, note
                )


def plan_downloads(files: tuple[tuple[dict, ...], tuple[dict, ...]], of: int) -> None:
    """The plan as CSV and as a workbook, from the rows the screen's record holds; `of`
    is the initiative whose plan it is."""
    rows, updates = files
    prepared_download(
        _("the plan (CSV)"),
        lambda: plan_export.csv_of(rows),
        _("action-plan.csv"),
        key="plan-csv",
        of=of,
    )
    prepared_download(
        _("the plan (Excel)"),
        lambda: plan_export.xlsx_of(rows, updates),
        _("action-plan.xlsx"),
        key="plan-xlsx",
        of=of,
    )
