"""Every text field a person fills in, as a service call that saves a value and reads it back.

A `Field` saves one piece of text through the real service and returns what a fresh read
of the database holds, so a test sees exactly what was stored. The `World` is one room
(tests/factories.build_room) plus a record of each kind to update.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypedDict, TypeVar, Unpack

from db.database import Database
from db.models import (
    Account,
    ActionItem,
    ActionUpdate,
    AgendaComment,
    AgendaItem,
    BestPractice,
    Charter,
    Commitment,
    Conflict,
    ConflictParty,
    Idea,
    Initiative,
    Interview,
    ListeningNote,
    Meeting,
    MeetingTable,
    Option,
    Participant,
    Stakeholder,
    SurveyResponse,
    Theme,
    VotingRound,
)
from db.models.enums import MeetingStatus, StakeholderCategory
from services.accounts import accounts
from services.act import action_followup, actions
from services.agenda import agenda, agenda_review
from services.converge import voting_rounds
from services.core.actors import Actor
from services.core.validation import LONG_MAX, NAME_MAX, TEXT_MAX
from services.partner import charter_commitments, charters
from services.prepare import interviews, survey_settings, surveys
from services.resolve import conflict_parties, conflicts
from services.room import ideas, notes, themes
from services.setup import initiatives, meetings, participants, stakeholders, tables
from services.setup.participants import PHONE_MAX
from services.solve import best_practices, options
from services.solve.best_practices import URL_MAX
from tests.factories import Room, build_elsewhere, build_room

PASSWORD = "a-long-enough-password"
QUESTION = "Which neighbourhood do you live in?"


@dataclass
class World:
    """A room, and one record of each kind whose text the tests rewrite."""

    db: Database
    room: Room
    after_code: str  # a participant whose meeting has closed: the feedback form is open
    ids: dict[str, int]

    @property
    def fac(self) -> Actor:
        return self.room.facilitator


def build_world(db: Database) -> World:
    """The room of tests/factories, its survey open, and a record of each kind to edit."""
    room = build_room(db)
    elsewhere = build_elsewhere(db)
    fac, ini, meeting = room.facilitator, room.initiative_id, room.meeting_id
    with db.write() as s:
        s.get_one(Meeting, elsewhere.meeting_id).status = MeetingStatus.CLOSED
        s.get_one(Initiative, ini).survey_open = True
    survey_settings.set_demographic_questions(db, fac, ini, [QUESTION])
    conflict = conflicts.create_conflict(
        db, fac, meeting, conflicts.ConflictFields(issue="Response times"), table_id=room.table1_id
    )
    action = actions.create_action(
        db, fac, ini, actions.ActionFields(title="Publish response times")
    )
    ids = {
        "note": notes.add_note(db, fac, room.table1_id, notes.NoteFields(said="Said once")).id,
        "idea": ideas.add_idea(db, fac, ideas.NewIdea(table_id=room.table1_id, text="An idea")).id,
        "theme": themes.create_theme(db, fac, meeting, "A theme").id,
        "conflict": conflict.id,
        "action": action.id,
        "interview": interviews.create_interview(
            db, fac, ini, interviews.InterviewFields(interviewee="Someone", notes="Notes")
        ).id,
        "option": options.create_option(
            db, fac, meeting, options.OptionFields(title="An option")
        ).id,
        "practice": best_practices.create_best_practice(
            db,
            fac,
            best_practices.BestPracticeFields(
                name="A programme", city="A city", model="co_responder", summary="A summary"
            ),
        ).id,
        "participant": room.participant_ids[0],
        "account": _account(db, fac, "Someone").id,
    }
    return World(db, room, "z", ids)


def _account(db: Database, actor: Actor, name: str, username: str = "") -> Account:
    login = username or f"u{uuid.uuid4().hex[:12]}"
    return accounts.create_account(
        db,
        actor,
        accounts.NewAccount(username=login, display_name=name, role="scribe", password=PASSWORD),
    )


def read(db: Database, model: type, record_id: int, attribute: str) -> Any:
    """The attribute as a fresh session reads it from the database."""
    with db.read() as s:
        return getattr(s.get_one(model, record_id), attribute)


def release(db: Database, model: type, record_id: int, attribute: str) -> None:
    """Give a unique name back, so the next case may use the same text."""
    with db.write() as s:
        setattr(s.get_one(model, record_id), attribute, f"released {uuid.uuid4().hex}")


def _unique(db: Database, model: type, record: Any, attribute: str) -> str:
    stored = read(db, model, record.id, attribute)
    release(db, model, record.id, attribute)
    return stored


WorldT = TypeVar("WorldT")  # a service's field saves into a World; a bare validator needs none


@dataclass(frozen=True)
class Field(Generic[WorldT]):
    """One text box: its label in messages, its limit, and how to save and read it back."""

    name: str
    label: str
    max_len: int
    required: bool
    save: Callable[[WorldT, str], str]
    kind: str = "text"  # "text", "username", "email" or "link": what it accepts

    def __str__(self) -> str:
        return self.name


# The text fields each service takes, so a field named at run time reaches a str parameter.
class _NoteText(TypedDict, total=False):
    said: str
    paraphrase: str
    interest: str
    prompt: str


class _SurveyText(TypedDict, total=False):
    top_issues: str
    solutions: str
    goals: str
    what_worked: str
    what_to_change: str


class _ConflictText(TypedDict, total=False):
    issue: str
    options: str
    owner: str


class _CharterText(TypedDict, total=False):
    mission: str
    shared_goals: str
    ground_rules: str
    roles: str
    communication: str
    confidentiality: str


class _ActionText(TypedDict, total=False):
    title: str
    description: str
    measure: str
    charter_goal: str


class _ItemText(TypedDict, total=False):
    title: str
    goal: str
    materials: str
    prompt: str


class _InterviewText(TypedDict, total=False):
    interviewee: str
    notes: str
    interviewer: str
    themes: str


class _OptionText(TypedDict, total=False):
    title: str
    description: str
    delivered_by: str
    risks: str


class _PersonText(TypedDict, total=False):
    name: str
    email: str
    phone: str
    notes: str


class _MeetingText(TypedDict, total=False):
    title: str
    location: str


class _AccountText(TypedDict, total=False):
    username: str
    display_name: str
    email: str


def _note(w: World, **given: Unpack[_NoteText]) -> ListeningNote:
    values: _NoteText = {"said": "Said", **given}
    return notes.add_note(w.db, w.fac, w.room.table1_id, notes.NoteFields(**values))


def _updated_note(w: World, **given: Unpack[_NoteText]) -> ListeningNote:
    values: _NoteText = {"said": "Said", **given}
    return notes.update_note(w.db, w.fac, w.ids["note"], notes.NoteFields(**values))


def _survey(w: World, **given: Unpack[_SurveyText]) -> str:
    (field,) = given
    values: _SurveyText = {"goals": "Something else answered", **given}
    made = surveys.submit_survey(w.db, "code-0", "pre", surveys.SurveyFields(**values))
    return read(w.db, SurveyResponse, made.id, field)


def _feedback(w: World, **given: Unpack[_SurveyText]) -> str:
    (field,) = given
    values: _SurveyText = {"what_worked": "Something else answered", **given}
    made = surveys.submit_survey(w.db, w.after_code, "post", surveys.SurveyFields(**values))
    return read(w.db, SurveyResponse, made.id, field)


def _demographic(w: World, text: str) -> str:
    made = surveys.submit_survey(
        w.db, "code-1", "pre", surveys.SurveyFields(goals="G", demographics={QUESTION: text})
    )
    return read(w.db, SurveyResponse, made.id, "demographics")[QUESTION]


def _conflict(w: World, **given: Unpack[_ConflictText]) -> str:
    (field,) = given
    values: _ConflictText = {"issue": "Issue", **given}
    made = conflicts.create_conflict(
        w.db, w.fac, w.room.meeting_id, conflicts.ConflictFields(**values)
    )
    return read(w.db, Conflict, made.id, field)


def _updated_conflict(w: World, **given: Unpack[_ConflictText]) -> str:
    (field,) = given
    values: _ConflictText = {"issue": "Issue", "options": "", "owner": "", **given}
    conflicts.update_conflict(w.db, w.fac, w.ids["conflict"], conflicts.ConflictFields(**values))
    return read(w.db, Conflict, w.ids["conflict"], field)


def _status(w: World, **given: str) -> str:
    (field,) = given
    conflicts.set_status(
        w.db, w.fac, w.ids["conflict"], conflicts.StatusFields(status="exploring", **given)
    )
    return read(w.db, Conflict, w.ids["conflict"], field)


def _party(w: World, **given: str) -> str:
    (field,) = given
    values = {"position": "P", "interests": "I", **given}
    party = conflict_parties.set_party(
        w.db,
        w.fac,
        w.ids["conflict"],
        conflict_parties.PartyFields(
            stakeholder_id=w.room.police_id,
            position=values["position"],
            interests=values["interests"],
        ),
    )
    return read(w.db, ConflictParty, party.id, field)


def _charter(w: World, **given: Unpack[_CharterText]) -> str:
    (field,) = given
    values: _CharterText = {"mission": "Mission", **given}
    made = charters.new_version(w.db, w.fac, w.room.initiative_id, charters.CharterFields(**values))
    return read(w.db, Charter, made.id, field)


def _charter_commitment(w: World, text: str) -> str:
    commitments = {w.room.police_id: text}
    made = charters.new_version(
        w.db,
        w.fac,
        w.room.initiative_id,
        charters.CharterFields(mission="Mission", commitments=commitments),
    )
    return _commitment_of(w.db, made.id, w.room.police_id)


def _set_commitment(w: World, text: str) -> str:
    made = charters.new_version(
        w.db, w.fac, w.room.initiative_id, charters.CharterFields(mission="Mission")
    )
    charter_commitments.set_commitment(w.db, w.fac, made.id, w.room.residents_id, text)
    return _commitment_of(w.db, made.id, w.room.residents_id)


def _commitment_of(db: Database, charter_id: int, group_id: int) -> str:
    with db.read() as s:
        found = s.query(Commitment).filter_by(charter_id=charter_id, stakeholder_id=group_id)
        row = found.one_or_none()
        return row.text if row is not None else ""


def _action(w: World, **given: Unpack[_ActionText]) -> str:
    (field,) = given
    values: _ActionText = {"title": "Title", **given}
    made = actions.create_action(w.db, w.fac, w.room.initiative_id, actions.ActionFields(**values))
    return read(w.db, ActionItem, made.id, field)


def _updated_action(w: World, **given: Unpack[_ActionText]) -> str:
    (field,) = given
    values: _ActionText = {
        "title": "Title",
        "description": "",
        "measure": "",
        "charter_goal": "",
        **given,
    }
    actions.update_action(w.db, w.fac, w.ids["action"], actions.ActionFields(**values))
    return read(w.db, ActionItem, w.ids["action"], field)


def _action_update(w: World, text: str) -> str:
    made = action_followup.add_update(w.db, w.fac, w.ids["action"], "in_progress", text)
    return read(w.db, ActionUpdate, made.id, "note")


def _agenda(w: World, **given: Unpack[_ItemText]) -> str:
    (field,) = given
    values: _ItemText = {"title": "Step", **given}
    made = agenda.add_item(
        w.db, w.fac, w.room.meeting_id, agenda.ItemFields(step="listen", minutes=10, **values)
    )
    return read(w.db, AgendaItem, made.id, field)


def _updated_agenda(w: World, **given: Unpack[_ItemText]) -> str:
    (field,) = given
    values: _ItemText = {"title": "Step", "goal": "", "materials": "", "prompt": "", **given}
    item_id = w.room.item_ids[0]
    agenda.update_item(
        w.db,
        w.fac,
        item_id,
        agenda.ItemFields(step="listen", minutes=20, skill="active_listening", **values),
    )
    return read(w.db, AgendaItem, item_id, field)


def _comment(w: World, text: str) -> str:
    made = agenda_review.comment(w.db, w.room.leader, w.room.item_ids[1], text)
    return read(w.db, AgendaComment, made.id, "text")


def _interview(w: World, **given: Unpack[_InterviewText]) -> str:
    (field,) = given
    values: _InterviewText = {"interviewee": "Someone", "notes": "Notes", **given}
    made = interviews.create_interview(
        w.db, w.fac, w.room.initiative_id, interviews.InterviewFields(**values)
    )
    return read(w.db, Interview, made.id, field)


def _updated_interview(w: World, **given: Unpack[_InterviewText]) -> str:
    (field,) = given
    values: _InterviewText = {
        "interviewee": "Someone",
        "notes": "Notes",
        "interviewer": "",
        "themes": "",
        **given,
    }
    interviews.update_interview(
        w.db, w.fac, w.ids["interview"], interviews.InterviewFields(**values)
    )
    return read(w.db, Interview, w.ids["interview"], field)


def _option(w: World, **given: Unpack[_OptionText]) -> str:
    (field,) = given
    values: _OptionText = {"title": "Option", **given}
    made = options.create_option(w.db, w.fac, w.room.meeting_id, options.OptionFields(**values))
    return read(w.db, Option, made.id, field)


def _updated_option(w: World, **given: Unpack[_OptionText]) -> str:
    (field,) = given
    values: _OptionText = {
        "title": "Option",
        "description": "",
        "delivered_by": "",
        "risks": "",
        **given,
    }
    options.update_option(
        w.db, w.fac, w.ids["option"], options.OptionFields(cost_band="low", **values)
    )
    return read(w.db, Option, w.ids["option"], field)


def _practice(w: World, **given: str) -> str:
    (field,) = given
    values = {"name": f"Programme {uuid.uuid4().hex}", "city": "City", "summary": "S", **given}
    made = best_practices.create_best_practice(
        w.db, w.fac, best_practices.BestPracticeFields(model="call_triage", **values)
    )
    return _unique(w.db, BestPractice, made, field) if field == "name" else _read(w, made, field)


def _updated_practice(w: World, **given: str) -> str:
    (field,) = given
    values = {
        "name": "A programme",
        "city": "City",
        "summary": "S",
        "staffing": "",
        "evidence": "",
        "source_url": "",
        **given,
    }
    made = best_practices.update_best_practice(
        w.db,
        w.fac,
        w.ids["practice"],
        best_practices.BestPracticeFields(model="call_triage", **values),
    )
    stored = read(w.db, BestPractice, made.id, field)
    if field == "name":
        best_practices.update_best_practice(
            w.db,
            w.fac,
            made.id,
            best_practices.BestPracticeFields(
                model="call_triage", **{**values, "name": "A programme"}
            ),
        )
    return stored


def _read(w: World, record: Any, field: str) -> str:
    return read(w.db, type(record), record.id, field)


def _initiative(w: World, **given: str) -> str:
    (field,) = given
    values = {"name": f"Initiative {uuid.uuid4().hex}", **given}
    made = initiatives.create_initiative(w.db, w.fac, initiatives.InitiativeFields(**values))
    return _unique(w.db, Initiative, made, field) if field == "name" else _read(w, made, field)


def _updated_initiative(w: World, **given: str) -> str:
    (field,) = given
    made = initiatives.create_initiative(
        w.db, w.fac, initiatives.InitiativeFields(name=f"Initiative {uuid.uuid4().hex}")
    )
    values = {"name": made.name, "city": "", "purpose": "", **given}
    initiatives.update_initiative(w.db, w.fac, made.id, initiatives.InitiativeFields(**values))
    return _unique(w.db, Initiative, made, field) if field == "name" else _read(w, made, field)


def _trust_statement(w: World, text: str) -> str:
    initiatives.set_trust_statements(w.db, w.fac, w.room.initiative_id, ["First", text])
    return read(w.db, Initiative, w.room.initiative_id, "trust_statements")[1]


def _question(w: World, text: str) -> str:
    made = initiatives.create_initiative(
        w.db, w.fac, initiatives.InitiativeFields(name=f"Initiative {uuid.uuid4().hex}")
    )
    survey_settings.set_demographic_questions(w.db, w.fac, made.id, [text])
    asked = read(w.db, Initiative, made.id, "demographic_questions")
    return asked[0] if asked else ""


def _stakeholder(w: World, text: str) -> str:
    made = stakeholders.create_stakeholder(
        w.db,
        w.fac,
        w.room.initiative_id,
        stakeholders.StakeholderFields(name=text, category="other"),
    )
    return _unique(w.db, Stakeholder, made, "name")


def _updated_stakeholder(w: World, text: str) -> str:
    made = stakeholders.create_stakeholder(
        w.db,
        w.fac,
        w.room.initiative_id,
        stakeholders.StakeholderFields(
            name=f"Group {uuid.uuid4().hex}", category=StakeholderCategory.YOUTH
        ),
    )
    stakeholders.update_stakeholder(
        w.db,
        w.fac,
        made.id,
        stakeholders.StakeholderFields(name=text, category="youth", is_major=True),
    )
    return _unique(w.db, Stakeholder, made, "name")


def _participant(w: World, **given: Unpack[_PersonText]) -> str:
    (field,) = given
    values: _PersonText = {"name": "Person", **given}
    made = participants.create_participant(
        w.db,
        w.fac,
        w.room.initiative_id,
        participants.ParticipantFields(stakeholder_id=w.room.police_id, **values),
    )
    return read(w.db, Participant, made.id, field)


def _updated_participant(w: World, **given: Unpack[_PersonText]) -> str:
    (field,) = given
    values: _PersonText = {"name": "Person", "email": "", "phone": "", "notes": "", **given}
    participants.update_participant(
        w.db,
        w.fac,
        w.ids["participant"],
        participants.ParticipantFields(stakeholder_id=w.room.police_id, **values),
    )
    return read(w.db, Participant, w.ids["participant"], field)


def _meeting(w: World, **given: Unpack[_MeetingText]) -> str:
    (field,) = given
    values: _MeetingText = {"title": "Meeting", **given}
    made = meetings.create_meeting(
        w.db, w.fac, w.room.initiative_id, meetings.MeetingFields(**values)
    )
    return read(w.db, Meeting, made.id, field)


def _updated_meeting(w: World, **given: Unpack[_MeetingText]) -> str:
    (field,) = given
    values: _MeetingText = {"title": "Meeting", "location": "", **given}
    meetings.update_meeting(w.db, w.fac, w.room.meeting_id, meetings.MeetingFields(**values))
    return read(w.db, Meeting, w.room.meeting_id, field)


def _table(w: World, text: str) -> str:
    made = meetings.create_meeting(
        w.db, w.fac, w.room.initiative_id, meetings.MeetingFields(title="Meeting")
    )
    table = tables.create_table(w.db, w.fac, made.id, tables.TableFields(number=1, name=text))
    return read(w.db, MeetingTable, table.id, "name")


def _updated_table(w: World, text: str) -> str:
    tables.update_table(
        w.db,
        w.fac,
        w.room.table2_id,
        tables.TableFields(number=2, name=text, scribe_account_id=w.room.scribe2.account_id),
    )
    return read(w.db, MeetingTable, w.room.table2_id, "name")


def _theme(w: World, **given: str) -> str:
    (field,) = given
    values = {"name": f"Theme {uuid.uuid4().hex}", **given}
    made = themes.create_theme(w.db, w.fac, w.room.meeting_id, **values)
    return _unique(w.db, Theme, made, field) if field == "name" else _read(w, made, field)


def _updated_theme(w: World, **given: str) -> str:
    (field,) = given
    values = {"name": "A theme", "description": "", **given}
    themes.update_theme(w.db, w.fac, w.ids["theme"], **values)
    stored = read(w.db, Theme, w.ids["theme"], field)
    if field == "name":
        themes.update_theme(w.db, w.fac, w.ids["theme"], "A theme")
    return stored


def _round(w: World, text: str) -> str:
    made = voting_rounds.create_round(
        w.db,
        w.fac,
        w.room.meeting_id,
        voting_rounds.NewRound(title=text, mode="dots", idea_ids=[w.ids["idea"]]),
    )
    return read(w.db, VotingRound, made.id, "title")


def _new_account(w: World, **given: Unpack[_AccountText]) -> str:
    (field,) = given
    values: _AccountText = {
        "username": f"u{uuid.uuid4().hex[:12]}",
        "display_name": "Name",
        **given,
    }
    made = accounts.create_account(
        w.db, w.fac, accounts.NewAccount(role="scribe", password=PASSWORD, **values)
    )
    return _unique(w.db, Account, made, field) if field == "username" else _read(w, made, field)


class _LoginText(TypedDict, total=False):
    display_name: str
    email: str


def _updated_account(w: World, **given: Unpack[_LoginText]) -> str:
    (field,) = given
    values: _LoginText = {"display_name": "Someone", "email": "", **given}
    accounts.update_account(w.db, w.fac, w.ids["account"], accounts.AccountFields(**values))
    return read(w.db, Account, w.ids["account"], field)


def _idea(w: World, text: str) -> str:
    made = ideas.add_idea(w.db, w.fac, ideas.NewIdea(table_id=w.room.table1_id, text=text))
    return read(w.db, Idea, made.id, "text")


def _updated_idea(w: World, text: str) -> str:
    ideas.update_idea(w.db, w.fac, w.ids["idea"], ideas.IdeaFields(text=text))
    return read(w.db, Idea, w.ids["idea"], "text")


def _on(save: Callable[..., str], field: str) -> Callable[[World, str], str]:
    return lambda w, text: save(w, **{field: text})


def _note_field(save: Callable[..., ListeningNote], field: str) -> Callable[[World, str], str]:
    return lambda w, text: read(w.db, ListeningNote, save(w, **{field: text}).id, field)


F = Field
FIELDS = [
    # Listening and ideas: what scribes type at the tables.
    F("notes.add_note said", "What was said", TEXT_MAX, True, _note_field(_note, "said")),
    F("notes.add_note paraphrase", "Paraphrase", TEXT_MAX, False, _note_field(_note, "paraphrase")),
    F("notes.add_note interest", "Interest", TEXT_MAX, False, _note_field(_note, "interest")),
    F("notes.add_note prompt", "Prompt", TEXT_MAX, False, _note_field(_note, "prompt")),
    F(
        "notes.update_note said",
        "What was said",
        TEXT_MAX,
        True,
        _note_field(_updated_note, "said"),
    ),
    F(
        "notes.update_note paraphrase",
        "Paraphrase",
        TEXT_MAX,
        False,
        _note_field(_updated_note, "paraphrase"),
    ),
    F("ideas.add_idea text", "Idea", TEXT_MAX, True, _idea),
    F("ideas.update_idea text", "Idea", TEXT_MAX, True, _updated_idea),
    F("themes.create_theme name", "Theme name", NAME_MAX, True, _on(_theme, "name")),
    F(
        "themes.create_theme description",
        "Description",
        TEXT_MAX,
        False,
        _on(_theme, "description"),
    ),
    F("themes.update_theme name", "Theme name", NAME_MAX, True, _on(_updated_theme, "name")),
    F(
        "themes.update_theme description",
        "Description",
        TEXT_MAX,
        False,
        _on(_updated_theme, "description"),
    ),
    F("voting_rounds.create_round title", "Round title", NAME_MAX, True, _round),
    # Conflicts and the charter.
    F("conflicts.create_conflict issue", "Issue", TEXT_MAX, True, _on(_conflict, "issue")),
    F("conflicts.create_conflict options", "Options", TEXT_MAX, False, _on(_conflict, "options")),
    F("conflicts.create_conflict owner", "Owner", NAME_MAX, False, _on(_conflict, "owner")),
    F("conflicts.update_conflict issue", "Issue", TEXT_MAX, True, _on(_updated_conflict, "issue")),
    F(
        "conflicts.update_conflict options",
        "Options",
        TEXT_MAX,
        False,
        _on(_updated_conflict, "options"),
    ),
    F("conflicts.update_conflict owner", "Owner", NAME_MAX, False, _on(_updated_conflict, "owner")),
    F("conflicts.set_status agreement", "Agreement", TEXT_MAX, False, _on(_status, "agreement")),
    F("conflicts.set_status next_step", "Next step", TEXT_MAX, False, _on(_status, "next_step")),
    F("conflict_parties.set_party position", "Position", TEXT_MAX, False, _on(_party, "position")),
    F(
        "conflict_parties.set_party interests",
        "Interests",
        TEXT_MAX,
        False,
        _on(_party, "interests"),
    ),
    F("charters.new_version mission", "Mission", LONG_MAX, True, _on(_charter, "mission")),
    *[
        F(f"charters.new_version {k}", label, LONG_MAX, False, _on(_charter, k))
        for k, label in charters.SECTIONS.items()
    ],
    F("charters.new_version commitments", "Commitment", TEXT_MAX, False, _charter_commitment),
    F("charter_commitments.set_commitment text", "Commitment", TEXT_MAX, False, _set_commitment),
    # The action plan.
    F("actions.create_action title", "Action title", NAME_MAX, True, _on(_action, "title")),
    F(
        "actions.create_action description",
        "Description",
        TEXT_MAX,
        False,
        _on(_action, "description"),
    ),
    F("actions.create_action measure", "Measure of done", TEXT_MAX, False, _on(_action, "measure")),
    F(
        "actions.create_action charter_goal",
        "Charter goal",
        TEXT_MAX,
        False,
        _on(_action, "charter_goal"),
    ),
    F("actions.update_action title", "Action title", NAME_MAX, True, _on(_updated_action, "title")),
    F(
        "actions.update_action measure",
        "Measure of done",
        TEXT_MAX,
        False,
        _on(_updated_action, "measure"),
    ),
    F("action_followup.add_update note", "Note", TEXT_MAX, False, _action_update),
    # Solve: options and the best-practice library.
    F("options.create_option title", "Option title", NAME_MAX, True, _on(_option, "title")),
    F(
        "options.create_option description",
        "Description",
        TEXT_MAX,
        False,
        _on(_option, "description"),
    ),
    F(
        "options.create_option delivered_by",
        "Delivered by",
        NAME_MAX,
        False,
        _on(_option, "delivered_by"),
    ),
    F("options.create_option risks", "Risks", TEXT_MAX, False, _on(_option, "risks")),
    F("options.update_option title", "Option title", NAME_MAX, True, _on(_updated_option, "title")),
    F("options.update_option risks", "Risks", TEXT_MAX, False, _on(_updated_option, "risks")),
    F(
        "best_practices.create_best_practice name",
        "Programme name",
        NAME_MAX,
        True,
        _on(_practice, "name"),
    ),
    F("best_practices.create_best_practice city", "City", NAME_MAX, True, _on(_practice, "city")),
    F(
        "best_practices.create_best_practice summary",
        "Summary",
        TEXT_MAX,
        True,
        _on(_practice, "summary"),
    ),
    F(
        "best_practices.create_best_practice staffing",
        "Staffing",
        TEXT_MAX,
        False,
        _on(_practice, "staffing"),
    ),
    F(
        "best_practices.create_best_practice evidence",
        "Evidence",
        TEXT_MAX,
        False,
        _on(_practice, "evidence"),
    ),
    F(
        "best_practices.create_best_practice source_url",
        "Source link",
        URL_MAX,
        False,
        _on(_practice, "source_url"),
        "link",
    ),
    F(
        "best_practices.update_best_practice name",
        "Programme name",
        NAME_MAX,
        True,
        _on(_updated_practice, "name"),
    ),
    F(
        "best_practices.update_best_practice summary",
        "Summary",
        TEXT_MAX,
        True,
        _on(_updated_practice, "summary"),
    ),
    # Agenda and its review.
    F("agenda.add_item title", "Item title", NAME_MAX, True, _on(_agenda, "title")),
    F("agenda.add_item goal", "Goal", TEXT_MAX, False, _on(_agenda, "goal")),
    F("agenda.add_item materials", "Materials", TEXT_MAX, False, _on(_agenda, "materials")),
    F("agenda.add_item prompt", "Prompt", TEXT_MAX, False, _on(_agenda, "prompt")),
    F("agenda.update_item title", "Item title", NAME_MAX, True, _on(_updated_agenda, "title")),
    F("agenda.update_item prompt", "Prompt", TEXT_MAX, False, _on(_updated_agenda, "prompt")),
    F("agenda_review.comment text", "Comment", TEXT_MAX, True, _comment),
    # Before the room: survey, interviews, the initiative and its people.
    F(
        "surveys.submit_survey top_issues",
        "The top issues for you",
        TEXT_MAX,
        False,
        _on(_survey, "top_issues"),
    ),
    F(
        "surveys.submit_survey solutions",
        "Solutions you would propose",
        TEXT_MAX,
        False,
        _on(_survey, "solutions"),
    ),
    F(
        "surveys.submit_survey goals",
        "What you want from the meeting",
        TEXT_MAX,
        False,
        _on(_survey, "goals"),
    ),
    F(
        "surveys.submit_survey what_worked",
        "What worked",
        TEXT_MAX,
        False,
        _on(_feedback, "what_worked"),
    ),
    F(
        "surveys.submit_survey what_to_change",
        "What should change",
        TEXT_MAX,
        False,
        _on(_feedback, "what_to_change"),
    ),
    F("surveys.submit_survey demographics", "The answer to", NAME_MAX, False, _demographic),
    F("survey_settings.set_demographic_questions", "A question", NAME_MAX, False, _question),
    F("initiatives.set_trust_statements", "Trust statement 2", NAME_MAX, True, _trust_statement),
    F(
        "interviews.create_interview interviewee",
        "Interviewee",
        NAME_MAX,
        True,
        _on(_interview, "interviewee"),
    ),
    F(
        "interviews.create_interview notes",
        "Interview notes",
        LONG_MAX,
        True,
        _on(_interview, "notes"),
    ),
    F(
        "interviews.create_interview interviewer",
        "Interviewer",
        NAME_MAX,
        False,
        _on(_interview, "interviewer"),
    ),
    F("interviews.create_interview themes", "Themes", TEXT_MAX, False, _on(_interview, "themes")),
    F(
        "interviews.update_interview notes",
        "Interview notes",
        LONG_MAX,
        True,
        _on(_updated_interview, "notes"),
    ),
    F(
        "initiatives.create_initiative name",
        "Initiative name",
        NAME_MAX,
        True,
        _on(_initiative, "name"),
    ),
    F("initiatives.create_initiative city", "City", NAME_MAX, False, _on(_initiative, "city")),
    F(
        "initiatives.create_initiative purpose",
        "Purpose",
        TEXT_MAX,
        False,
        _on(_initiative, "purpose"),
    ),
    F(
        "initiatives.update_initiative name",
        "Initiative name",
        NAME_MAX,
        True,
        _on(_updated_initiative, "name"),
    ),
    F(
        "initiatives.update_initiative purpose",
        "Purpose",
        TEXT_MAX,
        False,
        _on(_updated_initiative, "purpose"),
    ),
    F("stakeholders.create_stakeholder name", "Group name", NAME_MAX, True, _stakeholder),
    F("stakeholders.update_stakeholder name", "Group name", NAME_MAX, True, _updated_stakeholder),
    F("participants.create_participant name", "Name", NAME_MAX, True, _on(_participant, "name")),
    F(
        "participants.create_participant email",
        "Email",
        254,
        False,
        _on(_participant, "email"),
        "email",
    ),
    F(
        "participants.create_participant phone",
        "Phone",
        PHONE_MAX,
        False,
        _on(_participant, "phone"),
    ),
    F(
        "participants.create_participant notes",
        "Notes",
        TEXT_MAX,
        False,
        _on(_participant, "notes"),
    ),
    F(
        "participants.update_participant name",
        "Name",
        NAME_MAX,
        True,
        _on(_updated_participant, "name"),
    ),
    F(
        "participants.update_participant notes",
        "Notes",
        TEXT_MAX,
        False,
        _on(_updated_participant, "notes"),
    ),
    F("meetings.create_meeting title", "Meeting title", NAME_MAX, True, _on(_meeting, "title")),
    F("meetings.create_meeting location", "Location", NAME_MAX, False, _on(_meeting, "location")),
    F(
        "meetings.update_meeting title",
        "Meeting title",
        NAME_MAX,
        True,
        _on(_updated_meeting, "title"),
    ),
    F(
        "meetings.update_meeting location",
        "Location",
        NAME_MAX,
        False,
        _on(_updated_meeting, "location"),
    ),
    F("tables.create_table name", "Table name", NAME_MAX, False, _table),
    F("tables.update_table name", "Table name", NAME_MAX, False, _updated_table),
    # Accounts.
    F(
        "accounts.create_account username",
        "username",
        60,
        True,
        _on(_new_account, "username"),
        "username",
    ),
    F(
        "accounts.create_account display_name",
        "Display name",
        NAME_MAX,
        True,
        _on(_new_account, "display_name"),
    ),
    F("accounts.create_account email", "Email", 254, False, _on(_new_account, "email"), "email"),
    F(
        "accounts.update_account display_name",
        "Display name",
        NAME_MAX,
        True,
        _on(_updated_account, "display_name"),
    ),
    F(
        "accounts.update_account email",
        "Email",
        254,
        False,
        _on(_updated_account, "email"),
        "email",
    ),
]
