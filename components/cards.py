"""Lists of listening notes and ideas, user text always shown literally."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Literal, Protocol, TypeVar

import streamlit as st

from components.text import escape_markdown
from i18n import N_, _
from services.core.vocab import IdeaStatus
from services.translations.shown import Shown, field_text, language_name, mark

NEWEST = 20
"""Notes or ideas a page lists before asking: a table's list only grows through a
meeting, and the page is drawn again on every run (bench/)."""
T = TypeVar("T")
_SHOW_ALL = {
    "notes": N_("Show all {count} notes, not only the newest {limit}"),
    "ideas": N_("Show all {count} ideas, not only the newest {limit}"),
}


class ShownNote(Protocol):
    """A listening note as a list shows it: the listen screen's NoteCard, or the record's
    ListeningNote on Review."""

    @property
    def id(self) -> int: ...
    @property
    def said(self) -> str: ...
    @property
    def paraphrase(self) -> str: ...
    @property
    def interest(self) -> str: ...
    @property
    def confirmed(self) -> bool | None: ...
    @property
    def confidential(self) -> bool: ...
    @property
    def late(self) -> bool: ...


class ShownIdea(Protocol):
    """An idea as a list shows it: the board's IdeaCard, or the record's Idea on Review."""

    @property
    def id(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def status(self) -> IdeaStatus: ...
    @property
    def confidential(self) -> bool: ...
    @property
    def late(self) -> bool: ...


Note = TypeVar("Note", bound=ShownNote)
Idea = TypeVar("Idea", bound=ShownIdea)


def newest_first(
    items: Sequence[T],
    noun: Literal["notes", "ideas"],
    key: str,
    limit: int = NEWEST,
    total: int | None = None,
) -> Sequence[T]:
    """The newest `limit` of `items` (given newest first), or all when the reader asks.

    `total`: how many there are, where `items` was read as only the newest (`wanted`)."""
    total = len(items) if total is None else total
    if total <= limit:
        return items
    if st.toggle(_(_SHOW_ALL[noun]).format(count=total, limit=limit), key=key):
        return items
    return items[:limit]


def wanted(key: str, limit: int = NEWEST) -> int | None:
    """How many of the newest to read for `newest_first(..., key=key)`: `limit`, or None
    (all) while the reader has asked to see all. A widget's state is set before the run
    that follows its change, so the read made before the toggle is drawn sees it."""
    return None if st.session_state.get(key) else limit


CONFIRMED_WORDS = {
    True: N_("✓ confirmed by the speaker"),
    False: N_("✗ not confirmed"),
    None: N_("? not checked"),
}
_BETWEEN = "\n\n---\n\n"


def note_list(
    notes: Sequence[Note],
    group_of: Callable[[Note], str],
    words_of: Callable[[Note], Mapping[str, Shown]] | None = None,
) -> None:
    """Notes in one bordered box, a rule between them: what was said, what was heard back,
    the interest beneath, and who said it.

    `words_of` gives a note's fields in the reader's language (listen_screen.NoteCard's
    `words`): a translated note is shown in it, said to be one, its original beside it.

    One Markdown element for the whole list, not a box of four per note: every element
    costs the server a message on each run, and a scribe's page lists twenty (bench/).
    """
    if notes:
        with st.container(border=True):
            st.markdown(
                _BETWEEN.join(
                    note_text(n, group_of(n), words_of(n) if words_of else None) for n in notes
                )
            )


def idea_list(
    ideas: Sequence[Idea],
    origin_of: Callable[[Idea], list[str]],
    words_of: Callable[[Idea], str] | None = None,
) -> None:
    """Ideas in one bordered box, a rule between them, each with where it came from.

    `words_of` gives the words shown for an idea (its translation for this reader, when
    the list's `origin_of` says so); by default the idea's own text.
    """
    if ideas:
        with st.container(border=True):
            st.markdown(
                _BETWEEN.join(
                    idea_text(i, origin_of(i), words_of(i) if words_of else None) for i in ideas
                )
            )


def note_text(note: ShownNote, group: str, words: Mapping[str, Shown] | None = None) -> str:
    """One note as Markdown, its words shown literally: in the reader's language where
    `words` holds a translation, marked, with the original after it."""
    words = words or {}

    def reads(name: str) -> str:
        return field_text(words, name, getattr(note, name))

    said = [escape_markdown(reads("said"))]
    if note.paraphrase:
        said.append(_("**I heard:** {words}").format(words=escape_markdown(reads("paraphrase"))))
    if note.interest:
        said.append(
            _("**Interest or need:** {words}").format(words=escape_markdown(reads("interest")))
        )
    details = [
        *_translation_note(words),
        group or _("group not given"),
        _(CONFIRMED_WORDS[note.confirmed]),
    ]
    if note.confidential:
        details.append(_("confidential: never on the projector"))
    if note.late:
        details.append(_("late, saved after input closed"))
    return "\n\n".join([*said, _small(details)])


def _translation_note(words: Mapping[str, Shown]) -> list[str]:
    """Under a note: what its words are, once for the note, and its original, field by
    field ("original (English): …"), where it is shown translated."""
    first = next(iter(words.values()), None)
    if first is None or not mark(first):
        return []
    if not first.translated:
        return [mark(first)]
    originals = " / ".join(w.original for w in words.values())
    original = _("original ({language}): {words}").format(
        language=language_name(first.source_language), words=originals
    )
    return [mark(first), original]


def idea_text(idea: ShownIdea, origin: list[str], words: str | None = None) -> str:
    """One idea as Markdown, its words shown literally, then where it came from."""
    return f"{escape_markdown(idea.text if words is None else words)}\n\n{_small(origin)}"


# What became of an idea that is not simply on the board, in words.
_FATE = {
    IdeaStatus.PENDING: N_("waiting for approval"),
    IdeaStatus.HIDDEN: N_("hidden"),
    IdeaStatus.MERGED: N_("merged"),
}


def idea_origin(idea: ShownIdea, group: str, table: int | None, theme: str = "") -> list[str]:
    """Where an idea came from, and what became of it, in words."""
    origin = [
        _("table {number}").format(number=table) if table else _("facilitator"),
        group or _("group not given"),
    ]
    if theme:
        origin.append(_("theme: {theme}").format(theme=theme))
    if idea.status is not IdeaStatus.VISIBLE:
        fate = _FATE.get(idea.status)
        origin.append(_(fate) if fate else idea.status.value)
    if idea.confidential:
        origin.append(_("confidential"))
    if idea.late:
        origin.append(_("late, saved after input closed"))
    return origin


def _small(words: list[str]) -> str:
    return f":small[{escape_markdown(' · '.join(words))}]"
