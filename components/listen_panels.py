"""The listen screen's note form, its count, and corrections; they save through the services."""

from __future__ import annotations

from functools import partial

import streamlit as st

from components.cards import note_list
from components.drafts import table_draft
from components.forms import CONFIRMED_LABELS, FIRST_ANSWER, submission_key
from components.live_region import live_region
from components.notices import flash_and_rerun, show_error
from components.scribe_forms import TableForm, save_button, show_outcome
from i18n import N_, _
from runtime import StaffPage
from services.core.errors import DomainError
from services.room import listen_screen, notes
from services.room.listen_screen import ListenScreen, NoteCard
from services.translations.shown import DEFAULT_SOURCE, language_name, other_language
from services.translations.translate import Translation, translate_all
from workarounds.fragment_inline_call import InlineCall

FIELDS = ("said", "heard", "interest", "prompt")
SECRET = N_("Confidential: keep it off the projector and out of reports")
_RESETS = {"note_group": None, "note_confirmed": FIRST_ANSWER, "note_secret": False}


def count_header(count: int) -> None:
    """How many notes, and a word when there are none."""
    st.header(_("Notes so far ({count})").format(count=count))
    if not count:
        st.info(_("No listening notes yet."))


def note_form(here: StaffPage, screen: ListenScreen) -> None:
    """The table's note form, its count, corrections, and the notes newer than the page's.

    Only for a table's page (`screen.table_id`); the fragment reads again only after its
    own runs, the page's run hands it what the page has read.
    """
    table_id = screen.table_id
    if table_id is None:  # every table's page lists notes; a note is written at a table
        return
    draft = table_draft(screen.meeting_id, table_id, "note", *FIELDS)
    form = TableForm("note", draft, _RESETS)
    _note_fragment(here, screen, table_id, form, InlineCall())


def _save_note(here: StaffPage, table_id: int, form: TableForm) -> None:
    """Before the form is drawn again: saved, its fields empty; refused, they keep the text."""
    value, draft = st.session_state.get, form.draft

    def store() -> str:
        saved = notes.add_note(
            here.db, here.actor, table_id, notes.NoteFields(
                said=draft.value("said"), paraphrase=draft.value("heard"),
                interest=draft.value("interest"), stakeholder_id=value("note_group"),
                confirmed=CONFIRMED_LABELS[value("note_confirmed", FIRST_ANSWER)],
                prompt=draft.value("prompt"), confidential=value("note_secret", False),
            ), submission_key("note"),
        )  # fmt: skip
        return _("Note saved, marked late.") if saved.late else _("Note saved.")

    form.save(store)


@st.fragment
def _note_fragment(
    here: StaffPage, screen: ListenScreen, table_id: int, form: TableForm, inline: InlineCall
) -> None:
    """A fragment, so saving a note redraws this and not the page: a whole run per note
    cost five times the floor's time in a 60-person room (bench/)."""
    result = form.outcome()  # left by _save_note, which ran first
    draft = form.draft
    groups = dict(screen.groups)
    # Not cleared on submit: a refused save keeps every word in the fields.
    with st.form("note"):
        draft.keep()
        st.text_area(_("What was said"), height=120, key=draft.key("said"))
        st.text_area(_("What I heard (the paraphrase back)"), height=100, key=draft.key("heard"))
        st.text_area(_("The interest or need underneath"), height=80, key=draft.key("interest"))
        st.selectbox(
            _("Speaker's stakeholder group"), list(groups), format_func=groups.__getitem__,
            index=None, placeholder=_("Choose an option"), key="note_group",
        )  # fmt: skip
        st.radio(
            _("Did the speaker confirm the paraphrase?"), list(CONFIRMED_LABELS),
            format_func=_, horizontal=True, key="note_confirmed",
        )  # fmt: skip
        st.text_input(_("Dialogue question it answers (optional)"), key=draft.key("prompt"))
        st.checkbox(_(SECRET), key="note_secret")
        refused = isinstance(result, DomainError)
        save = partial(_save_note, here, table_id, form)
        sent = save_button(
            screen.gate, _("Save note"), _("Save as a late note"), save, refused=refused
        )
    # The region is there before "Note saved." comes, so a screen reader says it.
    show_outcome(live_region("note"), result)
    fresh = not inline.first() or sent
    current = (
        listen_screen.table_notes(here.db, here.actor, screen.meeting_id, table_id)
        if fresh
        else screen.notes
    )
    count_header(len(current))
    if current:
        _correction(here, current, groups)
    shown = {n.id for n in screen.notes}
    note_list([n for n in current if n.id not in shown], lambda n: n.group, lambda n: n.words)


