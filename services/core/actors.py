"""Who is acting, and the role checks every service makes before it reads or writes."""

from __future__ import annotations

from dataclasses import dataclass

from db.models.enums import Role
from i18n import N_, _
from services.core.errors import PermissionDenied


@dataclass(frozen=True)
class Actor:
    """The signed-in account on whose behalf a service runs."""

    account_id: int | None
    role: Role
    name: str

    @property
    def is_facilitator(self) -> bool:
        return self.role is Role.FACILITATOR


SYSTEM = Actor(account_id=None, role=Role.FACILITATOR, name="system")
"""The seed and imports act as a facilitator with no account."""

_ROLE_WORDS = {
    Role.FACILITATOR: N_("a facilitator"),
    Role.SCRIBE: N_("a table scribe"),
    Role.LEADER: N_("a Thought Leader Team member"),
}


def require_role(actor: Actor, *roles: Role) -> None:
    """Refuse unless the actor has one of `roles`."""
    if actor.role not in roles:
        allowed = _(" or ").join(_(_ROLE_WORDS[r]) for r in roles)
        raise PermissionDenied(
            _("Only {allowed} can do this; you are signed in as {role}.").format(
                allowed=allowed, role=_(_ROLE_WORDS[actor.role])
            )
        )
