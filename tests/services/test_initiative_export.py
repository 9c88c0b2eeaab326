"""The full export round-trips into an empty database and keeps private things private."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

import bcrypt
import pytest
from sqlalchemy import func, select

import i18n
from db.database import Database
from db.models import (
    Account,
    ActionItem,
    AgendaItem,
    Base,
    Conflict,
    ContentTranslation,
    Idea,
    Initiative,
    Interview,
    ListeningNote,
    Meeting,
    MeetingTable,
    Participant,
    RoundItem,
    Stakeholder,
    Vote,
)
from db.models.enums import Role
from seed.demo import build_demo
from services.act import action_followup, actions
from services.agenda import agenda_review
from services.archive.initiative_export import (
    RESET_REQUIRED_HASH,
    export_initiative,
    from_json,
    import_initiative,
    to_json,
)
from services.converge import voting_ballots, voting_rounds
from services.core.actors import Actor
from services.core.errors import PermissionDenied, ValidationError
from services.partner import charter_signoff, charters
from services.prepare import interviews, surveys
from services.resolve import conflict_parties, conflicts
from services.room import ideas, notes, room_control, spotlight, themes
from services.solve import best_practices, option_ratings, options
from services.translations import translate
from tests import backends
from tests.factories import build_room
from tests.scratch import scratch_postgres

pytestmark = pytest.mark.both_databases  # copies between databases; sequences moved on after import


@pytest.fixture(scope="module")
def _postgres_target() -> Iterator[Database]:
    """The module's second Postgres database, made once: a new one per test (CREATE
    DATABASE and the schema) was most of each Postgres test's time here."""
    with scratch_postgres("cg_export") as url:
        other = Database.from_url(url)
        Base.metadata.create_all(other.engine)
        yield other
        other.dispose()


@pytest.fixture
def target(request: pytest.FixtureRequest, db: Database, tmp_path) -> Iterator[Database]:
    """A second, empty database on the same backend as `db` (every row and id sequence of
    the Postgres one emptied after each test, as `db`'s own is)."""
    if db.dialect == "sqlite":
        other = Database.from_url(f"sqlite:///{tmp_path / 'target.db'}")
        Base.metadata.create_all(other.engine)
        yield other
        other.dispose()
        return
    other = request.getfixturevalue("_postgres_target")
    yield other
    backends.empty_postgres(other)


