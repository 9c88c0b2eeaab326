"""A room whose every kind of record holds hostile text, for the exports and the screens."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import cycle

from db.database import Database
from services.act import action_followup, actions
from services.converge import voting_ballots, voting_rounds
from services.converge.voting_items import round_items
from services.core.actors import SYSTEM
from services.partner import charters
from services.prepare import interviews, surveys
from services.resolve import conflict_parties, conflicts
from services.room import ideas, notes, themes
from services.setup import participants, stakeholders, tables
from services.solve import options
from tests.factories import Room


@dataclass(frozen=True)
class Filled:
    """What was written where (`texts[place]`), and the ids the checks need."""

    texts: dict[str, str]
    group_id: int
    idea_id: int
    conflict_id: int
    action_id: int
    round_id: int


def fill_room(db: Database, room: Room, given: list[str]) -> Filled:
    """Write `given` in turn (round and round) into every record a meeting's exports hold.

    Names that must be unique (a group, a theme) take the first two texts, so `given`
    needs at least two different texts.
    """
    fac, scribe = room.facilitator, room.scribe1
    written: dict[str, str] = {}
    texts = cycle(given)

    def t(place: str) -> str:
        written[place] = next(texts)
        return written[place]

    group = stakeholders.create_stakeholder(
        db,
        fac,
        room.initiative_id,
        stakeholders.StakeholderFields(name=t("group"), category="youth"),
    )
    theme = themes.create_theme(db, fac, room.meeting_id, t("theme"), t("theme description"))
    tables.update_table(
        db,
        fac,
        room.table1_id,
        tables.TableFields(number=1, name=t("table name"), scribe_account_id=scribe.account_id),
    )
    owner = participants.create_participant(
        db, fac, room.initiative_id, participants.ParticipantFields(
            name=t("owner"), stakeholder_id=group.id, notes=t("roster notes"),
            table_id=room.table1_id,
        ),
    )  # fmt: skip
    notes.add_note(
        db,
        scribe,
        room.table1_id,
        notes.NoteFields(
            said=t("said"),
            paraphrase=t("paraphrase"),
            interest=t("interest"),
            stakeholder_id=group.id,
            confirmed=True,
            prompt=t("prompt"),
        ),
    )
    idea = ideas.add_idea(
        db, scribe, ideas.NewIdea(table_id=room.table1_id, text=t("idea"), stakeholder_id=group.id)
    )
    other = ideas.add_idea(
        db,
        scribe,
        ideas.NewIdea(table_id=room.table1_id, text=t("other idea"), stakeholder_id=room.police_id),
    )
    themes.assign_theme(db, fac, [idea.id], theme.id)
    rnd = voting_rounds.create_round(
        db,
        fac,
        room.meeting_id,
        voting_rounds.NewRound(title=t("round"), mode="dots", idea_ids=[idea.id, other.id]),
    )
    voting_rounds.open_round(db, fac, rnd.id)
    first, second = [i.id for i in round_items(db, SYSTEM, rnd.id)]
    voting_ballots.set_dots(db, "code-0", first, 2)
    voting_ballots.set_dots(db, "code-1", second, 1)
    conflict = conflicts.create_conflict(
        db,
        fac,
        room.meeting_id,
        conflicts.ConflictFields(issue=t("issue"), options=t("options"), owner=t("conflict owner")),
        table_id=room.table1_id,
    )
    conflict_parties.set_party(
        db,
        fac,
        conflict.id,
        conflict_parties.PartyFields(
            stakeholder_id=room.police_id, position=t("position"), interests=t("interests")
        ),
    )
    conflicts.set_status(
        db,
        fac,
        conflict.id,
        conflicts.StatusFields(status="agreed", agreement=t("agreement"), next_step=t("next step")),
    )
    charters.new_version(
        db,
        fac,
        room.initiative_id,
        charters.CharterFields(
            mission=t("mission"),
            shared_goals=t("shared goals"),
            ground_rules=t("ground rules"),
            roles=t("roles"),
            communication=t("communication"),
            confidentiality=t("confidentiality"),
            commitments={room.police_id: t("commitment")},
        ),
    )
    action = actions.create_action(
        db,
        fac,
        room.initiative_id,
        actions.ActionFields(
            title=t("action"),
            description=t("description"),
            measure=t("measure"),
            owner_participant_id=owner.id,
            stakeholder_id=group.id,
            charter_goal=t("charter goal"),
        ),
        actions.ActionLinks(
            meeting_id=room.meeting_id, idea_id=idea.id, theme_id=theme.id, conflict_id=conflict.id
        ),
    )
    action_followup.add_update(db, fac, action.id, "in_progress", t("update"))
    options.create_option(
        db,
        fac,
        room.meeting_id,
        options.OptionFields(
            title=t("option"),
            description=t("option description"),
            delivered_by=t("delivered by"),
            risks=t("risks"),
            idea_id=idea.id,
        ),
    )
    interviews.create_interview(
        db,
        fac,
        room.initiative_id,
        interviews.InterviewFields(
            interviewee=t("interviewee"),
            notes=t("interview notes"),
            interviewer=t("interviewer"),
            themes=t("interview themes"),
        ),
    )
    surveys.submit_survey(
        db,
        "code-2",
        "pre",
        surveys.SurveyFields(
            top_issues=t("top issues"), solutions=t("solutions"), goals=t("goals")
        ),
    )
    return Filled(written, group.id, idea.id, conflict.id, action.id, rnd.id)