def _correction(here: StaffPage, table_notes: tuple[NoteCard, ...], groups: dict[int, str]) -> None:
    """Pick one of the table's notes and correct it."""
    # Keyed, and the note picked by its id: both stay over the run a save starts, so the
    # scribe who saved a correction goes on to its translation without picking it again.
    by_id = {n.id: n for n in table_notes}
    with st.expander(_("Correct a note"), key="correct-note"):
        picked = st.selectbox(
            _("Note to correct"),
            list(by_id),
            format_func=lambda note_id: by_id[note_id].said[:80],
            index=None,
            placeholder=_("Choose an option"),
            key="note-to-correct",
        )
        chosen = by_id.get(picked) if picked is not None else None
        if chosen is None:
            return
        with st.form(f"edit-{chosen.id}"):
            said = st.text_area(_("What was said"), chosen.said)
            heard = st.text_area(_("What I heard"), chosen.paraphrase)
            interest = st.text_area(_("The interest or need underneath"), chosen.interest)
            group = st.selectbox(
                _("Speaker's stakeholder group"), list(groups), format_func=groups.__getitem__,
                index=list(groups).index(chosen.stakeholder_id)
                if chosen.stakeholder_id in groups else None,
            )  # fmt: skip
            answer = {v: k for k, v in CONFIRMED_LABELS.items()}[chosen.confirmed]
            confirmed = st.radio(
                _("Did the speaker confirm the paraphrase?"), list(CONFIRMED_LABELS),
                index=list(CONFIRMED_LABELS).index(answer), format_func=_, horizontal=True,
            )  # fmt: skip
            secret = st.checkbox(_("Confidential"), chosen.confidential)
            if st.form_submit_button(_("Save correction")):
                try:
                    notes.update_note(
                        here.db, here.actor, chosen.id, notes.NoteFields(
                            said=said, paraphrase=heard, interest=interest, stakeholder_id=group,
                            confirmed=CONFIRMED_LABELS[confirmed], prompt=chosen.prompt,
                            confidential=secret,
                        ),
                    )  # fmt: skip
                    flash_and_rerun(_("Correction saved."))
                except DomainError as error:
                    show_error(error)
        note_translation(here, chosen)


NOTE_LABELS = {
    "said": N_("What was said ({language})"),
    "paraphrase": N_("What I heard ({language})"),
    "interest": N_("The interest or need underneath ({language})"),
}
"""The translation form's boxes, each naming the language it is written in."""


def note_translation(here: StaffPage, note: NoteCard) -> None:
    """The note's words in the other language, for the people who read it: the facilitator
    on every table's page, Review. A bilingual scribe writes it at their own table."""
    # A note is written in one language: any of its fields says which.
    written_in = next(iter(note.words.values())).source_language if note.words else DEFAULT_SOURCE
    into = language_name(other_language(written_in))
    with st.form(f"translate-note-{note.id}"):
        st.caption(
            _("The note in {language}. Leave a box empty to remove its translation.").format(
                language=into
            )
        )
        typed = {
            name: st.text_area(
                _(label).format(language=into),
                note.words[name].translation if name in note.words else "",
                key=f"translate-note-{note.id}-{name}",
            )
            for name, label in NOTE_LABELS.items()
            if getattr(note, name)
        }
        if st.form_submit_button(_("Save the translation")):
            entries = [
                Translation(
                    kind="listening_note",
                    entity_id=note.id,
                    field=name,
                    text=text,
                    source_language=written_in,
                )
                for name, text in typed.items()
            ]
            here.act(translate_all, entries, done=_("Translation saved."))
