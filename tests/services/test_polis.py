"""Importing a real Pol.is conversation, and checking common ground against Pol.is's own formula.

The data is the Pol.is open data set london.youth.policing. Data was gathered using the Polis
software (compdemocracy.org/polis) and is sub-licensed under CC BY 4.0 with Attribution to The
Computational Democracy Project (https://compdemocracy.org/case-studies/2022-london-youth-policing);
see ATTRIBUTION.md in the data folder.
"""

import csv
import dataclasses
import io
import re
import shutil
import zipfile
from collections import defaultdict
from datetime import UTC, datetime
from fractions import Fraction
from pathlib import Path

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import IntegrityError

from db.models import (
    AuditEntry,
    Ballot,
    Idea,
    Meeting,
    Participant,
    RoundItem,
    Stakeholder,
    Vote,
    VotingRound,
)
from db.models.enums import Choice, IdeaStatus, RoundStatus, VoteMode
from services.converge import tallies
from services.core import codes
from services.core.actors import SYSTEM
from services.core.errors import PermissionDenied, ValidationError
from services.prepare import polis, polis_export
from services.translations import translate
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # batched inserts, a row lock, group names in any case

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "polis-london-youth-policing"
TOPIC = "What is the best way to engage more young people in local scrutiny of policing?"
SHORT_TOPIC = "9xxwa9jpkm"  # the conversation's id on pol.is, from summary.csv's url
COUNTED = (Stakeholder, Participant, Idea, VotingRound, RoundItem, Ballot, Vote, AuditEntry)


@pytest.fixture(scope="module")
def export():
    return polis.read_export(DATA)


def _csv(name):
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _counts(db):
    with db.read() as s:
        return {m.__name__: s.scalar(select(func.count()).select_from(m)) for m in COUNTED}


def test_the_export_has_what_its_attribution_says(export):
    assert export.topic == TOPIC
    assert len(export.statements) == 39
    assert [st.comment_id for st in export.statements if st.rejected] == [0, 2, 3]
    assert len(export.groups) == 26
    assert sorted({g for g in export.groups.values() if g is not None}) == [0, 1, 2]
    # Two people voted too little (1 and 2 votes) for Pol.is to place them in a group.
    assert sorted(v for v, g in export.groups.items() if g is None) == [13, 24]
    # votes.csv has 640 rows; voter 14 on statement 10 and voter 5 on statement 25 voted
    # twice (agree both times), so 638 answers remain. comments.csv's "agrees" column counts
    # raw rows: 13 for statement 10 where the de-duplicated votes hold 12 agrees.
    assert len(export.votes) == 638
    assert sum(1 for v in export.votes if v.comment_id == 10 and v.choice is Choice.AGREE) == 12
    assert "CC BY 4.0" in export.attribution
    assert "Computational Democracy Project" in export.attribution


def test_a_changed_vote_keeps_the_latest_answer_whatever_the_row_order(tmp_path):
    folder = _copy(tmp_path)
    (folder / "votes.csv").write_text(
        "timestamp,datetime,comment-id,voter-id,vote\n"
        "1658933762000,b,1,7,-1\n1658933761000,a,1,7,1\n1658933761500,c,4,7,0\n"
    )
    votes = {(v.voter_id, v.comment_id): v for v in polis.read_export(folder).votes}
    assert votes[7, 1].choice is Choice.DISAGREE
    assert votes[7, 1].voted_at == datetime.fromtimestamp(1658933762, UTC)
    assert votes[7, 4].choice is Choice.PASS


def test_today_s_exports_in_seconds_are_dated_as_they_happened(tmp_path):
    # Pol.is's report page today writes seconds; the open-data sets wrote milliseconds.
    folder = _copy(tmp_path)
    (folder / "votes.csv").write_text(
        "timestamp,datetime,comment-id,voter-id,vote\n1750334460,x,1,7,1\n"
    )
    [vote] = [v for v in polis.read_export(folder).votes if v.voter_id == 7]
    assert vote.voted_at == datetime(2025, 6, 19, 12, 1, tzinfo=UTC)


