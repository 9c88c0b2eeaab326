"""The meeting's tables for the Thought Leader Team: CSV zip, workbook, and what stays out."""

import io
import zipfile

import pandas as pd
import pytest
from pypdf import PdfReader

from db.models.enums import VoteMode
from services.act import actions
from services.converge import voting_ballots, voting_rounds
from services.converge.voting_items import round_items
from services.core.actors import SYSTEM
from services.core.errors import PermissionDenied
from services.partner import charter_signoff, charters
from services.resolve import conflict_parties, conflicts
from services.review.meeting_record import collect
from services.review.meeting_report import report_pdf
from services.review.meeting_sheets import meeting_frames, tables_xlsx, tables_zip
from services.room import ideas, notes, themes
from services.setup import participants
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # exports built from joins and aggregates

FORMULA = '=HYPERLINK("http://x","y")'
EMAIL, PHONE = "zoe@example.org", "+1 555 0100"
CODES = ["code-0", "code-1", "code-2", "code-3"]
COLUMNS = {
    "Listening notes": [
        "Table", "Said", "Paraphrase", "Interest", "Group", "Confirmed", "When", "Late",
    ],
    "Ideas": ["Table", "Idea", "Group", "Theme", "Status", "Late"],
    "Themes": ["Theme", "Description", "Ideas"],
    "Votes": ["Round", "Mode", "Item", "Group", "Voters", "Dots", "Agree", "Disagree", "Pass"],
    "Common ground": [
        "Round", "Rank", "Item", "Support", "Least backed by", "Group shares",
        "Common ground or difference",
    ],
    "Voice balance": [
        "Group", "People", "Share of seats (%)", "Notes", "Ideas", "Contributions",
        "Share of contributions (%)", "Under-heard",
    ],
    "Conflicts": [
        "Table", "Issue", "Status", "Parties", "Options", "Agreement", "Next step", "Owner",
    ],
    "Charter sign-off": [
        "Group", "Major group", "Status", "Signed version", "Signed by", "Signed on",
    ],
    "Action plan": [
        "Action", "Description", "Measure of done", "Owner", "Group", "Due", "Status", "Ready",
        "Serves", "Last update", "Last update on",
    ],
    "Trust pulse": ["Question", "Group", "Before", "n before", "After", "n after", "Change"],
}  # fmt: skip


