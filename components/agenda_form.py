"""The facilitator's form for one agenda step: title, skill, minutes, goal, materials, and
whether its ideas wait for approval; the agenda's approval line, each step as read, the
buttons that move a step, the comment form."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

import i18n
from components.late_notes_toggle import late_notes_toggle
from components.opened import expander_once_opened
from components.text import escape_markdown
from components.translated import translated_notes
from i18n import _
from runtime import StaffPage
from services.agenda import agenda
from services.agenda.agenda import ItemFields
from services.agenda.agenda_screen import AgendaScreen, StepShown
from services.agenda.agenda_template import AGENDA_FIELDS
from services.core.vocab import Skill, Step, label
from services.translations import translate
from services.translations.shown import language_name, other_language
from services.translations.translate import Translation


def step_form(key: str, step: StepShown | None, on_save: Callable[..., None], button: str) -> None:
    """A new step (None) or the fields of an existing one."""
    item = step.item if step else None
    steps, skills = list(Step), [None, *Skill]
    # An existing step's words are its original's: in another language than the reader's,
    # each field says which, so a Spanish reader does not write Spanish over the English.
    written_in = _written_in(step) if step else i18n.current()
    other = written_in != i18n.current()
    named = language_name(written_in)

    def in_original(words: str, with_language: str) -> str:
        return with_language.format(language=named) if other else words

    with st.form(key, clear_on_submit=item is None):
        if other:
            st.caption(
                _("These are the step's own words, in {language}; its translation is in "
                  "the form below.").format(language=named)
            )  # fmt: skip
        title = st.text_input(
            in_original(_("Step title"), _("Step title ({language})")),
            item.title if item else "",
        )
        left, right, minutes_col = st.columns([2, 2, 1])
        kind = left.selectbox(
            _("What the room does"), steps, format_func=label,
            index=steps.index(item.step) if item else 0,
        )  # fmt: skip
        skill = right.selectbox(
            _("Citizen leadership skill"), skills,
            format_func=lambda s: _("— none —") if s is None else label(s),
            index=skills.index(item.skill) if item else 0,
        )  # fmt: skip
        minutes = minutes_col.number_input(_("Minutes"), 1, 480, item.minutes if item else 20)
        goal = st.text_area(
            in_original(_("Goal"), _("Goal ({language})")), item.goal if item else "", height=70
        )
        materials = st.text_input(_("Materials"), item.materials if item else "")
        prompt = st.text_input(
            in_original(
                _("Question for the room (shown on the projector)"),
                _("Question for the room ({language})"),
            ),
            item.prompt if item else "",
        )
        premoderate = st.checkbox(
            _(
                "Approve before it shows: new ideas from the tables wait for your approval "
                "before the projector shows them"
            ),
            bool(item and item.premoderate),
        )
        if st.form_submit_button(button, type="primary"):
            on_save(
                ItemFields(
                    title=title, step=kind, minutes=int(minutes), skill=skill, goal=goal,
                    materials=materials, prompt=prompt, premoderate=premoderate,
                )
            )  # fmt: skip


def approval_banner(screen: AgendaScreen) -> None:
    """Approved or a draft (waiting for whom), the agenda's length, and who approved when."""
    review, steps = screen.approval, len(screen.steps)
    if review.approved:
        st.success(
            _("Approved by the Thought Leader Team · {steps} steps, {minutes} minutes").format(
                steps=steps, minutes=screen.minutes
            )
        )
    elif screen.closed:
        # Held and closed: no approval is awaited any more, so none is said to be.
        st.info(
            _(
                "Not approved by the Thought Leader Team before the meeting closed · {steps} "
                "steps, {minutes} minutes"
            ).format(steps=steps, minutes=screen.minutes)
        )
    else:
        waiting = ", ".join(escape_markdown(n) for n in review.waiting_for)
        st.warning(
            (
                _("Draft: waiting for approval from {waiting} · {steps} steps, {minutes} minutes")
                if waiting
                else _(
                    "Draft: nobody on the Thought Leader Team to approve it yet · {steps} "
                    "steps, {minutes} minutes"
                )
            ).format(waiting=waiting, steps=steps, minutes=screen.minutes)
        )
    for who in review.approvers:
        st.caption(
            escape_markdown(
                _("Approved by {name} ({group}) on {moment}").format(
                    name=who.name, group=who.group, moment=i18n.zoned_moment(who.approved_at)
                )
            )
        )


