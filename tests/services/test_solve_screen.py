"""The solve screen's record: one read, for a facilitator or a scribe."""

import pytest

import i18n
from db.models.enums import ResponseModel, VoteMode
from services.converge import voting_ballots, voting_rounds
from services.converge.voting_items import round_items
from services.core.actors import SYSTEM
from services.core.errors import NotFound, PermissionDenied
from services.room import ideas, themes
from services.solve import best_practices, option_ratings, options, solve_screen
from tests.factories import build_elsewhere, build_room


def _solve(db, room):
    """Two programmes, an idea on the board, a confidential one, a theme, two options (one
    citing both programmes, rated by table 1) and a closed dot vote."""
    cahoots = best_practices.create_best_practice(
        db,
        room.facilitator,
        best_practices.BestPracticeFields(
            name="CAHOOTS", city="Eugene", model="civilian_responder", summary="Medics and workers"
        ),
    )
    star = best_practices.create_best_practice(
        db,
        room.facilitator,
        best_practices.BestPracticeFields(
            name="STAR",
            city="Denver",
            model="co_responder",
            summary="Clinicians with police",
            evidence="Fewer arrests",
            source_url="https://example.org/star",
        ),
    )
    lights = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Lights on Pine Street")
    )
    ideas.add_idea(
        db,
        room.scribe1,
        ideas.NewIdea(table_id=room.table1_id, text="A named officer", confidential=True),
    )
    crisis = ideas.add_idea(
        db, room.scribe2, ideas.NewIdea(table_id=room.table2_id, text="Crisis line first")
    )
    theme = themes.create_theme(db, room.facilitator, room.meeting_id, "Safety")
    first = options.create_option(
        db, room.scribe1, room.meeting_id, options.OptionFields(
            title="Co-responders at night", description="Teams of two", delivered_by="Police",
            impact=4, feasibility=2, cost_band="high", risks="Staffing", idea_id=lights.id,
        ), [star.id, cahoots.id],
    )  # fmt: skip
    options.create_option(
        db,
        room.facilitator,
        room.meeting_id,
        options.OptionFields(title="Crisis line", theme_id=theme.id),
    )
    option_ratings.rate_option(
        db,
        room.scribe1,
        first.id,
        room.table1_id,
        option_ratings.RatingFields(impact=5, feasibility=3),
    )
    rnd = voting_rounds.create_round(
        db,
        room.facilitator,
        room.meeting_id,
        voting_rounds.NewRound(
            title="Vote",
            mode=VoteMode.DOTS,
            budget=5,
            max_per_item=3,
            idea_ids=[lights.id, crisis.id],
        ),
    )
    voting_rounds.open_round(db, room.facilitator, rnd.id)
    lit, line = (i.id for i in round_items(db, SYSTEM, rnd.id))
    voting_ballots.set_dots(db, "code-0", line, 2)
    voting_ballots.set_dots(db, "code-1", line, 1)
    voting_ballots.set_dots(db, "code-1", lit, 1)
    voting_rounds.close_round(db, room.facilitator, rnd.id)
    return lights, crisis, theme, first


def test_without_the_option_form_the_board_s_ideas_are_not_read_as_topics(db):
    room = build_room(db)
    _solve(db, room)
    full = solve_screen.read(db, room.facilitator, room.meeting_id, None)
    bare = solve_screen.read(db, room.facilitator, room.meeting_id, None, with_topics=False)
    assert full.topics and bare.topics == ()
    assert (bare.top_of_the_vote, bare.options, bare.library) == (
        full.top_of_the_vote, full.options, full.library,
    )  # fmt: skip


@pytest.mark.parametrize("who", ["facilitator", "scribe1", "scribe2"])
def test_every_worker_reads_the_same_options_library_and_topics(db, who):
    room = build_room(db)
    lights, crisis, theme, first = _solve(db, room)
    screen = solve_screen.read(db, getattr(room, who), room.meeting_id, None)
    assert screen.top_of_the_vote is not None
    assert [n.text for n in screen.top_of_the_vote] == [
        "Crisis line first",
        "Lights on Pine Street",
    ]
    assert screen.topics == (
        (("idea", lights.id), "Lights on Pine Street"),
        (("idea", crisis.id), "Crisis line first"),
        (("theme", theme.id), "Theme: Safety"),
    )
    assert [p.name for p in screen.library] == ["CAHOOTS", "STAR"]
    assert [p.name for p in screen.programmes(ResponseModel.CO_RESPONDER)] == ["STAR"]
    assert len(screen.programmes()) == 2
    made, other = screen.options
    assert (made.id, made.title, made.delivered_by, made.impact, made.feasibility) == (
        first.id, "Co-responders at night", "Police", 4, 2,
    )  # fmt: skip
    assert made.cites == ("CAHOOTS", "STAR")
    assert made.score is not None and other.score is not None
    assert (made.score.ratings, made.score.mean_impact) == (1, 5.0)
    assert (other.title, other.cites, other.score.ratings) == ("Crisis line", (), 0)
    own = {"facilitator": None, "scribe1": (room.table1_id, 1), "scribe2": (room.table2_id, 2)}
    assert screen.rating_table == own[who]  # a scribe's page rates for their own table


def test_before_any_vote_there_is_no_top_and_a_table_page_rates_for_its_table(db):
    room = build_room(db)
    screen = solve_screen.read(db, room.facilitator, room.meeting_id, 2)
    assert (screen.top_of_the_vote, screen.options, screen.topics) == (None, (), ())
    assert screen.rating_table == (room.table2_id, 2)


def test_a_leader_an_outsider_and_another_meeting_s_table(db):
    room = build_room(db)
    away = build_elsewhere(db)
    with pytest.raises(PermissionDenied):
        solve_screen.read(db, room.leader, room.meeting_id, None)
    with pytest.raises(PermissionDenied):
        solve_screen.read(db, room.scribe1, away.meeting_id, None)
    with pytest.raises(NotFound, match="no table 7"):
        solve_screen.read(db, room.facilitator, room.meeting_id, 7)


def test_the_top_of_the_vote_reads_in_the_readers_language_and_says_which_is_a_translation(db):
    from services.translations import translate

    room = build_room(db)
    _lights, crisis, _theme, _first = _solve(db, room)
    translate.translate(
        db,
        room.facilitator,
        translate.Translation(kind="idea", entity_id=crisis.id, text="Primero la línea de crisis"),
    )
    with i18n.using("es"):
        screen = solve_screen.read(db, room.scribe1, room.meeting_id, None)
    assert screen.top_of_the_vote is not None
    first, second = screen.top_of_the_vote
    assert (first.text, first.translated, first.original) == (
        "Primero la línea de crisis",
        True,
        "Crisis line first",
    )
    assert (second.text, second.translated) == ("Lights on Pine Street", False)