def test_the_default_attribution_is_used_when_the_folder_has_none(tmp_path):
    folder = _copy(tmp_path)
    (folder / "ATTRIBUTION.md").unlink()
    assert polis.read_export(folder).attribution == polis_export.DEFAULT_ATTRIBUTION


@pytest.mark.parametrize(
    "name", ["comments.csv", "votes.csv", "participants-votes.csv", "summary.csv"]
)
def test_a_missing_file_is_named(tmp_path, name):
    folder = _copy(tmp_path)
    (folder / name).unlink()
    message = re.escape(f"has no {name}; is this a Pol.is export folder?")
    with pytest.raises(ValidationError, match=message):
        polis.read_export(folder)


def test_a_missing_column_is_named(tmp_path):
    folder = _copy(tmp_path)
    text = (folder / "comments.csv").read_text().replace("comment-body", "body")
    (folder / "comments.csv").write_text(text)
    with pytest.raises(
        ValidationError,
        match=r"comments\.csv has no column 'comment-body'; is this a Pol\.is export\?",
    ):
        polis.read_export(folder)


def test_a_vote_that_is_not_1_minus_1_or_0_names_its_row(tmp_path):
    folder = _copy(tmp_path)
    (folder / "votes.csv").write_text(
        "timestamp,datetime,comment-id,voter-id,vote\n1000,a,1,7,1\n1001,a,1,8,yes\n"
    )
    with pytest.raises(ValidationError, match=r"votes\.csv, row 3, is not a Pol\.is row"):
        polis.read_export(folder)


def test_the_load_creates_exactly_the_statements_voters_groups_and_votes(db, export):
    room = build_room(db)
    load = polis.load_into_meeting(db, room.facilitator, room.meeting_id, export)
    assert (load.statements, load.votes) == (39, 638)
    assert load.attribution == export.attribution
    with db.read() as s:
        rnd = s.get(VotingRound, load.round_id)
        assert (rnd.title, rnd.mode, rnd.status) == (
            f"Pol.is: {TOPIC}",
            VoteMode.AGREE_DISAGREE,
            RoundStatus.CLOSED,
        )
        ideas = list(s.scalars(select(Idea).where(Idea.id.in_(load.idea_id_by_comment.values()))))
        assert len(ideas) == 39
        assert {i.stakeholder_id for i in ideas} | {i.table_id for i in ideas} == {None}
        status = {c: s.get(Idea, i).status for c, i in load.idea_id_by_comment.items()}
        assert sorted(c for c, st in status.items() if st is IdeaStatus.HIDDEN) == [0, 2, 3]
        people = list(s.scalars(select(Participant).where(Participant.name.like("Pol.is voter %"))))
        assert sorted(p.name for p in people) == sorted(f"Pol.is voter {v}" for v in range(1, 27))
        assert len({p.code for p in people}) == 26
        assert all(codes.is_new_style(p.code) for p in people)
        groups = {g.id: g.name for g in s.scalars(select(Stakeholder))}
        assert {k: groups[v] for k, v in load.group_id_by_polis_group.items()} == {
            0: f"Pol.is opinion group 1 ({SHORT_TOPIC})",
            1: f"Pol.is opinion group 2 ({SHORT_TOPIC})",
            2: f"Pol.is opinion group 3 ({SHORT_TOPIC})",
            None: f"Pol.is voters without a group ({SHORT_TOPIC})",
        }
        voter13 = s.get(Participant, load.participant_id_by_voter[13])
        assert groups[voter13.stakeholder_id] == f"Pol.is voters without a group ({SHORT_TOPIC})"
        count = {
            m.__name__: s.scalar(select(func.count()).where(m.round_id == load.round_id))
            for m in (RoundItem, Ballot, Vote)
        }
        assert count == {"RoundItem": 36, "Ballot": 26, "Vote": 638}
        entry = s.scalar(select(AuditEntry).where(AuditEntry.entity == "voting_round"))
        assert (entry.action, entry.entity_id, entry.detail["votes"]) == ("imported", rnd.id, 638)


