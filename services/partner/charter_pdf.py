"""The partnering charter as a PDF people can read, print and sign, with its sign-off page."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import i18n
from adapters import pdf_layout as layout
from db.database import Database
from db.models import Account, Charter, Initiative, Signature
from db.models.enums import Role
from i18n import N_, _
from services.core import membership
from services.core.actors import Actor, require_role
from services.core.errors import NotFound
from services.core.validation import require
from services.partner.charters import (
    SECTIONS,
    commitments_of,
    find_latest,
    group_names,
    retired_groups,
)
from services.translations.shown import (
    Showing,
    Shown,
    language_name,
    mark,
    original_shown,
    shown,
)
from services.translations.translate import field_translations, translations_for

Signed = tuple[str, datetime]
CLAUSES = ("mission", *SECTIONS)
"""The charter's fields that carry a translation: its clauses."""


@dataclass(frozen=True, slots=True)
class CharterSheet:
    """One version of the charter as its PDF prints it (and the Charter screen shows it)."""

    initiative: str
    city: str
    charter: Charter
    groups: tuple[tuple[int, str], ...]
    """(id, name) of each group on this version, by name: retired ones only where they
    committed or signed."""
    commitments: dict[int, str]
    signed: dict[int, Signed]
    """Group id -> (signer's name, when), on this version."""
    older: dict[int, int]
    """Group id -> the newest earlier version it signed."""
    clauses: dict[str, Shown] = field(default_factory=dict)
    """Each clause (CLAUSES) in the reader's language: a translation, or the original."""
    commitments_shown: dict[int, Shown] = field(default_factory=dict)
    """Group id -> its commitment in the reader's language."""
    commitment_ids: dict[int, int] = field(default_factory=dict)
    """Group id -> the id of its commitment on this version, which a translation names."""

    def clause(self, name: str) -> Shown:
        """One clause in the reader's language (as written, when read without translations)."""
        found = self.clauses.get(name)
        return found or original_shown(getattr(self.charter, name) or "", i18n.current())

    def commitment(self, group_id: int) -> Shown | None:
        """A group's commitment in the reader's language; None when it wrote none."""
        text = self.commitments.get(group_id)
        if not text:
            return None
        return self.commitments_shown.get(group_id) or original_shown(text, i18n.current())


def charter_pdf(
    db: Database, actor: Actor, initiative_id: int, charter_id: int | None = None
) -> bytes:
    """The charter version (the latest by default) as a PDF ending in a sign-off page."""
    require_role(actor, Role.FACILITATOR, Role.LEADER)
    with db.read() as s:
        initiative = require(s, Initiative, initiative_id, N_("initiative"))
        membership.require_member(s, actor, initiative_id)
        charter = (
            find_latest(s, initiative_id) if charter_id is None else s.get(Charter, charter_id)
        )
        if charter is None and charter_id is None:
            raise NotFound(
                _(
                    "{name} has no partnering charter yet. Write its first version on the Charter "
                    "page, then export it."
                ).format(name=initiative.name)
            )
        if charter is None or charter.initiative_id != initiative_id:
            raise NotFound(
                _(
                    "No charter version with id {charter_id} in {name}: it may have been deleted. "
                    "Reload the page."
                ).format(charter_id=charter_id, name=initiative.name)
            )
        sheet = sheet_in(s, initiative, charter)
    return render(sheet)


