"""Each person's language: a participant's from the roster or their phone, staff's own."""

from __future__ import annotations

from db.database import Database
from db.models import Account, Participant
from db.models.enums import Role
from i18n import LANGUAGES, N_, _, parse_language
from services.core import audit
from services.core.actors import Actor, require_role
from services.core.errors import NotFound, ValidationError
from services.core.validation import require
from services.setup.participants import find_by_code


def _checked(language: str) -> str:
    chosen = parse_language(language)
    if chosen is None:
        names = _(" or ").join(LANGUAGES.values())
        raise ValidationError(_("Choose a language the app speaks: {names}.").format(names=names))
    return chosen


def language_of_code(db: Database, code: str | None) -> str | None:
    """The language of the person whose badge code this is, or None for no such person."""
    with db.read() as s:
        person = find_by_code(s, code)
        return person.language if person is not None else None


def choose_by_code(db: Database, code: str | None, language: str) -> str:
    """A participant switches their own language on their phone: kept for their badge,
    survey, ballot and feedback form. Not audited: it is their own preference, not a fact
    of the meeting."""
    chosen = _checked(language)
    with db.write() as s:
        person = find_by_code(s, code)
        if person is None:
            raise NotFound(_("This code is not on the roster. Check the code on your badge."))
        person.language = chosen
        return chosen


def set_participant_language(
    db: Database, actor: Actor, participant_id: int, language: str
) -> Participant:
    """The facilitator sets a participant's language (a roster correction)."""
    require_role(actor, Role.FACILITATOR)
    chosen = _checked(language)
    with db.write() as s:
        person = require(s, Participant, participant_id, N_("participant"))
        person.language = chosen
        detail = {"name": person.name, "language": chosen}
        audit.record(
            s,
            actor,
            audit.Change(
                entity="participant",
                entity_id=person.id,
                action="language",
                detail=detail,
                initiative_id=person.initiative_id,
            ),
        )
        return person


def set_own_language(db: Database, actor: Actor, language: str) -> str:
    """A facilitator, scribe or leader chooses the language of their own screens."""
    require_role(actor, Role.FACILITATOR, Role.SCRIBE, Role.LEADER)
    chosen = _checked(language)
    with db.write() as s:
        account = require(s, Account, actor.account_id, N_("account"))
        account.language = chosen
        return chosen


def own_language(db: Database, actor: Actor) -> str:
    with db.read() as s:
        return require(s, Account, actor.account_id, N_("account")).language