def test_a_second_load_of_the_same_conversation_is_refused_and_writes_nothing(db, export):
    room = build_room(db)
    polis.load_into_meeting(db, room.facilitator, room.meeting_id, export)
    before = _counts(db)
    with pytest.raises(ValidationError, match=r"already has the Pol\.is conversation"):
        polis.load_into_meeting(db, room.facilitator, room.meeting_id, export)
    assert _counts(db) == before


def test_a_load_into_another_meeting_reuses_the_groups(db, export):
    room = build_room(db)
    first = polis.load_into_meeting(db, room.facilitator, room.meeting_id, export)
    with db.write() as s:
        other = Meeting(initiative_id=room.initiative_id, title="Second", code="second")
        s.add(other)
        s.flush()
        other_id = other.id
    second = polis.load_into_meeting(db, room.facilitator, other_id, export)
    assert second.group_id_by_polis_group == first.group_id_by_polis_group
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Stakeholder)) == 2 + 4


def test_a_load_that_fails_halfway_leaves_nothing_behind(db, export):
    room = build_room(db)
    before = _counts(db)
    # A blank statement passes no parser, but the database refuses it after the groups,
    # voters and round were already flushed: the whole import must roll back.
    blank = polis_export.Statement(999, "  ", 1, datetime.now(UTC))
    broken = dataclasses.replace(export, statements=(*export.statements, blank))
    with pytest.raises(IntegrityError):
        polis.load_into_meeting(db, room.facilitator, room.meeting_id, broken)
    assert _counts(db) == before


def test_only_a_facilitator_may_import(db, export):
    room = build_room(db)
    before = _counts(db)
    with pytest.raises(PermissionDenied, match="Only a facilitator"):
        polis.load_into_meeting(db, room.scribe1, room.meeting_id, export)
    assert _counts(db) == before


def _polis_scores():
    """Straight from the CSV files: per statement, the Pol.is group-informed consensus.

    For each Pol.is opinion group g, A_g = its voters who agreed and S_g = its voters who
    voted at all (agree, disagree or pass); score = product over groups of (A_g+1)/(S_g+2),
    as in compdemocracy/polis math/src/polismath/math/conversation.clj. That file counts
    every group on every voted-on statement, so a group with no votes on one gives 1/2, and
    leaves out voters it could not place in a group. Exact, as Fractions.
    """
    latest = {}
    for row in _csv("votes.csv"):
        key = (row["voter-id"], row["comment-id"])
        if key not in latest or int(row["timestamp"]) >= latest[key][0]:
            latest[key] = (int(row["timestamp"]), int(row["vote"]))
    group = {row["participant"]: row["group-id"] or None for row in _csv("participants-votes.csv")}
    agreed, voted = defaultdict(int), defaultdict(int)
    for (voter, comment), (_, vote) in latest.items():
        voted[comment, group[voter]] += 1
        agreed[comment, group[voter]] += vote == 1
    polis_groups = sorted({g for g in group.values() if g is not None})
    statements = [row["comment-id"] for row in _csv("comments.csv") if row["moderated"] != "-1"]
    return {
        int(c): _product(Fraction(agreed[c, g] + 1, voted[c, g] + 2) for g in polis_groups)
        for c in statements
    }


def _product(factors):
    result = Fraction(1)
    for f in factors:
        result *= f
    return result


