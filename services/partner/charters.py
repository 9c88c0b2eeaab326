"""The partnering charter: its numbered versions, each carrying the groups' commitments forward."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Charter, Commitment, Initiative, Stakeholder
from db.models.enums import Role
from i18n import N_, _
from services.core import audit, membership
from services.core.actors import Actor, require_role
from services.core.errors import ValidationError
from services.core.validation import LONG_MAX, TEXT_MAX, clean_text, optional_text, require
from services.translations import written

SECTIONS = {
    "shared_goals": N_("Shared goals"),
    "ground_rules": N_("Ground rules and values"),
    "roles": N_("Roles and responsibilities"),
    "communication": N_("How we communicate and how often we meet"),
    "confidentiality": N_("Confidentiality agreement"),
}
"""Each section after the mission, by its field, with its heading: one wording for the
screen, the projector, the PDF and a refusal's field name."""


@dataclass(frozen=True, slots=True, kw_only=True)
class CharterFields:
    """A version of the charter as written: its mission, its sections (SECTIONS) and the
    groups' commitments by group id; commitments not given carry forward."""

    mission: str
    shared_goals: str = ""
    ground_rules: str = ""
    roles: str = ""
    communication: str = ""
    confidentiality: str = ""
    commitments: dict[int, str] | None = None


def new_version(db: Database, actor: Actor, initiative_id: int, fields: CharterFields) -> Charter:
    """Save the charter as a new version; groups' commitments carry forward unless given."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        return add_version(s, actor, initiative_id, fields)


def add_version(s: Session, actor: Actor, initiative_id: int, fields: CharterFields) -> Charter:
    """`new_version` inside the caller's transaction, for services that build on it."""
    clean = {k: optional_text(getattr(fields, k), label, LONG_MAX) for k, label in SECTIONS.items()}
    mission = clean_text(fields.mission, N_("Mission"), LONG_MAX)
    require(s, Initiative, initiative_id, N_("initiative"))
    given = fields.commitments or {}
    texts = {gid: optional_text(t, N_("Commitment"), TEXT_MAX) for gid, t in given.items()}
    groups = check_groups(s, initiative_id, texts)
    retired = retired_groups(s, initiative_id)
    refuse_retired(s, [gid for gid, text in texts.items() if text], retired)
    previous = find_latest(s, initiative_id)
    # A retired group's commitment stays on the versions it was part of, not on new ones.
    carried = (
        {
            c.stakeholder_id: c
            for c in commitments_of(s, previous)
            if c.stakeholder_id not in retired
        }
        if previous
        else {}
    )
    charter = Charter(
        initiative_id=initiative_id,
        version=(previous.version if previous else 0) + 1,
        mission=mission,
        created_by_account_id=actor.account_id,
        **clean,
    )
    s.add(charter)
    try:
        s.flush()
    except IntegrityError as exc:
        raise ValidationError(
            _(
                "Someone saved another version of the charter at the same moment. Reload the "
                "page to see it, then make your changes again."
            )
        ) from exc
    made = [
        Commitment(charter_id=charter.id, stakeholder_id=gid, text=text)
        for gid, text in {**{g: c.text for g, c in carried.items()}, **texts}.items()
        if text
    ]
    s.add_all(made)
    s.flush()
    _record_languages(s, charter, previous, made, carried)
    detail = {"version": charter.version, "groups": sorted(groups)}
    audit.record(
        s,
        actor,
        audit.Change(
            entity="charter",
            entity_id=charter.id,
            action="created",
            detail=detail,
            initiative_id=initiative_id,
        ),
    )
    return charter


