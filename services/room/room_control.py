"""The live state of the room: which step, whether input is open, the timer, live or closed."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

import i18n
from db.database import Database
from db.models import AgendaItem, Meeting, VotingRound, utcnow
from db.models.enums import MeetingStatus, Role, RoundStatus, Step
from i18n import N_, _
from services.agenda import agenda_gaps
from services.core import audit, membership
from services.core.actors import Actor, require_role
from services.core.errors import NotAllowedNow, ValidationError
from services.core.validation import in_range, require
from services.translations.shown import Shown, Stored, shown
from services.translations.translate import field_translations, translations_for

TIMER_MAX = 180
EXTENSIONS = (1, 5)
"""The minutes the console's buttons add to the running timer."""

QUIET_STEPS = frozenset({Step.WELCOME, Step.BREAK, Step.CLOSE})
"""Steps where the room talks but tables and phones send nothing: input stays closed."""


def takes_input(step: Step) -> bool:
    """Whether arriving on a step of this kind opens input (listen, ideas, vote, solve…)."""
    return step not in QUIET_STEPS


@dataclass(frozen=True)
class RoomState:
    """What every screen shows about where the room is."""

    meeting_id: int
    title: str
    status: MeetingStatus
    input_open: bool
    position: int
    step_count: int
    current: AgendaItem | None
    next_title: str | None
    timer_ends_at: datetime | None
    timer_paused_seconds: int | None = None
    """While the timer is paused, the whole seconds it had left (timer_ends_at is None)."""
    pages_held_at: datetime | None = None
    """While the projector's pages are held: when they were held (the page then stays)."""
    projector_language: str = ""
    """"en", "es", "both" side by side, or "" for the projector's browser's own."""
    step_words: Mapping[str, Stored] = field(default_factory=dict)
    """The current step's stored translation, by field ("title", "prompt"): one serves a
    reader of either language (it is into one, from the other)."""

    def step_title(self, language: str) -> Shown | None:
        """The current step's title as a reader of `language` reads it (None between steps)."""
        return self._step_field("title", language)

    def step_prompt(self, language: str) -> Shown | None:
        """The current step's question for the room, as a reader of `language` reads it."""
        return self._step_field("prompt", language)

    def _step_field(self, name: str, language: str) -> Shown | None:
        if self.current is None:
            return None
        return shown(getattr(self.current, name), self.step_words.get(name), language)

    @property
    def paused(self) -> bool:
        """Whether the timer is paused: screens say so in words, not with a frozen clock."""
        return self.timer_paused_seconds is not None

    def seconds_left(self, now: datetime) -> int | None:
        """Whole seconds until the timer ends (0 once it has; what is left while paused), or
        None when no timer runs."""
        if self.timer_paused_seconds is not None:
            return self.timer_paused_seconds
        if self.timer_ends_at is None:
            return None
        # Rounded up, so the projector says "0:01 left" until time is really up.
        return max(0, math.ceil((self.timer_ends_at - now).total_seconds()))


def room_state(db: Database, meeting_id: int, *, actor: Actor) -> RoomState:
    """Where the room is now: three small queries (the meeting, its agenda, the current
    step's translation), cheap enough for a screen's refresh.

    Refused for a meeting outside the actor's initiatives; the projector and a voter's
    phone, which reach the meeting by its code, read it inside their own read models.
    """
    with db.read() as s:
        return _state(s, membership.member_meeting(s, actor, meeting_id))


def state_in(s: Session, meeting: Meeting, items: list[AgendaItem] | None = None) -> RoomState:
    """`room_state` inside a transaction already open (a screen's one read); `items`, the
    meeting's agenda by position, when the caller has read it already."""
    return _state(s, meeting, items)


def room_state_in(s: Session, meeting: Meeting) -> RoomState:
    """`room_state` inside a read the caller holds, after it has checked the reader."""
    return state_in(s, meeting)


def start_meeting(db: Database, actor: Actor, meeting_id: int) -> RoomState:
    """Go live on the first step (or the one already chosen) and apply its plan, like Next.

    An agenda the Thought Leader Team has not approved does not stop the start (the
    facilitator decides), but the audit names who had not approved it.
    """
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        meeting = _locked(s, meeting_id)
        if meeting.status is MeetingStatus.CLOSED:
            raise NotAllowedNow(
                _("{title} was closed. Reopen it to carry on.").format(title=meeting.title)
            )
        items = _items(s, meeting_id)
        if not items:
            raise ValidationError(
                _("{title} has no agenda yet. Add at least one step, then start it.").format(
                    title=meeting.title
                )
            )
        if meeting.status is MeetingStatus.LIVE and meeting.current_item_id is not None:
            return _state(s, meeting, items)
        chosen = [i for i in items if i.id == meeting.current_item_id]
        first = chosen[0] if chosen else items[0]
        meeting.status = MeetingStatus.LIVE
        gaps = agenda_gaps.gaps_in(s, meeting)
        approval = gaps.audit_detail() if gaps else {"agenda_approved": True}
        record_change(s, actor, meeting, "started", {"item_id": first.id, **approval})
        return _go(s, actor, meeting, items, first)