def build_live(db: Database) -> dict:
    """The demo plus a room's worth of live work, confidential items included."""
    initiative_id = build_demo(db, "an-export-test-password-1").initiative_id
    with db.read() as s:
        fac = s.scalar(select(Account).where(Account.username == "facilitator"))
        meeting = s.scalar(select(Meeting).where(Meeting.initiative_id == initiative_id))
        table = s.scalar(select(MeetingTable).where(MeetingTable.number == 1))
        assert table is not None
        scribe = s.get(Account, table.scribe_account_id)
        leader = s.scalar(select(Account).where(Account.username == "leader1"))
        groups = s.scalars(select(Stakeholder).order_by(Stakeholder.id)).all()
        voters = s.scalars(select(Participant).order_by(Participant.id).limit(3)).all()
    assert fac is not None and meeting is not None
    assert scribe is not None and leader is not None
    facilitator = Actor(fac.id, Role.FACILITATOR, fac.display_name)
    scribe_actor = Actor(scribe.id, Role.SCRIBE, scribe.display_name)
    leader_actor = Actor(leader.id, Role.LEADER, leader.display_name)
    with db.read() as s:
        first_item = s.scalar(select(AgendaItem.id).where(AgendaItem.meeting_id == meeting.id))
    assert first_item is not None
    agenda_review.comment(db, leader_actor, first_item, "Give listening more time")
    agenda_review.approve(db, leader_actor, meeting.id)
    room_control.start_meeting(db, facilitator, meeting.id)
    room_control.set_input(db, facilitator, meeting.id, True)
    notes.add_note(
        db,
        scribe_actor,
        table.id,
        notes.NoteFields(said="Nobody came for two hours", interest="Safety"),
    )
    notes.add_note(
        db, scribe_actor, table.id, notes.NoteFields(said="My cousin's case", confidential=True)
    )
    i1 = ideas.add_idea(
        db,
        scribe_actor,
        ideas.NewIdea(table_id=table.id, text="Crisis line staffed by counsellors"),
    )
    i2 = ideas.add_idea(
        db, scribe_actor, ideas.NewIdea(table_id=table.id, text="Walk-and-talk patrols")
    )
    ideas.add_idea(
        db,
        scribe_actor,
        ideas.NewIdea(table_id=table.id, text="Name the officer involved", confidential=True),
    )
    theme = themes.create_theme(db, facilitator, meeting.id, "Response", "Who answers")
    themes.assign_theme(db, facilitator, [i1.id, i2.id], theme.id)
    rnd = voting_rounds.create_round(
        db,
        facilitator,
        meeting.id,
        voting_rounds.NewRound(title="Priorities", mode="dots", idea_ids=[i1.id, i2.id]),
    )
    voting_rounds.open_round(db, facilitator, rnd.id)
    with db.read() as s:
        item_ids = s.scalars(select(RoundItem.id).where(RoundItem.round_id == rnd.id)).all()
    for voter in voters:
        voting_ballots.set_dots(db, voter.code, item_ids[0], 2)
    surveys.submit_survey(
        db, voters[0].code, "pre", surveys.SurveyFields(top_issues="Slow response")
    )
    conflict = conflicts.create_conflict(
        db, facilitator, meeting.id, conflicts.ConflictFields(issue="Who responds first")
    )
    conflict_parties.set_party(
        db,
        facilitator,
        conflict.id,
        conflict_parties.PartyFields(
            stakeholder_id=groups[0].id, position="Us", interests="Safety"
        ),
    )
    conflict_parties.set_party(
        db,
        facilitator,
        conflict.id,
        conflict_parties.PartyFields(
            stakeholder_id=groups[1].id, position="Them", interests="Trust"
        ),
    )
    secret = conflicts.create_conflict(
        db, facilitator, meeting.id, conflicts.ConflictFields(issue="Internal", confidential=True)
    )
    spotlight.set_spotlight(db, facilitator, meeting.id, conflict.id)
    practice = best_practices.create_best_practice(
        db,
        facilitator,
        best_practices.BestPracticeFields(
            name="CAHOOTS",
            city="Eugene",
            model="civilian_responder",
            summary="Medics and counsellors",
        ),
    )
    option = options.create_option(
        db,
        facilitator,
        meeting.id,
        options.OptionFields(title="Civilian crisis team"),
        best_practice_ids=[practice.id],
    )
    option_ratings.rate_option(
        db, scribe_actor, option.id, table.id, option_ratings.RatingFields(impact=4, feasibility=3)
    )
    charter = charters.new_version(
        db,
        facilitator,
        initiative_id,
        charters.CharterFields(mission="Safer together", commitments={groups[0].id: "Train"}),
    )
    charter_signoff.sign(db, leader_actor, charter.id)
    action = actions.create_action(
        db,
        facilitator,
        initiative_id,
        actions.ActionFields(
            title="Pilot the crisis team", due_on=date(2027, 6, 1), stakeholder_id=groups[0].id
        ),
        actions.ActionLinks(meeting_id=meeting.id, idea_id=i1.id),
    )
    action_followup.add_update(db, facilitator, action.id, "in_progress", "Budget found")
    actions.create_action(
        db,
        facilitator,
        initiative_id,
        actions.ActionFields(title="Quiet fix", confidential=True),
        actions.ActionLinks(conflict_id=secret.id),
    )
    interviews.create_interview(
        db,
        facilitator,
        initiative_id,
        interviews.InterviewFields(interviewee="Chief", notes="Off the record", confidential=True),
    )
    return {"initiative_id": initiative_id, "facilitator": facilitator, "scribe": scribe_actor}


def rows_of(db: Database) -> dict[str, list[dict]]:
    """Every table's rows, sorted by primary key, without password hashes."""
    result = {}
    with db.read() as s:
        for table in Base.metadata.sorted_tables:
            rows = [dict(r) for r in s.execute(select(table)).mappings()]
            for row in rows:
                row.pop("password_hash", None)
            key = [c.name for c in table.primary_key.columns]
            result[table.name] = sorted(rows, key=lambda r, k=key: [r[c] for c in k])
    return result


@pytest.fixture(scope="module")
def live(module_db: Database) -> dict:
    """The live room, built once per module and database (1.5 s each on Postgres): the
    tests export it and write only into `target`, or are refused before writing. Its
    database is `live["db"]`."""
    with pytest.MonkeyPatch.context() as patch:
        real = bcrypt.gensalt  # the lowest cost: the demo's logins each hash a password
        patch.setattr(bcrypt, "gensalt", lambda: real(rounds=4))
        return {**build_live(module_db), "db": module_db}


