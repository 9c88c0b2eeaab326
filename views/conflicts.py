"""Conflicts: the win-win conflict log, from positions to interests to an agreement."""

import streamlit as st

import runtime
from components import conflict_panels as panels
from components.notices import refuse, show_flash
from i18n import _
from services.core.errors import DomainError
from services.resolve import conflict_outcomes, conflict_parties, conflicts, conflicts_screen
from services.room import spotlight

here = runtime.page(with_table=True)
act, meeting_id = here.act, here.meeting_id
try:
    screen = conflicts_screen.read(here.db, here.actor, meeting_id, here.table_number)
except DomainError as error:
    refuse(error.message)

st.title(_("Conflicts"))
show_flash()
panels.new_conflict_form(
    lambda issue, options, owner, secret: act(
        conflicts.create_conflict, meeting_id,
        conflicts.ConflictFields(issue=issue, options=options, owner=owner, confidential=secret),
        screen.table_id, done=_("Conflict logged."),
    )
)  # fmt: skip
if not screen.conflicts:
    st.info(_("No conflicts logged."))
    st.stop()
chosen = panels.conflict_picker(screen.conflicts)
panels.sides_side_by_side(chosen.sides)
panels.party_form(str(chosen.id), dict(screen.groups), lambda g, p, i: act(
    conflict_parties.set_party, chosen.id,
    conflict_parties.PartyFields(stakeholder_id=g, position=p, interests=i), done=_("Side saved."),
))  # fmt: skip
panels.status_form(chosen, lambda s, a, n: act(
    conflicts.set_status, chosen.id,
    conflicts.StatusFields(status=s, agreement=a, next_step=n), done=_("Status saved."),
))  # fmt: skip
if screen.runs_the_room:
    panels.room_buttons(
        chosen,
        lambda shown: act(
            spotlight.set_spotlight, meeting_id, shown,
            done=_("On the projector.") if shown else _("Off the projector."),
        ),
        lambda: act(
            conflict_outcomes.agreement_to_action, chosen.id, done=_("Added to the action plan.")
        ),
        lambda: act(
            conflict_outcomes.agreement_to_ground_rule, chosen.id, done=_("Added to the charter.")
        ),
    )  # fmt: skip
if chosen.may_translate:
    panels.conflict_translation(chosen, act)
panels.history_table(chosen.history)
