"""The home screen of a signed-in person: what is live in the initiative in focus, and, for
a facilitator, whether the demo is here to remove. Read in one transaction."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from db.database import Database
from db.models import AgendaItem, Initiative
from db.models.enums import MeetingStatus
from services.core import membership
from services.core.actors import Actor
from services.room import room_control
from services.setup import demo


@dataclass(frozen=True, slots=True)
class MeetingNow:
    """Where the meeting in focus is: its step now, if it has started one."""

    title: str
    status: MeetingStatus
    input_open: bool
    step_position: int | None
    step_title: str
    """In the reader's language where the step has a current translation."""


@dataclass(frozen=True, slots=True)
class HomeScreen:
    """What home shows besides its forms; `initiative` None: no initiative in focus yet."""

    initiative: str | None
    meeting: MeetingNow | None
    demo: tuple[str, ...] | None
    """The demo's initiatives by name while anything of the demo is here (possibly none
    left but its logins), for a facilitator to remove; None otherwise."""


def read(
    db: Database, actor: Actor, initiative_id: int | None, meeting_id: int | None
) -> HomeScreen:
    """Home for `actor`, with the initiative and meeting in focus (runtime.focus)."""
    with db.read() as s:
        name = meeting = None
        if initiative_id is not None:
            membership.require_member(s, actor, initiative_id)
            name = s.get_one(Initiative, initiative_id).name
        if initiative_id is not None and meeting_id is not None:
            held = membership.member_meeting(s, actor, meeting_id)
            step = s.get(AgendaItem, held.current_item_id) if held.current_item_id else None
            meeting = MeetingNow(
                held.title,
                held.status,
                held.input_open,
                step.position if step is not None else None,
                room_control.step_titles_in(s, [step])[step.id] if step is not None else "",
            )
        return HomeScreen(name, meeting, _demo(s, actor))


def _demo(s: Session, actor: Actor) -> tuple[str, ...] | None:
    if not actor.is_facilitator or not demo.has_demo_in(s):
        return None
    return tuple(i.name for i in demo.demo_initiatives_in(s))