def move_step(db: Database, actor: Actor, meeting_id: int, direction: int) -> RoomState:
    """Go to the next (+1) or previous (-1) step and apply its plan (input, timer)."""
    require_role(actor, Role.FACILITATOR)
    if direction not in (-1, 1):
        raise ValidationError(
            _("The room moves one step back (-1) or on (+1); got {direction}.").format(
                direction=direction
            )
        )
    with db.write() as s:
        meeting = _live(s, meeting_id)
        items = _items(s, meeting_id)
        ids = [i.id for i in items]
        here = ids.index(meeting.current_item_id) if meeting.current_item_id in ids else -1
        there = here + direction
        if not 0 <= there < len(items):
            raise ValidationError(
                _("The room is on the first step; there is no step before it.")
                if direction < 0
                else _("The room is on the last step; there is no step after it.")
            )
        return _go(s, actor, meeting, items, items[there])


def go_to_step(db: Database, actor: Actor, meeting_id: int, item_id: int) -> RoomState:
    """Jump to any step of the agenda and apply its plan, like Next; the current step stays
    as it is (a second click must not restart a timer the room is halfway through)."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        meeting = _live(s, meeting_id)
        item = require(s, AgendaItem, item_id, N_("agenda item"))
        if item.meeting_id != meeting_id:
            raise ValidationError(
                _("“{title}” is on another meeting's agenda. Pick a step.").format(title=item.title)
            )
        items = _items(s, meeting_id)
        if meeting.current_item_id == item.id:
            return _state(s, meeting, items)
        return _go(s, actor, meeting, items, item)


def set_input(db: Database, actor: Actor, meeting_id: int, open: bool) -> RoomState:
    """Let tables and phones send input for the current step, or stop them."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        meeting = _locked(s, meeting_id)
        if open and meeting.status is not MeetingStatus.LIVE:
            raise NotAllowedNow(
                _("{title} is not live. Start or reopen it first.").format(title=meeting.title)
            )
        if open and meeting.current_item_id is None:
            raise NotAllowedNow(_("The room is on no step yet. Go to a step, then open input."))
        if meeting.input_open != open:
            meeting.input_open = open
            record_change(s, actor, meeting, "input opened" if open else "input closed", {})
        return _state(s, meeting)


def start_timer(db: Database, actor: Actor, meeting_id: int, minutes: int) -> RoomState:
    """Count down `minutes` from now on every screen (replaces a running timer)."""
    require_role(actor, Role.FACILITATOR)
    in_range(minutes, N_("Timer minutes"), 1, TIMER_MAX)
    with db.write() as s:
        meeting = _locked(s, meeting_id)
        if meeting.status is MeetingStatus.CLOSED:
            raise NotAllowedNow(
                _("{title} is closed. Reopen it to run a timer.").format(title=meeting.title)
            )
        meeting.timer_ends_at = utcnow() + timedelta(minutes=minutes)
        meeting.timer_paused_seconds = None
        record_change(s, actor, meeting, "timer started", {"minutes": minutes})
        return _state(s, meeting)


def extend_timer(db: Database, actor: Actor, meeting_id: int, minutes: int) -> RoomState:
    """Add `minutes` to the running or paused timer, or start one that long when none runs
    or time is up."""
    require_role(actor, Role.FACILITATOR)
    in_range(minutes, N_("Minutes to add"), 1, TIMER_MAX)
    with db.write() as s:
        meeting = _live(s, meeting_id, N_("add time to the timer"))
        if meeting.timer_paused_seconds is not None:
            return _extend_paused(s, actor, meeting, minutes)
        now = utcnow()
        ends = meeting.timer_ends_at
        running = ends is not None and ends > now
        ends_at = (ends if ends is not None and running else now) + timedelta(minutes=minutes)
        if ends_at - now > timedelta(minutes=TIMER_MAX):
            raise ValidationError(
                _(
                    "The timer would run past {TIMER_MAX} minutes. Start a shorter timer instead."
                ).format(TIMER_MAX=TIMER_MAX)
            )
        meeting.timer_ends_at = ends_at
        action = "timer extended" if running else "timer started"
        record_change(s, actor, meeting, action, {"minutes": minutes})
        return _state(s, meeting)


