"""The printed invitation: two to a page, both personal links as QR and text, text escaped."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from components.sheets import PrintedBadge, badge_codes_html, invitation_sheet_html, when_and_where
from services.prepare.invitations import Invitation, MeetingHeading

ATTACK = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
BASE = "http://192.168.1.20:8501"
HEADING = MeetingHeading(
    "Riverside Initiative",
    "Community Session",
    datetime(2027, 1, 16, 15, 0, tzinfo=UTC),
    "Riverside Community Center",
)


def person(n: int, code: str | None = None, **fields) -> Invitation:
    code = code or f"K7QM4TP{'23456789'[n % 8]}"
    values = {
        "name": f"Person {n}",
        "group": "Residents",
        "table": n % 3 + 1,
        "code": code,
        "survey_link": f"{BASE}/survey?code={code}",
        "vote_link": f"{BASE}/vote?code={code}",
    }
    return Invitation(**(values | fields))


def articles(html: str) -> list[str]:
    return re.findall(r'<article class="invitation"[^>]*>.*?</article>', html, flags=re.S)


def test_two_invitations_to_a_page_and_a_last_page_for_an_odd_one():
    html = invitation_sheet_html(HEADING, [person(n) for n in range(5)])
    pages = html.split('<section class="page invitations">')[1:]
    assert [len(articles(p)) for p in pages] == [2, 2, 1]
    assert "@page { size: portrait; margin: 10mm; }" in html
    assert ".invitations { display: grid; grid-template-rows: 1fr 1fr; }" in html  # half each
    assert ".invitation + .invitation { border-top: 0.3mm dashed #767676; }" in html  # cut line
    assert "page-break-inside: avoid" in html


def test_each_invitation_carries_both_links_as_qr_codes_and_as_text():
    people = [person(1), person(2, code="old-style-code-1")]
    html = invitation_sheet_html(HEADING, people)
    for invitation, card in zip(people, articles(html), strict=True):
        survey, vote = invitation.survey_link, invitation.vote_link
        assert card.count("<svg ") == 2
        assert f"<title>QR code for {survey}</title>" in card
        assert f"<title>QR code for {vote}</title>" in card
        assert f'<p class="link">{survey}</p>' in card
        assert f'<p class="link">{vote}</p>' in card
        assert card.index(survey) < card.index(vote)  # the survey comes first, as in time
    first, second = articles(html)
    assert '<span class="code">K7QM-4TP3</span>' in first  # read in two groups of four
    assert "code=K7QM4TP3" in first  # the link keeps the stored form
    assert '<span class="code">old-style-code-1</span>' in second


def test_an_invitation_says_what_to_do_in_plain_words():
    [card] = articles(invitation_sheet_html(HEADING, [person(4)]))
    assert '<p class="initiative">Riverside Initiative</p><h1>Community Session</h1>' in card
    assert "Saturday, January 16, 2027, 3:00\u202fPM UTC · Riverside Community Center" in card
    assert 'For <strong class="person">Person 4</strong> · Residents · Table 2' in card
    assert "<h2>Before the meeting: tell us what matters to you</h2>" in card
    assert "<h2>At the meeting: vote from your phone</h2>" in card
    assert "Keep this private: anyone with this code can answer as you." in card


def test_when_and_where_leave_out_what_is_not_set():
    assert when_and_where(MeetingHeading("I", "M", None, "")) == ""
    assert when_and_where(MeetingHeading("I", "M", None, "Library")) == "Library"
    html = invitation_sheet_html(MeetingHeading("I", "M", None, ""), [person(1, table=None)])
    assert 'class="when"' not in html
    assert "Table" not in articles(html)[0]


def test_every_piece_of_user_text_is_escaped():
    heading = MeetingHeading(f"City {ATTACK}", f"Night {ATTACK}", None, f"Hall {ATTACK}")
    link = f"{BASE}/survey?code=a&x={ATTACK}"
    html = invitation_sheet_html(
        heading,
        [person(1, code=f"c{ATTACK}", name=ATTACK, group=f"Youth {ATTACK}", survey_link=link)],
    )
    assert "<script" not in html
    assert f'<strong class="person">{ESCAPED}</strong> · Youth {ESCAPED}' in html
    assert f'<p class="initiative">City {ESCAPED}</p><h1>Night {ESCAPED}</h1>' in html
    assert f'<p class="when">Hall {ESCAPED}</p>' in html
    assert f'<span class="code">c{ESCAPED}</span>' in html
    assert f"code=a&amp;x={ESCAPED}" in html
    assert f"<title>Invitations: Night {ESCAPED}</title>" in html


def test_the_sheet_is_self_contained_and_an_empty_roster_still_prints_a_page():
    html = invitation_sheet_html(HEADING, [person(1)])
    assert not re.search(r"<(link|img|script)\b", html)  # no fetches: prints offline
    empty = invitation_sheet_html(HEADING, [])
    assert empty.startswith("<!DOCTYPE html>")
    assert "No one to invite yet" in empty
    assert "<svg" not in empty


def test_badges_show_a_new_code_in_its_display_form_and_link_the_stored_one():
    link = f"{BASE}/vote?code=K7QM4TPX"
    html = badge_codes_html("Spring session", [PrintedBadge("Ana", "Youth", link, "en")])
    assert '<span class="what">Code</span> K7QM-4TPX</p>' in html
    assert f"<title>QR code for {link}</title>" in html


def test_an_invitation_says_the_hour_of_the_meetings_own_zone():
    chicago = datetime(2027, 1, 16, 18, 0, tzinfo=ZoneInfo("America/Chicago"))
    heading = MeetingHeading("I", "M", chicago, "Library")
    assert when_and_where(heading) == "Saturday, January 16, 2027, 6:00\u202fPM CST · Library"


def test_a_file_is_named_by_a_persons_name_in_plain_letters():
    from components.sheets import file_word

    assert file_word("Ana Ruíz") == "ana-ruiz"
    assert file_word("Zoë  O'Brien-Núñez") == "zoe-o-brien-nunez"
    assert file_word("李明") == ""  # nothing to write: the caller names it by number