def test_full_export_imports_into_an_empty_database_with_nothing_lost(target, live):
    db = live["db"]
    export = export_initiative(db, live["facilitator"], live["initiative_id"], True)
    text_ = to_json(export)
    new_id = import_initiative(target, live["facilitator"], from_json(text_))
    assert new_id == live["initiative_id"]
    source, copied = rows_of(db), rows_of(target)
    # Logins made outside any initiative leave audit entries of no initiative: not its own.
    source["audit_entry"] = [r for r in source["audit_entry"] if r["initiative_id"] is not None]
    # Counts of wrong passwords and one-minute sign-in handoffs are the server's own
    # bookkeeping, no initiative's record.
    for bookkeeping in ("signin_throttle", "signin_handoff"):
        del source[bookkeeping], copied[bookkeeping]
    # The best-practice library is no initiative's: its entries travel by name, and the
    # language a facilitator wrote one in stays with the library, as its translations do.
    library = [r for r in source["content_language"] if r["initiative_id"] is None]
    assert [r["kind"] for r in library] == ["best_practice"]
    source["content_language"] = [r for r in source["content_language"] if r not in library]
    # Every kind of record the demo and the live room make, so the comparison means something.
    assert [n for n in source if not source[n]] == []
    for name in source:
        assert copied[name] == source[name], f"table {name} differs after the round trip"
    with target.read() as s:
        hashes = set(s.scalars(select(Account.password_hash)))
    assert hashes == {RESET_REQUIRED_HASH}


def test_no_password_hash_ever_leaves_the_database(live):
    db = live["db"]
    text_ = to_json(export_initiative(db, live["facilitator"], live["initiative_id"], True))
    assert "password_hash" not in text_
    assert "$2b$" not in text_


def test_by_default_contact_details_and_confidential_items_are_left_out(live):
    db = live["db"]
    export = export_initiative(db, live["facilitator"], live["initiative_id"])
    tables = export["tables"]
    assert tables["participant"]
    assert {(p["email"], p["phone"], p["notes"]) for p in tables["participant"]} == {("", "", "")}
    for name in ("idea", "listening_note", "conflict", "action_item", "interview"):
        assert all(not r["confidential"] for r in tables[name]), name
    with db.read() as s:
        for model in (Idea, ListeningNote, Conflict, ActionItem):
            shown = s.scalar(select(func.count()).select_from(model).where(~model.confidential))
            assert len(tables[model.__tablename__]) == shown
        assert s.scalar(select(func.count()).select_from(Interview)) == 1
    assert tables["interview"] == []
    assert all(m["spotlight_conflict_id"] in {c["id"] for c in tables["conflict"]}
               for m in tables["meeting"])  # fmt: skip
    assert "Off the record" not in to_json(export)
    assert "Quiet fix" not in to_json(export)


def test_by_default_no_vote_or_answer_is_tied_to_a_name_and_no_badge_code_leaves(target, live):
    # A badge's code lets its holder vote and answer as that person; a ballot says how a
    # named person voted. The file still loads, with new codes and no ballots.
    db = live["db"]
    with db.read() as s:
        codes = set(s.scalars(select(Participant.code)))
        assert s.scalar(select(func.count()).select_from(Vote))
    export = export_initiative(db, live["facilitator"], live["initiative_id"])
    tables = export["tables"]
    assert tables["vote"] == tables["ballot"] == tables["survey_response"] == []
    shared = [p["code"] for p in tables["participant"]]
    assert len(set(shared)) == len(shared) == len(codes)
    assert not set(shared) & codes
    text = to_json(export)
    assert not [code for code in codes if code in text]
    new_id = import_initiative(target, live["facilitator"], export)
    with target.read() as s:
        assert set(s.scalars(select(Participant.code))) == set(shared)
        assert new_id
    private = export_initiative(db, live["facilitator"], live["initiative_id"], True)
    assert {p["code"] for p in private["tables"]["participant"]} == codes
    assert private["tables"]["vote"]


def test_importing_twice_is_refused_and_writes_nothing(target, live):
    db = live["db"]
    export = export_initiative(db, live["facilitator"], live["initiative_id"], True)
    import_initiative(target, live["facilitator"], export)
    before = rows_of(target)
    with pytest.raises(ValidationError, match="already exists"):
        import_initiative(target, live["facilitator"], export)
    assert rows_of(target) == before


def test_a_file_of_another_format_is_refused():
    with pytest.raises(ValidationError, match="not a Common Ground export"):
        from_json(json.dumps({"format": "other/2", "tables": {}}))
    with pytest.raises(ValidationError, match="not a Common Ground export"):
        from_json("not json at all")