def pause_timer(db: Database, actor: Actor, meeting_id: int) -> RoomState:
    """Hold the running timer: every screen says it is paused and how much time is left."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        meeting = _not_closed(s, meeting_id, N_("pause the timer"))
        if meeting.timer_paused_seconds is not None:
            return _state(s, meeting)  # a second facilitator's tap: already paused
        left = _state(s, meeting).seconds_left(utcnow())
        if left is None:
            raise NotAllowedNow(_("No timer is running, so there is nothing to pause."))
        if left == 0:
            raise NotAllowedNow(_("Time is already up. Add minutes or start a new timer instead."))
        meeting.timer_ends_at, meeting.timer_paused_seconds = None, left
        record_change(s, actor, meeting, "timer paused", {"seconds_left": left})
        return _state(s, meeting)


def resume_timer(db: Database, actor: Actor, meeting_id: int) -> RoomState:
    """Count down again from the time that was left when the timer was paused."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        meeting = _not_closed(s, meeting_id, N_("resume the timer"))
        left = meeting.timer_paused_seconds
        if left is None:
            if meeting.timer_ends_at is not None:
                return _state(s, meeting)  # a second facilitator's tap: already running
            raise NotAllowedNow(_("No timer is paused. Start a timer instead."))
        meeting.timer_ends_at = utcnow() + timedelta(seconds=left)
        meeting.timer_paused_seconds = None
        record_change(s, actor, meeting, "timer resumed", {"seconds_left": left})
        return _state(s, meeting)


