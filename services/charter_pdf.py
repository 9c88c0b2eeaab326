"""The partnering charter as a PDF people can read, print and sign, with its sign-off page."""

from __future__ import annotations

import secrets
from datetime import datetime
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from sqlalchemy import func, select

from db.database import Database
from db.models import Account, Charter, Initiative, Signature
from db.models.enums import Role
from services.actors import Actor, require_role
from services.charters import commitments_of, find_latest, group_names
from services.errors import NotFound
from services.validation import require

FONT = "DejaVu"
SECTIONS = [
    ("Shared goals", "shared_goals"),
    ("Ground rules and values", "ground_rules"),
    ("Roles and responsibilities", "roles"),
    ("How we communicate and meet", "communication"),
    ("Confidentiality", "confidentiality"),
]
Signed = tuple[str, datetime]


def charter_pdf(
    db: Database, actor: Actor, initiative_id: int, charter_id: int | None = None
) -> bytes:
    """The charter version (the latest by default) as a PDF ending in a sign-off page."""
    require_role(actor, Role.FACILITATOR, Role.LEADER)
    with db.read() as s:
        initiative = require(s, Initiative, initiative_id, "initiative")
        charter = (
            find_latest(s, initiative_id) if charter_id is None else s.get(Charter, charter_id)
        )
        if charter is None and charter_id is None:
            raise NotFound(
                f"{initiative.name} has no partnering charter yet. Write its first version "
                "on the Charter page, then export it."
            )
        if charter is None or charter.initiative_id != initiative_id:
            raise NotFound(
                f"No charter version with id {charter_id} in {initiative.name}: it may have "
                "been deleted. Reload the page."
            )
        groups = sorted(group_names(s, initiative_id).items(), key=lambda g: g[1].lower())
        commitments = {c.stakeholder_id: c.text for c in commitments_of(s, charter)}
        signer = func.coalesce(Account.display_name, "(account since removed)")
        query = (
            select(Signature.stakeholder_id, signer, Signature.signed_at)
            .outerjoin(Account, Account.id == Signature.account_id)
            .where(Signature.charter_id == charter.id)
        )
        signed = {gid: (name, at) for gid, name, at in s.execute(query)}
        older = dict(
            s.execute(
                select(Signature.stakeholder_id, func.max(Charter.version))
                .join(Charter, Charter.id == Signature.charter_id)
                .where(Charter.initiative_id == initiative_id, Charter.version < charter.version)
                .group_by(Signature.stakeholder_id)
            ).all()
        )
    return _render(initiative, charter, groups, commitments, signed, older)


class _Document(FPDF):
    """An A4 page set in DejaVu Sans, whose footer numbers the pages."""

    def __init__(self, label: str) -> None:
        super().__init__(format="A4")
        # DejaVu Sans ships with matplotlib and covers Latin, Greek, Cyrillic, Hebrew, Arabic.
        fonts = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
        self.add_font(FONT, "", fonts / "DejaVuSans.ttf")
        self.add_font(FONT, "B", fonts / "DejaVuSans-Bold.ttf")
        self.set_auto_page_break(True, margin=20)
        self._label = label
        # Not the default "{nb}": fpdf2 would replace that inside people's text as well.
        self._pages = f"{{pages-{secrets.token_hex(8)}}}"
        self.alias_nb_pages(self._pages)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(FONT, size=8)
        self.cell(0, 8, f"{self._label} · page {self.page_no()} of {self._pages}")


def _render(
    initiative: Initiative,
    charter: Charter,
    groups: list[tuple[int, str]],
    commitments: dict[int, str],
    signed: dict[int, Signed],
    older: dict[int, int],
) -> bytes:
    version = charter.version
    pdf = _Document(f"Partnering Charter, version {version}")
    pdf.set_title(f"Partnering Charter: {initiative.name}, version {version}")
    pdf.set_creator("Common Ground")
    pdf.add_page()
    _text(pdf, "Partnering Charter", 22, bold=True, align="C")
    _text(pdf, initiative.name, 14, align="C")
    if initiative.city:
        _text(pdf, initiative.city, 12, align="C")
    _text(pdf, f"Version {version}, {_day(charter.created_at)}", 12, align="C")
    pdf.ln(6)
    for heading, text in [("Mission", charter.mission)] + [
        (h, getattr(charter, field)) for h, field in SECTIONS
    ]:
        _heading(pdf, heading, 14)
        _text(pdf, text or "Not written yet.")
    _heading(pdf, "Commitments", 16)
    for gid, name in groups:
        _heading(pdf, name, 12)
        _text(pdf, commitments.get(gid) or "No commitment written for this version.")
    pdf.add_page()
    _heading(pdf, "Sign-off", 16)
    _text(pdf, f"Each stakeholder group's representative signs version {version} of this charter.")
    for gid, name in groups:
        # Keep each group's block whole on one page.
        if pdf.will_page_break(45):
            pdf.add_page()
        _text(pdf, name, 12, bold=True)
        pdf.ln(14)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + 110, pdf.get_y())
        _text(pdf, "Signature", 8)
        if gid in signed:
            signer, at = signed[gid]
            _text(pdf, f"Name: {signer}")
            _text(pdf, f"Date: {_day(at)} (signed for version {version} in Common Ground)")
        else:
            before = f" (signed version {older[gid]})" if gid in older else ""
            _text(pdf, f"Not yet signed for version {version}{before}")
        pdf.ln(8)
    return bytes(pdf.output())


def _heading(pdf: FPDF, text: str, size: int) -> None:
    # A heading never sits alone at the foot of a page, away from its text.
    if pdf.will_page_break(30):
        pdf.add_page()
    pdf.ln(3)
    _text(pdf, text, size, bold=True)


def _text(pdf: FPDF, text: str, size: int = 11, bold: bool = False, align: str = "L") -> None:
    # Plain text only (no markdown, no HTML); tabs have no glyph in the font.
    clean = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    pdf.set_font(FONT, "B" if bold else "", size)
    pdf.multi_cell(0, size * 0.55, clean, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _day(moment: datetime) -> str:
    return f"{moment.day} {moment:%B %Y}"
