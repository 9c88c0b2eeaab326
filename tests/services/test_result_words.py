"""Results said as people read them: whole percentages and counts, never a bare 0.000."""

import io

import pytest
from pypdf import PdfReader

from db.models import Participant, Stakeholder
from db.models.enums import StakeholderCategory, VoteMode
from services.converge import result_words, voting_ballots, voting_rounds
from services.converge.voting_counts import Counts
from services.converge.voting_items import round_items
from services.core.actors import SYSTEM
from services.review.meeting_record import collect
from services.review.meeting_report import meeting_report_pdf
from services.room import ideas
from tests.factories import build_room

EIGHT = ["Mayor's Office", "Police Department", "City Council", "Commission",
         "Residents who call 911", "Youth", "Social services", "Bridge builders"]  # fmt: skip


@pytest.mark.parametrize(
    ("share", "said"),
    [(None, "no votes"), (0.0, "0%"), (0.003, "under 1%"), (0.724, "72%"), (0.997, "over 99%"),
     (1.0, "100%")],
)  # fmt: skip
def test_a_share_is_a_whole_percentage_and_never_a_false_zero_or_hundred(share, said):
    assert result_words.percent(share) == said


def test_agree_disagree_support_is_the_agree_share_of_the_votes_cast():
    said = result_words.support("agree_disagree", Counts(agree=18, disagree=5, passed=2, voters=25))
    assert said == "agree 72% · 25 votes"
    assert (
        result_words.support(VoteMode.AGREE_DISAGREE, Counts(agree=1, voters=1))
        == "agree 100% · 1 vote"
    )
    assert result_words.support("agree_disagree", Counts()) == "no votes yet"


def test_dot_support_counts_dots_and_voters_in_the_right_number():
    assert result_words.support("dots", Counts(dots=12, voters=7)) == "12 dots from 7 voters"
    assert result_words.support(VoteMode.DOTS, Counts(dots=1, voters=1)) == "1 dot from 1 voter"
    assert result_words.support("dots", Counts()) == "no votes yet"
    with pytest.raises(ValueError, match="Unknown voting mode"):
        result_words.support("ranked", Counts())


def test_a_needed_score_is_a_whole_number_or_one_decimal():
    assert [result_words.number(v) for v in (4.0, 4.04, 4.25, 0.0004, 3.96)] == [
        "4", "4", "4.2", "0", "4",
    ]  # fmt: skip


def test_the_least_backing_group_and_each_groups_share_in_words():
    assert result_words.least_backed([("Police", 0.8), ("Youth", 0.4), ("Mayor", None)]) == (
        "Youth (40%)"
    )
    assert result_words.least_backed([("Police", None)]) == ""
    same = result_words.least_backed([("Police", 1.0), ("Youth", 1.0)])
    assert same == "every group equally (100%)"
    assert result_words.backing(same) == "backed by every group equally (100%)"
    assert result_words.backing("Youth (40%)") == "least backed by Youth (40%)"
    assert result_words.backing("") == ""
    assert result_words.group_share("Police", 3, 4) == "Police 3 of 4 (75%)"
    assert result_words.group_share("Youth", 0, 0) == "Youth: no votes"


def _eight_group_vote(db):
    """One agree/disagree item voted by one person in each of eight groups: 2 agree."""
    room = build_room(db)
    with db.write() as s:
        for i, name in enumerate(EIGHT):
            group = Stakeholder(
                initiative_id=room.initiative_id, name=name, category=StakeholderCategory.OTHER
            )
            s.add(group)
            s.flush()
            s.add(Participant(initiative_id=room.initiative_id, stakeholder_id=group.id,
                              name=f"V{i}", code=f"eight-{i}"))  # fmt: skip
    idea = ideas.add_idea(
        db,
        room.scribe1,
        ideas.NewIdea(table_id=room.table1_id, text="Crisis line answered by clinicians"),
    )
    rnd = voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(title="Agree?", mode=VoteMode.AGREE_DISAGREE, idea_ids=[idea.id]),
    )
    voting_rounds.open_round(db, room.facilitator, rnd.id)
    [item] = round_items(db, SYSTEM, rnd.id)
    for i in range(8):
        voting_ballots.choose(db, f"eight-{i}", item.id, "agree" if i < 2 else "disagree")
    return room


def test_the_record_says_support_in_words_where_the_score_would_read_zero(db):
    room = _eight_group_vote(db)
    row = collect(db, room.leader, room.meeting_id).frames["Common ground"].iloc[0]
    assert row["Support"] == "agree 25% · 8 votes"
    assert row["Least backed by"] == "Bridge builders (0%)"
    assert "Mayor's Office 1 of 1 (100%)" in row["Group shares"]
    assert "Score" not in row.index


def test_the_meeting_report_shows_no_0_000_and_reads_as_people_speak(db):
    room = _eight_group_vote(db)
    data = meeting_report_pdf(db, room.leader, room.meeting_id)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    text = " ".join(text.split())
    assert "0.000" not in text and "Score" not in text
    assert "1. Crisis line answered by clinicians" in text
    assert "Agree 25% · 8 votes · least backed by Bridge builders (0%)." in text
    assert "By group: Bridge builders 0 of 1 (0%);" in text
