"""The pre-session report: response per group, counted words, interviews, Pol.is, HTML and PDF."""

import dataclasses
import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from db.models import Interview, Stakeholder, SurveyResponse
from db.models.enums import StakeholderCategory, SurveyKind
from services.converge import tallies
from services.core.actors import SYSTEM
from services.core.errors import PermissionDenied
from services.prepare import polis
from services.prepare.presession_document import HEADINGS, report_html, report_pdf, sections
from services.prepare.presession_report import (
    GroupResponse,
    InterviewNote,
    PreSessionReport,
    presession_report,
)
from tests.factories import build_room

pytestmark = pytest.mark.both_databases  # groups ordered by lower(name); counts; JSON answers

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "polis-london-youth-policing"
SCRIPT = "<script>alert('x')</script>"


def answer(db, participant_id, kind, **texts):
    """A response saved straight through the ORM: when a survey may be sent is not tested here."""
    with db.write() as s:
        s.add(SurveyResponse(participant_id=participant_id, kind=SurveyKind(kind), **texts))


@pytest.fixture
def room(db):
    room = build_room(db)
    people = room.participant_ids  # 0 and 2 police, 1 and 3 residents
    answer(db, people[0], "pre", top_issues="Speeding cars, speeding!", goals="Trust")
    answer(db, people[1], "pre", top_issues="Speeding and lighting", solutions="Lighting")
    answer(db, people[3], "pre", top_issues="Cars", solutions=SCRIPT)
    # Feedback after the meeting is not a pre-session response.
    answer(db, people[2], "post", top_issues="Parking", what_worked="Tables")
    with db.write() as s:
        s.add(
            Stakeholder(
                initiative_id=room.initiative_id, name="Youth", category=StakeholderCategory.YOUTH
            )
        )
        s.add_all([
            Interview(initiative_id=room.initiative_id, interviewee="Chief Ada",
                      held_on=date(2025, 3, 4), notes="n", themes=f"Staffing {SCRIPT}"),
            Interview(initiative_id=room.initiative_id, interviewee="Secret Source",
                      notes="n", themes="Hidden theme", confidential=True),
        ])  # fmt: skip
    return room


def test_response_rate_per_group_counts_pre_answers_against_participants(db, room):
    report = presession_report(db, room.facilitator, room.initiative_id)
    assert report.responses == (
        GroupResponse("Police", 2, 1, 0.5),
        GroupResponse("Residents", 2, 2, 1.0),
        GroupResponse("Youth", 0, 0, None),
    )


def test_issues_solutions_and_goals_are_counted_words(db, room):
    report = presession_report(db, room.leader, room.initiative_id)
    # How many answers use each word: "Speeding cars, speeding!" counts "speeding" once.
    assert report.top_issues == {"speeding": 2, "cars": 2, "lighting": 1}
    # Most used first, ties alphabetical; markup's tag names are no word.
    assert list(report.solutions.items()) == [("alert", 1), ("lighting", 1)]
    assert report.goals == {"trust": 1}


def test_confidential_interviews_are_left_out(db, room):
    report = presession_report(db, room.facilitator, room.initiative_id)
    assert report.interviews == (
        InterviewNote("Chief Ada", date(2025, 3, 4), f"Staffing {SCRIPT}"),
    )
    assert "Secret Source" not in report_html(report)
    assert "Hidden theme" not in report_html(report)


def test_without_polis_the_report_says_so(db, room):
    report = presession_report(db, room.facilitator, room.initiative_id)
    assert report.polis is None
    assert "No Pol.is conversation was imported" in report_html(report)


def test_an_imported_polis_round_gives_what_unites_and_divides(db, room):
    load = polis.load_into_meeting(db, room.facilitator, room.meeting_id, polis.read_export(DATA))
    report = presession_report(db, room.facilitator, room.initiative_id)
    ranking = tallies.common_ground(db, SYSTEM, load.round_id)
    assert report.polis is not None
    assert report.polis.title.startswith("Pol.is: ")
    # The same ranking tallies gives, split into the five best that unite and that divide.
    assert list(report.polis.unite) == [r for r in ranking if not r.divides][:5]
    assert len(report.polis.unite) == 5
    assert report.polis.divide and all(r.divides for r in report.polis.divide)
    spreads = [r.spread for r in report.polis.divide]
    assert spreads == sorted(spreads, reverse=True)
    groups = {g.group for r in report.polis.unite for g in r.groups}
    assert groups == {polis.group_name(n, "9xxwa9jpkm") for n in range(3)}
    assert "CC BY 4.0" in report.polis.attribution
    html = report_html(report)
    assert report.polis.unite[0].text.split()[0] in html
    assert "compdemocracy.org/polis" in html