def full_meeting(db):
    """A room with notes, ideas (a formula, a secret), a vote, conflicts, charter and plan."""
    room = build_room(db)
    fac, s1, s2 = room.facilitator, room.scribe1, room.scribe2
    owner = room.participant_ids[0]
    participants.update_participant(
        db,
        fac,
        owner,
        participants.ParticipantFields(
            name="Zoë Owner",
            stakeholder_id=room.police_id,
            email=EMAIL,
            phone=PHONE,
            notes="call after 6",
            table_id=room.table1_id,
        ),
    )
    notes.add_note(
        db,
        s1,
        room.table1_id,
        notes.NoteFields(
            said="We wait an hour for help",
            paraphrase="Help comes too late",
            interest="Safety at night",
            stakeholder_id=room.residents_id,
            confirmed=True,
        ),
    )
    notes.add_note(db, s2, room.table2_id, notes.NoteFields(said="Secret note", confidential=True))
    youth = ideas.add_idea(
        db,
        s1,
        ideas.NewIdea(
            table_id=room.table1_id, text="A youth centre", stakeholder_id=room.residents_id
        ),
    )
    formula = ideas.add_idea(
        db, s2, ideas.NewIdea(table_id=room.table2_id, text=FORMULA, stakeholder_id=room.police_id)
    )
    ideas.add_idea(
        db, s1, ideas.NewIdea(table_id=room.table1_id, text="Secret idea", confidential=True)
    )
    theme = themes.create_theme(db, fac, room.meeting_id, "Youth")
    themes.assign_theme(db, fac, [youth.id], theme.id)
    rnd = voting_rounds.create_round(
        db,
        fac,
        room.meeting_id,
        voting_rounds.NewRound(
            title="First vote",
            mode=VoteMode.DOTS,
            budget=5,
            max_per_item=3,
            idea_ids=[youth.id, formula.id],
        ),
    )
    voting_rounds.open_round(db, fac, rnd.id)
    a, b = [i.id for i in round_items(db, SYSTEM, rnd.id)]
    for code, item, dots in [("code-0", a, 2), ("code-1", a, 1), ("code-1", b, 1)]:
        voting_ballots.set_dots(db, code, item, dots)
    fight = conflicts.create_conflict(
        db,
        fac,
        room.meeting_id,
        conflicts.ConflictFields(issue="Response times"),
        table_id=room.table1_id,
    )
    conflict_parties.set_party(
        db,
        fac,
        fight.id,
        conflict_parties.PartyFields(
            stakeholder_id=room.police_id,
            position="Patrols are stretched",
            interests="Officer safety",
        ),
    )
    conflicts.set_status(
        db,
        fac,
        fight.id,
        conflicts.StatusFields(
            status="agreed", agreement="Crisis team answers at night", next_step="Pilot"
        ),
    )
    conflicts.create_conflict(
        db,
        fac,
        room.meeting_id,
        conflicts.ConflictFields(issue="Informant names", confidential=True),
    )
    charter = charters.new_version(
        db, fac, room.initiative_id, charters.CharterFields(mission="Safer calls together")
    )
    charter_signoff.sign(db, room.leader, charter.id)
    actions.create_action(
        db,
        fac,
        room.initiative_id,
        actions.ActionFields(title="Train officers", owner_participant_id=owner),
    )
    return room


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_every_table_is_there_with_its_columns_and_its_content(db):
    room = full_meeting(db)
    frames = meeting_frames(db, room.facilitator, room.meeting_id)
    assert {name: list(f.columns) for name, f in frames.items()} == COLUMNS
    note = frames["Listening notes"].iloc[0]
    assert (note["Table"], note["Said"], note["Interest"]) == (
        "Table 1", "We wait an hour for help", "Safety at night",
    )  # fmt: skip
    assert (note["Group"], note["Confirmed"]) == ("Residents", "Yes")
    assert frames["Ideas"]["Theme"].tolist() == ["Youth", ""]
    assert frames["Themes"].values.tolist() == [["Youth", "", 1]]
    votes = frames["Votes"]
    youth = votes[votes["Item"] == "A youth centre"].set_index("Group")["Dots"].to_dict()
    assert youth == {"Police": 2, "Residents": 1}
    ground = frames["Common ground"].iloc[0]
    assert (ground["Rank"], ground["Item"], ground["Common ground or difference"]) == (
        1, "A youth centre", "Strongest common ground",
    )  # fmt: skip
    assert ground["Group shares"] == "Police 1 of 1 (100%); Residents 1 of 1 (100%)"
    assert (ground["Support"], ground["Least backed by"]) == (
        "3 dots from 2 voters",
        "every group equally (100%)",
    )
    conflict = frames["Conflicts"].iloc[0]
    assert conflict["Agreement"] == "Crisis team answers at night"
    parties = "Police — position: Patrols are stretched; interests: Officer safety"
    assert conflict["Parties"] == parties
    signed = frames["Charter sign-off"].set_index("Group")["Status"].to_dict()
    assert signed == {"Police": "Signed", "Residents": "Not signed"}
    assert frames["Charter sign-off"].iloc[0]["Signed by"] == "Lead"
    assert frames["Action plan"]["Owner"].tolist() == ["Zoë Owner"]


def test_the_zip_holds_one_csv_per_table_that_pandas_reads_back(db):
    room = full_meeting(db)
    members = _members(tables_zip(db, room.facilitator, room.meeting_id))
    assert len(members) == len(COLUMNS)
    for name, columns in COLUMNS.items():
        data = members[name.lower().replace(" ", "_").replace("-", "_") + ".csv"]
        assert data.startswith(b"\xef\xbb\xbf")
        df = pd.read_csv(io.BytesIO(data), keep_default_na=False)
        assert list(df.columns) == columns
    ideas_csv = pd.read_csv(io.BytesIO(members["ideas.csv"]), keep_default_na=False)
    assert ideas_csv["Idea"].tolist() == ["A youth centre", "'" + FORMULA]


def test_the_workbook_has_every_table_as_a_sheet(db):
    room = full_meeting(db)
    data = tables_xlsx(db, room.facilitator, room.meeting_id)
    sheets = pd.read_excel(io.BytesIO(data), sheet_name=None, keep_default_na=False)
    assert list(sheets) == list(COLUMNS)
    assert all(len(name) <= 31 for name in sheets)
    for name, columns in COLUMNS.items():
        assert list(sheets[name].columns) == columns
    assert sheets["Ideas"]["Idea"].tolist() == ["A youth centre", "'" + FORMULA]


def _secrets_in(db, actor, meeting_id, include_private):
    frames = meeting_frames(db, actor, meeting_id, include_private)
    return {
        "note": any("Secret note" in t for t in frames["Listening notes"]["Said"]),
        "idea": any("Secret idea" in t for t in frames["Ideas"]["Idea"]),
        "conflict": any("Informant names" in t for t in frames["Conflicts"]["Issue"]),
    }


def test_confidential_items_only_for_a_facilitator_who_asks(db):
    room = full_meeting(db)
    nothing = {"note": False, "idea": False, "conflict": False}
    assert _secrets_in(db, room.facilitator, room.meeting_id, False) == nothing
    assert _secrets_in(db, room.leader, room.meeting_id, False) == nothing
    assert _secrets_in(db, room.leader, room.meeting_id, True) == nothing
    everything = {"note": True, "idea": True, "conflict": True}
    assert _secrets_in(db, room.facilitator, room.meeting_id, True) == everything