def step_text(step: StepShown) -> None:
    """The step as everyone reads it, with the comments on it."""
    item = step.item
    skill = f" · {label(item.skill)}" if item.skill else ""
    # Translators: "min" is short for minutes, after a step's length ("20 min").
    minutes = _("{minutes} min").format(minutes=item.minutes)
    title = step.title
    st.markdown(f"**{item.position}. {escape_markdown(title.text)}** · {minutes}{skill}")
    said = [(_("Title"), title)]
    if item.goal:
        st.markdown(_("*Goal:* {goal}").format(goal=escape_markdown(step.goal.text)))
        said.append((_("Goal"), step.goal))
    # One note for the step when its title and goal are alike (both translated): two
    # of each on every step of the standard agenda read as clutter.
    translated_notes(said, key=f"step-{item.id}")
    if item.materials:
        st.markdown(_("*Materials:* {materials}").format(materials=escape_markdown(item.materials)))
    for note in step.comments:
        st.caption(escape_markdown(f"{note.author}: {note.text}"))


def _written_in(step: StepShown) -> str:
    """The language the step is written in, as its writer's screen said or a translation since."""
    return step.title.source_language


def translation_form(step: StepShown, act: Callable[..., None]) -> None:
    """The step's title, goal and question for the room in the other language: shown to
    the readers of that language, marked as a translation, the original one tap away."""
    item = step.item
    written_in = _written_in(step)
    into = language_name(other_language(written_in))
    stored = {f: getattr(step, f) for f in AGENDA_FIELDS}
    current = {
        f: s.translation if s.source_language == written_in else "" for f, s in stored.items()
    }
    with st.form(f"translate-step-{item.id}"):
        st.caption(
            _("In {language}, for the people who read it. Leave a field empty to remove its "
              "translation.").format(language=into)
        )  # fmt: skip
        title_words = st.text_input(
            _("Step title ({language})").format(language=into), current["title"]
        )
        goal = st.text_area(
            _("Goal ({language})").format(language=into), current["goal"], height=70
        )
        prompt = st.text_input(
            _("Question for the room ({language})").format(language=into), current["prompt"]
        )
        if st.form_submit_button(_("Save the translation")):
            texts = {"title": title_words, "goal": goal, "prompt": prompt}
            act(
                translate.translate_all,
                _step_translations(item.id, texts, written_in),
                done=_("Translation saved."),
            )


def _step_translations(
    item_id: int, texts: dict[str, str], source_language: str
) -> list[Translation]:
    """What the translation form sends: one translation per field of the step."""
    return [
        Translation(
            kind="agenda_item", entity_id=item_id, field=field, text=text,
            source_language=source_language,
        )
        for field, text in texts.items()
    ]  # fmt: skip


def step_editor(here: StaffPage, step: StepShown) -> None:
    """ "Change this step": its fields, its late notes, its translation, its place; drawn
    once the facilitator opens it (components/opened.py)."""
    item_id, act = step.item.id, here.act
    box, drawn = expander_once_opened(_("Change this step"), key=f"agenda-change-{item_id}")
    if not drawn:
        return
    with box:
        step_form(
            f"edit-{item_id}", step,
            lambda *f: act(agenda.update_item, item_id, *f, done=_("Step saved.")),
            _("Save the step"),
        )  # fmt: skip
        late_notes_toggle(here.db, here.actor, step.item, key="agenda-late-notes")
        translation_form(step, act)
        step_moves(
            step,
            lambda by: act(
                agenda.move_item, item_id, by, done=_("Moved up.") if by < 0 else _("Moved down.")
            ),
            lambda: act(agenda.delete_item, item_id, done=_("Step removed.")),
        )


def step_moves(
    step: StepShown, on_move: Callable[[int], None], on_drop: Callable[[], None]
) -> None:
    """Move the step up or down one place, or remove it."""
    item = step.item
    up, down, drop = st.columns(3)
    if up.button(_("Move up"), key=f"up-{item.id}", disabled=item.position == 1):
        on_move(-1)
    if down.button(_("Move down"), key=f"down-{item.id}", disabled=step.last):
        on_move(+1)
    if drop.button(_("Remove the step"), key=f"drop-{item.id}"):
        on_drop()


def comment_form(step: StepShown, on_comment: Callable[[str], None]) -> None:
    """A comment on the step, from a leader or a facilitator."""
    item_id = step.item.id
    with st.form(f"comment-{item_id}", clear_on_submit=True):
        text = st.text_input(_("Comment on this step"), key=f"c-{item_id}")
        if st.form_submit_button(_("Add comment")):
            on_comment(text)