def sheet_in(s: Session, initiative: Initiative, charter: Charter) -> CharterSheet:
    """One version as its PDF prints it, inside a read the caller already holds."""
    initiative_id = initiative.id
    made = commitments_of(s, charter)
    commitments = {c.stakeholder_id: c.text for c in made}
    language = i18n.current()
    words = field_translations(s, "charter", [charter.id], language, CLAUSES)
    clauses = {
        name: shown(getattr(charter, name) or "", words.get((charter.id, name)), language)
        for name in CLAUSES
    }
    promised = translations_for(s, "commitment", [c.id for c in made], language)
    commitments_shown = {
        c.stakeholder_id: shown(c.text, promised.get(c.id), language) for c in made
    }
    signer = func.coalesce(Account.display_name, _("(account since removed)"))
    query = (
        select(Signature.stakeholder_id, signer, Signature.signed_at)
        .outerjoin(Account, Account.id == Signature.account_id)
        .where(Signature.charter_id == charter.id)
    )
    signed = {gid: (name, at) for gid, name, at in s.execute(query)}
    # A retired group appears only on the versions it is part of: its commitment or
    # its signature is on this one.
    retired = retired_groups(s, initiative_id) - set(commitments) - set(signed)
    groups = sorted(
        ((gid, name) for gid, name in group_names(s, initiative_id).items() if gid not in retired),
        key=lambda g: g[1].lower(),
    )
    older = dict(
        s.execute(
            select(Signature.stakeholder_id, func.max(Charter.version))
            .join(Charter, Charter.id == Signature.charter_id)
            .where(Charter.initiative_id == initiative_id, Charter.version < charter.version)
            .group_by(Signature.stakeholder_id)
        ).all()
    )
    return CharterSheet(
        initiative.name, initiative.city, charter, tuple(groups), commitments, signed, older,
        clauses, commitments_shown, {c.stakeholder_id: c.id for c in made},
    )  # fmt: skip


def _clause(pdf: layout.Document, words: Shown | None, empty: str) -> None:
    """A clause in the reader's language; a translation says so, with the original beneath
    it, so the printed page never passes a translation off as what the groups wrote."""
    if words is None or not words.original.strip():
        layout.text(pdf, empty)
        return
    layout.text(pdf, words.text)
    said = mark(words)
    if said:
        layout.text(pdf, said, 8, bold=True)
    if words.showing is Showing.TRANSLATED:
        layout.text(pdf, _("Original ({language}):").format(
            language=language_name(words.source_language)
        ), 8)  # fmt: skip
        layout.text(pdf, words.original, 9)


def render(sheet: CharterSheet) -> bytes:
    """The PDF of one version: its text, each group's commitment, then the sign-off page."""
    charter, groups = sheet.charter, sheet.groups
    signed, older = sheet.signed, sheet.older
    version = charter.version
    pdf = layout.Document(_("Partnering Charter, version {version}").format(version=version))
    pdf.set_title(
        _("Partnering Charter: {initiative}, version {version}").format(
            initiative=sheet.initiative, version=version
        )
    )
    pdf.set_creator("Common Ground")
    pdf.add_page()
    layout.text(pdf, _("Partnering Charter"), 22, bold=True, align="C")
    layout.text(pdf, sheet.initiative, 14, align="C")
    if sheet.city:
        layout.text(pdf, sheet.city, 12, align="C")
    written = _("Version {version}, {date}").format(
        version=version, date=layout.day(charter.created_at)
    )
    layout.text(pdf, written, 12, align="C")
    pdf.ln(6)
    for heading, name in [(_("Mission"), "mission")] + [(_(h), f) for f, h in SECTIONS.items()]:
        layout.heading(pdf, heading, 14)
        _clause(pdf, sheet.clause(name), _("Not written yet."))
    layout.heading(pdf, _("Commitments"), 16)
    for gid, name in groups:
        layout.heading(pdf, name, 12)
        said = sheet.commitment(gid)
        _clause(pdf, said, _("No commitment written for this version."))
    pdf.add_page()
    layout.heading(pdf, _("Sign-off"), 16)
    layout.text(
        pdf,
        _(
            "Each stakeholder group's representative signs version {version} of this charter."
        ).format(version=version),
    )
    for gid, name in groups:
        # Keep each group's block whole on one page.
        if pdf.will_page_break(45):
            pdf.add_page()
        layout.text(pdf, name, 12, bold=True)
        pdf.ln(14)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + 110, pdf.get_y())
        layout.text(pdf, _("Signature"), 8)
        if gid in signed:
            signer, at = signed[gid]
            layout.text(pdf, _("Name: {name}").format(name=signer))
            layout.text(
                pdf,
                _("Date: {date} (signed for version {version} in Common Ground)").format(
                    date=layout.day(at), version=version
                ),
            )
        else:
            unsigned = (
                _("Not yet signed for version {version} (signed version {older})")
                if gid in older
                else _("Not yet signed for version {version}")
            )
            layout.text(pdf, unsigned.format(version=version, older=older.get(gid)))
        pdf.ln(8)
    return bytes(pdf.output())