def test_a_scribe_can_neither_export_nor_import(live):
    db = live["db"]
    with pytest.raises(PermissionDenied):
        export_initiative(db, live["scribe"], live["initiative_id"])
    with pytest.raises(PermissionDenied):
        import_initiative(db, live["scribe"], {"format": "common-ground/1", "tables": {}})


def test_new_rows_can_be_added_after_an_import(target, live):
    db = live["db"]
    export = export_initiative(db, live["facilitator"], live["initiative_id"], True)
    new_id = import_initiative(target, live["facilitator"], export)
    with target.write() as s:
        s.add(Initiative(name="Another one"))
        s.add(Stakeholder(initiative_id=new_id, name="New group", category="residents_911"))
        s.flush()
        assert s.scalar(select(func.max(Initiative.id))) > new_id


@pytest.fixture(scope="module")
def whole_export(live: dict) -> tuple[dict, Actor]:
    """A whole export of the live room and who may import it, for the tests that import a
    broken copy of it."""
    export = export_initiative(live["db"], live["facilitator"], live["initiative_id"], True)
    return export, live["facilitator"]


def _broken(export, table, field, value, row=0):
    broken = json.loads(to_json(export))
    if value is _MISSING:
        del broken["tables"][table][row][field]
    else:
        broken["tables"][table][row][field] = value
    return broken


_MISSING = object()


@pytest.mark.parametrize(
    ("table", "field", "value", "message"),
    [
        ("participant", "code", "A", "participant, row 1: the code “A” is not one the app makes"),
        ("idea", "text", "before\x00after", "idea, row 1: text contains invisible control"),
        ("idea", "text", "x" * 100_000, "idea, row 1: text is 100,000 characters long"),
        ("idea", "text", "   ", "idea, row 1: text is empty"),
        ("initiative", "name", "y" * 201, "initiative, row 1: name is 201 characters long"),
        ("idea", "status", "shouting", "idea, row 1: status is “shouting”, which is not one of"),
        ("idea", "created_at", "yesterday", "idea, row 1: created_at is “yesterday”"),
        ("idea", "meeting_id", _MISSING, "idea, row 1 lacks meeting_id"),
        ("idea", "colour", "red", "idea, row 1 has fields this version does not know (colour)"),
    ],
)
def test_an_import_checks_every_row_as_the_screens_do_and_names_the_bad_one(
    target, whole_export, table, field, value, message
):
    export, facilitator = whole_export
    before = rows_of(target)
    with pytest.raises(ValidationError) as refused:
        import_initiative(target, facilitator, _broken(export, table, field, value))
    assert str(refused.value).startswith(message), str(refused.value)
    assert rows_of(target) == before


def test_translations_travel_with_their_items_and_a_confidential_ones_stays_home(db, target):
    room = build_room(db)
    said = [
        ideas.add_idea(db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text=text,
                                                       confidential=secret))
        for text, secret in (("Open idea", False), ("Secret idea", True))
    ]  # fmt: skip
    for idea, spanish in zip(said, ("Idea abierta", "Idea secreta"), strict=True):
        entry = translate.Translation(kind="idea", entity_id=idea.id, text=spanish)
        translate.translate(db, room.facilitator, entry)
    shared = export_initiative(db, room.facilitator, room.initiative_id)
    assert [r["text"] for r in shared["tables"]["content_translation"]] == ["Idea abierta"]
    whole = export_initiative(db, room.facilitator, room.initiative_id, True)
    import_initiative(target, room.facilitator, from_json(to_json(whole)))
    with target.read() as s:
        pairs = s.execute(
            select(Idea.text, ContentTranslation.text).join(
                ContentTranslation,
                (ContentTranslation.kind == "idea") & (ContentTranslation.entity_id == Idea.id),
            )
        ).all()
    assert sorted(pairs) == [("Open idea", "Idea abierta"), ("Secret idea", "Idea secreta")]


def test_the_translation_of_a_survey_question_travels_with_its_initiative(db, target):
    from services.translations import questions

    room = build_room(db)
    with db.write() as s:
        s.get_one(Initiative, room.initiative_id).demographic_questions = ["Your age?"]
    entry = translate.Translation(
        kind=questions.KIND,
        entity_id=room.initiative_id,
        field=questions.question_field("Your age?"),
        text="¿Su edad?",
    )
    translate.translate(db, room.facilitator, entry)
    whole = export_initiative(db, room.facilitator, room.initiative_id, True)
    import_initiative(target, room.facilitator, from_json(to_json(whole)))
    with target.read() as s:
        imported = s.scalars(select(Initiative)).one()
        with i18n.using("es"):
            words = translate.questions_shown(s, imported, "es")
    assert words["Your age?"].text == "¿Su edad?"
