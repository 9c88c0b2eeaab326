"""The facilitator's moderation controls on the idea board; they call back, never query."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

import streamlit as st

from i18n import LANGUAGES, _
from services.core.vocab import IdeaStatus
from services.room.ideas_screen import IdeaCard
from services.translations.shown import (
    Showing,
    language_name,
    mark,
    other_language,
)


class NamedIdea(Protocol):
    """An idea as a picker names it: the board's IdeaCard, a ballot's BallotIdea."""

    @property
    def id(self) -> int: ...
    @property
    def text(self) -> str: ...


def idea_label(idea: NamedIdea) -> str:
    """A short, plain label for an idea in a picker."""
    text = idea.text if len(idea.text) <= 90 else idea.text[:87] + "…"
    return f"#{idea.id} {text}"


def edit_panel(
    ideas: Sequence[IdeaCard],
    on_save: Callable[[IdeaCard, str], None],
    on_toggle: Callable[[IdeaCard, bool], None],
) -> None:
    """Pick one idea, then edit its words or hide / show it."""
    chosen = st.selectbox(
        _("Idea to edit, hide or show"),
        ideas,
        format_func=idea_label,
        index=None,
        placeholder=_("Choose an option"),
    )
    if chosen is None:
        return
    with st.form(f"moderate-{chosen.id}"):
        text = st.text_area(_("Idea text"), chosen.text)
        save = st.form_submit_button(_("Save the wording"))
    if save:
        on_save(chosen, text)
    hidden = chosen.status is IdeaStatus.HIDDEN
    shown = _("Show it again") if hidden else _("Hide it from the board")
    if st.button(shown, key=f"t-{chosen.id}"):
        on_toggle(chosen, hidden)


def translate_panel(
    ideas: Sequence[IdeaCard], on_save: Callable[[IdeaCard, str, str, str], None]
) -> None:
    """Pick one idea, say which language it is written in, and write it in the other.

    The translation is shown to the readers of that language, marked as one, with the
    original one tap away; changing the idea's words later marks it out of date. Saving
    hands `on_save` the idea, its language, the translation and what to say once saved.
    """
    chosen = st.selectbox(
        _("Idea to translate"),
        ideas,
        format_func=idea_label,
        index=None,
        placeholder=_("Choose an option"),
        key="translate-idea",
    )
    if chosen is None:
        return
    st.text(chosen.text)
    reading = chosen.reading
    languages = list(LANGUAGES)
    # As the writer's screen said, or a translation since; the person translating may know better.
    known = reading.source_language
    written_in = st.selectbox(
        _("The idea is written in"),
        languages,
        index=languages.index(known),
        format_func=lambda code: language_name(code).capitalize(),
        key=f"translate-source-{chosen.id}",
    )
    into = other_language(written_in)
    if reading.showing is Showing.OUT_OF_DATE:
        st.warning(mark(reading))
    current = reading.translation if known == written_in else ""
    with st.form(f"translate-{chosen.id}-{into}"):
        words = st.text_area(
            _("Translation ({language})").format(language=language_name(into)), current
        )
        st.caption(
            _(
                "Leave it empty and save to remove the translation, or to correct only the "
                "language the idea is written in."
            )
        )
        save = st.form_submit_button(_("Save the translation"))
    if save:
        on_save(chosen, written_in, words, _saved(words, known, written_in, current))


def _saved(words: str, known: str, written_in: str, current: str) -> str:
    """What saving the translate form did, in words: a translation kept or removed, the
    idea's language corrected, or nothing."""
    if words.strip():
        return _("Translation saved.")
    corrected = _("Saved: the idea is written in {language}.").format(
        language=language_name(written_in)
    )
    if written_in != known:
        return corrected
    return _("Translation removed.") if current else _("Nothing to save: the box is empty.")


def merge_panel(ideas: Sequence[IdeaCard], on_merge: Callable[[int, list[int]], None]) -> None:
    """Choose the idea that stays and the duplicates that fold into it."""
    keep = st.selectbox(
        _("Idea that stays"),
        ideas,
        format_func=idea_label,
        index=None,
        placeholder=_("Choose an option"),
        key="keep",
    )
    others = [i for i in ideas if keep is None or i.id != keep.id]
    dups = st.multiselect(
        _("Its duplicates"),
        others,
        format_func=idea_label,
        key="dups",
        placeholder=_("Choose options"),
    )
    st.caption(_("Duplicates keep their history; their votes move to the idea that stays."))
    if st.button(_("Merge"), disabled=keep is None or not dups) and keep is not None:
        on_merge(keep.id, [d.id for d in dups])


def theme_panel(
    ideas: Sequence[IdeaCard],
    themes: dict[int, str],
    on_create: Callable[[str], None],
    on_assign: Callable[[list[int], int | None], None],
) -> None:
    """Name a theme, and group ideas under it."""
    with st.form("new-theme", clear_on_submit=True):
        name = st.text_input(_("New theme name"))
        if st.form_submit_button(_("Add theme")):
            on_create(name)
    picked = st.multiselect(
        _("Ideas to group"),
        ideas,
        format_func=idea_label,
        key="theme-ideas",
        placeholder=_("Choose options"),
    )
    options = [None, *themes]
    theme = st.selectbox(
        _("Under theme"),
        options,
        format_func=lambda t: _("— no theme —") if t is None else themes[t],
        key="theme-target",
    )
    if st.button(_("Group them"), disabled=not picked):
        on_assign([i.id for i in picked], theme)