def _record_languages(
    s: Session,
    charter: Charter,
    previous: Charter | None,
    made: list[Commitment],
    carried: dict[int, Commitment],
) -> None:
    """A version is the one before it, edited: it keeps that one's language (the first,
    its writer's). A commitment carried unchanged keeps its language; one written now is
    its writer's."""
    before = written.language_of(s, written.Part("charter", previous.id)) if previous else None
    written.record_new(s, "charter", charter.id, charter.initiative_id, before)
    for commitment in made:
        kept = carried.get(commitment.stakeholder_id)
        same = kept is not None and kept.text == commitment.text
        language = (
            written.language_of(s, written.Part("commitment", kept.id)) if same and kept else None
        )
        written.record_new(s, "commitment", commitment.id, charter.initiative_id, language)


def latest_charter(db: Database, actor: Actor, initiative_id: int) -> Charter | None:
    """The newest version of the initiative's charter, or None before the first."""
    with db.read() as s:
        membership.require_member(s, actor, initiative_id)
        return find_latest(s, initiative_id)


def list_versions(db: Database, actor: Actor, initiative_id: int) -> list[Charter]:
    """Every version of the charter, newest first."""
    with db.read() as s:
        membership.require_member(s, actor, initiative_id)
        query = (
            select(Charter)
            .where(Charter.initiative_id == initiative_id)
            .order_by(Charter.version.desc())
        )
        return list(s.scalars(query))


def get_charter(db: Database, actor: Actor, charter_id: int) -> Charter:
    """One version of the charter."""
    with db.read() as s:
        charter = require(s, Charter, charter_id, N_("charter version"))
        membership.require_member(s, actor, charter.initiative_id)
        return charter


def find_latest(s: Session, initiative_id: int) -> Charter | None:
    """The newest version inside the caller's transaction."""
    query = select(Charter).where(Charter.initiative_id == initiative_id)
    return s.scalar(query.order_by(Charter.version.desc()).limit(1))


def require_latest(s: Session, charter: Charter, doing: str) -> None:
    """Refuse to `doing` on a version a newer one has replaced, pointing to the newer one."""
    latest = find_latest(s, charter.initiative_id)
    if latest is not None and latest.id != charter.id:
        raise ValidationError(
            _(
                "Version {version} has been replaced by version {version2}, so you cannot "
                "{doing}. Open version {version2} instead."
            ).format(version=charter.version, version2=latest.version, doing=_(doing))
        )


def commitments_of(s: Session, charter: Charter) -> list[Commitment]:
    """The commitments under this version, inside the caller's transaction."""
    return list(s.scalars(select(Commitment).where(Commitment.charter_id == charter.id)))


def group_names(s: Session, initiative_id: int) -> dict[int, str]:
    """Each stakeholder group of the initiative by id, with its name."""
    query = select(Stakeholder.id, Stakeholder.name).where(
        Stakeholder.initiative_id == initiative_id
    )
    return {gid: name for gid, name in s.execute(query)}


def retired_groups(s: Session, initiative_id: int) -> set[int]:
    """Ids of the initiative's retired groups: out of new versions and new sign-off."""
    query = select(Stakeholder.id).where(
        Stakeholder.initiative_id == initiative_id, Stakeholder.retired.is_(True)
    )
    return set(s.scalars(query))


def refuse_retired(s: Session, ids: Iterable[int], retired: set[int]) -> None:
    """Refuse a new commitment for any retired group among `ids`, naming it."""
    for gid in ids:
        if gid in retired:
            name = s.get_one(Stakeholder, gid).name
            raise ValidationError(
                _(
                    "{name} is retired, so it makes no new commitments. Restore it on Set up › "
                    "Groups first, or leave its commitment out."
                ).format(name=name)
            )


def check_groups(s: Session, initiative_id: int, ids: Iterable[int]) -> set[int]:
    """The ids given, refusing any that is not a group of the initiative."""
    known = set(group_names(s, initiative_id))
    unknown = sorted(set(ids) - known)
    if unknown:
        raise ValidationError(
            _(
                "Stakeholder group {ids} is not part of this initiative. "
                "Pick one of the initiative's groups."
            ).format(ids=", ".join(map(str, unknown)))
        )
    return set(ids)
