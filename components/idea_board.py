"""The facilitator's idea board: its filters, and moderation (edit, hide, merge, themes)."""

from __future__ import annotations

from collections.abc import Callable, Hashable

import streamlit as st

from components import moderation
from components.cards import idea_origin
from components.translated import list_note
from components.translation_boxes import Box, translation_boxes
from i18n import _
from runtime import StaffPage
from services.room import idea_merge, ideas, themes
from services.room.ideas_screen import IdeaCard, IdeasScreen
from services.translations import translate

MODERATION_KEY = "moderation-open"
"""The moderation expander's state: open, its pickers are drawn."""


# The board's cards, shared read-only by the meeting's facilitators until one idea, table,
# group or theme changes (ideas_screen.read makes the key); at 10× the data a few MB each.
@st.cache_resource(max_entries=4, show_spinner=False)
def board_cards(key: Hashable, _load: Callable[[], tuple[IdeaCard, ...]]) -> tuple[IdeaCard, ...]:
    """`_load()`'s cards, made once per `key` (ideas_screen.BoardCache)."""
    return _load()


def origin(idea: IdeaCard) -> list[str]:
    """Whether these are its words or a translation, where it came from and what became of
    it, in words (components/cards.py)."""
    return [*list_note(idea.reading), *idea_origin(idea, idea.group, idea.table_number, idea.theme)]


def reading(idea: IdeaCard) -> str:
    """The words of an idea its reader reads first: a translation, or the original."""
    return idea.reading.text


def count_header(listed: tuple[IdeaCard, ...]) -> None:
    """How many ideas, and a word when there are none."""
    st.header(_("Ideas ({count})").format(count=len(listed)))
    if not listed:
        st.info(_("No ideas yet."))


def filtered_board(screen: IdeasScreen) -> tuple[IdeaCard, ...]:
    """The board as the facilitator filters it: by table, by group, hidden ones or not."""
    groups = dict(screen.groups)
    left, right = st.columns(2)
    tables = left.multiselect(_("Tables"), screen.table_numbers, placeholder=_("All tables"))
    picked = right.multiselect(
        _("Groups"), list(groups), format_func=groups.__getitem__, placeholder=_("Choose options")
    )
    hidden = st.toggle(_("Show hidden and merged ideas"))
    return screen.board(tables, picked, hidden)


def moderation_tabs(here: StaffPage, screen: IdeasScreen, board: tuple[IdeaCard, ...]) -> None:
    """Edit or hide, merge duplicates, group into themes: each calls a service through `act`."""
    act = here.act
    # Its pickers list every idea of the board, four times: drawn only while it is open,
    # since a closed expander's content is still built and sent on every run, and at 10×
    # the data the pickers were a sixth of the page (bench/).
    box = st.expander(
        _("Moderate: edit, hide, merge, group into themes"), key=MODERATION_KEY, on_change="rerun"
    )
    if not box.open:
        return
    visible = [i for i in board if i.visible]
    with box:
        tab_edit, tab_translate, tab_merge, tab_theme = st.tabs(
            [_("Edit or hide"), _("Translate"), _("Merge duplicates"), _("Themes")]
        )
        with tab_edit:
            moderation.edit_panel(
                list(board),
                on_save=lambda i, t: act(
                    ideas.update_idea,
                    i.id,
                    ideas.IdeaFields(
                        text=t, stakeholder_id=i.stakeholder_id, confidential=i.confidential
                    ),
                    done=_("Saved."),
                ),
                on_toggle=lambda i, hidden: act(
                    ideas.show_idea if hidden else ideas.hide_idea, i.id, done=_("Done.")
                ),
            )
        with tab_translate:
            moderation.translate_panel(
                list(board),
                on_save=lambda i, source, words, done: act(
                    translate.translate,
                    translate.Translation(
                        kind="idea", entity_id=i.id, text=words, source_language=source
                    ),
                    done=done,
                ),
            )
        with tab_merge:
            moderation.merge_panel(
                visible,
                on_merge=lambda k, d: act(idea_merge.merge_ideas, k, d, done=_("Merged.")),
            )
        with tab_theme:
            moderation.theme_panel(
                visible,
                dict(screen.themes),
                on_create=lambda n: act(
                    themes.create_theme, screen.meeting_id, n, done=_("Theme added.")
                ),
                on_assign=lambda ids, t: act(themes.assign_theme, ids, t, done=_("Grouped.")),
            )
            theme_translations(screen, act)


def theme_translations(screen: IdeasScreen, act: Callable[..., None]) -> None:
    """Each theme's name in the other language: what a ballot, the results and Solve call
    it for the readers of that language, marked as a translation."""
    if not screen.theme_words:
        return
    st.markdown("**" + _("Theme names for the people who read the other language") + "**")
    boxes = [
        Box("theme", theme_id, "name", words)
        for (theme_id, _name), words in zip(screen.themes, screen.theme_words, strict=True)
    ]
    saved = lambda entries: act(translate.translate_all, entries, done=_("Translations saved."))  # noqa: E731
    note = _("Leave a box empty to remove its translation.")
    translation_boxes("theme-translations", boxes, saved, note)