def test_common_ground_on_the_import_is_the_pol_is_consensus_score(db, export):
    room = build_room(db)
    load = polis.load_into_meeting(db, room.facilitator, room.meeting_id, export)
    comment_of = {i: c for c, i in load.idea_id_by_comment.items()}
    expected = _polis_scores()
    results = tallies.common_ground(db, SYSTEM, load.round_id)
    with db.read() as s:
        idea_of = dict(s.execute(select(RoundItem.id, RoundItem.idea_id)).all())
    ranked = [comment_of[idea_of[r.item_id]] for r in results]
    assert sorted(ranked) == sorted(expected)
    for r, comment in zip(results, ranked, strict=True):
        assert r.score == pytest.approx(float(expected[comment])), comment
    # Best first, by the independently computed score (ties may come in either order).
    assert [expected[c] for c in ranked] == sorted(expected.values(), reverse=True)


def test_voters_pol_is_left_ungrouped_vote_but_do_not_weigh_on_common_ground(db, export):
    room = build_room(db)
    load = polis.load_into_meeting(db, room.facilitator, room.meeting_id, export)
    by_group = tallies.by_group(db, SYSTEM, load.round_id)
    names = {g.group for row in by_group for g in row.groups}
    assert f"Pol.is voters without a group ({SHORT_TOPIC})" in names
    ranking = tallies.common_ground(db, SYSTEM, load.round_id)
    assert all(len(r.groups) == 3 for r in ranking)
    assert f"Pol.is voters without a group ({SHORT_TOPIC})" not in {
        g.group for r in ranking for g in r.groups
    }


def test_the_pol_is_ranking_and_the_room_agree_on_what_unites_the_groups(db, export):
    room = build_room(db)
    load = polis.load_into_meeting(db, room.facilitator, room.meeting_id, export)
    expected = _polis_scores()
    best = max(expected, key=expected.__getitem__)
    top = tallies.common_ground(db, SYSTEM, load.round_id)[0]
    text = "To provide incentives and to allow for true change to be made. Not just conversation"
    assert top.text == text
    with db.read() as s:
        assert s.get(Idea, load.idea_id_by_comment[best]).text == text
    # Every group leans in: all of groups 1 and 3 and 14 of 15 in group 2 agreed.
    assert [(g.supporters, g.voters) for g in top.groups] == [(3, 3), (14, 15), (3, 3)]


def _copy(tmp_path):
    folder = tmp_path / "export"
    # The shared data is read-only; the copy must not be, so tests can break it.
    shutil.copytree(DATA, folder, copy_function=shutil.copyfile)
    folder.chmod(0o755)
    return folder


def test_an_uploaded_export_reads_like_the_folder_and_a_missing_file_is_named():
    files = {name: (DATA / name).read_bytes() for name in polis_export.POLIS_FILES}
    plain = polis_export.read_uploaded(files)
    assert "CC BY 4.0" in plain.attribution
    files["ATTRIBUTION.md"] = (DATA / "ATTRIBUTION.md").read_bytes()
    assert polis_export.read_uploaded(files) == polis_export.read_export(DATA)
    assert dataclasses.replace(plain, attribution="") == dataclasses.replace(
        polis_export.read_export(DATA), attribution=""
    )
    del files["votes.csv"]
    with pytest.raises(ValidationError, match=r"Missing votes\.csv"):
        polis_export.read_uploaded(files)


TODAY = DATA.parent / "polis-london-youth-policing-today-names"
TODAY_ZIP = DATA.parent / "polis-london-youth-policing-today-names.zip"


def _without_credit(export):
    return dataclasses.replace(export, attribution="")


def test_today_s_dated_names_and_singular_matrix_read_like_the_open_data_names():
    # 2022-07-27-2156-9xxwa9jpkm-participant-votes.csv is participants-votes.csv.
    assert _without_credit(polis.read_export(TODAY)) == _without_credit(polis.read_export(DATA))
    files = {p.name: p.read_bytes() for p in TODAY.iterdir()}
    assert _without_credit(polis_export.read_uploaded(files)) == _without_credit(
        polis.read_export(DATA)
    )