def clear_timer(db: Database, actor: Actor, meeting_id: int) -> RoomState:
    """Take the timer off every screen, running or paused."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        meeting = _locked(s, meeting_id)
        if meeting.timer_ends_at is not None or meeting.timer_paused_seconds is not None:
            meeting.timer_ends_at = meeting.timer_paused_seconds = None
            record_change(s, actor, meeting, "timer cleared", {})
        return _state(s, meeting)


def close_meeting(db: Database, actor: Actor, meeting_id: int) -> RoomState:
    """End the meeting: input closes, the timer stops and any round left open closes; the
    step is kept for a reopen."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        meeting = _locked(s, meeting_id)
        if meeting.status is not MeetingStatus.CLOSED:
            before = meeting.status.value
            meeting.status = MeetingStatus.CLOSED
            meeting.closed_at = utcnow()
            meeting.input_open, meeting.timer_ends_at = False, None
            meeting.timer_paused_seconds = None
            record_change(s, actor, meeting, "closed", {"from": before})
        # Every time, not only on the first close: a round opened while a closed meeting
        # was reopened ends with the meeting too. The row locks wait for votes in flight,
        # as closing a round by hand does, so no vote lands after the meeting ended.
        left_open = (
            select(VotingRound)
            .where(VotingRound.meeting_id == meeting_id, VotingRound.status == RoundStatus.OPEN)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        for rnd in s.scalars(left_open):
            rnd.status, rnd.closed_at = RoundStatus.CLOSED, utcnow()
            detail = {"from": RoundStatus.OPEN.value, "by": "meeting closed"}
            audit.record(
                s,
                actor,
                audit.Change(
                    entity="voting_round",
                    entity_id=rnd.id,
                    action="closed",
                    detail=detail,
                    initiative_id=meeting.initiative_id,
                ),
            )
        return _state(s, meeting)


def reopen_meeting(db: Database, actor: Actor, meeting_id: int) -> RoomState:
    """Make a closed meeting live again, on the step where it stopped, with input closed."""
    require_role(actor, Role.FACILITATOR)
    with db.write() as s:
        meeting = _locked(s, meeting_id)
        if meeting.status is MeetingStatus.PLANNED:
            raise NotAllowedNow(
                _("{title} has not started yet. Start it instead.").format(title=meeting.title)
            )
        if meeting.status is MeetingStatus.CLOSED:
            meeting.status = MeetingStatus.LIVE
            meeting.closed_at = None
            record_change(s, actor, meeting, "reopened", {})
        return _state(s, meeting)


def _locked(s: Session, meeting_id: int) -> Meeting:
    require(s, Meeting, meeting_id, N_("meeting"))
    # Two facilitators' taps queue, so no change is lost or checked against a stale room.
    query = select(Meeting).where(Meeting.id == meeting_id).with_for_update()
    return s.scalars(query.execution_options(populate_existing=True)).one()


def _not_closed(s: Session, meeting_id: int, doing: str) -> Meeting:
    meeting = _locked(s, meeting_id)
    if meeting.status is MeetingStatus.CLOSED:
        raise NotAllowedNow(
            _("{title} is closed. Reopen it to {doing}.").format(
                title=meeting.title, doing=_(doing)
            )
        )
    return meeting


def _live(s: Session, meeting_id: int, doing: str = N_("move between steps")) -> Meeting:
    meeting = _locked(s, meeting_id)
    if meeting.status is not MeetingStatus.LIVE:
        closed = meeting.status is MeetingStatus.CLOSED
        refusal = (
            _("{title} is closed. Reopen it to {doing}.")
            if closed
            else _("{title} has not started. Start it to {doing}.")
        )
        raise NotAllowedNow(refusal.format(title=meeting.title, doing=_(doing)))
    return meeting


def _items(s: Session, meeting_id: int) -> list[AgendaItem]:
    query = select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
    return list(s.scalars(query.order_by(AgendaItem.position)))


def _go(
    s: Session, actor: Actor, meeting: Meeting, items: list[AgendaItem], item: AgendaItem
) -> RoomState:
    # The step's plan in the same transaction: one click runs the step, and no screen ever
    # sees the new step with the old step's input or timer.
    opens = takes_input(item.step)
    detail = {
        "from": meeting.current_item_id,
        "to": item.id,
        "title": item.title,
        "input_open": opens,
        "timer_minutes": item.minutes,
    }
    meeting.current_item_id, meeting.input_open = item.id, opens
    meeting.timer_ends_at = utcnow() + timedelta(minutes=item.minutes)
    meeting.timer_paused_seconds = None
    record_change(s, actor, meeting, "step", detail)
    return _state(s, meeting, items)


def _extend_paused(s: Session, actor: Actor, meeting: Meeting, minutes: int) -> RoomState:
    # Paused time stays paused: the minutes wait with it until the facilitator resumes.
    left = (meeting.timer_paused_seconds or 0) + minutes * 60
    if left > TIMER_MAX * 60:
        raise ValidationError(
            _(
                "The timer would run past {TIMER_MAX} minutes. Start a shorter timer instead."
            ).format(TIMER_MAX=TIMER_MAX)
        )
    meeting.timer_paused_seconds = left
    record_change(s, actor, meeting, "timer extended", {"minutes": minutes, "paused": True})
    return _state(s, meeting)


def record_change(s: Session, actor: Actor, meeting: Meeting, action: str, detail: dict) -> None:
    """An audit entry for a change to the room's `meeting`, in the transaction `s`."""
    audit.record(
        s,
        actor,
        audit.Change(
            entity="meeting",
            entity_id=meeting.id,
            action=action,
            detail=detail,
            initiative_id=meeting.initiative_id,
        ),
    )


def _state(s: Session, meeting: Meeting, items: list[AgendaItem] | None = None) -> RoomState:
    items = _items(s, meeting.id) if items is None else items
    ids = [i.id for i in items]
    index = ids.index(meeting.current_item_id) if meeting.current_item_id in ids else None
    following = items[index + 1] if index is not None and index + 1 < len(items) else None
    return RoomState(
        meeting_id=meeting.id,
        title=meeting.title,
        status=meeting.status,
        input_open=meeting.input_open,
        position=0 if index is None else index + 1,
        step_count=len(items),
        current=None if index is None else items[index],
        next_title=following.title if following is not None else None,
        timer_ends_at=meeting.timer_ends_at,
        timer_paused_seconds=meeting.timer_paused_seconds,
        pages_held_at=meeting.pages_held_at,
        projector_language=meeting.projector_language,
        step_words={} if index is None else _step_words(s, items[index]),
    )


STEP_FIELDS = ("title", "prompt")


def step_titles_in(s: Session, steps: Sequence[AgendaItem]) -> dict[int, str]:
    """Each step's title by id as the run's reader reads it: its current translation into
    their language, else as written. One query."""
    language = i18n.current()
    stored = translations_for(s, "agenda_item", [step.id for step in steps], language, "title")
    return {step.id: shown(step.title, stored.get(step.id), language).text for step in steps}


def _step_words(s: Session, step: AgendaItem) -> dict[str, Stored]:
    """The step's stored translations of its title and question, by field: one query."""
    found = field_translations(s, "agenda_item", [step.id], i18n.current(), STEP_FIELDS)
    return {name: stored for (_id, name), stored in found.items()}
