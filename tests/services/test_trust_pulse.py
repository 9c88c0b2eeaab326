"""Trust pulse: each group's mean before and after, per statement, with the counts behind them."""

import pytest

from db.models import Initiative, SurveyResponse
from db.models.enums import SurveyKind
from services.errors import PermissionDenied
from services.trust_pulse import TrustChange, trust_pulse
from tests.factories import build_room

SAFE = "I feel safe in my neighbourhood"
HEARD = "The police listen to people like me"


def answer(db, participant_id, kind, trust):
    """A response saved straight through the ORM: when a survey may be sent is not tested here."""
    with db.write() as s:
        s.add(SurveyResponse(participant_id=participant_id, kind=SurveyKind(kind), trust=trust))


@pytest.fixture
def room(db):
    room = build_room(db)
    with db.write() as s:
        s.get_one(Initiative, room.initiative_id).trust_statements = [SAFE, HEARD]
    # code-0 and code-2 are police, code-1 and code-3 residents.
    answer(db, room.participant_ids[0], "pre", {SAFE: 2, HEARD: 3})
    answer(db, room.participant_ids[2], "pre", {SAFE: 4})
    answer(db, room.participant_ids[0], "post", {SAFE: 4, HEARD: 4})
    answer(db, room.participant_ids[1], "pre", {SAFE: 1})
    return room


def test_means_changes_and_counts_per_statement_and_group(db, room):
    assert trust_pulse(db, room.facilitator, room.initiative_id) == [
        TrustChange(SAFE, "Police", 3.0, 2, 4.0, 1, 1.0),
        TrustChange(SAFE, "Residents", 1.0, 1, None, 0, None),
        TrustChange(HEARD, "Police", 3.0, 1, 4.0, 1, 1.0),
    ]


def test_a_group_with_only_answers_before_has_no_after_and_no_change(db, room):
    residents = [
        r for r in trust_pulse(db, room.leader, room.initiative_id) if r.group == "Residents"
    ]
    # Residents never answered HEARD: that pair is left out, not shown as zeros.
    assert [(r.statement, r.n_after, r.after, r.change) for r in residents] == [
        (SAFE, 0, None, None)
    ]


def test_a_group_that_only_answered_after_shows_n_before_zero(db, room):
    answer(db, room.participant_ids[3], "post", {HEARD: 5})
    rows = trust_pulse(db, room.facilitator, room.initiative_id)
    assert TrustChange(HEARD, "Residents", None, 0, 5.0, 1, None) in rows


def test_skipped_ratings_neither_move_the_mean_nor_count(db, room):
    # Residents: one real answer before (1, from the fixture), a skip stored as None before,
    # and after one real answer and one skip.
    answer(db, room.participant_ids[3], "pre", {SAFE: None, HEARD: None})
    answer(db, room.participant_ids[1], "post", {SAFE: 3})
    answer(db, room.participant_ids[3], "post", {SAFE: None})
    rows = trust_pulse(db, room.facilitator, room.initiative_id)
    assert TrustChange(SAFE, "Residents", 1.0, 1, 3.0, 1, 2.0) in rows
    # Residents only ever skipped HEARD: no row, rather than a row of zeros or of threes.
    assert [r for r in rows if (r.statement, r.group) == (HEARD, "Residents")] == []


def test_a_group_that_skipped_one_side_has_no_mean_there(db, room):
    answer(db, room.participant_ids[1], "post", {SAFE: None})
    rows = trust_pulse(db, room.facilitator, room.initiative_id)
    assert TrustChange(SAFE, "Residents", 1.0, 1, None, 0, None) in rows


def test_no_statements_or_no_answers_give_no_rows(db):
    room = build_room(db)
    assert trust_pulse(db, room.facilitator, room.initiative_id) == []


def test_a_scribe_is_refused(db, room):
    with pytest.raises(PermissionDenied, match="facilitator or a Thought Leader"):
        trust_pulse(db, room.scribe1, room.initiative_id)