def test_the_zip_pol_is_offers_reads_like_its_files():
    uploaded = polis_export.read_uploaded({TODAY_ZIP.name: TODAY_ZIP.read_bytes()})
    assert _without_credit(uploaded) == _without_credit(polis.read_export(DATA))
    assert uploaded.attribution == polis_export.DEFAULT_ATTRIBUTION


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("2025-06-19-1201-4kjxvmxb3-participant-votes.csv", "participants-votes.csv"),
        ("2025-06-19-1201-4kjxvmxb3-votes.csv", "votes.csv"),
        ("export/2025-06-19-1201-abc-comments.csv", "comments.csv"),
        ("Summary.csv", "summary.csv"),
        ("attribution.md", "ATTRIBUTION.md"),
        ("notes.csv", None),
        ("2025-06-19-1201-abc-stats.csv", None),
    ],
)
def test_each_pol_is_file_is_known_by_either_name(name, canonical):
    assert polis_export.export_name(name) == canonical


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_zip_that_unpacks_to_too_much_is_refused_before_it_is_all_read(monkeypatch):
    monkeypatch.setattr(polis_export, "ZIP_MAX_BYTES", 1024 * 1024)
    bomb = _zip({"votes.csv": b"0" * (5 * 1024 * 1024)})
    assert len(bomb) < 20_000
    with pytest.raises(ValidationError, match="unpacks to more than 1 MB"):
        polis_export.read_uploaded({"export.zip": bomb})


def test_a_zip_of_many_files_or_not_a_zip_is_refused_in_words():
    many = _zip({f"{n}.csv": b"x" for n in range(polis_export.ZIP_MAX_FILES + 1)})
    with pytest.raises(ValidationError, match=r"a Pol\.is export has 4 or 5"):
        polis_export.read_uploaded({"export.zip": many})
    with pytest.raises(ValidationError, match="is not a zip file that can be opened"):
        polis_export.read_uploaded({"export.zip": b"PK\x03\x04 not really"})


def test_two_different_files_under_one_name_are_refused():
    files = {p.name: p.read_bytes() for p in TODAY.iterdir()}
    files["comments.csv"] = b"comment-id,comment-body,moderated\n1,other,1\n"
    with pytest.raises(ValidationError, match=r"Two different files are comments\.csv"):
        polis_export.read_uploaded(files)


