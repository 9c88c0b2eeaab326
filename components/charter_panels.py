"""The charter as people read it, its sign-off, and the form for a new version."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd
import streamlit as st

import i18n
from components.downloads import prepared_download
from components.text import escape_markdown, plain
from components.translated import translated_note
from i18n import N_, _
from services.partner import charter_pdf, charters
from services.partner.charter_signoff import GroupSignOff, SignOff, signoff_complete
from services.partner.charter_versions_screen import CharterScreen, VersionShown
from services.partner.charters import CharterFields
from services.translations import translate
from services.translations.shown import Shown, language_name, other_language
from services.translations.translate import Translation

SECTIONS = [("mission", N_("Mission")), *charters.SECTIONS.items()]
"""Each part of the charter by its field, with its heading, as the PDF and the projector
name it."""
_PICKED = "charter-version"
_NEWEST_SEEN = "charter-version-newest-seen"
_SIGNED_WORDS = {
    SignOff.SIGNED: N_("signed"),
    SignOff.OUTDATED: N_("signed an earlier version"),
    SignOff.NEVER: N_("not signed"),
}


def charter_text(shown: VersionShown, act: Callable[..., None] | None = None) -> None:
    """Every section of one version in the reader's language, then each group's
    commitment; with `act` (a facilitator's), the form that translates them."""
    sheet = shown.sheet
    charter = sheet.charter
    st.caption(
        _("Version {number} · {day}").format(
            number=charter.version, day=i18n.day(charter.created_at)
        )
    )
    for field, heading in SECTIONS:
        st.subheader(_(heading))
        clause = sheet.clause(field)
        plain(clause.text or "—")
        translated_note(clause, key=f"charter-{charter.id}-{field}")
    st.subheader(_("Commitments"))
    if not shown.commitments:
        st.caption(_("No group has written its commitment yet."))
    for gid, group in sheet.groups:
        said = sheet.commitment(gid)
        if said is not None:
            st.markdown(f"**{escape_markdown(group)}:** {escape_markdown(said.text)}")
            translated_note(said, key=f"commitment-{charter.id}-{gid}")
    if act is not None:
        translation_form(shown, act)


def translation_form(shown: VersionShown, act: Callable[..., None]) -> None:
    """The facilitator writes this version's clauses and commitments in the other language:
    readers of that language see them marked as a translation, the original one tap away."""
    sheet = shown.sheet
    mission = sheet.clause("mission")
    written_in = mission.source_language
    into = language_name(other_language(written_in))

    def current(words: Shown) -> str:
        return words.translation if words.source_language == written_in else ""

    label = _("Translate version {number} ({language})")
    box = st.expander(label.format(number=shown.version, language=into))
    with box, st.form(f"translate-charter-{shown.charter_id}"):
        st.caption(_("Leave a field empty to remove its translation."))
        entries = []
        for field, heading in SECTIONS:
            if getattr(sheet.charter, field):
                words = st.text_area(
                    f"{_(heading)} ({into})", current(sheet.clause(field)), key=f"tr-{field}"
                )
                entries.append(("charter", shown.charter_id, field, words))
        for gid, group in sheet.groups:
            said = sheet.commitment(gid)
            if said is not None:
                words = st.text_area(
                    _("Commitment of {group} ({language})").format(group=group, language=into),
                    current(said), key=f"tr-commitment-{gid}",
                )  # fmt: skip
                entries.append(("commitment", sheet.commitment_ids[gid], "text", words))
        if st.form_submit_button(_("Save the translation")):
            made = [
                Translation(
                    kind=kind, entity_id=entity_id, field=field, text=words,
                    source_language=written_in,
                )
                for kind, entity_id, field, words in entries
            ]  # fmt: skip
            act(translate.translate_all, made, done=_("Translation saved."))


def signoff_table(rows: Sequence[GroupSignOff], version: int) -> None:
    """Which group signed which version; the words say it, not a colour."""
    group, signed, signed_version = _("Group"), _("Signed"), _("Version signed")
    frame = pd.DataFrame(
        [
            {
                group: r.stakeholder,
                signed: _(_SIGNED_WORDS[r.status]),
                # Text throughout: a column of numbers and blanks is not one Arrow type.
                signed_version: str(r.signed_version or ""),
            }
            for r in rows
        ]
    )
    missing = sum(1 for r in rows if r.signed_version != version)
    if signoff_complete(list(rows)):
        st.success(
            _("Sign-off is complete: every group ({count}) has signed version {version}.").format(
                count=len(rows), version=version
            )
        )
    else:
        st.write(
            _("{signed} of {count} groups have signed version {version}.").format(
                signed=len(rows) - missing, count=len(rows), version=version
            )
        )
    st.dataframe(frame, hide_index=True, width="stretch")


def new_version_form(current: VersionShown | None, on_save: Callable[..., None]) -> None:
    """The sections of a new version, starting from the one in force."""
    start = current.sheet.charter if current else None
    with st.form("new-version"):
        mission, goals, rules, roles, talk, secrecy = (
            st.text_area(_(heading), getattr(start, field, "") if start else "", height=110)
            for field, heading in SECTIONS
        )
        if st.form_submit_button(_("Save as a new version"), type="primary"):
            on_save(
                CharterFields(
                    mission=mission, shared_goals=goals, ground_rules=rules, roles=roles,
                    communication=talk, confidentiality=secrecy,
                )
            )  # fmt: skip


def charter_download(shown: VersionShown) -> None:
    """The version on screen as its PDF, rendered from the same record."""
    prepared_download(
        _("the charter, version {number} (PDF)").format(number=shown.version),
        # Built only when asked for, not on every run of the page.
        lambda: charter_pdf.render(shown.sheet),
        _("partnering-charter-v{version}.pdf").format(version=shown.version),
        key=f"charter-{shown.charter_id}",
        of=shown.charter_id,
    )


def commitment_form(
    groups: dict[int, str], on_save: Callable[[int, str], None], fixed_in: int | None = None
) -> None:
    """A group's commitment in the current version (retired groups make no new ones).
    `fixed_in`: the version's number once a group has signed it, which fixes its
    commitments: said before anything is typed, where the refusal came after a save."""
    with st.expander(_("A group's commitment in the current version")):
        if fixed_in is not None:
            st.info(
                _(
                    "Version {version} has already been signed, so its commitments are fixed. "
                    "To change one, save a new version above with it; everyone then signs "
                    "that one."
                ).format(version=fixed_in)
            )
            return
        group = st.selectbox(
            _("Group"),
            list(groups),
            format_func=lambda i: groups.get(i, ""),
            index=None,
            placeholder=_("Choose an option"),
        )
        text = st.text_area(_("What the group commits to"))
        if st.button(_("Save the commitment")) and group is not None:
            on_save(group, text)


def version_picker(versions: Sequence[VersionShown]) -> VersionShown:
    """The version to read, newest first. Picked by its number and taken from this run's
    read: a record kept by the picker showed a version as it was before a commitment saved
    since."""
    by_number = {v.version: v for v in versions}
    newest = versions[0].version
    # A version saved since this person last read the charter is the one in force: open
    # there, not on the older one they had picked (a facilitator saved version 2 and
    # went on reading, and writing commitments under, version 1).
    if (
        st.session_state.get(_NEWEST_SEEN) != newest
        or st.session_state.get(_PICKED) not in by_number
    ):
        st.session_state[_NEWEST_SEEN] = newest
        st.session_state[_PICKED] = newest
    number = st.selectbox(
        _("Version"),
        list(by_number),
        format_func=lambda n: _("Version {number}").format(number=n),
        key=_PICKED,
    )
    return by_number[number]


def sign_here(screen: CharterScreen, on_sign: Callable[[], None]) -> None:
    """For a leader on the latest version: the button that signs it for their group, or,
    once their group has, that it has (a second tap would change nothing)."""
    if screen.may_sign and st.button(_("Sign this version for my group"), type="primary"):
        on_sign()
    elif screen.signed_for:
        st.success(_("{group} has signed this version.").format(group=screen.signed_for))