def test_the_html_escapes_peoples_text_and_has_every_heading(db, room):
    with db.write() as s:
        s.add(Stakeholder(initiative_id=room.initiative_id, name="<b>Bold</b> group",
                          category=StakeholderCategory.OTHER))  # fmt: skip
    html = report_html(presession_report(db, room.facilitator, room.initiative_id))
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en">' in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>Bold</b>" not in html and "&lt;b&gt;Bold&lt;/b&gt; group" in html
    for heading in HEADINGS:
        assert f"<h2>{heading}</h2>" in html
    assert "<caption>" in html and '<th scope="col">' in html and '<th scope="row">' in html


def test_the_pdf_opens_and_has_every_heading(db, room):
    polis.load_into_meeting(db, room.facilitator, room.meeting_id, polis.read_export(DATA))
    data = report_pdf(presession_report(db, room.facilitator, room.initiative_id))
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    flat = " ".join(text.split())
    for heading in HEADINGS:
        assert heading in flat
    assert "Chief Ada" in flat and "Secret Source" not in flat
    assert "Mar 4, 2025" in flat  # the interview's day as the reader writes it, not 2025-03-04
    assert "CC BY 4.0" in flat


def test_a_scribe_is_refused(db, room):
    with pytest.raises(PermissionDenied, match="facilitator or a Thought Leader"):
        presession_report(db, room.scribe1, room.initiative_id)


def test_the_word_sections_carry_a_word_cloud_with_its_words_in_text(db):
    from services.prepare.presession_document import word_clouds

    room = build_room(db)
    with db.write() as s:
        for pid in room.participant_ids:
            s.add(
                SurveyResponse(
                    participant_id=pid, kind=SurveyKind.PRE, top_issues="response times police"
                )
            )
    report = presession_report(db, room.facilitator, room.initiative_id)
    clouds = word_clouds(report)
    png, alt = clouds["Top issues"]
    assert png.startswith(b"\x89PNG")
    assert "response (4)" in alt
    assert 'alt="Word cloud of top issues: ' in report_html(report)
    assert "Solutions" not in clouds  # no words, no picture


@pytest.mark.parametrize("missing", ["groups", "votes"])
def test_a_conversation_without_groups_or_votes_claims_no_common_ground(db, missing):
    room = build_room(db)
    export = polis.read_export(DATA)
    if missing == "groups":
        export = dataclasses.replace(export, groups=dict.fromkeys(export.groups))
    else:
        export = dataclasses.replace(export, votes=())
    polis.load_into_meeting(db, room.facilitator, room.meeting_id, export)
    report = presession_report(db, room.facilitator, room.initiative_id)
    assert report.polis is not None and report.polis.not_computed is not None
    assert report.polis.unite == () and report.polis.divide == ()
    assert report.polis.not_computed.startswith("No common ground can be computed yet")
    assert "No common ground can be computed yet" in report_html(report)


@pytest.mark.parametrize("groups", [9, 12, 21])
def test_no_heading_of_the_pdf_is_left_alone_at_the_foot_of_a_page(groups):
    """A word cloud's picture goes to the next page whole when it does not fit: its heading
    goes with it (with 9 or 12 groups, "Solutions" sat alone at page 1's foot)."""
    report = PreSessionReport(
        initiative="Eastside", city="Eastside",
        responses=tuple(GroupResponse(f"Group {n}", 4, 2, 0.5) for n in range(groups)),
        top_issues={"speeding": 5, "lighting": 3, "trust": 2}, solutions={"patrols": 2},
        goals={"trust": 4}, interviews=(), polis=None,
    )  # fmt: skip
    titles = {title for title, _content in sections(report)}
    pages = PdfReader(io.BytesIO(report_pdf(report))).pages
    for page in pages[:-1]:
        *_before, last, _footer = page.extract_text().strip().splitlines()
        assert last.strip() not in titles, f"{last!r} alone at the foot of a page"


def test_each_trust_mean_says_its_answer_scale(db):
    # "How often" questions run 1 to 4, the others 1 to 5: a 2.9 of one read as a 2.9 of
    # the other in the PDF (a helper's walk).
    from db.models import Initiative
    from services.prepare.trust_items import PROCEDURAL_JUSTICE
    from tests.trust_answers import add_people, answer_all

    room = build_room(db)
    safe, respect = "I feel safe here", PROCEDURAL_JUSTICE[0]
    with db.write() as s:
        s.get_one(Initiative, room.initiative_id).trust_statements = [safe, respect.wording]
    police = add_people(db, room.initiative_id, room.police_id, 5, "pol")
    answer_all(db, police, "pre", [{safe: 3, respect.key: 2}] * 5)
    report = presession_report(db, room.facilitator, room.initiative_id)
    text = " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(report_pdf(report))).pages).split()
    )
    assert "Mean: 3.0 · Answered: 5 · Answer scale: 1 strongly disagree – 5 strongly agree" in text
    assert "Mean: 2.0 · Answered: 5 · Answer scale: 1 not at all often – 4 very often" in text