def test_each_confidential_item_says_so_in_the_files_and_the_report(db):
    # The report marked its ideas only: a confidential note, conflict or action read as a
    # public one to whoever it was handed to.
    room = full_meeting(db)
    actions.create_action(
        db,
        room.facilitator,
        room.initiative_id,
        actions.ActionFields(title="Quiet follow-up", confidential=True),
    )
    frames = meeting_frames(db, room.facilitator, room.meeting_id, True)
    column = {
        "Listening notes": "Said", "Ideas": "Idea", "Conflicts": "Issue", "Action plan": "Action",
    }  # fmt: skip
    marked = {
        name: sorted(t for t in frames[name][words] if t.endswith(" (confidential)"))
        for name, words in column.items()
    }
    assert marked == {
        "Listening notes": ["Secret note (confidential)"],
        "Ideas": ["Secret idea (confidential)"],
        "Conflicts": ["Informant names (confidential)"],
        "Action plan": ["Quiet follow-up (confidential)"],
    }
    record = collect(db, room.facilitator, room.meeting_id, True)
    text = " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(report_pdf(record))).pages).split()
    )
    for words in ("Secret note", "Informant names", "Quiet follow-up"):
        assert f"{words} (confidential)" in text, words


@pytest.mark.parametrize("export", [tables_zip, tables_xlsx])
def test_no_contact_details_or_personal_codes_anywhere(db, export):
    room = full_meeting(db)
    data = export(db, room.facilitator, room.meeting_id, include_private=True)
    for blob in [data, *_members(data).values()]:
        for secret in [EMAIL, PHONE, "call after 6", *CODES]:
            assert secret.encode() not in blob


def test_an_empty_meeting_gives_empty_tables_with_their_columns(db):
    room = build_room(db)
    frames = meeting_frames(db, room.leader, room.meeting_id)
    for name in ["Listening notes", "Ideas", "Votes", "Common ground", "Conflicts"]:
        assert frames[name].empty and list(frames[name].columns) == COLUMNS[name]
    assert tables_xlsx(db, room.leader, room.meeting_id).startswith(b"PK")


def test_a_scribe_is_refused(db):
    room = full_meeting(db)
    for export in [meeting_frames, tables_zip, tables_xlsx]:
        with pytest.raises(PermissionDenied):
            export(db, room.scribe1, room.meeting_id)


def test_a_retired_group_stays_in_the_sign_off_table_only_where_it_signed(db):
    from db.models import Account, Participant, Stakeholder
    from db.models.enums import Role
    from db.models.enums import StakeholderCategory as Cat
    from services.core.actors import Actor
    from services.setup import stakeholders

    room = build_room(db)
    with db.write() as s:
        never = Stakeholder(initiative_id=room.initiative_id, name="Mistake", category=Cat.OTHER)
        s.add(never)
        s.flush()
        res = Account(
            username="res", display_name="Res", role=Role.LEADER, password_hash="x",
            stakeholder_id=room.residents_id,
        )  # fmt: skip
        s.add(res)
        s.flush()
        for person in s.query(Participant).filter_by(stakeholder_id=room.residents_id):
            person.absent = True
        never_id, res_actor = never.id, Actor(res.id, Role.LEADER, "Res")
    charter = charters.new_version(
        db, room.facilitator, room.initiative_id, charters.CharterFields(mission="Safer calls")
    )
    charter_signoff.sign(db, res_actor, charter.id)
    for group in (never_id, room.residents_id):
        stakeholders.retire_stakeholder(db, room.facilitator, group)
    frame = meeting_frames(db, room.facilitator, room.meeting_id)["Charter sign-off"]
    assert frame.set_index("Group")["Status"].to_dict() == {
        "Police": "Not signed",
        "Residents (retired)": "Signed",
    }


def test_the_record_names_the_common_ground_the_results_screen_names(db):
    # One rule for both: the record had its own (every group at 50 % or more) and named
    # two items where the screen, under "Strongest common ground", named three.
    from services.converge.tallies import unite_and_divide
    from services.review import review_screen
    from services.review.meeting_record import collect

    room = full_meeting(db)
    (shown,) = review_screen.read(db, room.facilitator, room.meeting_id).rounds
    unite, divide = unite_and_divide(shown.results.ranking)
    ground = collect(db, room.facilitator, room.meeting_id).frames["Common ground"]
    said = dict(zip(ground["Item"], ground["Common ground or difference"], strict=True))
    assert [r.text for r in unite] == [i for i, v in said.items() if v == "Strongest common ground"]
    assert [r.text for r in divide] == [i for i, v in said.items() if v == "Groups differ"]
    assert len(unite) == 2  # the second backed by one group of two: "Neither" before