def test_a_comment_removed_by_the_moderator_with_no_words_is_kept_hidden(tmp_path):
    folder = _copy(tmp_path)
    rows = _csv("comments.csv")
    rows[0]["comment-body"], rows[0]["moderated"] = "", "0"
    with (folder / "comments.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    export = polis.read_export(folder)
    [removed] = [s for s in export.statements if s.comment_id == int(rows[0]["comment-id"])]
    assert removed.rejected and removed.text == polis_export.REMOVED_TEXT


def test_group_1_of_two_conversations_are_two_groups(db):
    room = build_room(db)
    first = polis.read_export(DATA)
    other = dataclasses.replace(
        first, topic="Should the city fund a youth advisory board?", conversation="4kjxvmxb3"
    )
    a = polis.load_into_meeting(db, room.facilitator, room.meeting_id, first)
    b = polis.load_into_meeting(db, room.facilitator, room.meeting_id, other)
    assert set(a.group_id_by_polis_group.values()).isdisjoint(b.group_id_by_polis_group.values())
    with db.read() as s:
        name = s.get(Stakeholder, b.group_id_by_polis_group[0]).name
    assert name == "Pol.is opinion group 1 (4kjxvmxb3)"
    # Without an id, the start of the topic tells the conversations apart.
    assert polis.group_name(None, other.topic) == (
        "Pol.is voters without a group (Should the city fund a youth advisory board?)"
    )


def test_votes_go_in_short_transactions_so_the_room_can_write_between_them(db, export, monkeypatch):
    # One transaction for half a million votes held SQLite's write lock for 25 s; each
    # batch is its own transaction, so a tap in the room waits for one batch at most.
    monkeypatch.setattr(polis, "VOTE_BATCH", 100)
    room = build_room(db)
    per_transaction: list[int] = []
    current = [0]

    def on_execute(conn, cursor, statement, parameters, context, executemany):
        if statement.startswith("INSERT INTO vote"):
            current[0] += len(parameters) if executemany else 1

    def on_commit(conn):
        per_transaction.append(current[0])
        current[0] = 0

    event.listen(db.engine, "before_cursor_execute", on_execute)
    event.listen(db.engine, "commit", on_commit)
    try:
        load = polis.load_into_meeting(db, room.facilitator, room.meeting_id, export)
    finally:
        event.remove(db.engine, "before_cursor_execute", on_execute)
        event.remove(db.engine, "commit", on_commit)
    with_votes = [n for n in per_transaction if n]
    assert sum(with_votes) == load.votes == 638
    assert max(with_votes) <= 100
    assert len(with_votes) == 7  # 638 votes in batches of 100


def test_an_import_that_fails_between_batches_is_removed_whole(db, export, monkeypatch):
    monkeypatch.setattr(polis, "VOTE_BATCH", 100)
    room = build_room(db)
    before = _counts(db)
    rows = polis._vote_rows

    def one_bad_row_late(started, export):
        found = rows(started, export)
        # A vote on an item that does not exist: the database refuses the fifth batch.
        found[450] = {**found[450], "round_item_id": 10**9}
        return found

    monkeypatch.setattr(polis, "_vote_rows", one_bad_row_late)
    with pytest.raises(IntegrityError):
        polis.load_into_meeting(db, room.facilitator, room.meeting_id, export)
    assert _counts(db) == before
    monkeypatch.setattr(polis, "_vote_rows", rows)
    # Nothing is left to block a clean import of the same conversation.
    assert polis.load_into_meeting(db, room.facilitator, room.meeting_id, export).votes == 638


def test_imported_voters_count_in_their_round_but_are_nobody_on_the_roster(db, export):
    from services.prepare import invitations, presession_report
    from services.setup import inclusion, participants

    room = build_room(db)
    fac = room.facilitator
    before = (
        [p.id for p in participants.list_participants(db, fac, room.initiative_id)],
        invitations.invitation_counts(db, fac, room.meeting_id),
        inclusion.inclusion_check(db, SYSTEM, room.initiative_id),
    )
    load = polis.load_into_meeting(db, fac, room.meeting_id, export)
    after = (
        [p.id for p in participants.list_participants(db, fac, room.initiative_id)],
        invitations.invitation_counts(db, fac, room.meeting_id),
        inclusion.inclusion_check(db, SYSTEM, room.initiative_id),
    )
    assert after == before
    report = presession_report.presession_report(db, fac, room.initiative_id)
    assert sum(g.invited for g in report.responses) == len(room.participant_ids)
    with db.read() as s:
        voter = s.get_one(Participant, load.participant_id_by_voter[1])
        assert voter.outside_voter
    # Their code opens no ballot here; their votes still count in the imported round.
    assert participants.participant_by_code(db, voter.code) is None
    assert sum(len(r.groups) for r in tallies.common_ground(db, SYSTEM, load.round_id)) > 0


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_statements_are_in_the_language_the_facilitator_said(db, export, language):
    """A Pol.is export does not say its language: the facilitator does, and a reader of
    the other language is told each statement is untranslated."""
    room = build_room(db)
    load = polis.load_into_meeting(db, room.facilitator, room.meeting_id, export, language)
    other = "en" if language == "es" else "es"
    ids = list(load.idea_id_by_comment.values())
    with db.read() as s:
        stored = translate.translations_for(s, "idea", ids, other)
        title = translate.translations_for(s, "voting_round", [load.round_id], other, "title")
    assert {stored[i].source_language for i in ids} == {language}
    assert title[load.round_id].source_language == language
